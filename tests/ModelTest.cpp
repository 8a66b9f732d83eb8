// Internal: checks the network itself (torch types), beyond the public API.
#include "CheckpointIO.h"
#include "Losses.h"
#include "ModelRegistry.h"
#include "TestSupport.h"
#include "delineo/ml/Errors.h"
#include "delineo/ml/Trainer.h"

using namespace delineo;

TEST(UNet, ForwardBackwardSaveLoadRoundTrip)
{
    ml::ModelConfig c;
    c.baseWidth = 4;
    c.depth = 3;
    c.inputSize = 32;
    for (int classes : {1, 3}) {
        c.classes.resize(classes, {"k", {1, 2, 3}});
        auto net = ml::ModelRegistry::builtin().create(c);
        auto x = torch::randn({2, 3, 48, 40});
        auto y = net->forward(x);
        EXPECT_EQ(y.sizes(), (std::vector<int64_t>{2, c.outChannels(), 48, 40}));
        auto target = torch::randint(0, classes + 1, {2, 48, 40}).to(torch::kLong).clamp_max(classes == 1 ? 1 : 3);
        auto loss = ml::segmentationLoss(y, target);
        loss.backward();
        for (const auto& p : net->named_parameters()) {
            ASSERT_TRUE(p.value().grad().defined()) << p.key();
            EXPECT_GT(p.value().grad().abs().sum().item<double>(), 0.0) << p.key();
        }
        test::TempDir dir;
        net->eval();
        ml::saveModel(net, c, dir.file("n.pt"));
        auto loaded = ml::loadModel(dir.file("n.pt"), torch::kCPU);
        loaded.net->eval();
        torch::NoGradGuard g;
        EXPECT_TRUE(torch::equal(net->forward(x), loaded.net->forward(x)));
    }
}

TEST(UNet, UnknownArchitectureIsModelError)
{
    ml::ModelConfig c;
    c.architecture = "nope";
    EXPECT_THROW(ml::ModelRegistry::builtin().create(c), ml::ModelError);
    EXPECT_EQ(ml::architectures().front(), "unet");
}
