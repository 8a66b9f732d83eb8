#include "delineo/ml/PackedDataset.h"
#include "TensorArchive.h"
#include "ChannelStats.h"
#include "JpegSample.h"
#include "delineo/ml/Checkpoint.h"
#include "delineo/ml/Errors.h"

#include <torch/torch.h>


#include <atomic>
#include <cmath>
#include <fstream>
#include <random>
#include <sstream>

namespace delineo::ml {

namespace {

constexpr std::int64_t kFormatVersion = 2;
constexpr int kJpegQuality = 95;

torch::Tensor bytesTensor(const std::vector<std::uint8_t>& v)
{
    return torch::from_blob(const_cast<std::uint8_t*>(v.data()), {static_cast<std::int64_t>(v.size())},
                            torch::kUInt8)
        .clone();
}

// Rotation/scale as an affine sampling grid plus, sometimes, a smooth 5x5 displacement lattice
// (up to 6% of the size, the folder pipeline's grid distortion).
torch::Tensor samplingGrid(int size, std::mt19937_64& rng, std::uniform_real_distribution<double>& u)
{
    const double angle = (u(rng) * 2 - 1) * 20.0 * M_PI / 180.0, scale = 0.85 + u(rng) * 0.3;
    const double c = std::cos(angle) / scale, s = std::sin(angle) / scale;
    auto theta = torch::tensor({static_cast<float>(c), static_cast<float>(-s), 0.f, static_cast<float>(s),
                                static_cast<float>(c), 0.f})
                     .view({1, 2, 3});
    auto grid = torch::nn::functional::affine_grid(theta, {1, 1, size, size}, false);
    if (u(rng) < 0.3) {
        std::vector<float> d(50);
        for (auto& v : d)
            v = static_cast<float>((u(rng) * 2 - 1) * 0.12);
        auto lattice = torch::from_blob(d.data(), {1, 2, 5, 5}, torch::kFloat32).clone();
        auto field = torch::nn::functional::interpolate(
            lattice, torch::nn::functional::InterpolateFuncOptions()
                         .size(std::vector<std::int64_t>{size, size})
                         .mode(torch::kBicubic)
                         .align_corners(true));
        grid = grid + field.permute({0, 2, 3, 1});
    }
    return grid;
}

} // namespace

struct PackedDataset::Impl {
    torch::Tensor images, masks; // N x C x S x S and N x S x S, uint8
    ModelConfig config;
};

PackedDataset::PackedDataset(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PackedDataset::~PackedDataset() = default;

void PackedDataset::writeFolder(const std::string& dir, const ModelConfig& config, const SampleSource& train,
                                const SampleSource& val)
{
    writeFileAtomic(dir + "/config.json", config.toJson());
    write(dir + "/train.pack", train, config);
    write(dir + "/val.pack", val, config);
}

PackedDataset::Folder PackedDataset::readFolder(const std::string& dir, const std::string& configPath)
{
    const std::string path = configPath.empty() ? dir + "/config.json" : configPath;
    std::ifstream in(path);
    if (!in)
        throw TrainingError("cannot read " + path);
    std::stringstream text;
    text << in.rdbuf();
    Folder f;
    f.config = ModelConfig::fromJson(text.str());
    f.train = read(dir + "/train.pack", f.config);
    f.val = read(dir + "/val.pack", f.config);
    return f;
}

void PackedDataset::write(const std::string& path, const SampleSource& source, const ModelConfig& c)
{
    const auto n = static_cast<std::int64_t>(source.size());
    const int s = c.inputSize, ch = c.imageChannels();
    if (ch != 1 && ch != 3) // JPEG holds 1 or 3 channels
        throw TrainingError("a pack holds 1 or 3 image channels; this model reads " + std::to_string(ch));
    const auto mean = channelStats(c.mean, c), sd = channelStats(c.std, c);
    std::vector<std::uint8_t> jpeg, values;
    std::vector<std::int32_t> lengths;
    std::vector<std::int64_t> imageOffsets{0}, runOffsets{0};
    for (std::int64_t i = 0; i < n; ++i) {
        TrainSample sample = source.sample(static_cast<std::size_t>(i), false, 0);
        auto img = torch::from_blob(sample.image.data(), {ch, s, s}, torch::kFloat32);
        auto hwc = (img * sd + mean).mul(255).round().clamp(0, 255).to(torch::kUInt8).permute({1, 2, 0}).contiguous();
        const bool ok = encodeJpegSample(hwc.data_ptr<std::uint8_t>(), s, ch, kJpegQuality, jpeg);
        if (!ok)
            throw TrainingError("cannot encode sample " + std::to_string(i) + " for " + path);
        imageOffsets.push_back(static_cast<std::int64_t>(jpeg.size()));
        const auto& m = sample.mask;
        for (std::size_t p = 0; p < m.size();) {
            std::size_t q = p;
            while (q < m.size() && m[q] == m[p])
                ++q;
            values.push_back(m[p]);
            lengths.push_back(static_cast<std::int32_t>(q - p));
            p = q;
        }
        runOffsets.push_back(static_cast<std::int64_t>(values.size()));
    }
    saveTensors(path, {{"meta", torch::tensor({kFormatVersion, n, static_cast<std::int64_t>(ch), static_cast<std::int64_t>(s)})},
                       {"jpeg", bytesTensor(jpeg)},
                       {"jpeg_offsets", torch::tensor(imageOffsets)},
                       {"mask_values", bytesTensor(values)},
                       {"mask_lengths", torch::tensor(lengths, torch::kInt32)},
                       {"mask_runs", torch::tensor(runOffsets)}});
}

std::unique_ptr<PackedDataset> PackedDataset::read(const std::string& path, const ModelConfig& config)
{
    torch::Tensor meta, jpeg, jpegOffsets, values, lengths, runs;
    try {
        const NamedTensors t = loadTensors(path).tensors;
        auto get = [&](const char* key) {
            const auto found = t.find(key);
            if (found == t.end())
                throw std::runtime_error(path + " has no '" + key + "' (an older format?)");
            return found->second;
        };
        meta = get("meta");
        jpeg = get("jpeg");
        jpegOffsets = get("jpeg_offsets");
        values = get("mask_values");
        lengths = get("mask_lengths");
        runs = get("mask_runs");
    } catch (const std::exception& e) {
        throw TrainingError(std::string("cannot read packed dataset: ") + e.what());
    }
    // Every tensor as the writer made it (dtype and rank), before any value is trusted; loadTensors
    // has checked each against its storage.
    const bool shaped = meta.dim() == 1 && meta.scalar_type() == torch::kInt64 && jpeg.dim() == 1 &&
                        jpeg.scalar_type() == torch::kUInt8 && jpegOffsets.dim() == 1 &&
                        jpegOffsets.scalar_type() == torch::kInt64 && values.dim() == 1 &&
                        values.scalar_type() == torch::kUInt8 && lengths.dim() == 1 &&
                        lengths.scalar_type() == torch::kInt32 && runs.dim() == 1 && runs.scalar_type() == torch::kInt64;
    if (!shaped || meta.numel() != 4 || meta[0].item<std::int64_t>() != kFormatVersion || meta[1].item<std::int64_t>() < 0)
        throw TrainingError("packed dataset " + path + " has an unknown format");
    const std::int64_t n = meta[1].item<std::int64_t>(), ch = meta[2].item<std::int64_t>(),
                       s = meta[3].item<std::int64_t>();
    if (ch != config.imageChannels() || s != config.inputSize)
        throw TrainingError("packed dataset " + path + " does not match the model's channels/input size");
    if (jpegOffsets.numel() != n + 1 || runs.numel() != n + 1 || values.numel() != lengths.numel() ||
        jpegOffsets[n].item<std::int64_t>() != jpeg.numel() || runs[n].item<std::int64_t>() != values.numel())
        throw TrainingError("packed dataset " + path + " is truncated or inconsistent");

    auto impl = std::make_unique<Impl>();
    impl->config = config;
    impl->images = torch::empty({n, ch, s, s}, torch::kUInt8);
    impl->masks = torch::empty({n, s, s}, torch::kUInt8);
    jpeg = jpeg.to(torch::kUInt8).contiguous();
    values = values.to(torch::kUInt8).contiguous();
    lengths = lengths.to(torch::kInt32).contiguous();
    jpegOffsets = jpegOffsets.to(torch::kInt64).contiguous();
    runs = runs.to(torch::kInt64).contiguous();
    const bool ordered = n == 0 || ((jpegOffsets.slice(0, 1) - jpegOffsets.slice(0, 0, n)).ge(0).all().item<bool>() &&
                                    (runs.slice(0, 1) - runs.slice(0, 0, n)).ge(0).all().item<bool>() &&
                                    jpegOffsets[0].item<std::int64_t>() == 0 && runs[0].item<std::int64_t>() == 0 &&
                                    lengths.ge(0).all().item<bool>());
    if (!ordered)
        throw TrainingError("packed dataset " + path + " is corrupt (offsets out of order)");
    const auto* jp = jpeg.data_ptr<std::uint8_t>();
    const auto* jo = jpegOffsets.data_ptr<std::int64_t>();
    const auto* rv = values.data_ptr<std::uint8_t>();
    const auto* rl = lengths.data_ptr<std::int32_t>();
    const auto* ro = runs.data_ptr<std::int64_t>();
    std::atomic<std::int64_t> bad{-1};
    at::parallel_for(0, n, 1, [&](std::int64_t begin, std::int64_t end) {
        for (std::int64_t i = begin; i < end; ++i) {
            std::vector<std::uint8_t> px(static_cast<std::size_t>(s * s * ch));
            if (!decodeJpegSample(jp + jo[i], static_cast<std::size_t>(jo[i + 1] - jo[i]), static_cast<int>(s),
                                  static_cast<int>(ch), px.data())) {
                bad = i;
                continue;
            }
            auto hwc = torch::from_blob(px.data(), {s, s, ch}, torch::kUInt8);
            impl->images[i].copy_(hwc.permute({2, 0, 1}));
            auto* dst = impl->masks.data_ptr<std::uint8_t>() + i * s * s;
            std::int64_t filled = 0;
            const std::int64_t lastRun = std::min<std::int64_t>(ro[i + 1], values.numel());
            for (std::int64_t r = ro[i]; r < lastRun && rl[r] >= 0 && filled + rl[r] <= s * s; ++r) {
                std::fill(dst + filled, dst + filled + rl[r], rv[r]);
                filled += rl[r];
            }
            if (filled != s * s)
                bad = i;
        }
    });
    if (bad >= 0)
        throw TrainingError("packed dataset " + path + ": sample " + std::to_string(bad.load()) + " is corrupt");
    return std::unique_ptr<PackedDataset>(new PackedDataset(std::move(impl)));
}

std::size_t PackedDataset::size() const { return static_cast<std::size_t>(impl_->images.size(0)); }

TrainSample PackedDataset::sample(std::size_t index, bool augment, std::uint64_t seed) const
{
    const ModelConfig& c = impl_->config;
    const int s = c.inputSize;
    auto img = impl_->images[static_cast<std::int64_t>(index)].to(torch::kFloat32).div(255);
    auto mask = impl_->masks[static_cast<std::int64_t>(index)];
    if (augment) {
        namespace F = torch::nn::functional;
        std::mt19937_64 rng(seed);
        std::uniform_real_distribution<double> u(0.0, 1.0);
        const bool hflip = u(rng) < 0.5, vflip = u(rng) < 0.5;
        const double gain = 0.8 + u(rng) * 0.4, bias = (u(rng) * 2 - 1) * 20.0 / 255.0;
        auto grid = samplingGrid(s, rng, u);
        img = F::grid_sample(img.unsqueeze(0), grid,
                             F::GridSampleFuncOptions().mode(torch::kBilinear).padding_mode(torch::kReflection)
                                 .align_corners(false))
                  .squeeze(0);
        mask = F::grid_sample(mask.to(torch::kFloat32).view({1, 1, s, s}), grid,
                              F::GridSampleFuncOptions().mode(torch::kNearest).padding_mode(torch::kZeros)
                                  .align_corners(false))
                   .view({s, s})
                   .round()
                   .to(torch::kUInt8);
        if (hflip) {
            img = img.flip({2});
            mask = mask.flip({1});
        }
        if (vflip) {
            img = img.flip({1});
            mask = mask.flip({0});
        }
        img = (img * gain + bias).clamp(0, 1);
    }
    img = normalised(img, c);
    mask = mask.contiguous();
    TrainSample out;
    out.image.assign(img.data_ptr<float>(), img.data_ptr<float>() + img.numel());
    out.mask.assign(mask.data_ptr<std::uint8_t>(), mask.data_ptr<std::uint8_t>() + mask.numel());
    return out;
}

} // namespace delineo::ml
