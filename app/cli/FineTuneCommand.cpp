#include "Commands.h"

#include "delineo/ml/DistributedSetup.h"

#include "delineo/core/ClusterJob.h"
#include "delineo/core/Errors.h"
#include "delineo/core/FineTune.h"
#include "delineo/core/Workspace.h"
#include "delineo/core/WorkspaceFiles.h"
#include "delineo/ml/Checkpoint.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>

namespace fs = std::filesystem;

namespace delineo::cli {

namespace {

std::unique_ptr<core::Workspace> openWorkspace(const CliArgs& args)
{
    return core::Workspace::openExisting(args.require("workspace"));
}

double dice(const nlohmann::json& metrics, const char* split, const std::string& cls = "mean")
{
    if (!metrics.contains(split) || !metrics[split].contains(cls) || !metrics[split][cls]["dice"].is_number())
        return NAN;
    return metrics[split][cls]["dice"].get<double>();
}

std::string cell(double v)
{
    char buf[16];
    if (std::isnan(v))
        return "-";
    std::snprintf(buf, sizeof buf, "%.3f", v);
    return buf;
}

void printComparison(const ml::ModelConfig& cfg, const ml::ImageMetrics& base, const ml::ImageMetrics& tuned,
                     std::int64_t baseId, std::int64_t newId)
{
    std::printf("validation Dice on the frozen split   v%lld (base)   v%lld (new)\n", static_cast<long long>(baseId),
                static_cast<long long>(newId));
    auto row = [](const std::string& name, double a, double b) {
        std::printf("  %-34s %10s %10s\n", name.c_str(), cell(a).c_str(), cell(b).c_str());
    };
    for (int k = 0; k < cfg.numForeground(); ++k)
        row(cfg.classes[k].name, base.perClass.at(k).dice, tuned.perClass.at(k).dice);
    row("mean", base.mean.dice, tuned.mean.dice);
}

} // namespace

// finetune --workspace W [--base V] [--epochs N] [--lr R] [--time-budget S] [--scratch [--arch ID] [--context K]] [--device D]
int runFinetune(const CliArgs& args)
{
    // Several ranks would each record the run and the version: the job's way trains the packed run
    // on any number of ranks and records it once, when it is added back.
    if (ml::DistributedSetup::fromEnvironment().world > 1)
        throw UsageError("finetune runs as one process (WORLD_SIZE is set): for several ranks, export the run with "
                         "`delineo-cli finetune --export-job DIR`, start every rank with DIR/run.sh "
                         "(scripts/train-distributed.sh N sh DIR/run.sh), then `delineo-cli models add --workspace W DIR`");
    auto ws = openWorkspace(args);
    core::FineTuneSettings settings;
    settings.baseModel = args.getInt("base", 0);
    settings.kind = args.has("interactive") ? core::ModelKind::Interactive : core::ModelKind::Automatic;
    settings.fromScratch = args.has("scratch");
    settings.architecture = args.get("arch");
    if (!settings.architecture.empty() && !settings.fromScratch)
        throw UsageError("--arch needs --scratch: fine-tuning keeps the base model's architecture");
    settings.contextSlices = args.getInt("context", 0);
    if (args.has("context") && !settings.fromScratch)
        throw UsageError("--context needs --scratch: fine-tuning keeps the base model's input");
    settings.epochs = args.getInt("epochs", settings.epochs);
    settings.learningRate = args.getDouble("lr", 0);
    settings.maxSeconds = args.getDouble("time-budget", 0);
    settings.batchSize = args.getInt("batch", settings.batchSize);
    settings.device = args.get("device");
    settings.seed = static_cast<std::uint64_t>(args.getInt("seed", 42));
    const core::FineTunePlan plan = core::planFineTune(*ws, settings);
    for (const auto& f : plan.adoptionFailures)
        std::fprintf(stderr, "delineo-cli: mask file not adopted: %s\n", f.c_str());
    if (plan.adoptedMasks > 0)
        std::fprintf(stderr, "adopted %d mask files from %s/masks as corrections\n", plan.adoptedMasks,
                     ws->folder().c_str());
    std::fprintf(stderr, "%s v%lld: %zu corrected/approved slices train, %zu validate (%zu images, frozen%s)\n",
                 settings.fromScratch ? "training from scratch like" : "fine-tuning", static_cast<long long>(plan.base.id),
                 plan.train.size(), plan.val.size(), plan.valImages.size(), plan.splitChosenNow ? " now" : "");
    if (args.has("export-job")) {
        const auto job = core::exportClusterJob(*ws, plan, settings, args.get("export-job"),
                                                [](double f, const std::string& what) {
                                                    std::fprintf(stderr, "  %3.0f%% %s\n", f * 100, what.c_str());
                                                }, cancelOnSignal());
        std::printf("wrote a training job for a cluster into %s (%zu training, %zu validation samples)\n"
                    "run it:           %s\n"
                    "then add it back: %s\n",
                    job.folder.c_str(), job.trainSamples, job.valSamples, job.command.c_str(), job.addBack.c_str());
        return 0;
    }
    const auto out = core::runFineTune(*ws, plan, settings, consoleProgress(), cancelOnSignal());
    if (out.status == core::RunStatus::Cancelled) {
        std::printf("cancelled: run %lld recorded as cancelled; the active model is unchanged\n",
                    static_cast<long long>(out.runId));
        return 130;
    }
    if (out.hasValidation)
        printComparison(plan.config, out.base, out.tuned, plan.base.id, out.modelId);
    if (out.tunedClicks.objects > 0)
        std::printf("simulated annotator on %d validation objects (from an empty mask)\n"
                    "  NoC@85 %5.2f -> %5.2f   NoC@90 %5.2f -> %5.2f   Dice after 1 click %.3f -> %.3f\n",
                    out.tunedClicks.objects, out.baseClicks.noc85, out.tunedClicks.noc85, out.baseClicks.noc90,
                    out.tunedClicks.noc90, out.baseClicks.dice1, out.tunedClicks.dice1);
    std::printf("new model version v%lld (not active; `delineo-cli models promote --workspace %s %lld`)\n",
                static_cast<long long>(out.modelId), ws->folder().c_str(), static_cast<long long>(out.modelId));
    return 0;
}

// models list|add|promote|rollback --workspace W
int runModels(const CliArgs& args)
{
    const auto& pos = args.positional();
    if (pos.empty())
        throw UsageError("models needs an action: list, add MODEL.pt, promote VERSION, rollback [VERSION]");
    const std::string action = pos[0];
    auto ws = openWorkspace(args);
    if (action == "add") {
        if (pos.size() != 2)
            throw UsageError("models add --workspace W MODEL.pt");
        if (const std::string job = core::clusterJobOf(pos[1]); !job.empty()) {
            const std::string model = fs::is_regular_file(pos[1]) && fs::path(pos[1]).extension() == ".pt" ? pos[1] : "";
            const auto r = core::addClusterJobResult(*ws, job, model, args.get("name"), cancelOnSignal());
            const auto v = ws->model(r.modelId);
            std::printf("added v%lld (%s) from the cluster job %s%s\n", static_cast<long long>(r.modelId), v->name.c_str(),
                        fs::path(job).parent_path().c_str(), r.baseId ? "" : " (its base is not in this workspace)");
            if (r.splitChanged)
                std::printf("the workspace's validation split has changed since the job was exported: measured on today's\n");
            if (r.hasValidation && r.baseId)
                printComparison(ml::ModelConfig::fromJson(v->sidecar), r.base, r.tuned, r.baseId, r.modelId);
            else if (r.hasValidation)
                std::printf("validation Dice on the frozen split: %s\n", cell(r.tuned.mean.dice).c_str());
            std::printf("not active; `delineo-cli models promote --workspace %s %lld`\n", ws->location().c_str(),
                        static_cast<long long>(r.modelId));
            return 0;
        }
        const std::string name = args.get("name", fs::path(pos[1]).stem().string());
        const auto id = core::addModelFile(*ws, pos[1], name);
        std::printf("added v%lld (%s)%s\n", static_cast<long long>(id), name.c_str(),
                    ws->model(id)->active ? ", active" : "");
        return 0;
    }
    if (action == "promote" || action == "rollback") {
        if (action == "promote" && pos.size() != 2)
            throw UsageError("models promote --workspace W VERSION");
        const std::int64_t id = pos.size() > 1 ? std::stoll(pos[1][0] == 'v' ? pos[1].substr(1) : pos[1]) : 0;
        if (action == "promote")
            ws->promote(id);
        const auto kind = args.has("interactive") ? core::ModelKind::Interactive : core::ModelKind::Automatic;
        const std::int64_t active = action == "promote" ? id : ws->rollback(id, kind);
        std::printf("active model: v%lld\n", static_cast<long long>(active));
        return 0;
    }
    if (action != "list")
        throw UsageError("unknown models action '" + action + "'");
    const auto models = ws->models();
    if (args.has("json")) {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& m : models)
            j.push_back({{"id", m.id}, {"name", m.name}, {"parent", m.parentId}, {"active", m.active},
                         {"kind", m.kind == core::ModelKind::Interactive ? "interactive" : "automatic"},
                         {"created", m.created}, {"seconds", m.seconds}, {"dataHash", m.dataHash},
                         {"metrics", nlohmann::json::parse(m.metrics, nullptr, false)}});
        std::printf("%s\n", j.dump(2).c_str());
        return 0;
    }
    // Interactive versions: their Dice is after one simulated click, NoC@90 beside it.
    std::printf("   %-5s %-28s %-7s %-10s %-20s %s\n", "id", "name", "parent", "val Dice", "created", "per class / clicks");
    for (const auto& m : models) {
        const auto metrics = nlohmann::json::parse(m.metrics, nullptr, false);
        std::string perClass;
        if (!metrics.is_discarded() && metrics.contains("val"))
            for (const auto& [cls, values] : metrics["val"].items())
                if (cls != "mean" && values.contains("dice") && values["dice"].is_number())
                    perClass += cls + " " + cell(values["dice"].get<double>()) + "  ";
        if (!metrics.is_discarded() && metrics.contains("clicks") && metrics["clicks"]["NoC@90"].is_number())
            perClass = "interactive: NoC@90 " + cell(metrics["clicks"]["NoC@90"].get<double>()) + ", Dice after 1 click";
        else if (m.kind == core::ModelKind::Interactive)
            perClass = "interactive" + (perClass.empty() ? std::string() : ": " + perClass);
        std::printf("%s  v%-4lld %-28s %-7s %-10s %-20s %s\n", m.active ? "*" : " ", static_cast<long long>(m.id),
                    m.name.substr(0, 28).c_str(), m.parentId ? ("v" + std::to_string(m.parentId)).c_str() : "-",
                    metrics.is_discarded() ? "-" : cell(dice(metrics, "val")).c_str(), m.created.c_str(),
                    perClass.c_str());
    }
    return 0;
}

} // namespace delineo::cli
