// The interactive (promptable) model: registered apart from the automatic ones, saved and loaded
// with its sidecar, run through a window around the prompts and pasted back.
#include "CheckpointIO.h"
#include "ClickSimulation.h"
#include "ModelRegistry.h"
#include "TestSupport.h"
#include "delineo/ml/Errors.h"
#include "delineo/ml/InteractiveSegmenter.h"
#include "delineo/ml/Trainer.h"

#include <algorithm>
#include <fstream>

using namespace delineo;

namespace {

ml::ModelConfig tinyInteractive()
{
    ml::ModelConfig c;
    c.architecture = "prompt_unet";
    c.promptChannels = 4;
    c.baseWidth = 4;
    c.depth = 2;
    c.inputSize = 32;
    c.classes = {{"object", {0, 255, 0}}};
    return c;
}

} // namespace

TEST(InteractiveModel, IsRegisteredApartAndRoundTripsWithItsSidecar)
{
    const auto automatic = ml::architectures();
    const auto interactive = ml::interactiveArchitectures();
    EXPECT_EQ(std::find(automatic.begin(), automatic.end(), "prompt_unet"), automatic.end());
    EXPECT_NE(std::find(interactive.begin(), interactive.end(), "prompt_unet"), interactive.end());
    ml::ModelConfig c = tinyInteractive();
    EXPECT_EQ(ml::ModelConfig::fromJson(c.toJson()).promptChannels, 4);
    c.promptChannels = 0;
    EXPECT_THROW(ml::ModelRegistry::builtin().create(c), ml::ModelError); // prompts are not optional
    c = tinyInteractive();
    auto net = ml::ModelRegistry::builtin().create(c);
    const auto y = net->forward(torch::randn({1, c.inChannels + c.promptChannels, 32, 32}));
    EXPECT_EQ(y.sizes(), (std::vector<int64_t>{1, 1, 32, 32}));
}

TEST(InteractiveModel, PredictsInsideTheWindowAndKeepsTheMaskOutsideIt)
{
    test::TempDir dir;
    const ml::ModelConfig c = tinyInteractive();
    torch::manual_seed(3);
    auto net = ml::ModelRegistry::builtin().create(c);
    net->eval();
    ml::saveModel(net, c, dir.file("assist.pt"));
    auto seg = ml::InteractiveSegmenter::load(dir.file("assist.pt"));
    const int w = 300, h = 200;
    std::vector<std::uint8_t> image(static_cast<std::size_t>(w) * h * 3);
    for (std::size_t i = 0; i < image.size(); ++i)
        image[i] = static_cast<std::uint8_t>((i * 37) % 251);
    std::vector<std::uint8_t> previous(static_cast<std::size_t>(w) * h, 0);
    for (int y = 5; y < 20; ++y) // far from the click: outside the window, kept as it is
        for (int x = 5; x < 20; ++x)
            previous[static_cast<std::size_t>(y) * w + x] = 1;
    ml::PromptSet prompts;
    prompts.clicks = {{250, 150, true}};
    std::vector<std::uint8_t> none(previous.size(), 0);
    const auto first = seg->predict({image.data(), w, h, 3}, prompts, none.data());
    EXPECT_LE(first.window.x0, 250);
    EXPECT_GT(first.window.x1, 250);
    EXPECT_LE(first.window.y0, 150);
    EXPECT_GT(first.window.y1, 150);
    EXPECT_LT(first.window.width(), w); // a window, not the whole frame
    ASSERT_EQ(first.mask.size(), previous.size());
    // With the far blob in the previous mask the window grows to include it; without, outside the
    // window nothing changes.
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            if (x < first.window.x0 || x >= first.window.x1 || y < first.window.y0 || y >= first.window.y1)
                ASSERT_EQ(first.mask[static_cast<std::size_t>(y) * w + x], 0) << x << "," << y;
    const auto withMask = seg->predict({image.data(), w, h, 3}, prompts, previous.data());
    EXPECT_LE(withMask.window.x0, 5);
    // The same input gives the same answer (no hidden state between calls).
    EXPECT_EQ(seg->predict({image.data(), w, h, 3}, prompts, none.data()).probability, first.probability);
}

TEST(InteractiveModel, AutomaticOrDamagedModelsAreTypedErrors)
{
    test::TempDir dir;
    ml::ModelConfig automatic = tinyInteractive();
    automatic.architecture = "unet";
    automatic.promptChannels = 0;
    auto net = ml::ModelRegistry::builtin().create(automatic);
    ml::saveModel(net, automatic, dir.file("auto.pt"));
    EXPECT_THROW(ml::InteractiveSegmenter::load(dir.file("auto.pt")), ml::ModelError);
    const ml::ModelConfig c = tinyInteractive();
    ml::saveModel(ml::ModelRegistry::builtin().create(c), c, dir.file("assist.pt"));
    // Nor does the automatic path run an interactive model (it would feed it the image alone).
    EXPECT_THROW(ml::Segmenter::load(dir.file("assist.pt")), ml::ModelError);
    std::ofstream(dir.file("assist.pt"), std::ios::binary | std::ios::trunc) << "PK\x03\x04 not really a zip";
    EXPECT_THROW(ml::InteractiveSegmenter::load(dir.file("assist.pt")), ml::ModelError);
}

TEST(InteractiveModel, ClickSimulationIsDeterministicWithASeed)
{
    const ml::ModelConfig c = tinyInteractive();
    torch::manual_seed(5);
    auto net = ml::ModelRegistry::builtin().create(c);
    const torch::Tensor images = torch::randn({4, 3, 32, 32});
    torch::Tensor masks = torch::zeros({4, 32, 32}, torch::kLong);
    masks.index_put_({torch::indexing::Slice(), torch::indexing::Slice(8, 20), torch::indexing::Slice(6, 18)}, 1);
    masks.index_put_({torch::indexing::Slice(), torch::indexing::Slice(22, 30), torch::indexing::Slice(20, 30)}, 2);
    std::mt19937 a(11), b(11), other(12);
    ml::ClickSimulationOptions opt;
    opt.maxRounds = 2;
    const auto x = ml::simulateInteraction(net, images, masks, torch::kCPU, a, opt);
    const auto y = ml::simulateInteraction(net, images, masks, torch::kCPU, b, opt);
    EXPECT_TRUE(torch::equal(x.inputs, y.inputs));
    EXPECT_TRUE(torch::equal(x.targets, y.targets));
    EXPECT_EQ(x.inputs.sizes(), (std::vector<int64_t>{4, 7, 32, 32}));
    // Each target is one object: one of the two classes, as 0/1.
    EXPECT_LE(x.targets.max().item<int64_t>(), 1);
    for (int i = 0; i < 4; ++i) {
        const auto area = x.targets[i].sum().item<int64_t>();
        EXPECT_TRUE(area == 12 * 12 || area == 8 * 10) << area;
        // A prompt exists in the positive or the box plane.
        EXPECT_GT((x.inputs[i][3].sum() + x.inputs[i][5].sum()).item<double>(), 0.0);
    }
    const auto z = ml::simulateInteraction(net, images, masks, torch::kCPU, other, opt);
    EXPECT_FALSE(torch::equal(x.inputs, z.inputs)); // another seed, other prompts
}

// --interactive --init AUTOMATIC.pt: the automatic UNet's filters start the prompt UNet; the first
// convolution keeps them for the image channels and starts the prompt channels at zero.
TEST(InteractiveModel, TransferInitKeepsTheAutomaticFiltersAndZeroesThePromptChannels)
{
    test::TempDir dir;
    ml::ModelConfig automatic = tinyInteractive();
    automatic.architecture = "unet";
    automatic.promptChannels = 0;
    torch::manual_seed(3);
    auto source = ml::ModelRegistry::builtin().create(automatic);
    ml::saveModel(source, automatic, dir.file("auto.pt"));
    auto target = ml::ModelRegistry::builtin().create(tinyInteractive());
    EXPECT_THROW(ml::loadWeights(target, dir.file("auto.pt")), ml::ModelError) << "exact loading refuses other shapes";
    ml::loadWeights(target, dir.file("auto.pt"), ml::WeightsFit::Transfer);
    const auto from = source->named_parameters(), to = target->named_parameters();
    int widened = 0;
    for (const auto& p : from) {
        const torch::Tensor& t = to[p.key()];
        if (t.sizes() == p.value().sizes()) {
            EXPECT_TRUE(torch::equal(t, p.value())) << p.key();
            continue;
        }
        ++widened;
        EXPECT_TRUE(torch::equal(t.narrow(1, 0, 3), p.value())) << p.key();
        EXPECT_EQ(t.narrow(1, 3, 4).abs().sum().item<float>(), 0.0f) << p.key();
    }
    EXPECT_EQ(widened, 1) << "only the first convolution reads the prompt channels";
}
