#include "TestSupport.h"

#include "delineo/ml/Checkpoint.h"
#include "delineo/ml/Errors.h"
#include "delineo/ml/PackedDataset.h"
#include "delineo/ml/Segmenter.h"
#include "delineo/ml/Trainer.h"

#include <algorithm>
#include <fstream>
#include <random>

using namespace delineo;
using delineo::test::TempDir;

namespace {

// Bright squares on a dark noisy background: learnable in a few epochs on a tiny UNet.
class SquaresSource : public ml::SampleSource {
public:
    SquaresSource(int n, int size, std::uint64_t seed) : n_(n), size_(size), seed_(seed) {}
    std::size_t size() const override { return static_cast<std::size_t>(n_); }
    ml::TrainSample sample(std::size_t index, bool, std::uint64_t) const override
    {
        std::mt19937 rng(static_cast<unsigned>(seed_ * 131 + index));
        std::uniform_int_distribution<int> pos(2, size_ - 12), side(5, 10);
        std::normal_distribution<float> noise(0.f, 0.1f);
        const int x0 = pos(rng), y0 = pos(rng), s = side(rng);
        ml::TrainSample out;
        out.image.resize(3u * size_ * size_);
        out.mask.assign(static_cast<std::size_t>(size_) * size_, 0);
        for (int y = 0; y < size_; ++y)
            for (int x = 0; x < size_; ++x) {
                const bool in = x >= x0 && x < x0 + s && y >= y0 && y < y0 + s;
                out.mask[y * size_ + x] = in;
                for (int c = 0; c < 3; ++c)
                    out.image[(c * size_ + y) * size_ + x] = (in ? 1.0f : -1.0f) + noise(rng);
            }
        return out;
    }

private:
    int n_, size_;
    std::uint64_t seed_;
};

ml::ModelConfig tinyConfig()
{
    ml::ModelConfig c;
    c.baseWidth = 4;
    c.depth = 2;
    c.inputSize = 32;
    c.mean = {0.5f, 0.5f, 0.5f};
    c.std = {0.5f, 0.5f, 0.5f};
    return c;
}

// A tiny UNet after two epochs on the squares, loaded for inference.
std::unique_ptr<ml::Segmenter> tinySegmenter(TempDir& dir)
{
    SquaresSource train(8, 32, 1);
    ml::TrainOptions opt;
    opt.epochs = 2;
    opt.outputPath = dir.file("m.pt");
    ml::train(tinyConfig(), opt, train, nullptr, nullptr, nullptr);
    return ml::Segmenter::load(dir.file("m.pt"));
}

} // namespace

TEST(Trainer, TinyRunLossFallsAndCheckpointServes)
{
    TempDir dir;
    SquaresSource train(48, 32, 1), val(8, 32, 2);
    ml::TrainOptions opt;
    opt.epochs = 6;
    opt.batchSize = 8;
    opt.learningRate = 3e-3;
    opt.outputPath = dir.file("m.pt");
    std::vector<double> epochLoss;
    int stepEvents = 0;
    auto result = ml::train(tinyConfig(), opt, train, &val, [&](const ml::TrainProgress& p) {
        if (p.epochDone) {
            epochLoss.push_back(p.loss);
            EXPECT_TRUE(p.hasValidation);
        } else {
            ++stepEvents;
        }
    }, nullptr);
    ASSERT_EQ(epochLoss.size(), 6u);
    EXPECT_EQ(stepEvents, 6 * 6);
    EXPECT_LT(epochLoss.back(), epochLoss.front() * 0.95);
    EXPECT_FALSE(result.cancelled);
    EXPECT_GT(result.bestDice, 0.6); // an untrained net scores ~0.01 here
    EXPECT_TRUE(std::filesystem::exists(dir.file("m.json")));
    EXPECT_TRUE(std::filesystem::exists(dir.file("m.last.pt")));
    EXPECT_TRUE(std::filesystem::exists(dir.file("m.last.optim.pt")));

    auto seg = ml::Segmenter::load(dir.file("m.pt"));
    EXPECT_EQ(seg->config().baseWidth, 4);
    EXPECT_EQ(seg->device(), "cpu"); // CI has no GPU; on a CUDA box this reads "cuda"
    std::vector<std::uint8_t> img(50 * 40 * 3, 30);
    auto pred = seg->predict({img.data(), 50, 40, 3});
    EXPECT_EQ(pred.width, 50);
    EXPECT_EQ(pred.height, 40);
    EXPECT_EQ(pred.labels.size(), 2000u);
    EXPECT_EQ(pred.confidence.size(), 2000u);
    // Deterministic in eval mode.
    EXPECT_EQ(seg->predict({img.data(), 50, 40, 3}).labels, pred.labels);

    // Resume continues from the stored epoch.
    ml::TrainOptions more = opt;
    more.epochs = 7;
    more.resumeFrom = result.lastPath;
    int epochsSeen = 0;
    ml::train(tinyConfig(), more, train, &val, [&](const ml::TrainProgress& p) { epochsSeen += p.epochDone; }, nullptr);
    EXPECT_EQ(epochsSeen, 1);
}

TEST(Trainer, CancelLeavesLastGoodCheckpoint)
{
    TempDir dir;
    SquaresSource train(16, 32, 3);
    ml::TrainOptions opt;
    opt.epochs = 5;
    opt.batchSize = 4;
    opt.outputPath = dir.file("c.pt");
    std::atomic<bool> cancel{false};
    auto r = ml::train(tinyConfig(), opt, train, nullptr, [&](const ml::TrainProgress& p) {
        if (p.epoch == 2 && p.step == 1)
            cancel = true;
    }, &cancel);
    EXPECT_TRUE(r.cancelled);
    EXPECT_EQ(r.epochsRun, 1);
    EXPECT_NO_THROW(ml::Segmenter::load(dir.file("c.pt")));
}

TEST(PackedDataset, RoundTripsAugmentsDeterministicallyAndTrains)
{
    TempDir dir;
    const ml::ModelConfig cfg = tinyConfig();
    SquaresSource train(48, 32, 1), val(8, 32, 2);
    ml::PackedDataset::write(dir.file("train.pack"), train, cfg);
    ml::PackedDataset::write(dir.file("val.pack"), val, cfg);
    auto packed = ml::PackedDataset::read(dir.file("train.pack"), cfg);
    ASSERT_EQ(packed->size(), 48u);
    for (std::size_t i : {0u, 17u, 47u}) {
        const ml::TrainSample a = train.sample(i, false, 0), b = packed->sample(i, false, 0);
        EXPECT_EQ(a.mask, b.mask) << "masks are stored losslessly";
        ASSERT_EQ(a.image.size(), b.image.size());
        double err = 0;
        for (std::size_t k = 0; k < a.image.size(); ++k) // inputs beyond [0,1] clip when stored as 8-bit
            err += std::abs(std::clamp(a.image[k], -1.f, 1.f) - b.image[k]);
        EXPECT_LT(err / a.image.size(), 0.05) << "JPEG quality 95 keeps the image close";
    }
    const ml::TrainSample x = packed->sample(5, true, 123), y = packed->sample(5, true, 123),
                          z = packed->sample(5, true, 124);
    EXPECT_EQ(x.image, y.image);
    EXPECT_EQ(x.mask, y.mask);
    EXPECT_NE(x.image, z.image);
    const auto area = [](const std::vector<std::uint8_t>& m) { return std::count(m.begin(), m.end(), 1); };
    const auto plain = area(packed->sample(5, false, 0).mask);
    for (std::uint64_t seed = 0; seed < 20; ++seed) {
        const auto m = packed->sample(5, true, seed).mask;
        EXPECT_TRUE(std::all_of(m.begin(), m.end(), [](std::uint8_t v) { return v <= 1; }));
        EXPECT_GT(area(m), plain / 2) << "scale 0.85-1.15 and a mild distortion keep the square";
        EXPECT_LT(area(m), plain * 2);
    }

    ml::TrainOptions opt;
    opt.epochs = 6;
    opt.learningRate = 3e-3;
    opt.augment = false;
    opt.outputPath = dir.file("p.pt");
    auto valPacked = ml::PackedDataset::read(dir.file("val.pack"), cfg);
    EXPECT_GT(ml::train(cfg, opt, *packed, valPacked.get(), nullptr, nullptr).bestDice, 0.6);

    ml::ModelConfig other = cfg;
    other.inputSize = 64;
    EXPECT_THROW(ml::PackedDataset::read(dir.file("train.pack"), other), ml::TrainingError);
    {
        std::ofstream(dir.file("bad.pack")) << "not a pack";
    }
    EXPECT_THROW(ml::PackedDataset::read(dir.file("bad.pack"), cfg), ml::TrainingError);
    EXPECT_THROW(ml::PackedDataset::read(dir.file("missing.pack"), cfg), ml::TrainingError);
}

TEST(Trainer, RejectsEmptyData)
{
    SquaresSource none(0, 32, 1);
    ml::TrainOptions opt;
    opt.outputPath = "/tmp/never.pt";
    EXPECT_THROW(ml::train(tinyConfig(), opt, none, nullptr, nullptr, nullptr), ml::TrainingError);
}

TEST(Segmenter, BrokenModelFilesGiveModelError)
{
    TempDir dir;
    EXPECT_THROW(ml::Segmenter::load(dir.file("missing.pt")), ml::ModelError);
    // Garbage weights with a valid sidecar.
    std::ofstream(dir.file("bad.pt")) << "definitely not a torch archive";
    std::ofstream(dir.file("bad.json")) << tinyConfig().toJson();
    EXPECT_THROW(ml::Segmenter::load(dir.file("bad.pt")), ml::ModelError);
    // Valid weights whose sidecar claims another shape.
    SquaresSource train(8, 32, 1);
    ml::TrainOptions opt;
    opt.epochs = 1;
    opt.outputPath = dir.file("ok.pt");
    ml::train(tinyConfig(), opt, train, nullptr, nullptr, nullptr);
    ml::ModelConfig wrong = tinyConfig();
    wrong.baseWidth = 8;
    std::ofstream(dir.file("ok.json"), std::ios::trunc) << wrong.toJson();
    EXPECT_THROW(ml::Segmenter::load(dir.file("ok.pt")), ml::ModelError);
    std::ofstream(dir.file("ok.json"), std::ios::trunc) << "{ not json";
    EXPECT_THROW(ml::Segmenter::load(dir.file("ok.pt")), ml::ModelError);
}

// A batch gives what one-by-one calls give; flip TTA and kept probabilities agree with the labels.
TEST(Segmenter, BatchTtaAndProbabilities)
{
    TempDir dir;
    auto seg = tinySegmenter(dir);
    std::vector<std::uint8_t> a(40 * 30 * 3), b(64 * 20 * 3);
    for (std::size_t i = 0; i < a.size(); ++i)
        a[i] = static_cast<std::uint8_t>((i * 7) % 251);
    for (std::size_t i = 0; i < b.size(); ++i)
        b[i] = static_cast<std::uint8_t>((i * 13) % 241);
    const ml::ImageU8View va{a.data(), 40, 30, 3}, vb{b.data(), 64, 20, 3};
    const auto batch = seg->predictBatch({va, vb});
    ASSERT_EQ(batch.size(), 2u);
    EXPECT_EQ(batch[1].width, 64);
    const auto one = seg->predict(vb);
    std::size_t differ = 0;
    for (std::size_t i = 0; i < one.labels.size(); ++i)
        differ += one.labels[i] != batch[1].labels[i];
    EXPECT_LE(differ, one.labels.size() / 200); // batch norm in eval mode: only float rounding may differ

    ml::PredictOptions tta;
    tta.flipTta = true;
    tta.keepProbabilities = true;
    const auto p = seg->predict(va, tta);
    ASSERT_EQ(p.probabilityPlanes, 1);
    ASSERT_EQ(p.probabilities.size(), p.labels.size());
    for (std::size_t i = 0; i < p.labels.size(); ++i) {
        if (p.probabilities[i] != 127 && p.probabilities[i] != 128)
            ASSERT_EQ(p.labels[i], p.probabilities[i] > 127 ? 1 : 0) << i;
    }
}

TEST(Segmenter, SlidingWindowCoversLargeAndSmallFrames)
{
    TempDir dir;
    auto seg = tinySegmenter(dir);
    const int w = 100, h = 70; // 32-pixel tiles with a stride of 24: 4 x 3 of them
    std::vector<std::uint8_t> big(w * h * 3);
    for (std::size_t i = 0; i < big.size(); ++i)
        big[i] = static_cast<std::uint8_t>((i * 31) % 253);
    ml::PredictOptions tiled;
    tiled.tiled = true;
    tiled.keepProbabilities = true;
    const auto p = seg->predict({big.data(), w, h, 3}, tiled);
    ASSERT_EQ(p.width, w);
    ASSERT_EQ(p.height, h);
    ASSERT_EQ(p.probabilities.size(), static_cast<std::size_t>(w * h));

    // Pixels only the first tile covers are exactly that tile's own prediction.
    std::vector<std::uint8_t> crop(32 * 32 * 3);
    for (int y = 0; y < 32; ++y)
        std::copy_n(&big[(y * w) * 3], 32 * 3, &crop[y * 32 * 3]);
    ml::PredictOptions plain;
    plain.keepProbabilities = true;
    const auto first = seg->predict({crop.data(), 32, 32, 3}, plain);
    for (int y = 0; y < 24; ++y)
        for (int x = 0; x < 24; ++x)
            ASSERT_NEAR(p.probabilities[y * w + x], first.probabilities[y * 32 + x], 1) << x << "," << y;

    // A frame the size of the model input is one tile: the same as resizing.
    EXPECT_EQ(seg->predict({crop.data(), 32, 32, 3}, tiled).labels, first.labels);
    // Frames smaller than a tile are padded and cropped back; zoom scales before tiling.
    const auto small = seg->predict({crop.data(), 20, 10, 3}, tiled);
    EXPECT_EQ(small.width, 20);
    EXPECT_EQ(small.labels.size(), 200u);
    tiled.tileZoom = 0.5;
    const auto zoomed = seg->predict({big.data(), w, h, 3}, tiled);
    EXPECT_EQ(zoomed.width, w);
    EXPECT_EQ(zoomed.labels.size(), static_cast<std::size_t>(w * h));
}

TEST(Trainer, LearningRateSchedules)
{
    EXPECT_DOUBLE_EQ(ml::scheduledRate("cosine", 1.0, 0.0), 1.0);
    EXPECT_NEAR(ml::scheduledRate("cosine", 1.0, 0.5), 0.51, 1e-12);
    EXPECT_NEAR(ml::scheduledRate("cosine", 1.0, 1.0), 0.02, 1e-12);
    EXPECT_NEAR(ml::scheduledRate("onecycle", 1.0, 0.0), 0.04, 1e-12);  // starts at base/25
    EXPECT_NEAR(ml::scheduledRate("onecycle", 1.0, 0.3), 1.0, 1e-12);   // peak after the warm-up
    EXPECT_NEAR(ml::scheduledRate("onecycle", 1.0, 1.0), 1e-4, 1e-12);  // ends near zero
    EXPECT_LT(ml::scheduledRate("onecycle", 1.0, 0.1), ml::scheduledRate("onecycle", 1.0, 0.2));
    TempDir dir;
    SquaresSource train(8, 32, 1);
    ml::TrainOptions opt;
    opt.outputPath = dir.file("m.pt");
    opt.schedule = "sawtooth";
    EXPECT_THROW(ml::train(tinyConfig(), opt, train, nullptr, nullptr, nullptr), ml::TrainingError);
    opt.schedule = "onecycle";
    opt.epochs = 2;
    EXPECT_EQ(ml::train(tinyConfig(), opt, train, nullptr, nullptr, nullptr).epochsRun, 2);
}

TEST(ModelConfig, JsonRoundTrip)
{
    ml::ModelConfig c = tinyConfig();
    c.inChannels = 1;
    c.classes = {{"stomach", {1, 2, 3}}, {"large_bowel", {4, 5, 6}}, {"small_bowel", {7, 8, 9}}, {"tumour", {9, 9, 9}}};
    const ml::ModelConfig r = ml::ModelConfig::fromJson(c.toJson());
    EXPECT_EQ(r.inChannels, 1);
    ASSERT_EQ(r.classes.size(), 4u);
    EXPECT_EQ(r.classes[3].name, "tumour");
    EXPECT_EQ(r.classes[1].colour[2], 6);
    EXPECT_EQ(r.outChannels(), 5);
    EXPECT_FALSE(r.demo);
    c.demo = true;
    EXPECT_TRUE(ml::ModelConfig::fromJson(c.toJson()).demo);
    EXPECT_THROW(ml::ModelConfig::fromJson("{\"architecture\":\"unet\"}"), ml::ModelError);
}

// The interactive model trains with simulated clicks on the same squares: after a few epochs one
// click at a square's interior finds it (the validation Dice is the Dice after that one click).
TEST(Trainer, InteractiveModelLearnsFromSimulatedClicks)
{
    TempDir dir;
    SquaresSource train(48, 32, 1), val(8, 32, 2);
    ml::ModelConfig c = tinyConfig();
    c.architecture = "prompt_unet";
    c.promptChannels = 4;
    c.classes = {{"object", {0, 255, 0}}};
    ml::TrainOptions opt;
    opt.batchSize = 8;
    opt.learningRate = 3e-3;
    opt.outputPath = dir.file("assist.pt");
    opt.epochs = 24; // slower to start than the automatic model: the first epochs predict everything
    const auto result = ml::train(c, opt, train, &val, nullptr, nullptr);
    EXPECT_GT(result.bestDice, 0.6); // everything predicted scores 0.11 here
    EXPECT_EQ(ml::readSidecar(dir.file("assist.pt")).promptChannels, 4);
}
