#include "delineo/ui/FineTuneJob.h"

#include "delineo/ml/Trainer.h"

#include <QObject>

namespace delineo::ui {

JobRunner::Work FineTuneJob::make(const ml::ModelConfig& cfg, std::vector<core::SamplePair> pairs,
                                  const std::string& init, const std::string& out, int epochs,
                                  std::shared_ptr<QString> newPath)
{
    return [cfg, pairs = std::move(pairs), init, out, epochs, newPath](JobRunner::Context& ctx) {
        ctx.progress(0, QObject::tr("Reading %1 corrected masks…").arg(pairs.size()));
        core::SegmentationDataset data(pairs, cfg, 0, ctx.cancel);
        ml::TrainOptions opt;
        opt.epochs = epochs;
        opt.batchSize = int(std::min<size_t>(8, pairs.size()));
        opt.learningRate = 3e-4; // a gentle rate: adapt the model, do not retrain it
        opt.initWeights = init;
        opt.outputPath = out;
        auto result = ml::train(cfg, opt, data, nullptr, [&](const ml::TrainProgress& p) {
            const double f = ((p.epoch - 1) + double(p.step) / std::max(1, p.stepsPerEpoch)) / p.epochs;
            ctx.progress(f, QObject::tr("Fine-tuning: epoch %1/%2, loss %3, %4 s left")
                                .arg(p.epoch)
                                .arg(p.epochs)
                                .arg(p.loss, 0, 'f', 4)
                                .arg(int(p.etaSeconds)));
        }, ctx.cancel);
        if (!result.cancelled && result.epochsRun > 0)
            *newPath = QString::fromStdString(result.bestPath);
    };
}

} // namespace delineo::ui
