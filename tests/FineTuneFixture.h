#pragma once
// A workspace ready to fine-tune, shared by the fine-tune and cluster-job tests.
#include "TestSupport.h"

#include "delineo/core/MaskIO.h"
#include "delineo/core/SegmentationDataset.h"
#include "delineo/core/Workspace.h"
#include "delineo/core/WorkspaceIO.h"
#include "delineo/ml/Checkpoint.h"
#include "delineo/ml/Trainer.h"

#include <filesystem>
#include <memory>
#include <string>

namespace delineo::test {

// Twelve synthetic frames with a disc each, imported as corrected masks, and a tiny UNet trained
// for one epoch on them as the workspace's first (active) model.
struct LoopFixture {
    delineo::test::TempDir dir;
    std::unique_ptr<core::Workspace> ws;
    std::int64_t base = 0;

    // In a workspace folder, or in a PostgreSQL database when `location` is its URL.
    explicit LoopFixture(const std::string& location = "", std::uint64_t seed = 42)
    {
        std::filesystem::create_directories(dir.file("f/images"));
        std::filesystem::create_directories(dir.file("f/masks"));
        for (int i = 0; i < 12; ++i) {
            const std::string name = "frame" + std::to_string(10 + i) + ".png";
            const int cx = 12 + 2 * i, cy = 14 + i, r = 6 + i % 4;
            test::writeDiscImage(dir.file("f/images/" + name), 48, 40, cx, cy, r);
            core::saveMask(dir.file("f/masks/" + name), test::discMask(48, 40, cx, cy, r), 1);
        }
        ws = core::Workspace::open(location.empty() ? dir.file("ws") : location);
        EXPECT_EQ(core::importFrames(*ws, dir.file("f"), 1).masks, 12);
        ml::ModelConfig cfg;
        cfg.baseWidth = 4;
        cfg.depth = 2;
        cfg.inputSize = 32;
        core::SegmentationDataset data(core::SegmentationDataset::folderPairs(dir.file("f/images"), dir.file("f/masks")), cfg);
        ml::TrainOptions opt;
        opt.epochs = 1;
        opt.batchSize = 4;
        opt.outputPath = dir.file("base.pt");
        opt.seed = seed;
        ml::train(cfg, opt, data, nullptr, nullptr, nullptr);
        base = ws->addModel(dir.file("base.pt"), ml::readSidecar(dir.file("base.pt")).toJson());
    }
};

} // namespace delineo::test
