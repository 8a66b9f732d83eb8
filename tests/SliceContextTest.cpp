// 2.5D input: which slices a model reads at a volume's ends, how they are stacked, how image files
// find their neighbours, and a synthetic volume on which reading the neighbours is what makes the
// difference.
#include "TestSupport.h"

#include "delineo/core/Errors.h"
#include "delineo/core/SegmentationDataset.h"
#include "delineo/core/SliceContext.h"
#include "delineo/ml/Checkpoint.h"
#include "delineo/ml/Errors.h"
#include "delineo/ml/Segmenter.h"
#include "delineo/ml/Trainer.h"

#include <opencv2/imgcodecs.hpp>

#include <filesystem>
#include <random>

using namespace delineo;
using delineo::test::TempDir;

namespace {

core::Image greySlice(int w, int h, std::uint8_t value, const std::string& path = {})
{
    core::Image img;
    img.width = w;
    img.height = h;
    img.channels = 1;
    img.bytes.assign(static_cast<std::size_t>(w) * h, value);
    img.path = path;
    return img;
}

} // namespace

TEST(SliceContext, IndicesMirrorAtTheEnds)
{
    EXPECT_EQ(core::contextIndices(5, 0, 3), (std::vector<int>{1, 0, 1}));
    EXPECT_EQ(core::contextIndices(5, 2, 3), (std::vector<int>{1, 2, 3}));
    EXPECT_EQ(core::contextIndices(5, 4, 3), (std::vector<int>{3, 4, 3}));
    EXPECT_EQ(core::contextIndices(5, 1, 5), (std::vector<int>{1, 0, 1, 2, 3}));
    EXPECT_EQ(core::contextIndices(2, 0, 5), (std::vector<int>{1, 1, 0, 1, 0}));
    EXPECT_EQ(core::contextIndices(1, 0, 3), (std::vector<int>{0, 0, 0}));
    EXPECT_EQ(core::contextIndices(4, 2, 1), (std::vector<int>{2}));
}

TEST(SliceContext, StacksNeighboursAsChannelsAtTheEnds)
{
    core::Volume v;
    for (std::uint8_t value : {10, 20, 30, 40})
        v.slices.push_back(greySlice(3, 2, value));
    ml::ModelConfig c;
    c.inChannels = 1;
    c.contextSlices = 3;
    const core::Image first = core::modelInputImage(v, 0, c);
    ASSERT_EQ(first.channels, 3);
    ASSERT_EQ(first.bytes.size(), 3u * 3 * 2);
    EXPECT_EQ(first.bytes[0], 20);
    EXPECT_EQ(first.bytes[1], 10);
    EXPECT_EQ(first.bytes[2], 20);
    const core::Image last = core::modelInputImage(v, 3, c);
    EXPECT_EQ(last.bytes[3], 30); // second pixel: 30, 40, 30
    EXPECT_EQ(last.bytes[4], 40);
    EXPECT_EQ(last.bytes[5], 30);
    c.contextSlices = 5;
    const core::Image wide = core::modelInputImage(v, 1, c);
    ASSERT_EQ(wide.channels, 5);
    EXPECT_EQ(std::vector<std::uint8_t>(wide.bytes.begin(), wide.bytes.begin() + 5),
              (std::vector<std::uint8_t>{20, 10, 20, 30, 40}));
    // A 2D model reads the slice as it is.
    c.contextSlices = 1;
    EXPECT_EQ(core::modelInputImage(v, 2, c).bytes, v.slices[2].bytes);
    // Colour slices stack three channels each.
    core::Volume colour;
    for (std::uint8_t value : {50, 60}) {
        core::Image img = greySlice(2, 2, value);
        img.channels = 3;
        img.bytes.assign(12, value);
        colour.slices.push_back(img);
    }
    c.inChannels = 3;
    c.contextSlices = 3;
    const core::Image rgb = core::modelInputImage(colour, 1, c);
    ASSERT_EQ(rgb.channels, 9);
    EXPECT_EQ(std::vector<std::uint8_t>(rgb.bytes.begin(), rgb.bytes.begin() + 9),
              (std::vector<std::uint8_t>{50, 50, 50, 60, 60, 60, 50, 50, 50}));
}

TEST(SliceContext, SlicesOfAnotherSizeAreATypedError)
{
    const core::Image a = greySlice(4, 4, 1, "a.png"), b = greySlice(4, 5, 2, "b.png");
    try {
        core::stackSlices({a, b, a}, 1);
        FAIL() << "stacked slices of two sizes";
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::WrongSize);
    }
}

TEST(SliceContext, FilesFindTheirSeriesNeighbours)
{
    const std::vector<std::string> paths{
        "d/case3_day0_slice_0075.png", "d/case3_day0_slice_0055.png", "d/case3_day0_slice_0065.png",
        "d/case3_day1_slice_0055.png", "d/case3_day1_slice_0065.png", "d/notes.png",
        "e/case3_day0_slice_0065.png"};
    const auto ctx = core::fileContexts(paths, 3);
    EXPECT_EQ(ctx[1], (std::vector<std::size_t>{2, 1, 2})); // 55: first of its series
    EXPECT_EQ(ctx[2], (std::vector<std::size_t>{1, 2, 0})); // 65 between 55 and 75
    EXPECT_EQ(ctx[0], (std::vector<std::size_t>{2, 0, 2})); // 75: last
    EXPECT_EQ(ctx[3], (std::vector<std::size_t>{4, 3, 4})); // another day is another series
    EXPECT_EQ(ctx[5], (std::vector<std::size_t>{5, 5, 5})); // no number: itself
    EXPECT_EQ(ctx[6], (std::vector<std::size_t>{6, 6, 6})); // another folder
    // The raw UW-Madison names: the slice number comes first, the size and spacing after it.
    const auto raw = core::fileContexts({"s/slice_0002_266_266_1.50_1.50.png", "s/slice_0001_266_266_1.50_1.50.png"}, 3);
    EXPECT_EQ(raw[0], (std::vector<std::size_t>{1, 0, 1}));
    // As delineo-cli import-uw names them: the case-day, then the raw name.
    const auto imported = core::fileContexts({"i/case3_day0_slice_0065_266_266_1.50_1.50.png",
                                              "i/case3_day0_slice_0055_266_266_1.50_1.50.png",
                                              "i/case3_day1_slice_0055_266_266_1.50_1.50.png"}, 3);
    EXPECT_EQ(imported[1], (std::vector<std::size_t>{0, 1, 0}));
    EXPECT_EQ(imported[0], (std::vector<std::size_t>{1, 0, 1}));
    EXPECT_EQ(imported[2], (std::vector<std::size_t>{2, 2, 2})) << "another day is another series";
}

TEST(SliceContext, SidecarKeepsTheContextAndRejectsAnEvenOne)
{
    ml::ModelConfig c;
    c.inChannels = 1;
    c.contextSlices = 3;
    EXPECT_EQ(ml::ModelConfig::fromJson(c.toJson()).contextSlices, 3);
    EXPECT_EQ(c.imageChannels(), 3);
    c.contextSlices = 1;
    EXPECT_EQ(c.toJson().find("contextSlices"), std::string::npos); // 2D sidecars stay as they were
    c.contextSlices = 4;
    EXPECT_THROW(ml::ModelConfig::fromJson(c.toJson()), ml::ModelError);
    c.contextSlices = 11;
    EXPECT_THROW(ml::ModelConfig::fromJson(c.toJson()), ml::ModelError);
}

namespace {

// A volume of identical bright squares on noise: a square that continues into the slice above or
// below is a structure (labelled), one that flashes on a single slice is not. Each slice alone
// shows both alike, twice as many flashes as structure cross-sections.
struct NeighbourVolume {
    core::Volume volume;
    std::vector<core::LabelMap> masks;
};

NeighbourVolume neighbourVolume(int depth, int size, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> pos(1, size - 8), start(0, depth - 3);
    std::normal_distribution<float> noise(60.f, 12.f);
    NeighbourVolume out;
    std::vector<std::vector<std::uint8_t>> pixels(static_cast<std::size_t>(depth));
    out.masks.assign(static_cast<std::size_t>(depth), core::LabelMap(size, size));
    for (auto& p : pixels) {
        p.resize(static_cast<std::size_t>(size) * size);
        for (auto& v : p)
            v = static_cast<std::uint8_t>(std::clamp(noise(rng), 0.f, 255.f));
    }
    auto square = [&](int z, int x0, int y0, bool label) {
        for (int y = y0; y < y0 + 6; ++y)
            for (int x = x0; x < x0 + 6; ++x) {
                pixels[std::size_t(z)][std::size_t(y) * size + x] = 200;
                if (label)
                    out.masks[std::size_t(z)].at(x, y) = 1;
            }
    };
    for (int tube = 0; tube < depth / 2; ++tube) { // 3 slices long
        const int z0 = start(rng), x = pos(rng), y = pos(rng);
        for (int z = z0; z < z0 + 3; ++z)
            square(z, x, y, true);
    }
    const int crossSections = 3 * (depth / 2);
    for (int flash = 0, placed = 0; flash < 40 * depth && placed < 2 * crossSections; ++flash) {
        std::uniform_int_distribution<int> any(0, depth - 1);
        const int z = any(rng), x = pos(rng), y = pos(rng);
        // Only where nothing is, above, here or below: otherwise it would continue a structure.
        bool free = true;
        for (int dz = -1; dz <= 1; ++dz)
            if (z + dz >= 0 && z + dz < depth)
                for (int yy = y - 4; yy < y + 10 && yy < size; ++yy)
                    for (int xx = x - 4; xx < x + 10 && xx < size; ++xx)
                        free = free && pixels[std::size_t(z + dz)][std::size_t(std::max(yy, 0)) * size + std::max(xx, 0)] < 150;
        if (free) {
            square(z, x, y, false);
            ++placed;
        }
    }
    for (int z = 0; z < depth; ++z) {
        core::Image img = greySlice(size, size, 0);
        img.bytes = pixels[std::size_t(z)];
        out.volume.slices.push_back(std::move(img));
    }
    return out;
}

core::SegmentationDataset datasetOf(const NeighbourVolume& v, const ml::ModelConfig& c)
{
    return core::SegmentationDataset(
        v.masks.size(),
        [&](std::size_t z) { return std::make_pair(core::modelInputImage(v.volume, int(z), c), v.masks[z]); }, c, 1);
}

// Dice of a model trained on one volume, measured on another.
double trainedDice(int contextSlices, TempDir& dir)
{
    ml::ModelConfig c;
    c.inChannels = 1;
    c.contextSlices = contextSlices;
    c.baseWidth = 8;
    c.depth = 2;
    c.inputSize = 48;
    c.mean = {0.3f, 0.3f, 0.3f};
    c.std = {0.3f, 0.3f, 0.3f};
    const NeighbourVolume train = neighbourVolume(64, 48, 1), val = neighbourVolume(24, 48, 2);
    const auto trainSet = datasetOf(train, c), valSet = datasetOf(val, c);
    ml::TrainOptions opt;
    opt.epochs = 30;
    opt.batchSize = 8;
    opt.learningRate = 3e-3;
    opt.augment = false;
    opt.outputPath = dir.file("ctx" + std::to_string(contextSlices) + ".pt");
    const ml::TrainResult r = ml::train(c, opt, trainSet, &valSet, nullptr, nullptr);
    // The saved model reads its context through the segmenter as the app runs it.
    const auto seg = ml::Segmenter::load(r.bestPath);
    EXPECT_EQ(seg->config().contextSlices, contextSlices);
    // Over the whole volume (slices without a structure have no Dice of their own).
    std::vector<std::uint8_t> predicted, truth;
    for (int z = 0; z < val.volume.depth(); ++z) {
        const core::Image in = core::modelInputImage(val.volume, z, seg->config());
        const auto p = seg->predict({in.bytes.data(), in.width, in.height, in.channels});
        predicted.insert(predicted.end(), p.labels.begin(), p.labels.end());
        truth.insert(truth.end(), val.masks[std::size_t(z)].labels.begin(), val.masks[std::size_t(z)].labels.end());
    }
    const auto m = ml::evaluateLabels(predicted.data(), truth.data(), 48, 48 * val.volume.depth(), 1).perClass[0];
    std::printf("context %d: precision %.3f recall %.3f (best epoch %d of %d, val dice %.3f)\n", contextSlices, m.precision, m.recall, r.bestEpoch, r.epochsRun, r.bestDice);
    return m.dice;
}

} // namespace

// A structure defined by its neighbours: a 2D model sees the same square either way and can at
// best mark all of them (Dice about 0.5 with two flashes per structure cross-section); reading three
// slices it tells them apart, on the end slices too (a flash there is mirrored onto empty neighbours).
TEST(SliceContext, TwoAndAHalfDLearnsWhatTwoDCannot)
{
    TempDir dir;
    const double flat = trainedDice(1, dir), stacked = trainedDice(3, dir);
    RecordProperty("dice2D", std::to_string(flat));
    RecordProperty("dice25D", std::to_string(stacked));
    std::printf("Dice on the held-out volume: 2D %.3f, 2.5D (3 slices) %.3f\n", flat, stacked);
    EXPECT_LT(flat, 0.7);
    EXPECT_GT(stacked, 0.9);
}
