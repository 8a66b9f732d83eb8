#include "delineo/core/ClusterJob.h"

#include "delineo/core/AtomicWrite.h"
#include "delineo/core/DataSplit.h"
#include "delineo/core/Errors.h"
#include "delineo/core/SegmentationDataset.h"
#include "delineo/core/WorkspaceFiles.h"
#include "delineo/ml/Checkpoint.h"
#include "delineo/ml/JsonLimits.h"
#include "delineo/ml/PackedDataset.h"

#include <nlohmann/json.hpp>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace delineo::core {

namespace {

constexpr const char* kJobKind = "delineo-training-job";
constexpr const char* kOutput = "out/model.pt";
constexpr std::uintmax_t kMaxJobJson = 64u << 20;

std::string now(const char* format)
{
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, format, &tm);
    return buf;
}

// A word for a POSIX shell, quoted when it needs to be.
std::string shellWord(const std::string& s)
{
    if (!s.empty() && s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-:+@=") == std::string::npos)
        return s;
    std::string out = "'";
    for (char c : s)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}


// How the job trains: one description for run.sh's arguments to delineo-ml-train and for the ranks of
// a workspace's fine-tune that train it in process (trainClusterJob).
struct JobTraining {
    int epochs = 10, batch = 8;
    double rate = 3e-4, seconds = 0;
    std::uint64_t seed = 42;
    bool init = true;

    static JobTraining of(const FineTunePlan& plan, const FineTuneSettings& settings)
    {
        return {settings.epochs, trainingBatch(plan, settings), settings.effectiveRate(), settings.maxSeconds, settings.seed,
                !settings.fromScratch};
    }
    static JobTraining from(const nlohmann::json& j)
    {
        JobTraining t;
        t.epochs = j.at("epochs").get<int>();
        t.batch = j.at("batch").get<int>();
        t.rate = j.at("learningRate").get<double>();
        t.seconds = j.at("timeBudget").get<double>();
        t.seed = j.at("seed").get<std::uint64_t>();
        t.init = j.at("init").get<bool>();
        return t;
    }
    nlohmann::json json() const
    {
        return {{"epochs", epochs}, {"batch", batch}, {"learningRate", rate}, {"timeBudget", seconds}, {"seed", seed}, {"init", init}};
    }
    std::string arguments() const
    {
        std::ostringstream a;
        a << "--pack . --out " << kOutput << (init ? " --init init.pt" : "") << " --epochs " << epochs << " --batch " << batch
          << " --lr " << rate << " --seed " << seed;
        if (seconds > 0)
            a << " --time-budget " << seconds;
        return a.str();
    }
    ml::TrainOptions options(const fs::path& dir) const
    {
        ml::TrainOptions opt; // otherwise delineo-ml-train's defaults
        opt.epochs = epochs;
        opt.batchSize = batch;
        opt.learningRate = rate;
        opt.maxSeconds = seconds;
        opt.seed = seed;
        opt.initWeights = init ? (dir / "init.pt").string() : std::string();
        opt.outputPath = (dir / kOutput).string();
        return opt;
    }
};

std::string runScript(std::string description, const std::string& arguments)
{
    // The description names the workspace folder: a line break in it must not end the comment.
    for (char& c : description)
        if (static_cast<unsigned char>(c) < 0x20)
            c = ' ';
    return "#!/bin/sh\n"
           "# A Delineo training job: " + description + ".\n"
           "#   One process:                sh run.sh\n"
           "#   N ranks on this machine:    scripts/train-distributed.sh N sh run.sh   (from Delineo's sources)\n"
           "#   Slurm, a Kubernetes Job:    every rank runs `sh run.sh` with torchrun's variables set\n"
           "#                               (RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT: docs/DISTRIBUTED.md)\n"
           "#   After a stop, resume:       sh run.sh --resume out/model.last.pt\n"
           "# Arguments given to run.sh come last and win (sh run.sh --time-budget 0 lifts the time budget).\n"
           "# DELINEO_ML_TRAIN names the trainer when delineo-ml-train is not on the PATH. Only rank 0 writes.\n"
           "set -e\n"
           "cd \"$(dirname \"$0\")\"\n"
           "mkdir -p out\n"
           "exec \"${DELINEO_ML_TRAIN:-delineo-ml-train}\" " + arguments + " \"$@\"\n";
}

nlohmann::json readJob(const std::string& path)
{
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec)
        throw ImageError(ErrorCode::NotFound, "no training job at " + path);
    if (size > kMaxJobJson)
        throw ImageError(ErrorCode::TooLarge, path + " is too large for a job description");
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in && !in.eof())
        throw ImageError(ErrorCode::Unreadable, "cannot read " + path);
    const std::string s = text.str();
    auto job = ml::parseBounded(s);
    if (!job.is_object() || job.value("kind", "") != kJobKind || !job.contains("baseModel") || !job["baseModel"].is_object())
        throw ImageError(ErrorCode::UnsupportedFormat, path + " is not a Delineo training job");
    return job;
}

// The base version's weights, so that a job finds its base again only in the workspace it came from.
std::string weightsDigest(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(fnv1a(bytes.str())));
    return buf;
}

double number(const nlohmann::json& j, const char* key, double dflt = 0)
{
    return j.is_object() && j.contains(key) && j[key].is_number() ? j[key].get<double>() : dflt;
}

} // namespace

ClusterJob exportClusterJob(Workspace& ws, const FineTunePlan& plan, const FineTuneSettings& settings,
                            const std::string& folder, const std::function<void(double, const std::string&)>& progress,
                            const std::atomic<bool>* cancel)
{
    if (plan.config.interactive())
        throw ImageError(ErrorCode::UnsupportedFormat,
                         "an AI Assist model trains with simulated clicks here: fine-tune it from the menu; "
                         "cluster jobs train automatic models");
    checkSettings(plan, settings);
    const ml::ModelConfig cfg = trainingConfig(plan, settings, ws);
    if (cfg.imageChannels() != 1 && cfg.imageChannels() != 3)
        throw ImageError(ErrorCode::UnsupportedFormat, "a cluster job's packed data holds 1 or 3 input channels; this model reads " +
                                                           std::to_string(cfg.imageChannels()));
    std::error_code ec;
    const fs::path dir = fs::absolute(folder, ec);
    const bool existed = fs::exists(dir, ec);
    if (existed && !fs::is_empty(dir, ec))
        throw ImageError(ErrorCode::WriteFailed, dir.string() + " is not empty: choose an empty or a new folder for the job");
    fs::create_directories(dir, ec);
    if (ec)
        throw ImageError(ErrorCode::WriteFailed, "cannot create " + dir.string() + ": " + ec.message());
    auto say = [&](double f, const std::string& text) {
        if (progress)
            progress(f, text);
    };
    auto cancelled = [&] { return cancel && cancel->load(); };
    ClusterJob job;
    job.folder = dir.string();
    try {
        say(0, "reading " + std::to_string(plan.train.size()) + " training slices");
        const auto trainSet = trainingSamples(ws, plan.train, cfg, cancel);
        if (cancelled())
            throw std::runtime_error("cancelled");
        say(0.4, "reading " + std::to_string(plan.val.size()) + " validation slices");
        const auto valSet = trainingSamples(ws, plan.val, cfg, cancel);
        if (cancelled())
            throw std::runtime_error("cancelled");
        say(0.6, "packing the training data and the validation split");
        // An empty split packs as no samples: the trainer then keeps the last epoch.
        const SegmentationDataset noSamples(std::vector<SamplePair>{}, cfg);
        ml::PackedDataset::writeFolder(dir.string(), cfg, *trainSet, valSet ? *valSet : noSamples);
        job.trainSamples = trainSet->size();
        job.valSamples = valSet ? valSet->size() : 0;
        if (cancelled())
            throw std::runtime_error("cancelled");
        say(0.95, "writing the launch command");
        if (!settings.fromScratch) {
            const std::string base = modelFile(ws, plan.base);
            fs::copy_file(base, dir / "init.pt", ec);
            if (!ec)
                fs::copy_file(ml::sidecarPath(base), ml::sidecarPath((dir / "init.pt").string()), ec);
            if (ec)
                throw ImageError(ErrorCode::WriteFailed, "cannot copy the base weights " + base + ": " + ec.message());
        }
        const JobTraining training = JobTraining::of(plan, settings);
        const std::string arguments = training.arguments();
        job.command = "sh " + shellWord((dir / "run.sh").string());
        const std::string location = publicLocation(ws);
        job.addBack = "delineo-cli models add --workspace " + shellWord(location) + " " + shellWord(dir.string());
        writeTextFile((dir / "run.sh").string(), runScript(cfg.description, arguments));
        fs::permissions(dir / "run.sh", fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                        fs::perm_options::add, ec);
        writeTextFile((dir / "README.txt").string(),
                      "Delineo training job: " + cfg.description + ".\n\n"
                      "train.pack  " + std::to_string(job.trainSamples) + " corrected or approved slices at " +
                          std::to_string(cfg.inputSize) + "x" + std::to_string(cfg.inputSize) + " (JPEG quality 95, masks run-length coded)\n"
                      "val.pack    " + std::to_string(job.valSamples) + " slices of the workspace's frozen validation split\n"
                      "config.json the model's configuration" + (settings.fromScratch ? "" : "; init.pt: the base weights") + "\n"
                      "job.json    where it came from, so that the result comes back as a version of its workspace\n\n"
                      "Run it:           " + job.command + "\n"
                      "  (several ranks, Slurm, Kubernetes: see run.sh and docs/DISTRIBUTED.md)\n"
                      "Then add it back: " + job.addBack + "\n"
                      "  (measured with its base on the workspace's frozen validation split; promote it in the Models panel)\n");
        nlohmann::json description = {
            {"kind", kJobKind},
            {"format", 1},
            {"created", now("%Y-%m-%dT%H:%M:%SZ")},
            {"workspace", location},
            {"baseModel", {{"id", plan.base.id}, {"name", plan.base.name}, {"weights", weightsDigest(modelFile(ws, plan.base))}}},
            {"fromScratch", settings.fromScratch},
            {"settings", nlohmann::json::parse(runSettingsJson(plan, settings, cfg))},
            {"split", nlohmann::json::parse(runSplitJson(plan))},
            {"dataHash", plan.dataHash},
            {"trainSlices", job.trainSamples},
            {"valSlices", job.valSamples},
            {"output", kOutput},
            {"command", "sh run.sh"},
            {"train", training.json()},
            {"arguments", arguments}};
        // Written last: a folder with job.json holds a whole job.
        writeTextFile((dir / "job.json").string(), description.dump(2));
    } catch (...) {
        for (const char* name : {"train.pack", "val.pack", "config.json", "init.pt", "init.json", "run.sh", "README.txt", "job.json"})
            fs::remove(dir / name, ec);
        if (!existed)
            fs::remove(dir, ec);
        if (cancelled())
            throw ImageError(ErrorCode::WriteFailed, "export cancelled; nothing was kept in " + dir.string());
        throw;
    }
    return job;
}

std::string publicLocation(const Workspace& ws)
{
    std::error_code ec;
    if (Workspace::isServerUrl(ws.location()))
        return std::regex_replace(ws.location(), std::regex(R"(^([a-z]+://[^:/@]*):[^@/]*@)"), "$1@");
    return fs::absolute(ws.location(), ec).string();
}

std::string clusterJobOf(const std::string& path)
{
    std::error_code ec;
    const fs::path p(path);
    if (p.filename() == "job.json" && fs::is_regular_file(p, ec))
        return p.string();
    for (const fs::path& dir : {p, p.parent_path(), p.parent_path().parent_path()})
        if (!dir.empty() && fs::is_regular_file(dir / "job.json", ec))
            return (dir / "job.json").string();
    return {};
}

namespace {

// The job's run in the training history, as running (the job's settings, marked as a cluster's).
std::int64_t startRun(Workspace& ws, const nlohmann::json& job, std::int64_t baseId)
{
    nlohmann::json settings = job.contains("settings") && job["settings"].is_object() ? job["settings"] : nlohmann::json::object();
    settings["cluster"] = true;
    return ws.startTrainingRun(baseId, settings.dump(), job.contains("split") ? job["split"].dump() : "{}");
}

ClusterResult addResult(Workspace& ws, const std::string& jobJson, const std::string& model, const std::string& name,
                        const std::atomic<bool>* cancel, std::int64_t runId)
{
    const nlohmann::json job = readJob(jobJson);
    const fs::path dir = fs::path(jobJson).parent_path();
    const std::string weights = model.empty() ? (dir / job.value("output", kOutput)).string() : model;
    if (!fs::exists(weights))
        throw ImageError(ErrorCode::NotFound, "the job has no trained model yet: " + weights +
                                                  " (run it first: sh " + (dir / "run.sh").string() + ")");
    const ml::ModelConfig cfg = ml::readSidecar(weights);

    ClusterResult r;
    // The base version, if this is the workspace the job came from (same version, same weights).
    const auto& baseJson = job["baseModel"];
    const std::int64_t baseId = baseJson.contains("id") && baseJson["id"].is_number_integer() ? baseJson["id"].get<std::int64_t>() : 0;
    const auto base = baseId ? ws.model(baseId) : std::nullopt;
    if (base && base->name == baseJson.value("name", "") && weightsDigest(modelFile(ws, *base)) == baseJson.value("weights", ""))
        r.baseId = base->id;
    std::vector<std::string> classes;
    for (const auto& c : cfg.classes)
        classes.push_back(c.name);
    if (r.baseId) {
        std::vector<std::string> baseClasses;
        for (const auto& c : ml::ModelConfig::fromJson(base->sidecar).classes)
            baseClasses.push_back(c.name);
        // The base's classes first; a job may add the workspace's new classes after them.
        if (classes.size() < baseClasses.size() || !std::equal(baseClasses.begin(), baseClasses.end(), classes.begin()))
            throw ImageError(ErrorCode::UnsupportedFormat, weights + " does not segment the classes of its base v" +
                                                               std::to_string(r.baseId) + ": not this job's model");
    }

    // Measured before anything is written, so a cancel leaves the workspace as it was.
    const std::vector<std::int64_t> valImages = ws.validationImages();
    std::vector<std::int64_t> jobVal;
    if (job.contains("split") && job["split"].contains("val") && job["split"]["val"].is_array())
        for (const auto& v : job["split"]["val"])
            if (v.is_number_integer())
                jobVal.push_back(v.get<std::int64_t>());
    r.splitChanged = std::set<std::int64_t>(valImages.begin(), valImages.end()) != std::set<std::int64_t>(jobVal.begin(), jobVal.end());
    const std::set<std::int64_t> held(valImages.begin(), valImages.end());
    std::vector<ReviewedSlice> val;
    for (const auto& s : ws.reviewedSlices())
        if (held.count(s.imageId))
            val.push_back(s);
    r.valSlices = val.size();
    const auto valSet = trainingSamples(ws, val, cfg, cancel);
    r.hasValidation = valSet && valSet->size() > 0;
    if (r.hasValidation) {
        r.tuned = ml::evaluateWeights(cfg, weights, *valSet, {}, 8, cancel);
        if (r.baseId)
            r.base = measureBase(ws, *base, val, *valSet, cfg, {}, 8, cancel);
    }
    if (cancel && cancel->load())
        throw ImageError(ErrorCode::WriteFailed, "cancelled: the job's model was not added");

    const nlohmann::json trained = nlohmann::json::parse(cfg.metricsJson, nullptr, false);
    nlohmann::json metrics = {{"trainSlices", job.value("trainSlices", 0)},
                              {"bestEpoch", static_cast<int>(number(trained, "epoch"))},
                              {"cluster", {{"job", dir.string()}, {"created", job.value("created", "")},
                                           {"ranks", static_cast<int>(number(trained, "ranks", 1))},
                                           {"splitChanged", r.splitChanged}}}};
    if (r.hasValidation) {
        metrics["val"] = nlohmann::json::parse(ml::validationJson(cfg, r.tuned));
        if (r.baseId)
            metrics["baseVal"] = nlohmann::json::parse(ml::validationJson(cfg, r.base));
        metrics["valSlices"] = val.size();
    }
    const std::string wanted = name.empty() ? "v" + std::to_string(ws.models().size() + 1) + "-cluster-" + now("%Y%m%d-%H%M%S") : name;
    std::string stem = wanted;
    for (int i = 2; fs::exists(fs::path(ws.folder()) / "models" / (stem + ".pt")); ++i) // never over another version's file
        stem = wanted + "-" + std::to_string(i);

    ModelVersion v;
    v.path = copyModelFile(ws, weights, stem);
    v.name = stem;
    v.parentId = job.value("fromScratch", false) ? 0 : r.baseId;
    v.sidecar = cfg.toJson();
    v.metrics = metrics.dump();
    v.dataHash = job.value("dataHash", "");
    v.seconds = number(trained, "trainSeconds");
    r.runId = runId ? runId : startRun(ws, job, r.baseId);
    r.modelId = ws.addModelVersion(v);
    ws.finishTrainingRun(r.runId, RunStatus::Finished, r.modelId, metrics.dump(), v.seconds);
    return r;
}

} // namespace

std::int64_t startClusterRun(Workspace& ws, const std::string& jobJson, std::int64_t baseId)
{
    return startRun(ws, readJob(jobJson), baseId);
}

ClusterResult addClusterJobResult(Workspace& ws, const std::string& jobJson, const std::string& model, const std::string& name,
                                  const std::atomic<bool>* cancel, std::int64_t runId)
{
    try {
        return addResult(ws, jobJson, model, name, cancel, runId);
    } catch (const nlohmann::json::exception& e) { // a job.json edited by hand: a field of the wrong type
        throw ImageError(ErrorCode::Corrupt, jobJson + " is not a valid training job: " + e.what());
    }
}

ml::TrainResult trainClusterJob(const std::string& folder, const ml::ProgressCallback& progress, const std::atomic<bool>* cancel)
{
    const fs::path dir(folder);
    const nlohmann::json job = readJob((dir / "job.json").string());
    JobTraining training;
    try {
        training = JobTraining::from(job.at("train"));
    } catch (const nlohmann::json::exception& e) {
        throw ImageError(ErrorCode::Corrupt, (dir / "job.json").string() + " does not say how to train: " + e.what());
    }
    const ml::PackedDataset::Folder pack = ml::PackedDataset::readFolder(dir.string());
    return ml::train(pack.config, training.options(dir), *pack.train, pack.val.get(), progress, cancel);
}

} // namespace delineo::core
