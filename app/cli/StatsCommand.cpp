// delineo-cli stats: per class, the volume (mL; an image on its own: the area, mm²), voxels, slice
// range, 3D pieces and the values under it (mean, SD, range) of every annotated image of a
// workspace, as the Structures panel shows them, and the rulers and outlines kept with it.
#include "Commands.h"
#include "delineo/core/AnnotationDocument.h"
#include "delineo/core/Errors.h"
#include "delineo/core/MeasurementFigure.h"
#include "delineo/core/Reader.h"
#include "delineo/core/Rendering.h"
#include "delineo/core/VolumeOps.h"
#include "delineo/core/Workspace.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace delineo::cli {

namespace {

// The image with the workspace's newest mask of each slice.
core::AnnotationDocument documentOf(const core::Workspace& ws, const core::ImageEntry& image)
{
    core::AnnotationDocument doc;
    // loadVolume: one series of a folder holding several is stored as FOLDER#series=NAME.
    doc.open(core::loadVolume(image.path), "", ws.numForeground());
    for (const auto& [z, kind] : ws.latestKinds(image.id))
        if (z >= 0 && z < doc.depth())
            if (auto rev = ws.latestMask(image.id, z); rev && rev->labels.width == doc.volume().width() &&
                                                       rev->labels.height == doc.volume().height())
                doc.editor(z).reset(std::move(rev->labels));
    return doc;
}

} // namespace

int runStats(const CliArgs& args)
{
    const auto ws = core::Workspace::openExisting(args.require("workspace"));
    const auto classes = ws->classes();
    const auto& wanted = args.positional();
    const auto named = [&](const std::string& path) {
        return wanted.empty() || std::any_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
                   std::error_code ec;
                   return w == path || std::filesystem::equivalent(w, path, ec);
               });
    };
    nlohmann::json all = nlohmann::json::array();
    for (const auto& c : ws->cases())
        for (const auto& image : ws->images(c.id)) {
            const auto kept = ws->measurements(image.id);
            if (!named(image.path) || (ws->latestKinds(image.id).empty() && kept.empty()))
                continue;
            const core::AnnotationDocument doc = documentOf(*ws, image);
            const auto& g = doc.volume().geometry;
            nlohmann::json structures = nlohmann::json::array();
            for (const auto& s : core::structureStats(doc, ws->numForeground())) {
                nlohmann::json j{{"label", s.label},          {"name", core::classNameOf(classes, s.label)},
                                 {"voxels", s.voxels},        {"components", s.components},
                                 {"volume_known", s.volumeKnown}};
                j["volume_ml"] = s.volumeKnown ? nlohmann::json(s.volumeMl) : nlohmann::json();
                // One image (a picture, an MR slice on its own): an area, as the Structures panel
                // gives it; its volume would be a guess at its thickness.
                if (doc.depth() == 1)
                    j["area_mm2"] = s.areaMm2 ? nlohmann::json(*s.areaMm2) : nlohmann::json();
                // Slice numbers count from 1, as the window shows them.
                j["slices"] = s.voxels ? nlohmann::json::array({s.firstSlice + 1, s.lastSlice + 1}) : nlohmann::json();
                // Where the window's double-click goes: column and row from 0, the slice from 1.
                j["centre"] = s.centre ? nlohmann::json{{"x", s.centre->x}, {"y", s.centre->y}, {"slice", s.centre->z + 1}}
                                       : nlohmann::json();
                // The image's values under the class (HU on CT); null where there are none to read.
                j["values"] = s.valuesKnown ? nlohmann::json{{"mean", s.mean}, {"sd", s.sd}, {"min", s.min}, {"max", s.max}}
                                            : nlohmann::json();
                structures.push_back(j);
            }
            nlohmann::json measurements = nlohmann::json::array();
            for (const auto& m : kept) {
                const core::MeasurementFigure f = core::measurementFigure(doc.volume(), m, true);
                nlohmann::json j{{"kind", m.closed ? "area" : "ruler"}, {"label", m.label}, {"author", m.author}, {"created", m.created}};
                j["plane"] = f.found ? nlohmann::json(core::planeName(f.plane)) : nlohmann::json();
                j["slice"] = f.found ? nlohmann::json(f.index + 1) : nlohmann::json();
                j["resampled"] = f.alongPatient; // a plane along the patient, not through the voxels
                j[m.closed ? "area_mm2" : "length_mm"] = f.found && g.spacingKnown ? nlohmann::json(f.value) : nlohmann::json();
                // An outline's values on its plane, as the window shows them (HU on CT); null: none to read.
                const core::RegionStats& v = f.values;
                if (m.closed)
                    j["values"] = v.pixels ? nlohmann::json{{"mean", v.mean}, {"sd", v.sd}, {"min", v.min}, {"max", v.max}, {"pixels", v.pixels}}
                                           : nlohmann::json();
                measurements.push_back(j);
            }
            all.push_back({{"case", c.name},
                           {"image", image.path},
                           {"size", {doc.volume().width(), doc.volume().height(), doc.depth()}},
                           {"spacing_mm", g.spacingKnown ? nlohmann::json::array({g.spacing[0], g.spacing[1], g.spacing[2]})
                                                         : nlohmann::json()},
                           {"value_unit", core::valueUnit(doc.slice(0))},
                           {"structures", structures},
                           {"measurements", measurements}});
        }
    if (all.empty())
        throw core::ImageError(core::ErrorCode::NotFound, wanted.empty() ? "the workspace holds no masks or measurements"
                                                                         : "none of those images has a mask or a measurement in the workspace");
    if (args.has("json")) {
        std::printf("%s\n", nlohmann::json{{"workspace", ws->folder()}, {"images", all}}.dump(2).c_str());
        return 0;
    }
    for (const auto& im : all) {
        std::printf("%s  (%s, %d x %d x %d)\n", im["image"].get<std::string>().c_str(), im["case"].get<std::string>().c_str(),
                    im["size"][0].get<int>(), im["size"][1].get<int>(), im["size"][2].get<int>());
        const std::string unit = im["value_unit"];
        const bool flat = im["size"][2].get<int>() == 1;
        // "²" takes two bytes and one column: the field is one byte wider for an area.
        std::printf("  %-16s %*s %10s %9s %7s  %s\n", "class", flat ? 13 : 12, flat ? "area (mm²)" : "volume (mL)", "voxels",
                    "slices", "pieces", unit.empty() ? "mean ± SD" : ("mean ± SD (" + unit + ")").c_str());
        for (const auto& s : im["structures"]) {
            const auto& size = s[flat ? "area_mm2" : "volume_ml"];
            const std::string volume = size.is_null() ? "unknown" : [&] {
                char b[32];
                std::snprintf(b, sizeof b, flat ? "%.1f" : "%.2f", size.get<double>());
                return std::string(b);
            }();
            const std::string slices = s["slices"].is_null() ? "-"
                                                             : std::to_string(s["slices"][0].get<int>()) + "-" +
                                                                   std::to_string(s["slices"][1].get<int>());
            char values[64] = "-";
            if (!s["values"].is_null())
                std::snprintf(values, sizeof values, "%.1f ± %.1f", s["values"]["mean"].get<double>(), s["values"]["sd"].get<double>());
            std::printf("  %-16s %12s %10llu %9s %7d  %s\n", s["name"].get<std::string>().c_str(), volume.c_str(),
                        static_cast<unsigned long long>(s["voxels"].get<std::uint64_t>()), slices.c_str(),
                        s["components"].get<int>(), values);
        }
        for (const auto& m : im["measurements"]) {
            const bool area = m["kind"] == "area";
            const auto& value = m[area ? "area_mm2" : "length_mm"];
            char figure[48] = "unknown";
            if (!value.is_null())
                std::snprintf(figure, sizeof figure, area ? "%.1f mm²" : "%.1f mm", value.get<double>());
            const std::string where = m["plane"].is_null() ? std::string("off the planes")
                                                           : m["plane"].get<std::string>() + " " + std::to_string(m["slice"].get<int>());
            // "²" takes two bytes and one column: the field is one byte wider for an area.
            const std::string label = m["label"];
            char values[96] = "";
            if (area && !m["values"].is_null())
                std::snprintf(values, sizeof values, "  mean %.1f ± %.1f%s%s (%g to %g, %llu px)", m["values"]["mean"].get<double>(),
                              m["values"]["sd"].get<double>(), unit.empty() ? "" : " ", unit.c_str(), m["values"]["min"].get<double>(),
                              m["values"]["max"].get<double>(), static_cast<unsigned long long>(m["values"]["pixels"].get<std::uint64_t>()));
            std::printf("  %-16s %-16s %*s  %s %s%s%s\n", area ? "area" : "ruler", where.c_str(), area ? 15 : 14, figure,
                        m["author"].get<std::string>().c_str(), m["created"].get<std::string>().c_str(),
                        label.empty() ? "" : ("  \"" + label + "\"").c_str(), values);
        }
    }
    return 0;
}

} // namespace delineo::cli
