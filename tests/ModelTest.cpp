// Internal: checks the network itself (torch types), beyond the public API.
#include "CheckpointIO.h"
#include "Losses.h"
#include "ModelRegistry.h"
#include "TestSupport.h"
#include "delineo/ml/Errors.h"
#include "delineo/ml/Trainer.h"

#include <algorithm>

using namespace delineo;

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
            ml::ModelConfig c;
            c.architecture = arch;
            c.baseWidth = 4;
            c.depth = 3;
            c.inputSize = 32;
            c.inChannels = classes == 1 ? 3 : 1;
            c.classes.resize(classes, {"k", {1, 2, 3}});
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

TEST(UNet, UnknownArchitectureIsModelError)
{
    ml::ModelConfig c;
    c.architecture = "nope";
    EXPECT_THROW(ml::ModelRegistry::builtin().create(c), ml::ModelError);
    EXPECT_EQ(ml::architectures().front(), "unet");
}
