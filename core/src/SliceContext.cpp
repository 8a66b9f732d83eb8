#include "delineo/core/SliceContext.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/Rendering.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <set>

namespace delineo::core {

std::vector<int> contextIndices(int depth, int index, int slices)
{
    std::vector<int> out;
    const int half = std::max(0, slices / 2);
    const int last = std::max(0, depth - 1);
    for (int d = -half; d <= half; ++d) {
        int z = index + d;
        z = z < 0 ? -z : (z > last ? 2 * last - z : z); // mirrored at the ends
        out.push_back(std::clamp(z, 0, last));
    }
    return out;
}

Image stackSlices(const std::vector<Image>& slices, int channels)
{
    if (slices.empty())
        throw ImageError(ErrorCode::WrongSize, "no slices to stack");
    const Image& middle = slices[slices.size() / 2];
    Image out;
    out.width = middle.width;
    out.height = middle.height;
    out.channels = channels * static_cast<int>(slices.size());
    out.type = PixelType::U8;
    out.spacingX = middle.spacingX;
    out.spacingY = middle.spacingY;
    out.spacingKnown = middle.spacingKnown;
    out.path = middle.path;
    out.modality = middle.modality;
    out.bytes.resize(middle.pixelCount() * static_cast<std::size_t>(out.channels));
    const std::size_t stride = static_cast<std::size_t>(out.channels);
    for (std::size_t s = 0; s < slices.size(); ++s) {
        const Image& img = slices[s];
        if (img.width != out.width || img.height != out.height)
            throw ImageError(ErrorCode::WrongSize, "slice " + img.path + " is " + std::to_string(img.width) + "x" +
                                                       std::to_string(img.height) + ", its neighbour " + middle.path +
                                                       " " + std::to_string(out.width) + "x" + std::to_string(out.height));
        const std::vector<std::uint8_t> px = modelInput8(img, channels);
        for (std::size_t p = 0; p < middle.pixelCount(); ++p)
            for (int c = 0; c < channels; ++c)
                out.bytes[p * stride + s * channels + c] = px[p * channels + c];
    }
    return out;
}

Image modelInputImage(const Volume& volume, int index, const ml::ModelConfig& config)
{
    if (config.contextSlices <= 1) {
        const Image& img = volume.slice(index);
        Image out;
        out.width = img.width;
        out.height = img.height;
        out.channels = img.channels;
        out.path = img.path;
        out.modality = img.modality;
        out.bytes = modelInput8(img);
        return out;
    }
    // Copied one at a time: a streamed video's slice() reference lasts only a few calls.
    std::vector<Image> copies;
    for (int z : contextIndices(volume.depth(), index, config.contextSlices))
        copies.push_back(volume.slice(z));
    return stackSlices(copies, config.inChannels);
}

ml::Prediction predictSlice(const ml::Segmenter& model, const Volume& volume, int index, const ml::PredictOptions& options)
{
    return model.predict(viewOf(modelInputImage(volume, index, model.config())), options);
}

LabelMap toLabelMap(ml::Prediction&& p)
{
    LabelMap m;
    m.width = p.width;
    m.height = p.height;
    m.labels = std::move(p.labels);
    return m;
}

namespace {

// A file name cut into its numbers and the text around them ("case3_day0_slice_0055" gives the
// pattern "case#_day#_slice_#" and the numbers 3, 0, 55).
struct NameNumbers {
    std::string pattern;
    std::vector<long long> numbers;
};

NameNumbers nameNumbers(const std::filesystem::path& p)
{
    static const std::regex digits(R"(\d{1,15})");
    const std::string name = p.stem().string();
    NameNumbers out;
    out.pattern = p.parent_path().string() + "/";
    std::size_t last = 0;
    for (auto it = std::sregex_iterator(name.begin(), name.end(), digits); it != std::sregex_iterator(); ++it) {
        out.pattern += name.substr(last, static_cast<std::size_t>(it->position()) - last) + "#";
        out.numbers.push_back(std::stoll(it->str()));
        last = static_cast<std::size_t>(it->position() + it->length());
    }
    out.pattern += name.substr(last) + p.extension().string();
    return out;
}

} // namespace

std::vector<std::vector<std::size_t>> fileContexts(const std::vector<std::string>& paths, int slices)
{
    // Files of one folder and one name pattern; the last number that differs between them orders a
    // series, the other numbers tell series apart (a case and a day, a size in the name).
    std::map<std::string, std::vector<std::size_t>> groups;
    std::vector<NameNumbers> names;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        names.push_back(nameNumbers(paths[i]));
        groups[names.back().pattern].push_back(i);
    }
    std::vector<std::vector<std::size_t>> out(paths.size());
    for (const auto& [pattern, members] : groups) {
        const std::size_t count = names[members.front()].numbers.size();
        int order = -1;
        for (std::size_t k = 0; k < count; ++k)
            for (std::size_t m : members)
                if (names[m].numbers[k] != names[members.front()].numbers[k])
                    order = static_cast<int>(k);
        std::map<std::vector<long long>, std::vector<std::pair<long long, std::size_t>>> series;
        for (std::size_t m : members) {
            std::vector<long long> key = names[m].numbers;
            long long position = 0;
            if (order >= 0) {
                position = key[static_cast<std::size_t>(order)];
                key.erase(key.begin() + order);
            }
            series[key].push_back({position, m});
        }
        for (auto& [key, stack] : series) {
            std::sort(stack.begin(), stack.end());
            const int depth = static_cast<int>(stack.size());
            for (int pos = 0; pos < depth; ++pos)
                for (int z : contextIndices(depth, pos, slices))
                    out[stack[static_cast<std::size_t>(pos)].second].push_back(stack[static_cast<std::size_t>(z)].second);
        }
    }
    return out;
}

std::vector<std::vector<std::string>> fileStacks(const std::vector<std::string>& paths, int slices)
{
    std::set<std::string> folders, known;
    for (const auto& p : paths)
        folders.insert(std::filesystem::path(p).parent_path().string());
    std::vector<std::string> universe = paths;
    known.insert(paths.begin(), paths.end());
    std::error_code ec;
    for (const auto& folder : folders)
        for (const auto& e : std::filesystem::directory_iterator(folder.empty() ? "." : folder, ec)) {
            const std::string p = (std::filesystem::path(folder) / e.path().filename()).string();
            if (e.is_regular_file(ec) && hasImageExtension(p) && known.insert(p).second)
                universe.push_back(p);
        }
    const auto contexts = fileContexts(universe, slices);
    std::vector<std::vector<std::string>> out(paths.size());
    for (std::size_t i = 0; i < paths.size(); ++i)
        for (std::size_t j : contexts[i])
            out[i].push_back(universe[j]);
    return out;
}

Image stackFiles(const std::vector<std::string>& files, int channels)
{
    std::vector<Image> images;
    for (const auto& f : files)
        images.push_back(loadImage(f));
    return stackSlices(images, channels);
}

} // namespace delineo::core
