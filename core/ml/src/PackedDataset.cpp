#include "delineo/ml/PackedDataset.h"
#include "delineo/ml/Checkpoint.h"
#include "delineo/ml/Errors.h"

#include <torch/torch.h>

#include <random>
#include <sstream>

namespace delineo::ml {

struct PackedDataset::Impl {
    torch::Tensor images, masks;
    ModelConfig config;
};

PackedDataset::PackedDataset(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PackedDataset::~PackedDataset() = default;

void PackedDataset::write(const std::string& path, const SampleSource& source, const ModelConfig& c)
{
    const auto n = static_cast<int64_t>(source.size());
    auto images = torch::empty({n, c.inChannels, c.inputSize, c.inputSize}, torch::kUInt8);
    auto masks = torch::empty({n, c.inputSize, c.inputSize}, torch::kUInt8);
    auto mean = torch::tensor(std::vector<float>(c.mean.begin(), c.mean.begin() + c.inChannels)).view({-1, 1, 1});
    auto sd = torch::tensor(std::vector<float>(c.std.begin(), c.std.begin() + c.inChannels)).view({-1, 1, 1});
    for (int64_t i = 0; i < n; ++i) {
        TrainSample s = source.sample(static_cast<std::size_t>(i), false, 0);
        auto img = torch::from_blob(s.image.data(), {c.inChannels, c.inputSize, c.inputSize}, torch::kFloat32);
        images[i].copy_((img * sd + mean).mul(255).round().clamp(0, 255).to(torch::kUInt8));
        masks[i].copy_(torch::from_blob(s.mask.data(), {c.inputSize, c.inputSize}, torch::kUInt8));
    }
    torch::serialize::OutputArchive archive;
    archive.write("images", images);
    archive.write("masks", masks);
    std::ostringstream bytes;
    archive.save_to(bytes);
    writeFileAtomic(path, bytes.str());
}

std::unique_ptr<PackedDataset> PackedDataset::read(const std::string& path, const ModelConfig& config)
{
    auto impl = std::make_unique<Impl>();
    impl->config = config;
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(path);
        archive.read("images", impl->images);
        archive.read("masks", impl->masks);
    } catch (const c10::Error&) {
        throw TrainingError("cannot read packed dataset " + path);
    }
    const auto& s = impl->images.sizes();
    if (s.size() != 4 || s[1] != config.inChannels || s[2] != config.inputSize || s[3] != config.inputSize)
        throw TrainingError("packed dataset " + path + " does not match the model's channels/input size");
    return std::unique_ptr<PackedDataset>(new PackedDataset(std::move(impl)));
}

std::size_t PackedDataset::size() const { return static_cast<std::size_t>(impl_->images.size(0)); }

TrainSample PackedDataset::sample(std::size_t index, bool augment, std::uint64_t seed) const
{
    const ModelConfig& c = impl_->config;
    auto img = impl_->images[static_cast<int64_t>(index)].to(torch::kFloat32).div(255);
    auto mask = impl_->masks[static_cast<int64_t>(index)].clone();
    if (augment) {
        std::mt19937_64 rng(seed);
        if (rng() & 1) { img = img.flip({2}); mask = mask.flip({1}); }
        if (rng() & 1) { img = img.flip({1}); mask = mask.flip({0}); }
    }
    auto mean = torch::tensor(std::vector<float>(c.mean.begin(), c.mean.begin() + c.inChannels)).view({-1, 1, 1});
    auto sd = torch::tensor(std::vector<float>(c.std.begin(), c.std.begin() + c.inChannels)).view({-1, 1, 1});
    img = ((img - mean) / sd).contiguous();
    mask = mask.contiguous();
    TrainSample out;
    out.image.assign(img.data_ptr<float>(), img.data_ptr<float>() + img.numel());
    out.mask.assign(mask.data_ptr<std::uint8_t>(), mask.data_ptr<std::uint8_t>() + mask.numel());
    return out;
}

} // namespace delineo::ml
