// Internal: checks the network itself (torch types), beyond the public API.
#include "CheckpointIO.h"
#include "ImageTensor.h"
#include "Losses.h"
#include "ModelRegistry.h"
#include "models/Blocks.h"
#include "models/FusedConv.h"
#include "TestSupport.h"
#include "delineo/ml/Errors.h"
#include "delineo/ml/Trainer.h"

#include <algorithm>
#include <cmath>

using namespace delineo;

// A small net of depth 3: RGB input for a binary model, grey for a multi-class one.
static ml::ModelConfig smallConfig(const std::string& arch, int classes, int base, int size)
{
    ml::ModelConfig c;
    c.architecture = arch;
    c.baseWidth = base;
    c.depth = 3;
    c.inputSize = size;
    c.inChannels = classes == 1 ? 3 : 1;
    c.classes.resize(classes, {"k", {1, 2, 3}});
    return c;
}

// Every registered architecture: output shape (also for sizes that are not multiples of 2^depth),
// a gradient on every parameter, 1 or 3 input channels, binary or multi-class, and a save/load round trip.
TEST(Models, EveryArchitectureForwardBackwardSaveLoad)
{
    const auto ids = ml::architectures();
    for (const char* expected : {"unet", "unetpp", "attention_unet", "unet3p", "deeplabv3p", "fcn"})
        EXPECT_NE(std::find(ids.begin(), ids.end(), expected), ids.end()) << expected;
    for (const auto& arch : ids) {
        for (int classes : {1, 3}) {
            SCOPED_TRACE(arch + " with " + std::to_string(classes) + " classes");
            const ml::ModelConfig c = smallConfig(arch, classes, 4, 32);
            torch::manual_seed(1);
            auto net = ml::ModelRegistry::builtin().create(c);
            auto x = torch::randn({2, c.inChannels, 50, 38});
            auto y = net->forward(x);
            ASSERT_EQ(y.sizes(), (std::vector<int64_t>{2, c.outChannels(), 50, 38}));
            auto target = torch::randint(0, classes + 1, {2, 50, 38}).to(torch::kLong);
            ml::segmentationLoss(y, target).backward();
            for (const auto& p : net->named_parameters()) {
                ASSERT_TRUE(p.value().grad().defined()) << p.key();
                EXPECT_GT(p.value().grad().abs().sum().item<double>(), 0.0) << p.key();
            }
            test::TempDir dir;
            net->eval();
            ml::saveModel(net, c, dir.file("n.pt"));
            auto loaded = ml::loadModel(dir.file("n.pt"), torch::kCPU);
            EXPECT_EQ(loaded.config.architecture, arch);
            loaded.net->eval();
            torch::NoGradGuard g;
            EXPECT_TRUE(torch::equal(net->forward(x), loaded.net->forward(x)));
        }
    }
}

// A fine-tune that adds classes after a model's own grows its head (WeightsFit::MoreClasses). For
// every architecture the classes there were keep their logits (a binary model's one logit becomes
// the first class of a softmax over a zero background); the new class starts freshly initialised.
TEST(Models, AddedClassesGrowTheHeadAndKeepTheClassesThereWere)
{
    for (const auto& arch : ml::architectures()) {
        for (int classes : {1, 2}) {
            SCOPED_TRACE(arch + " with " + std::to_string(classes) + " classes");
            ml::ModelConfig before = smallConfig(arch, classes, 4, 32);
            before.inChannels = 1;
            ml::ModelConfig after = before;
            after.classes.push_back({"new", {9, 9, 9}});
            torch::manual_seed(5);
            auto source = ml::ModelRegistry::builtin().create(before);
            test::TempDir dir;
            ml::saveModel(source, before, dir.file("b.pt"));
            auto grown = ml::ModelRegistry::builtin().create(after);
            EXPECT_THROW(ml::loadWeights(grown, dir.file("b.pt")), ml::ModelError) << "exact loading refuses another head";
            ml::loadWeights(grown, dir.file("b.pt"), ml::WeightsFit::MoreClasses);
            source->eval();
            grown->eval();
            torch::NoGradGuard g;
            const auto x = torch::randn({1, 1, 32, 32});
            const auto old = source->forward(x), now = grown->forward(x);
            ASSERT_EQ(now.size(1), after.outChannels());
            EXPECT_TRUE(torch::allclose(now.narrow(1, classes == 1 ? 1 : 0, old.size(1)), old, 1e-4, 1e-5));
            if (classes == 1)
                EXPECT_EQ(now.select(1, 0).abs().max().item<double>(), 0.0) << "background at zero";
            EXPECT_GT(now.select(1, after.outChannels() - 1).abs().max().item<double>(), 0.0) << "the new class can learn";
        }
    }
    // Anything but a grown head is still refused.
    test::TempDir dir;
    ml::ModelConfig narrow = smallConfig("unet", 1, 4, 32);
    ml::saveModel(ml::ModelRegistry::builtin().create(narrow), narrow, dir.file("n.pt"));
    ml::ModelConfig wide = narrow;
    wide.baseWidth = 8;
    wide.classes.push_back({"new", {9, 9, 9}});
    EXPECT_THROW(ml::loadWeights(ml::ModelRegistry::builtin().create(wide), dir.file("n.pt"), ml::WeightsFit::MoreClasses),
                 ml::ModelError);
}

TEST(UNet, UnknownArchitectureIsModelError)
{
    ml::ModelConfig c;
    c.architecture = "nope";
    EXPECT_THROW(ml::ModelRegistry::builtin().create(c), ml::ModelError);
    EXPECT_EQ(ml::architectures().front(), "unet");
}

// Hand-checkable values of the losses and the combination syntax.
TEST(Losses, HandComputedValuesAndSpecs)
{
    // Binary: logit 0 everywhere gives p = 0.5, so BCE = ln 2 whatever the target.
    const auto zeros = torch::zeros({1, 1, 2, 2});
    const auto target = torch::tensor({1, 0, 0, 1}, torch::kLong).view({1, 2, 2});
    EXPECT_NEAR(ml::bceLoss(zeros, target).item<double>(), std::log(2.0), 1e-6);
    EXPECT_NEAR(ml::crossEntropyLoss(zeros, target).item<double>(), std::log(2.0), 1e-6);
    // Focal with p_true = 0.5 is (0.5)^2 * BCE.
    EXPECT_NEAR(ml::focalLoss(zeros, target).item<double>(), 0.25 * std::log(2.0), 1e-6);
    // Soft Dice with eps 1: inter = 0.5 * 2, sums 2 + 2 -> 1 - (2 + 1) / (4 + 1).
    EXPECT_NEAR(ml::diceLoss(zeros, target).item<double>(), 1.0 - 3.0 / 5.0, 1e-6);
    // A confident, correct multi-class prediction costs almost nothing.
    auto logits = torch::full({1, 3, 2, 2}, -20.0);
    const auto t3 = torch::tensor({0, 1, 2, 1}, torch::kLong).view({1, 2, 2});
    for (int i = 0; i < 4; ++i)
        logits[0][t3.view(-1)[i].item<int64_t>()][i / 2][i % 2] = 20.0;
    EXPECT_LT(ml::crossEntropyLoss(logits, t3).item<double>(), 1e-6);
    EXPECT_LT(ml::focalLoss(logits, t3).item<double>(), 1e-6);
    EXPECT_LT(ml::diceLoss(logits, t3).item<double>(), 1e-6);
    // Weighted sums.
    const auto terms = ml::parseLoss("0.5*focal+dice");
    ASSERT_EQ(terms.size(), 2u);
    EXPECT_DOUBLE_EQ(terms[0].weight, 0.5);
    EXPECT_EQ(terms[1].name, "dice");
    EXPECT_NEAR(ml::combinedLoss(zeros, target, terms).item<double>(), 0.125 * std::log(2.0) + 0.4, 1e-6);
    EXPECT_THROW(ml::parseLoss("dice+"), ml::TrainingError);
    EXPECT_THROW(ml::parseLoss("-1*bce"), ml::TrainingError);
    EXPECT_THROW(ml::parseLoss("hinge"), ml::TrainingError);
}

// On the CPU the UNet runs in oneDNN's blocked layout, its decoder convolutions split by input
// channel instead of concatenating. Float64 takes the plain path; both must agree, in training
// (batch statistics, running averages, gradients) and in evaluation.
TEST(UNet, BlockedLayoutMatchesThePlainPath)
{
    if (!at::hasMKLDNN())
        GTEST_SKIP() << "this LibTorch has no oneDNN";
    ml::ModelConfig c;
    c.architecture = "unet";
    c.baseWidth = 8;
    c.depth = 3;
    c.inputSize = 48;
    torch::manual_seed(5);
    const auto x = torch::randn({2, 3, 48, 40});
    EXPECT_TRUE(ml::blockedLayoutSuits(x));
    EXPECT_FALSE(ml::blockedLayoutSuits(x.to(torch::kDouble)));
    torch::manual_seed(3);
    auto blocked = ml::ModelRegistry::builtin().create(c);
    torch::manual_seed(3);
    auto plain = ml::ModelRegistry::builtin().create(c);
    plain->to(torch::kDouble);

    const auto relative = [](const torch::Tensor& a, const torch::Tensor& b) {
        return ((a.to(torch::kDouble) - b).abs().max() / b.abs().max().clamp_min(1e-12)).item<double>();
    };
    const auto yb = blocked->forward(x);
    const auto yp = plain->forward(x.to(torch::kDouble));
    EXPECT_FALSE(yb.is_mkldnn());
    EXPECT_LT(relative(yb, yp), 1e-4);
    (yb * yb).mean().backward();
    (yp * yp).mean().backward();
    // Gradients pass back through batch norm over a batch of two, whose float32 cancellations leave
    // a few 1e-3 of the float64 gradient when oneDNN splits the work differently (seen under ctest
    // -j2 with another test running), up to 2.6e-2 when the whole binary runs in one process (the
    // tests before this one change oneDNN's threading); a wrong path differs by its whole size.
    const auto overall = [](const torch::Tensor& a, const torch::Tensor& b) {
        return ((a.to(torch::kDouble) - b).norm() / b.norm().clamp_min(1e-12)).item<double>();
    };
    const auto pb = blocked->named_parameters(), pp = plain->named_parameters();
    for (const auto& p : pb)
        EXPECT_LT(overall(p.value().grad(), pp[p.key()].grad()), 5e-2) << p.key();
    const auto bb = blocked->named_buffers(), bp = plain->named_buffers();
    for (const auto& b : bb)
        if (b.value().is_floating_point())
            EXPECT_LT(relative(b.value(), bp[b.key()]), 1e-4) << b.key();

    blocked->eval();
    plain->eval();
    torch::NoGradGuard noGrad;
    EXPECT_LT(relative(blocked->forward(x), plain->forward(x.to(torch::kDouble))), 1e-4);
}

// The inference form (batch norm folded into the convolutions, weights in oneDNN's order, ReLU and
// split-convolution sums fused, blocked layout end to end) against the plain float64 path, for every
// architecture, with batch-norm statistics that are far from the identity.
TEST(Models, InferenceFormMatchesThePlainPathForEveryArchitecture)
{
    if (!at::hasMKLDNN())
        GTEST_SKIP() << "this LibTorch has no oneDNN";
    for (const auto& arch : ml::architectures()) {
        for (int classes : {1, 3}) {
            SCOPED_TRACE(arch + " with " + std::to_string(classes) + " classes");
            const ml::ModelConfig c = smallConfig(arch, classes, 8, 48);
            torch::manual_seed(5);
            auto net = ml::ModelRegistry::builtin().create(c);
            {
                torch::NoGradGuard noGrad;
                for (auto& p : net->named_parameters())
                    if (p.key().find(".1.") != std::string::npos || p.key().find("bn") != std::string::npos)
                        p.value().uniform_(0.5, 1.5);
                for (int i = 0; i < 3; ++i) // running statistics of shifted, scaled inputs
                    net->forward(torch::randn({2, c.inChannels, 48, 40}) * 3 + 1);
            }
            net->eval();
            const auto x = torch::randn({1, c.inChannels, 50, 38}) * 3 + 1;
            torch::NoGradGuard noGrad;
            net->to(torch::kDouble);
            const auto plain = net->forward(x.to(torch::kDouble));
            net->to(torch::kFloat);
            const int fused = ml::prepareForInference(*net);
            EXPECT_GT(fused, 2);
            const auto y = net->forward(x);
            ASSERT_EQ(y.sizes(), plain.sizes());
            EXPECT_FALSE(y.is_mkldnn());
            const double err = ((y.to(torch::kDouble) - plain).abs().max() / plain.abs().max()).item<double>();
            EXPECT_LT(err, 1e-4) << "relative error " << err;
            // A second call reuses the prepared kernels and gives the same answer.
            EXPECT_TRUE(torch::equal(net->forward(x), y));
        }
    }
}

// The one-pass resampling of class probabilities to the image's size gives what interpolating,
// thresholding and arg-maxing the tensors gives, binary and 3-class, up and down.
TEST(Models, ResamplingToTheImageMatchesTheTensorPath)
{
    namespace F = torch::nn::functional;
    torch::manual_seed(3);
    for (const int planes : {1, 4}) {
        auto probs = torch::rand({planes, 64, 64});
        probs = planes == 1 ? probs : torch::softmax(probs * 6, 0);
        for (const auto& [w, h] : std::vector<std::pair<int, int>>{{622, 530}, {40, 31}, {64, 64}, {1920, 1080}}) {
            const auto up = F::interpolate(probs.unsqueeze(0), F::InterpolateFuncOptions()
                                                                   .size(std::vector<int64_t>{h, w})
                                                                   .mode(torch::kBilinear)
                                                                   .align_corners(false))
                                .squeeze(0);
            const auto mx = up.max(0);
            const auto labels = planes == 1 ? (up[0] > 0.5).to(torch::kUInt8) : std::get<1>(mx).to(torch::kUInt8);
            const auto conf = planes == 1 ? torch::max(up[0], 1 - up[0]) : std::get<0>(mx);
            const auto want = (conf * 255.0).round().clamp(0, 255).to(torch::kUInt8).contiguous();
            const auto wantPlanes = (up * 255.0).round().clamp(0, 255).to(torch::kUInt8).contiguous();
            const ml::Prediction p = ml::predictionAtImageSize(probs, w, h, true);
            ASSERT_EQ(p.labels.size(), std::size_t(w) * h);
            const std::size_t n = p.labels.size();
            std::size_t labelDiff = 0, confDiff = 0, planeDiff = 0;
            const auto* l = labels.contiguous().data_ptr<std::uint8_t>();
            const auto* c = want.data_ptr<std::uint8_t>();
            const auto* q = wantPlanes.data_ptr<std::uint8_t>();
            for (std::size_t i = 0; i < n; ++i) {
                labelDiff += p.labels[i] != l[i];
                confDiff += std::abs(int(p.confidence[i]) - int(c[i])) > 1;
            }
            for (std::size_t i = 0; i < n * std::size_t(planes); ++i)
                planeDiff += std::abs(int(p.probabilities[i]) - int(q[i])) > 1;
            // Float rounding may flip a pixel whose probabilities tie to 1e-7; none differ by more.
            EXPECT_LE(labelDiff, n / 100000) << planes << " planes, " << w << "x" << h;
            EXPECT_EQ(confDiff, 0u) << planes << " planes, " << w << "x" << h;
            EXPECT_EQ(planeDiff, 0u) << planes << " planes, " << w << "x" << h;
        }
    }
}
