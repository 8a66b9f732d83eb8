#include "delineo/core/SlicerSegments.h"
#include "delineo/core/ClassPalette.h"
#include "delineo/core/Errors.h"
#include "delineo/core/LabelFiles.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace delineo::core {

std::vector<SlicerSegment> slicerSegments(const std::map<std::string, std::string>& header)
{
    std::vector<SlicerSegment> out;
    // Slicer lists segment n while SegmentN_ID is there; older files may carry only the name.
    for (int n = 0;; ++n) {
        const std::string key = "Segment" + std::to_string(n) + "_";
        const auto id = header.find(key + "ID");
        const auto name = header.find(key + "Name");
        if (id == header.end() && name == header.end())
            break;
        SlicerSegment s;
        s.cls.label = n + 1;
        if (const auto v = header.find(key + "LabelValue"); v != header.end())
            s.cls.label = std::atoi(v->second.c_str());
        if (const auto v = header.find(key + "Layer"); v != header.end())
            s.layer = std::atoi(v->second.c_str());
        s.cls.name = name != header.end() ? name->second : id->second;
        const Rgb fallback = paletteColour(std::size_t(n));
        double rgb[3] = {fallback[0] / 255.0, fallback[1] / 255.0, fallback[2] / 255.0};
        if (const auto v = header.find(key + "Color"); v != header.end()) {
            std::istringstream in(v->second);
            in >> rgb[0] >> rgb[1] >> rgb[2];
        }
        const auto byte = [](double x) { return static_cast<std::uint8_t>(std::lround(std::clamp(x, 0.0, 1.0) * 255)); };
        s.cls.r = byte(rgb[0]);
        s.cls.g = byte(rgb[1]);
        s.cls.b = byte(rgb[2]);
        if (s.cls.label >= 1 && s.cls.label <= 255 && s.layer >= 0)
            out.push_back(s);
    }
    return out;
}

std::vector<LabelMap> flattenSegmentLayers(std::vector<std::vector<LabelMap>> layers,
                                           const std::vector<SlicerSegment>& segments,
                                           std::vector<WorkspaceClass>& classes, std::size_t& overlapping)
{
    overlapping = 0;
    classes.clear();
    if (layers.empty())
        return {};
    // Segments keep their values unless two layers use the same one.
    bool shared = false;
    for (std::size_t i = 0; i < segments.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            shared = shared || segments[i].cls.label == segments[j].cls.label;
    if (shared && segments.size() > 255)
        throw ImageError(ErrorCode::UnsupportedFormat, std::to_string(segments.size()) + " segments: a label map holds 255");
    std::vector<std::array<int, 256>> labelOf(layers.size());
    std::array<bool, 256> taken{};
    for (auto& l : labelOf)
        l.fill(-1);
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const SlicerSegment& s = segments[i];
        if (std::size_t(s.layer) >= layers.size())
            continue;
        WorkspaceClass c = s.cls;
        c.label = shared ? int(i) + 1 : s.cls.label;
        labelOf[std::size_t(s.layer)][std::size_t(s.cls.label)] = c.label;
        taken[std::size_t(c.label)] = true;
        classes.push_back(c);
    }
    // Values no segment describes keep theirs where it is free, else the next free label.
    const auto labelFor = [&](std::size_t layer, std::uint8_t v) {
        int& l = labelOf[layer][v];
        if (l >= 0)
            return l;
        int pick = taken[v] ? 0 : v;
        for (int c = 1; pick == 0 && c <= 255; ++c)
            if (!taken[std::size_t(c)])
                pick = c;
        if (pick == 0)
            throw ImageError(ErrorCode::UnsupportedFormat, "more labels than a label map holds (255)");
        taken[std::size_t(pick)] = true;
        return l = pick;
    };
    if (layers.size() == 1 && !shared) // values kept: the layer is the map
        return std::move(layers[0]);
    std::vector<LabelMap> out;
    const std::size_t slices = layers[0].size();
    for (std::size_t z = 0; z < slices; ++z) {
        LabelMap m(layers[0][z].width, layers[0][z].height);
        for (std::size_t i = 0; i < m.labels.size(); ++i) {
            int label = 0;
            bool both = false;
            for (std::size_t l = 0; l < layers.size(); ++l)
                if (const std::uint8_t v = layers[l][z].labels[i]) {
                    const int mine = labelFor(l, v);
                    both = both || (label && label != mine);
                    label = mine; // the last layer's segment shows
                }
            overlapping += both;
            m.labels[i] = static_cast<std::uint8_t>(label);
        }
        out.push_back(std::move(m));
    }
    return out;
}

std::map<std::string, std::string> slicerSegmentFields(const std::vector<LabelMap>& slices,
                                                       const std::vector<WorkspaceClass>& classes)
{
    // Each label's extent in voxels (x0 x1 y0 y1 z0 z1), as Slicer crops a segment to it.
    std::array<std::array<int, 6>, 256> box;
    for (auto& b : box)
        b = {1 << 30, -1, 1 << 30, -1, 1 << 30, -1};
    for (std::size_t z = 0; z < slices.size(); ++z) {
        const LabelMap& m = slices[z];
        for (int y = 0; y < m.height; ++y)
            for (int x = 0; x < m.width; ++x)
                if (const std::uint8_t l = m.labels[std::size_t(y) * m.width + x]) {
                    auto& b = box[l];
                    b = {std::min(b[0], x), std::max(b[1], x), std::min(b[2], y), std::max(b[3], y),
                         std::min(b[4], int(z)), std::max(b[5], int(z))};
                }
    }
    std::vector<WorkspaceClass> all;
    for (const WorkspaceClass& c : classes)
        if (c.label >= 1 && c.label <= 255)
            all.push_back(c);
    for (const WorkspaceClass& c : unnamedLabels(slices, all))
        all.push_back(c);
    std::map<std::string, std::string> f;
    f["Segmentation_MasterRepresentation"] = "Binary labelmap";
    f["Segmentation_ContainedRepresentationNames"] = "Binary labelmap|";
    f["Segmentation_ReferenceImageExtentOffset"] = "0 0 0";
    for (std::size_t n = 0; n < all.size(); ++n) {
        const WorkspaceClass& c = all[n];
        const std::string key = "Segment" + std::to_string(n) + "_";
        std::ostringstream colour, extent;
        colour << c.r / 255.0 << ' ' << c.g / 255.0 << ' ' << c.b / 255.0;
        const auto& b = box[std::size_t(c.label)];
        if (b[1] < 0)
            extent << "0 -1 0 -1 0 -1";
        else
            extent << b[0] << ' ' << b[1] << ' ' << b[2] << ' ' << b[3] << ' ' << b[4] << ' ' << b[5];
        f[key + "ID"] = "Segment_" + std::to_string(c.label);
        f[key + "Name"] = c.name;
        f[key + "NameAutoGenerated"] = "0";
        f[key + "Color"] = colour.str();
        f[key + "ColorAutoGenerated"] = "0";
        f[key + "LabelValue"] = std::to_string(c.label);
        f[key + "Layer"] = "0";
        f[key + "Extent"] = extent.str();
    }
    return f;
}

} // namespace delineo::core
