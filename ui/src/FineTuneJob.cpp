#include "delineo/ui/FineTuneJob.h"

#include "delineo/core/DataSplit.h"
#include "delineo/ml/Trainer.h"

#include <QObject>

namespace delineo::ui {

JobRunner::Work FineTuneJob::make(const ml::ModelConfig& cfg, std::vector<core::SamplePair> pairs,
                                  const std::string& init, const std::string& out, int epochs,
                                  std::shared_ptr<QString> newPath, const std::string& splitFile)
{
    return [cfg, pairs = std::move(pairs), init, out, epochs, newPath, splitFile](JobRunner::Context& ctx) {
        ctx.progress(0, QObject::tr("Reading %1 corrected masks…").arg(pairs.size()));
        // Validation on the workspace's frozen split, so every fine-tune is measured on the same images.
        core::SplitPairs split = core::frozenSplit(pairs, splitFile);
        if (split.train.size() < 2) {
            split.train = pairs;
            split.val.clear();
        }
        core::SegmentationDataset data(split.train, cfg, 0, ctx.cancel);
        std::unique_ptr<core::SegmentationDataset> val;
        if (!split.val.empty())
            val = std::make_unique<core::SegmentationDataset>(split.val, cfg, 0, ctx.cancel);
        ml::TrainOptions opt;
        opt.epochs = epochs;
        opt.batchSize = int(std::min<size_t>(8, split.train.size()));
        opt.learningRate = 3e-4; // a gentle rate: adapt the model, do not retrain it
        opt.initWeights = init;
        opt.outputPath = out;
        double lastDice = -1;
        auto result = ml::train(cfg, opt, data, val.get(), [&](const ml::TrainProgress& p) {
            if (p.epochDone && p.hasValidation)
                lastDice = p.validation.mean.dice;
            const double f = ((p.epoch - 1) + double(p.step) / std::max(1, p.stepsPerEpoch)) / p.epochs;
            ctx.progress(f, QObject::tr("Fine-tuning: epoch %1/%2, loss %3%4, %5 s left")
                                .arg(p.epoch)
                                .arg(p.epochs)
                                .arg(p.loss, 0, 'f', 4)
                                .arg(lastDice >= 0 ? QObject::tr(", validation Dice %1").arg(lastDice, 0, 'f', 3) : QString())
                                .arg(int(p.etaSeconds)));
        }, ctx.cancel);
        if (!result.cancelled && result.epochsRun > 0)
            *newPath = QString::fromStdString(result.bestPath);
    };
}

} // namespace delineo::ui
