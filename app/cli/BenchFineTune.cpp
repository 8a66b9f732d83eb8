// bench --finetune: training throughput from folders (delineo-cli train's path) and from a workspace
// (Training → Fine-tune's and delineo-cli finetune's path) on the same Kvasir images, in one run.
#include "BenchSupport.h"
#include "Commands.h"

#include "delineo/core/Errors.h"
#include "delineo/core/FineTune.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/MaskIO.h"
#include "delineo/core/SegmentationDataset.h"
#include "delineo/core/Workspace.h"
#include "delineo/core/WorkspaceFiles.h"
#include "delineo/ml/Device.h"
#include "delineo/ml/Trainer.h"

#include <cstdio>
#include <filesystem>
#include <unistd.h>

namespace fs = std::filesystem;

namespace delineo::cli {

namespace {

// The pairs as workspace images with their masks as corrected revisions; returns the image ids.
std::vector<std::int64_t> addPairs(core::Workspace& ws, const std::vector<core::SamplePair>& pairs, const std::string& name)
{
    std::vector<std::int64_t> ids;
    const std::int64_t caseId = ws.addCase(name);
    for (const auto& p : pairs) {
        const core::LabelMap mask = core::loadMask(p.mask, 1);
        const auto id = ws.addImage(caseId, fs::absolute(p.image).string(), mask.width, mask.height);
        ws.commitMask(id, 0, mask, core::MaskKind::Corrected);
        ids.push_back(id);
    }
    return ids;
}

} // namespace

int benchFineTune(const CliArgs& args)
{
    const ml::ModelConfig cfg = benchModelConfig(args);
    const std::string data = args.require("data");
    auto train = core::SegmentationDataset::kvasirPairs(data, "train.txt");
    auto val = core::SegmentationDataset::kvasirPairs(data, "val.txt");
    train.resize(std::min<std::size_t>(train.size(), static_cast<std::size_t>(args.getInt("images", 150))));
    val.resize(std::min<std::size_t>(val.size(), 10));
    const int runs = std::max(1, args.getInt("runs", 3));
    const fs::path dir = fs::temp_directory_path() / ("delineo-bench-finetune-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);

    // 1. From folders, as delineo-cli train: decoded once, augmented, validated on 10 val images.
    ml::TrainOptions opt;
    opt.epochs = 1 + runs;
    opt.batchSize = args.getInt("batch", 8);
    opt.outputPath = (dir / "base.pt").string();
    std::vector<BenchClock::time_point> folderEnds{BenchClock::now()};
    {
        core::SegmentationDataset trainSet(train, cfg), valSet(val, cfg);
        ml::train(cfg, opt, trainSet, &valSet, [&](const ml::TrainProgress& p) {
            if (p.epochDone)
                folderEnds.push_back(BenchClock::now());
        }, nullptr);
    }
    const EpochRates folder = epochRates(folderEnds, train.size());

    // 2. From a workspace holding the same images and masks, through planFineTune/runFineTune.
    auto ws = core::Workspace::open((dir / "ws").string());
    ws->setClasses({{1, "polyp", 255, 64, 64}});
    addPairs(*ws, train, "train");
    ws->setValidationImages(addPairs(*ws, val, "val"));
    core::addModelFile(*ws, opt.outputPath, "base");
    core::FineTuneSettings settings;
    settings.epochs = 1 + runs;
    settings.batchSize = opt.batchSize;
    const core::FineTunePlan plan = core::planFineTune(*ws, settings);
    std::vector<BenchClock::time_point> storeEnds{BenchClock::now()};
    core::runFineTune(*ws, plan, settings, [&](const ml::TrainProgress& p) {
        if (p.epochDone)
            storeEnds.push_back(BenchClock::now());
    });
    const EpochRates store = epochRates(storeEnds, plan.train.size());
    ws.reset();
    fs::remove_all(dir);

    std::printf("bench finetune: %s base %d, %dx%d, batch %d, augmentation on, %zu Kvasir train images, 10 val "
                "images validated each epoch, %d threads, median of %zu epochs after a warm-up epoch\n",
                cfg.architecture.c_str(), cfg.baseWidth, cfg.inputSize, cfg.inputSize, opt.batchSize, train.size(),
                ml::cpuThreads(), folder.epochs);
    std::printf("  from folders (delineo-cli train):          %.2f images/s (%.2f-%.2f)\n", folder.median, folder.low,
                folder.high);
    std::printf("  from the workspace store (fine-tune):       %.2f images/s (%.2f-%.2f), %zu slices\n", store.median,
                store.low, store.high, plan.train.size());
    std::printf("  fine-tune / train: %.0f%%\n", folder.median > 0 ? 100.0 * store.median / folder.median : 0.0);
    return 0;
}

} // namespace delineo::cli
