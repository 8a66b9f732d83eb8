#include "delineo/core/Volume.h"
#include "delineo/core/Errors.h"
#include "delineo/core/VideoReader.h"
#include "delineo/core/VideoStream.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <filesystem>
#include <mutex>
#include <unordered_map>

namespace delineo::core {

struct FrameHold {
    std::mutex mutex;
    std::deque<std::shared_ptr<const Image>> recent;
    std::unordered_map<int, std::string> errors; // frames that could not be decoded
    std::shared_ptr<const Image> black;
};

std::string LoadWarning::text() const
{
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char next = i + 1 < pattern.size() ? pattern[i + 1] : '\0';
        if (pattern[i] == '%' && next >= '1' && next <= '9' && std::size_t(next - '1') < args.size()) {
            out += args[std::size_t(next - '1')];
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

int Volume::depth() const { return stream ? stream->frameCount() : static_cast<int>(slices.size()); }
int Volume::width() const { return stream ? stream->width() : slices.empty() ? 0 : slices.front().width; }
int Volume::height() const { return stream ? stream->height() : slices.empty() ? 0 : slices.front().height; }

const Image& Volume::slice(int z) const
{
    if (!stream)
        return slices.at(static_cast<std::size_t>(z));
    std::shared_ptr<const Image> frame;
    std::string error;
    try {
        frame = stream->frame(z);
    } catch (const ImageError& e) {
        if (e.code() == ErrorCode::WrongSize)
            throw std::out_of_range(e.what());
        error = e.what();
    }
    std::lock_guard<std::mutex> lock(held->mutex);
    if (!frame) {
        held->errors[z] = error;
        if (!held->black) {
            Image black = videoFrameImage(source, z, width(), height(), nullptr);
            held->black = std::make_shared<const Image>(std::move(black));
        }
        frame = held->black;
    }
    held->recent.push_front(frame);
    if (held->recent.size() > 16)
        held->recent.pop_back();
    return *frame;
}

std::string Volume::frameError(int z) const
{
    if (!stream)
        return {};
    std::lock_guard<std::mutex> lock(held->mutex);
    const auto it = held->errors.find(z);
    return it == held->errors.end() ? std::string() : it->second;
}

std::size_t Volume::bytes() const
{
    if (stream)
        return stream->cachedBytes();
    std::size_t n = 0;
    for (const auto& s : slices)
        n += s.bytes.size();
    return n;
}

Volume streamedVideo(std::shared_ptr<VideoStream> stream)
{
    Volume v;
    v.source = stream->path();
    v.description = std::filesystem::path(v.source).filename().string();
    v.stream = std::move(stream);
    v.held = std::make_shared<FrameHold>();
    return v;
}

Volume withOwnStream(const Volume& streamed)
{
    VideoStream::Options options = VideoStream::defaultOptions();
    options.cacheBytes = std::min<std::size_t>(options.cacheBytes, std::size_t(64) << 20); // read in order, once
    Volume v = streamedVideo(VideoStream::open(streamed.stream->path(), options));
    v.geometry = streamed.geometry;
    v.seriesUid = streamed.seriesUid;
    v.description = streamed.description;
    v.source = streamed.source;
    return v;
}

Volume volumeFromImage(Image image)
{
    Volume v;
    v.source = image.path;
    v.geometry.spacing = {image.spacingX, image.spacingY, 1.0};
    v.geometry.spacingKnown = image.spacingKnown;
    v.slices.push_back(std::move(image));
    return v;
}

bool patientPoint(const Volume& volume, int x, int y, int z, std::array<double, 3>& out)
{
    if (volume.streamed() || z < 0 || z >= volume.depth())
        return false;
    if (volume.slice(z).patientPoint(x, y, out))
        return true;
    const Geometry& g = volume.geometry;
    if (!g.placed || !g.spacingKnown)
        return false;
    const double step[3] = {x * g.spacing[0], y * g.spacing[1], z * g.spacing[2]};
    for (std::size_t i = 0; i < 3; ++i)
        out[i] = g.origin[i] + step[0] * g.direction[i] + step[1] * g.direction[3 + i] + step[2] * g.direction[6 + i];
    return true;
}

bool patientPoint(const Volume& volume, const std::array<double, 3>& voxel, std::array<double, 3>& out)
{
    const int depth = volume.depth();
    if (depth == 0 || !std::isfinite(voxel[2]))
        return false;
    const int z0 = std::clamp(int(std::floor(voxel[2])), 0, std::max(0, depth - 2)), z1 = std::min(z0 + 1, depth - 1);
    std::array<std::array<double, 3>, 2> at{};
    for (int k = 0; k < 2; ++k) {
        std::array<double, 3> o{}, x{}, y{};
        const int z = k == 0 ? z0 : z1;
        if (!patientPoint(volume, 0, 0, z, o) || !patientPoint(volume, 1, 0, z, x) || !patientPoint(volume, 0, 1, z, y))
            return false;
        for (std::size_t i = 0; i < 3; ++i)
            at[std::size_t(k)][i] = o[i] + voxel[0] * (x[i] - o[i]) + voxel[1] * (y[i] - o[i]);
    }
    const double t = z1 == z0 ? 0 : voxel[2] - z0;
    for (std::size_t i = 0; i < 3; ++i)
        out[i] = at[0][i] + t * (at[1][i] - at[0][i]);
    return true;
}

} // namespace delineo::core
