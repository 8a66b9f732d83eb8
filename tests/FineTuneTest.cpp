#include "PostgresServer.h"
#include "TestSupport.h"
#include "FineTuneFixture.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/SliceContext.h"

#include "delineo/core/Errors.h"
#include "delineo/core/FineTune.h"
#include "delineo/core/MaskIO.h"
#include "delineo/core/SegmentationDataset.h"
#include "delineo/core/WorkspaceIO.h"
#include "delineo/ml/Checkpoint.h"
#include "delineo/ml/Errors.h"
#include "delineo/ml/Segmenter.h"

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include <atomic>
#include <filesystem>

using namespace delineo;
using delineo::test::TempDir;
using delineo::test::LoopFixture;

namespace {

core::FineTuneSettings oneEpochFromScratch()
{
    core::FineTuneSettings settings;
    settings.epochs = 1;
    settings.batchSize = 4;
    settings.fromScratch = true;
    return settings;
}

} // namespace

// The whole loop headless: corrected masks train (AI drafts never), the validation split is
// frozen on first use, a new version with per-class metrics appears beside the untouched active
// model, then promote and roll back.
class FineTuneLoop : public ::testing::TestWithParam<std::string> {};

TEST_P(FineTuneLoop, CorrectTrainPromoteRollBack)
{
    TempDir place;
    WORKSPACE_LOCATION_OR_SKIP(location, GetParam(), place);
    LoopFixture fx(GetParam() == "sqlite" ? "" : location);
    core::Workspace& ws = *fx.ws;
    ASSERT_EQ(ws.activeModel()->id, fx.base);
    // The newest revision of one frame is an AI draft: it must not train.
    const auto drafted = ws.reviewedSlices().front();
    ws.commitMask(drafted.imageId, 0, core::LabelMap(48, 40), core::MaskKind::AiDraft, fx.base);

    core::FineTuneSettings settings;
    settings.epochs = 2;
    settings.batchSize = 4;
    const auto plan = core::planFineTune(ws, settings);
    EXPECT_TRUE(plan.splitChosenNow);
    ASSERT_GE(plan.valImages.size(), 1u);
    EXPECT_EQ(plan.train.size() + plan.val.size(), 11u);
    for (const auto& r : plan.train) {
        EXPECT_NE(r.imageId, drafted.imageId);
        EXPECT_EQ(std::count(plan.valImages.begin(), plan.valImages.end(), r.imageId), 0);
    }
    const auto again = core::planFineTune(ws, settings);
    EXPECT_FALSE(again.splitChosenNow);
    EXPECT_EQ(again.valImages, plan.valImages) << "the split is frozen";

    const auto out = core::runFineTune(ws, plan, settings);
    ASSERT_EQ(out.status, core::RunStatus::Finished);
    ASSERT_GT(out.modelId, fx.base);
    EXPECT_TRUE(out.hasValidation);
    const auto tuned = ws.model(out.modelId);
    ASSERT_TRUE(tuned);
    EXPECT_EQ(tuned->parentId, fx.base);
    EXPECT_FALSE(tuned->active);
    EXPECT_EQ(ws.activeModel()->id, fx.base) << "a retrain never changes the active model";
    EXPECT_EQ(tuned->dataHash, plan.dataHash);
    EXPECT_GT(tuned->seconds, 0);
    EXPECT_TRUE(std::filesystem::exists(core::modelFile(ws, *tuned)));
    const auto metrics = nlohmann::json::parse(tuned->metrics);
    EXPECT_TRUE(metrics["val"]["polyp"]["dice"].is_number());
    EXPECT_DOUBLE_EQ(metrics["val"]["mean"]["dice"].get<double>(), out.tuned.mean.dice);
    EXPECT_TRUE(nlohmann::json::parse(ws.model(fx.base)->metrics)["val"]["polyp"]["dice"].is_number())
        << "the base is measured on the same split";
    const auto runs = ws.trainingRuns();
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_EQ(runs[0].status, core::RunStatus::Finished);
    EXPECT_EQ(runs[0].modelId, out.modelId);
    EXPECT_EQ(runs[0].baseModelId, fx.base);

    ws.promote(out.modelId);
    EXPECT_EQ(ws.activeModel()->id, out.modelId);
    EXPECT_EQ(ws.rollback(), fx.base);
    EXPECT_EQ(ws.activeModel()->id, fx.base);
    EXPECT_EQ(ws.rollback(out.modelId), out.modelId);
    EXPECT_EQ(ws.models().size(), 2u) << "nothing is ever deleted";
    EXPECT_THROW(ws.promote(999), core::ImageError);
}

INSTANTIATE_TEST_SUITE_P(Backends, FineTuneLoop, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

// Cancel records the run as cancelled, adds no version and leaves no files; a run that was
// still running when its process died reads as failed on the next open.
TEST(FineTune, CancelAndCrashLeaveTheActiveModelAlone)
{
    LoopFixture fx;
    core::FineTuneSettings settings;
    settings.epochs = 3;
    const auto plan = core::planFineTune(*fx.ws, settings);
    std::atomic<bool> cancel{true};
    const auto out = core::runFineTune(*fx.ws, plan, settings, nullptr, &cancel);
    EXPECT_EQ(out.status, core::RunStatus::Cancelled);
    EXPECT_EQ(out.modelId, 0);
    EXPECT_EQ(fx.ws->models().size(), 1u);
    EXPECT_EQ(fx.ws->activeModel()->id, fx.base);
    EXPECT_EQ(fx.ws->trainingRuns().back().status, core::RunStatus::Cancelled);
    std::error_code ec;
    EXPECT_TRUE(std::filesystem::is_empty(fx.dir.file("ws/models"), ec) || !std::filesystem::exists(fx.dir.file("ws/models")));

    fx.ws->startTrainingRun(fx.base, "{}", "{}");
    fx.ws.reset();
    auto reopened = core::Workspace::open(fx.dir.file("ws"));
    EXPECT_EQ(reopened->trainingRuns().back().status, core::RunStatus::Failed);
    EXPECT_EQ(reopened->activeModel()->id, fx.base);
    EXPECT_EQ(reopened->schemaVersion(), core::Workspace::kSchemaVersion);
}

TEST(FineTune, WithoutModelOrCorrectionsIsATypedError)
{
    TempDir dir;
    auto ws = core::Workspace::open(dir.file("ws"));
    try {
        core::planFineTune(*ws, {});
        FAIL() << "expected NotFound";
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::NotFound);
    }
}

TEST(FineTune, MeanEntropyIsZeroWhenCertainAndOneForACoinToss)
{
    ml::Prediction p;
    p.width = 4;
    p.height = 2;
    p.probabilityPlanes = 1;
    p.probabilities.assign(8, 255);
    EXPECT_NEAR(ml::meanEntropy(p), 0.0, 1e-9);
    p.probabilities.assign(8, 0);
    EXPECT_NEAR(ml::meanEntropy(p), 0.0, 1e-9);
    p.probabilities.assign(8, 128);
    EXPECT_NEAR(ml::meanEntropy(p), 1.0, 1e-3);
    // Three classes, uniform: the maximum, normalised to 1; half certain pixels: 0.5.
    p.probabilityPlanes = 3;
    p.probabilities.assign(24, 85);
    EXPECT_NEAR(ml::meanEntropy(p), 1.0, 0.01);
    for (int i = 0; i < 4; ++i) {
        p.probabilities[i] = 255;
        p.probabilities[8 + i] = 0;
        p.probabilities[16 + i] = 0;
    }
    EXPECT_NEAR(ml::meanEntropy(p), 0.5, 0.01);
}

TEST(FineTune, RankingScoresOnlyUnreviewedImages)
{
    LoopFixture fx;
    test::writeDiscImage(fx.dir.file("new.png"), 48, 40, 20, 20, 8);
    core::importFrames(*fx.ws, fx.dir.file("new.png").substr(0, fx.dir.file("new.png").rfind('/')), 1);
    const auto model = ml::Segmenter::load(fx.dir.file("base.pt"));
    const auto ranked = core::rankByUncertainty(*fx.ws, *model, fx.base);
    ASSERT_EQ(ranked.size(), 1u) << "the twelve corrected frames are not ranked";
    EXPECT_EQ(fx.ws->image(ranked[0].first)->path.substr(fx.ws->image(ranked[0].first)->path.rfind('/') + 1), "new.png");
    EXPECT_EQ(fx.ws->uncertainties().size(), 1u);
}

// The interactive (AI Assist) model has its own line of versions: adding, promoting and rolling it
// back never changes the automatic model in use, and its fine-tune reports a simulated annotator's
// clicks on the frozen split for the base and the new weights.
TEST(FineTune, TheInteractiveModelHasItsOwnLineAndClickFigures)
{
    LoopFixture fx;
    core::Workspace& ws = *fx.ws;
    EXPECT_FALSE(ws.activeModel(core::ModelKind::Interactive)) << "no interactive model yet";
    core::FineTuneSettings settings;
    settings.kind = core::ModelKind::Interactive;
    settings.epochs = 2;
    EXPECT_THROW(core::planFineTune(ws, settings), core::ImageError);

    const ml::ModelConfig cfg = test::tinyAssistConfig(32);
    core::SegmentationDataset data(core::SegmentationDataset::folderPairs(fx.dir.file("f/images"), fx.dir.file("f/masks")), cfg);
    ml::TrainOptions opt;
    opt.epochs = 1;
    opt.batchSize = 4;
    opt.outputPath = fx.dir.file("assist.pt");
    ml::train(cfg, opt, data, nullptr, nullptr, nullptr);
    const auto assist = ws.addModel(fx.dir.file("assist.pt"), ml::readSidecar(fx.dir.file("assist.pt")).toJson());
    EXPECT_EQ(ws.activeModel()->id, fx.base) << "the automatic model stays in use";
    ASSERT_TRUE(ws.activeModel(core::ModelKind::Interactive));
    EXPECT_EQ(ws.activeModel(core::ModelKind::Interactive)->id, assist) << "the first of its kind is active";
    EXPECT_EQ(ws.model(assist)->kind, core::ModelKind::Interactive);
    EXPECT_EQ(ws.model(fx.base)->kind, core::ModelKind::Automatic);
    EXPECT_TRUE(ws.model(fx.base)->active);
    EXPECT_TRUE(ws.model(assist)->active);

    const core::FineTunePlan plan = core::planFineTune(ws, settings);
    EXPECT_EQ(plan.base.id, assist);
    ASSERT_FALSE(plan.val.empty());
    const core::FineTuneOutcome out = core::runFineTune(ws, plan, settings);
    ASSERT_GT(out.modelId, 0);
    EXPECT_GT(out.tunedClicks.objects, 0);
    EXPECT_EQ(out.tunedClicks.objects, out.baseClicks.objects);
    EXPECT_GE(out.tunedClicks.noc90, 0.0);
    EXPECT_LE(out.tunedClicks.noc90, 20.0);
    const auto metrics = nlohmann::json::parse(ws.model(out.modelId)->metrics);
    ASSERT_TRUE(metrics.contains("clicks"));
    EXPECT_DOUBLE_EQ(metrics["clicks"]["NoC@90"].get<double>(), out.tunedClicks.noc90);
    EXPECT_EQ(ws.model(out.modelId)->kind, core::ModelKind::Interactive);

    ws.promote(out.modelId);
    EXPECT_EQ(ws.activeModel(core::ModelKind::Interactive)->id, out.modelId);
    EXPECT_EQ(ws.activeModel()->id, fx.base) << "promoting AI Assist leaves the automatic model";
    EXPECT_EQ(ws.rollback(0, core::ModelKind::Interactive), assist);
    EXPECT_EQ(ws.activeModel()->id, fx.base);
    EXPECT_THROW(ws.rollback(), core::ImageError) << "the automatic line has nothing earlier";
}

// Training from scratch may take another of the seeds' architectures (the Train from Scratch
// dialog's choice, `finetune --scratch --arch`); an unknown one, or a promptable one for an
// automatic model, is refused before anything is written.
TEST(FineTune, FromScratchWithAnotherArchitecture)
{
    LoopFixture fx;
    core::Workspace& ws = *fx.ws;
    core::FineTuneSettings settings = oneEpochFromScratch();
    settings.architecture = "fcn";
    const auto plan = core::planFineTune(ws, settings);
    const auto out = core::runFineTune(ws, plan, settings);
    ASSERT_EQ(out.status, core::RunStatus::Finished);
    const auto made = ws.model(out.modelId);
    ASSERT_TRUE(made);
    EXPECT_EQ(ml::readSidecar(core::modelFile(ws, *made)).architecture, "fcn");
    EXPECT_EQ(made->parentId, 0);
    EXPECT_EQ(nlohmann::json::parse(ws.trainingRuns().back().settings)["architecture"], "fcn");
    const auto versions = ws.models().size();
    for (const char* bad : {"no_such_net", "prompt_unet"}) {
        settings.architecture = bad;
        EXPECT_THROW(core::runFineTune(ws, plan, settings), ml::ModelError) << bad;
    }
    EXPECT_EQ(ws.models().size(), versions);
}

// A 2.5D model trained from a 2D base: it reads its neighbours (here single frames: the frame
// mirrored), records its context, and the base is still measured on its own 2D input.
TEST(FineTune, FromScratchAsATwoAndAHalfDModel)
{
    LoopFixture fx;
    core::Workspace& ws = *fx.ws;
    core::FineTuneSettings settings = oneEpochFromScratch();
    settings.contextSlices = 3;
    const auto plan = core::planFineTune(ws, settings);
    const auto out = core::runFineTune(ws, plan, settings);
    ASSERT_EQ(out.status, core::RunStatus::Finished);
    ASSERT_TRUE(out.hasValidation);
    EXPECT_GT(out.base.mean.pixelAccuracy, 0.0);
    const auto made = ws.model(out.modelId);
    ASSERT_TRUE(made);
    const ml::ModelConfig cfg = ml::readSidecar(core::modelFile(ws, *made));
    EXPECT_EQ(cfg.contextSlices, 3);
    EXPECT_EQ(nlohmann::json::parse(ws.trainingRuns().back().settings)["contextSlices"], 3);
    const auto model = ml::Segmenter::load(core::modelFile(ws, *made));
    const core::Volume v = core::loadVolume(ws.image(plan.val.front().imageId)->path);
    const core::Image in = core::modelInputImage(v, 0, model->config());
    EXPECT_EQ(in.channels, 3 * cfg.inChannels);
    EXPECT_EQ(model->predict({in.bytes.data(), in.width, in.height, in.channels}).labels.size(), in.pixelCount());
    const auto versions = ws.models().size();
    settings.contextSlices = 4;
    EXPECT_THROW(core::runFineTune(ws, plan, settings), ml::ModelError);
    EXPECT_EQ(ws.models().size(), versions);
}

// A workspace may name classes the model has no output for (added in the window's Classes panel):
// training a model from its masks takes them as background, never as an output the model lacks
// (a label past a softmax's classes would stop the run; past a binary model's, skew its loss).
// A class the workspace names after the model's own (drawn in the window, "bleeding" beside the
// polyp model's one class) joins the model at the next fine-tune: the new version has both
// classes and figures for both on the frozen split, and finds the new class where it was drawn;
// the base is measured on its own class. --keep-classes keeps the model's classes only.
TEST(FineTune, AClassTheWorkspaceAddsIsLearntByTheNextFineTune)
{
    LoopFixture fx;
    core::Workspace& ws = *fx.ws;
    ws.setClasses({{1, "polyp", 255, 0, 0}, {2, "bleeding", 0, 0, 255}});
    // Every corrected frame shows a green band along its bottom rows, drawn as the new class.
    for (const auto& r : ws.reviewedSlices()) {
        const std::string path = ws.image(r.imageId)->path;
        cv::Mat frame = cv::imread(path);
        frame(cv::Rect(0, 32, frame.cols, 8)).setTo(cv::Scalar(20, 210, 30));
        ASSERT_TRUE(cv::imwrite(path, frame));
        core::LabelMap m = ws.latestMask(r.imageId, r.slice)->labels;
        for (int y = 32; y < 40; ++y)
            for (int x = 0; x < m.width; ++x)
                m.at(x, y) = 2;
        ws.commitMask(r.imageId, r.slice, m, core::MaskKind::Corrected);
    }
    core::FineTuneSettings settings;
    settings.epochs = 20;
    settings.batchSize = 4;
    settings.learningRate = 3e-3;
    const auto plan = core::planFineTune(ws, settings);
    const auto cfg = core::trainingConfig(plan, settings, ws);
    ASSERT_EQ(cfg.numForeground(), 2);
    EXPECT_EQ(cfg.classes[1].name, "bleeding");
    EXPECT_FALSE(cfg.binary());
    const auto out = core::runFineTune(ws, plan, settings);
    ASSERT_EQ(out.status, core::RunStatus::Finished);
    const auto tuned = ws.model(out.modelId);
    ASSERT_TRUE(tuned);
    const auto sidecar = ml::ModelConfig::fromJson(tuned->sidecar);
    ASSERT_EQ(sidecar.numForeground(), 2);
    EXPECT_EQ(sidecar.classes[0].name, "polyp");
    EXPECT_EQ(sidecar.classes[1].name, "bleeding");
    const auto metrics = nlohmann::json::parse(tuned->metrics);
    EXPECT_TRUE(metrics["val"]["bleeding"]["dice"].is_number()) << metrics.dump();
    EXPECT_TRUE(metrics["baseVal"]["polyp"]["dice"].is_number()) << metrics.dump();
    EXPECT_FALSE(metrics["baseVal"].contains("bleeding")) << "the base has no output for it";
    // The new version finds the band on a training frame.
    const auto model = ml::Segmenter::load(core::modelFile(ws, *tuned));
    const auto image = ws.image(plan.train.front().imageId);
    ASSERT_TRUE(image);
    const core::Volume v = core::loadVolume(image->path);
    const core::Image in = core::modelInputImage(v, 0, model->config());
    const auto predicted = model->predict({in.bytes.data(), in.width, in.height, in.channels});
    ASSERT_EQ(predicted.labels.size(), std::size_t(48 * 40));
    int band = 0, elsewhere = 0;
    for (int y = 0; y < 40; ++y)
        for (int x = 0; x < 48; ++x)
            (y >= 32 ? band : elsewhere) += predicted.labels[std::size_t(y * 48 + x)] == 2;
    EXPECT_GT(band, 48 * 8 / 3) << "the new class where it was drawn";
    EXPECT_LT(elsewhere, band / 4);
    EXPECT_GT(metrics["val"]["bleeding"]["dice"].get<double>(), 0.5) << "and on the frozen split";

    settings.learnNewClasses = false;
    settings.epochs = 1;
    EXPECT_EQ(core::trainingConfig(core::planFineTune(ws, settings), settings, ws).numForeground(), 1);
}

TEST(FineTune, ClassesTheModelHasNoOutputForAreBackgroundToIt)
{
    for (int classes : {1, 3}) {
        ml::ModelConfig c;
        c.inChannels = 1;
        c.inputSize = 16;
        c.classes.assign(std::size_t(classes), {"organ", {255, 0, 0}});
        core::Image img;
        img.width = img.height = 16;
        img.channels = 1;
        img.type = core::PixelType::U8;
        img.bytes.assign(256, 100);
        core::LabelMap mask(16, 16);
        for (int x = 0; x < 16; ++x) {
            mask.at(x, 2) = 1;                          // the model's first class
            mask.at(x, 8) = std::uint8_t(classes + 1);  // one past its last
            mask.at(x, 12) = 7;                         // far past it
        }
        const core::SegmentationDataset set(1, [&](std::size_t) { return std::make_pair(img, mask); }, c, 1);
        const auto sample = set.sample(0, false, 1);
        ASSERT_EQ(sample.mask.size(), 256u);
        EXPECT_EQ(sample.mask[2 * 16 + 5], 1) << classes;
        EXPECT_EQ(sample.mask[8 * 16 + 5], 0) << classes;
        EXPECT_EQ(sample.mask[12 * 16 + 5], 0) << classes;
    }
}
