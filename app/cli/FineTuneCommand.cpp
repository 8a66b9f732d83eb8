#include "Commands.h"

#include "delineo/ml/DistributedSetup.h"

#include "delineo/core/ClusterJob.h"
#include "delineo/core/AtomicWrite.h"
#include "delineo/core/Errors.h"
#include "delineo/core/FineTune.h"
#include "delineo/core/Workspace.h"
#include "delineo/core/WorkspaceFiles.h"
#include "delineo/ml/Checkpoint.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <thread>
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
    // A class the new version added has no figure from the base ("-").
    const auto dice = [](const ml::ImageMetrics& m, int k) {
        return k < static_cast<int>(m.perClass.size()) ? m.perClass[std::size_t(k)].dice : std::nan("");
    };
    for (int k = 0; k < cfg.numForeground(); ++k)
        row(cfg.classes[k].name, dice(base, k), dice(tuned, k));
    row("mean", base.mean.dice, tuned.mean.dice);
}

core::FineTuneSettings settingsOf(const CliArgs& args)
{
    core::FineTuneSettings settings;
    settings.baseModel = args.getInt("base", 0);
    settings.kind = args.has("interactive") ? core::ModelKind::Interactive : core::ModelKind::Automatic;
    settings.fromScratch = args.has("scratch");
    settings.architecture = args.get("arch");
    if (!settings.architecture.empty() && !settings.fromScratch)
        throw UsageError("--arch needs --scratch: fine-tuning keeps the base model's architecture");
    settings.contextSlices = args.getInt("context", 0);
    settings.learnNewClasses = !args.has("keep-classes");
    if (args.has("context") && !settings.fromScratch)
        throw UsageError("--context needs --scratch: fine-tuning keeps the base model's input");
    settings.epochs = args.getInt("epochs", settings.epochs);
    settings.learningRate = args.getDouble("lr", 0);
    settings.maxSeconds = args.getDouble("time-budget", 0);
    settings.batchSize = args.getInt("batch", settings.batchSize);
    settings.device = args.get("device");
    settings.seed = static_cast<std::uint64_t>(args.getInt("seed", 42));
    return settings;
}

core::FineTunePlan planAndSay(core::Workspace& ws, const core::FineTuneSettings& settings)
{
    core::FineTunePlan plan = core::planFineTune(ws, settings);
    for (const auto& f : plan.adoptionFailures)
        std::fprintf(stderr, "delineo-cli: mask file not adopted: %s\n", f.c_str());
    if (plan.adoptedMasks > 0)
        std::fprintf(stderr, "adopted %s from %s/masks as corrections\n",
                     counted(plan.adoptedMasks, "mask file", "mask files").c_str(), ws.folder().c_str());
    std::fprintf(stderr, "%s v%lld: %s train, %zu validate (%s, frozen%s)\n",
                 settings.fromScratch ? "training from scratch like" : "fine-tuning", static_cast<long long>(plan.base.id),
                 counted(static_cast<long long>(plan.train.size()), "corrected/approved slice", "corrected/approved slices").c_str(),
                 plan.val.size(), counted(static_cast<long long>(plan.valImages.size()), "image", "images").c_str(),
                 plan.splitChosenNow ? " now" : "");
    return plan;
}

core::ClusterJob exportJob(core::Workspace& ws, const core::FineTunePlan& plan, const core::FineTuneSettings& settings,
                           const std::string& folder)
{
    return core::exportClusterJob(ws, plan, settings, folder, [](double f, const std::string& what) {
        std::fprintf(stderr, "  %3.0f%% %s\n", f * 100, what.c_str());
    }, cancelOnSignal());
}

// What `models add JOB` and a fine-tune over several ranks print once the job's model is a version.
void printAdded(core::Workspace& ws, const core::ClusterResult& r, const std::string& job)
{
    const auto v = ws.model(r.modelId);
    std::printf("added v%lld (%s) from the cluster job %s%s\n", static_cast<long long>(r.modelId), v->name.c_str(),
                fs::path(job).parent_path().c_str(), r.baseId ? "" : " (its base is not in this workspace)");
    if (r.splitChanged)
        std::printf("the workspace's validation split has changed since the job was exported: measured on today's\n");
    if (r.hasValidation && r.baseId)
        printComparison(ml::ModelConfig::fromJson(v->sidecar), r.base, r.tuned, r.baseId, r.modelId);
    else if (r.hasValidation)
        std::printf("validation Dice on the frozen split: %s\n", cell(r.tuned.mean.dice).c_str());
    std::printf("not active; `delineo-cli models promote --workspace %s %lld`\n", core::publicLocation(ws).c_str(),
                static_cast<long long>(r.modelId));
}

// Which launch of a job this is, so that ranks never take an older job from the same folder:
// torchrun's run id, else Slurm's job id ("" when neither says).
std::string launchId()
{
    for (const char* name : {"TORCHELASTIC_RUN_ID", "SLURM_JOB_ID"})
        if (const char* v = std::getenv(name); v && *v && std::string(v) != "none")
            return v;
    return {};
}

// Rank 0 says in DIR/launch.json whether the job is there ("ok") or why not ("error"), with the
// launch it belongs to; the other ranks wait for it.
void announce(const std::string& dir, const std::string& launch, const std::string& error)
{
    std::error_code ec;
    fs::create_directories(dir, ec);
    core::writeTextFile(dir + "/launch.json", nlohmann::json{{"launch", launch}, {"ok", error.empty()}, {"error", error}}.dump());
}

void waitForJob(const std::string& dir, const std::string& launch, const ml::DistributedSetup& ranks)
{
    // Packing a large workspace takes a while: six times the collective timeout (30 min by default).
    const auto give = std::chrono::seconds(ranks.timeout.count() * 6);
    const auto start = std::chrono::steady_clock::now();
    auto said = start;
    for (;;) {
        std::ifstream in(dir + "/launch.json");
        const auto j = nlohmann::json::parse(in, nullptr, false);
        if (j.is_object() && j.value("launch", "") == launch) {
            if (!j.value("ok", false))
                throw core::ImageError(core::ErrorCode::NotFound, "rank 0 could not write the job: " + j.value("error", ""));
            return;
        }
        const auto now = std::chrono::steady_clock::now();
        if (now - start > give)
            throw core::ImageError(core::ErrorCode::NotFound, "rank 0 wrote no job into " + dir + " in " +
                                                                  std::to_string(give.count()) + " s");
        if (now - said > std::chrono::seconds(30)) {
            std::fprintf(stderr, "rank %d: waiting for rank 0 to write the job into %s\n", ranks.rank, dir.c_str());
            said = now;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
}

// finetune under torchrun's variables: rank 0 plans and writes the run as a cluster job into a
// folder every rank sees, every rank trains it (one data-parallel job), and rank 0 adds the model
// back: the workspace records one run and one version, as from the menu.
int runFinetuneOnRanks(const CliArgs& args, const core::FineTuneSettings& settings, const ml::DistributedSetup& ranks)
{
    if (settings.kind == core::ModelKind::Interactive)
        throw UsageError("an AI Assist model fine-tunes in one process (WORLD_SIZE is set)");
    const std::string location = args.require("workspace");
    const std::string id = launchId();
    std::string dir = args.get("job-dir");
    if (dir.empty()) {
        if (id.empty() || core::Workspace::isServerUrl(location))
            throw UsageError("several ranks fine-tune through a job folder that every rank sees: give --job-dir DIR "
                             "(an empty or new folder on shared storage)");
        dir = (fs::path(location) / "jobs" / ("finetune-" + id)).string();
    }
    const std::string launch = ranks.masterAddr + ":" + std::to_string(ranks.masterPort) + "/" + id;
    std::unique_ptr<core::Workspace> ws;
    std::int64_t runId = 0, baseId = 0;
    const std::string jobJson = dir + "/job.json";
    if (ranks.rank == 0) {
        try {
            ws = core::Workspace::openExisting(location);
            const core::FineTunePlan plan = planAndSay(*ws, settings);
            const auto job = exportJob(*ws, plan, settings, dir);
            baseId = plan.base.id;
            std::fprintf(stderr, "rank 0 wrote the job into %s; %d ranks train it\n", job.folder.c_str(), ranks.world);
        } catch (const std::exception& e) {
            try {
                announce(dir, launch, e.what());
            } catch (const std::exception&) {
            }
            throw;
        }
        announce(dir, launch, {});
        runId = core::startClusterRun(*ws, jobJson, baseId); // the history shows it running, as from the menu
    } else {
        waitForJob(dir, launch, ranks);
    }
    ml::TrainResult result;
    try {
        result = core::trainClusterJob(dir, consoleProgress(), cancelOnSignal());
    } catch (const std::exception& e) {
        if (ws)
            ws->finishTrainingRun(runId, core::RunStatus::Failed, 0, nlohmann::json{{"error", e.what()}}.dump(), 0);
        throw;
    }
    if (!result.leader) {
        std::printf("rank %d: %s, %s (rank 0 adds the model)\n", ranks.rank, result.cancelled ? "cancelled" : "done",
                    counted(result.epochsRun, "epoch", "epochs").c_str());
        return result.cancelled ? 130 : 0;
    }
    if (result.cancelled) {
        ws->finishTrainingRun(runId, core::RunStatus::Cancelled, 0, nlohmann::json{{"epochsRun", result.epochsRun}}.dump(),
                              result.seconds);
        std::printf("cancelled: recorded as cancelled, nothing added; the job stays in %s (sh %s/run.sh --resume "
                    "out/model.last.pt continues it, then models add)\n", dir.c_str(), dir.c_str());
        return 130;
    }
    core::ClusterResult added;
    try {
        added = core::addClusterJobResult(*ws, jobJson, "", "", cancelOnSignal(), runId);
    } catch (const std::exception& e) {
        ws->finishTrainingRun(runId, core::RunStatus::Failed, 0, nlohmann::json{{"error", e.what()}}.dump(), result.seconds);
        throw;
    }
    printAdded(*ws, added, jobJson);
    return 0;
}

} // namespace

// finetune --workspace W [--base V] [--epochs N] [--lr R] [--time-budget S] [--scratch [--arch ID] [--context K]] [--device D]
int runFinetune(const CliArgs& args)
{
    const core::FineTuneSettings settings = settingsOf(args);
    const ml::DistributedSetup ranks = ml::DistributedSetup::fromEnvironment();
    if (ranks.world > 1 && args.has("export-job"))
        throw UsageError("--export-job writes a job for ranks to run: start it as one process (WORLD_SIZE is set)");
    if (ranks.world > 1)
        return runFinetuneOnRanks(args, settings, ranks);
    auto ws = openWorkspace(args);
    const core::FineTunePlan plan = planAndSay(*ws, settings);
    if (args.has("export-job")) {
        const auto job = exportJob(*ws, plan, settings, args.get("export-job"));
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
            printAdded(*ws, core::addClusterJobResult(*ws, job, model, args.get("name"), cancelOnSignal()), job);
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
