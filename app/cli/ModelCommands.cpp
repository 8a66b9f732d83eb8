#include "Commands.h"
#include "delineo/core/ModelTrust.h"
#include "Prediction.h"

#include "delineo/core/DicomSeries.h"
#include "delineo/core/Errors.h"
#include "delineo/core/Reslicer.h"
#include "delineo/core/UwMadison.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/ModelLibrary.h"
#include "delineo/core/MaskIO.h"
#include "delineo/core/Rendering.h"
#include "delineo/core/ResourcePaths.h"
#include "delineo/core/SegmentationDataset.h"
#include "delineo/core/SliceContext.h"
#include "delineo/ml/Checkpoint.h"
#include "delineo/ml/Metrics.h"
#include "delineo/ml/Device.h"
#include "delineo/ml/Segmenter.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <future>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>

namespace fs = std::filesystem;

namespace delineo::cli {

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// Expands folders into their image files (sorted); files pass through.
std::vector<std::string> expandInputs(const std::vector<std::string>& inputs)
{
    std::vector<std::string> out;
    for (const auto& in : inputs) {
        std::error_code ec;
        if (fs::is_directory(in, ec)) {
            std::vector<std::string> files;
            for (const auto& e : fs::directory_iterator(in, ec))
                if (e.is_regular_file() && core::hasImageExtension(e.path().string()))
                    files.push_back(e.path().string());
            std::sort(files.begin(), files.end());
            out.insert(out.end(), files.begin(), files.end());
        } else {
            out.push_back(in);
        }
    }
    return out;
}

// One mask file per input, never an input itself and never twice the same: NAME.png, else
// NAME_mask.png, NAME_mask2.png, … (a mask written over the 16-bit source slice it came from, or over
// the mask of a.jpg when a.png follows, would lose data silently).
std::vector<std::string> outputNames(const std::vector<std::string>& inputs, const std::string& outDir)
{
    std::set<std::string> taken;
    for (const auto& in : inputs) {
        std::error_code ec;
        const auto canonical = fs::weakly_canonical(in, ec);
        taken.insert(ec ? fs::absolute(in).string() : canonical.string());
    }
    std::vector<std::string> out;
    for (const auto& in : inputs) {
        const std::string stem = fs::path(in).stem().string();
        for (int n = 0;; ++n) {
            const std::string name = stem + (n == 0 ? "" : n == 1 ? "_mask" : "_mask" + std::to_string(n)) + ".png";
            std::error_code ec;
            const auto path = fs::weakly_canonical(fs::path(outDir) / name, ec);
            if (taken.insert(ec ? (fs::absolute(outDir) / name).string() : path.string()).second) {
                if (n > 0)
                    std::fprintf(stderr, "delineo-cli: the mask of %s is %s (%s.png is taken)\n", in.c_str(), name.c_str(),
                                 stem.c_str());
                out.push_back((fs::path(outDir) / name).string());
                break;
            }
        }
    }
    return out;
}

} // namespace

// Checks a TorchScript export against its sidecar and copies both into the user's model folder
// (or --out), where the GUI and `segment --model` find it.
int runImportModel(const CliArgs& args)
{
    if (args.positional().size() != 1)
        throw UsageError("import-model needs one TorchScript file");
    const std::string path = core::importModel(args.positional().front(), args.require("sidecar"),
                                                   args.get("out", core::userModelDir()), args.get("name"));
    const ml::ModelConfig cfg = ml::readSidecar(path);
    std::printf("imported %s: %s, %s, %dx%d input -> %s\n"
                "SHA-256 %s recorded: a TorchScript model is a program; Delineo runs this file only while it "
                "matches\n",
                args.positional().front().c_str(), counted(cfg.inChannels, "input channel", "input channels").c_str(),
                counted(cfg.numForeground(), "class", "classes").c_str(), cfg.inputSize, cfg.inputSize, path.c_str(),
                cfg.sha256.c_str());
    return 0;
}

namespace {

struct Decoded {
    std::string path;
    core::Image image;
    std::vector<std::uint8_t> input; // the model's 8-bit view of the image (2.5D: with its neighbours)
    int channels = 0;                // of `input`
    std::string error;
    int code = 0;                    // the error's exit code
};

// The inputs of a run; for a 2.5D model the files each is read with (fileStacks).
struct Inputs {
    std::vector<std::string> paths;
    std::vector<std::vector<std::string>> stacks;
    int channels = 1; // per slice, for stacking
};

Decoded decodeOne(const Inputs& inputs, std::size_t i)
{
    Decoded d;
    d.path = inputs.paths[i];
    try {
        d.image = core::loadImage(d.path);
        if (inputs.stacks.empty()) {
            d.input = core::modelInput8(d.image);
            d.channels = d.image.channels;
        } else {
            core::Image stacked = core::stackFiles(inputs.stacks[i], inputs.channels);
            d.input = std::move(stacked.bytes);
            d.channels = stacked.channels;
        }
    } catch (const core::ImageError& e) {
        d.error = std::string(e.what()) + " [" + core::ImageError::codeName(e.code()) + "]";
        d.code = e.exitCode();
    }
    return d;
}

std::vector<Decoded> decodeRange(const Inputs& inputs, std::size_t start, std::size_t count)
{
    std::vector<Decoded> out;
    for (std::size_t i = start; i < std::min(inputs.paths.size(), start + count); ++i)
        out.push_back(decodeOne(inputs, i));
    return out;
}

// Failures of a run over many frames: the run goes on; the exit code says what went wrong.
struct Failures {
    std::atomic<int> count{0}, code{0};
    void add(const std::string& message, int exitCode)
    {
        ++count;
        code = exitCode;
        std::fprintf(stderr, "delineo-cli: %s\n", message.c_str());
    }
};

// Images segmented with a model not made for them (another modality, or colour for grey): their
// masks carry another anatomy's classes, which the run says instead of writing them silently.
struct Unfit {
    const ml::ModelConfig& model;
    std::atomic<int> count{0};
    int channels = 0;
    std::string modality, kind; // the first such image's, written by the one thread that counted it first

    void check(const core::Image& image)
    {
        if (model.fits(image.channels, image.modality) || count++ > 0)
            return;
        channels = image.channels;
        modality = image.modality;
        kind = kindOf(channels, modality);
    }
    void warn(const std::string& modelPath, std::size_t images)
    {
        if (count == 0)
            return;
        std::string madeFor;
        for (const std::string& m : model.modalities)
            madeFor += (madeFor.empty() ? "" : "/") + m;
        std::string classes;
        for (const auto& c : model.classes)
            classes += (classes.empty() ? "" : ", ") + c.name;
        std::string instead = "no shipped model is made for such images";
        if (const auto made = core::shippedModelsFor(channels, modality); !made.empty())
            instead = "the shipped " + fs::path(made.front().path).stem().string() + " model is made for such images (--model " +
                      made.front().path + ")";
        std::fprintf(stderr,
                     "delineo-cli: warning: %s is made for %s images%s, not for %d of %s here (%s): the masks written "
                     "hold its classes (%s), another kind of image's; %s\n",
                     fs::path(modelPath).filename().c_str(), model.inChannels == 3 ? "colour" : "grey",
                     madeFor.empty() ? "" : (" (" + madeFor + ")").c_str(), count.load(),
                     counted(static_cast<long long>(images), "image", "images").c_str(), kind.c_str(), classes.c_str(),
                     instead.c_str());
    }
};

bool writeMask(const std::string& name, ml::Prediction&& p, int classes, Failures& failures)
{
    try {
        core::saveMask(name, toLabelMap(std::move(p)), classes);
        return true;
    } catch (const core::ImageError& e) {
        failures.add(std::string(e.what()) + " [" + core::ImageError::codeName(e.code()) + "]", e.exitCode());
        return false;
    }
}

// On the CPU every core runs a worker with its own copy of the model and one intra-op thread, which
// decodes, infers and writes its own frames: a frame is in flight on every core. One forward spread
// over all cores instead loses a core to each decode or write beside it and waits for that core at
// oneDNN's barriers.
std::size_t segmentOnCpuWorkers(const std::vector<std::unique_ptr<ml::Segmenter>>& models,
                                const Inputs& inputs, const std::vector<std::string>& outputs,
                                const ml::PredictOptions& options, Failures& failures, Unfit& unfit)
{
    const int workers = static_cast<int>(models.size());
    const int classes = models.front()->config().numForeground();
    std::atomic<std::size_t> next{0}, written{0};
    std::vector<std::future<void>> running;
    for (int w = 0; w < workers; ++w)
        running.push_back(std::async(std::launch::async, [&, w] {
            ml::useOneCpuThreadHere();
            for (std::size_t i; (i = next++) < inputs.paths.size();) {
                Decoded d = decodeOne(inputs, i);
                if (!d.error.empty()) {
                    failures.add(d.error, d.code);
                    continue;
                }
                unfit.check(d.image);
                auto p = models[static_cast<std::size_t>(w)]->predict(
                    {d.input.data(), d.image.width, d.image.height, d.channels}, options);
                if (writeMask(outputs[i], std::move(p), classes, failures))
                    ++written;
            }
        }));
    for (auto& r : running)
        r.get();
    return written;
}

} // namespace

// Frames in flight: on the CPU one worker per core (above); with --batch or on a GPU, decoding the
// next batch and writing the previous masks overlap with the batched inference.
int runSegment(const CliArgs& args)
{
    const std::string outDir = args.require("out");
    Inputs inputs;
    inputs.paths = expandInputs(args.positional());
    if (inputs.paths.empty())
        throw UsageError("segment needs at least one input image or folder");
    const std::string modelPath = modelFor(args, inputs.paths.front());
    const std::size_t batch = static_cast<std::size_t>(std::max(1, args.getInt("batch", 1)));
    const ml::PredictOptions options = predictOptions(args);
    auto seg = core::loadModel(modelPath);
    const int classes = seg->config().numForeground();
    if (seg->config().contextSlices > 1) { // a 2.5D model reads each slice with its neighbours among the inputs
        inputs.stacks = core::fileStacks(inputs.paths, seg->config().contextSlices);
        inputs.channels = seg->config().inChannels;
    }
    fs::create_directories(outDir);
    const std::vector<std::string> outputs = outputNames(inputs.paths, outDir);
    Failures failures;
    Unfit unfit{seg->config()};
    std::size_t written = 0;
    const int workers = static_cast<int>(std::min<std::size_t>(inputs.paths.size(), static_cast<std::size_t>(
                                                                                    args.getInt("workers", ml::cpuThreads()))));
    const bool onWorkers = seg->device() == "cpu" && batch == 1 && workers > 1 && !args.has("timing");
    std::vector<std::unique_ptr<ml::Segmenter>> copies; // loaded before the clock starts, as the first
    for (int i = 1; onWorkers && i < workers; ++i)
        copies.push_back(core::loadModel(modelPath));
    const auto t0 = Clock::now();
    if (onWorkers) {
        copies.insert(copies.begin(), std::move(seg));
        written = segmentOnCpuWorkers(copies, inputs, outputs, options, failures, unfit);
    }
    auto next = std::async(std::launch::async, decodeRange, std::cref(inputs), 0, onWorkers ? 0 : batch);
    std::future<std::size_t> writing;
    for (std::size_t start = 0; !onWorkers && start < inputs.paths.size(); start += batch) {
        std::vector<Decoded> current = next.get();
        if (start + batch < inputs.paths.size())
            next = std::async(std::launch::async, decodeRange, std::cref(inputs), start + batch, batch);
        std::vector<ml::ImageU8View> views;
        std::vector<std::string> names;
        for (const auto& d : current) {
            if (!d.error.empty()) {
                failures.add(d.error, d.code);
                continue;
            }
            unfit.check(d.image);
            views.push_back({d.input.data(), d.image.width, d.image.height, d.channels});
            names.push_back(outputs[start + std::size_t(&d - current.data())]);
        }
        const auto tb = Clock::now();
        auto predictions = seg->predictBatch(views, options);
        if (args.has("timing"))
            std::fprintf(stderr, "batch of %zu: %.1f ms inference\n", views.size(), msSince(tb));
        if (writing.valid())
            written += writing.get();
        writing = std::async(std::launch::async, [&failures, classes, names = std::move(names),
                                                  predictions = std::move(predictions)]() mutable {
            std::size_t ok = 0;
            for (std::size_t i = 0; i < predictions.size(); ++i)
                ok += writeMask(names[i], std::move(predictions[i]), classes, failures) ? 1 : 0;
            return ok;
        });
    }
    if (writing.valid())
        written += writing.get();
    const double seconds = msSince(t0) / 1000.0;
    std::fprintf(stderr, "segmented %zu of %s on %s in %.2f s: %.2f frames/s (decode+infer+write, %s%s)\n", written,
                 counted(static_cast<long long>(inputs.paths.size()), "image", "images").c_str(),
                 onWorkers ? "cpu" : seg->device().c_str(), seconds, written / std::max(seconds, 1e-9),
                 onWorkers ? (counted(workers, "worker", "workers") + " of one thread").c_str()
                           : ("batch " + std::to_string(batch)).c_str(),
                 options.flipTta ? ", flip TTA" : "");
    unfit.warn(modelPath, inputs.paths.size());
    // Every image failed: that failure's own code; some did: 1 (partial failure).
    return failures.count == 0 ? 0 : written == 0 ? failures.code.load() : 1;
}

namespace {

nlohmann::json frameStats(const core::Image& img)
{
    double lo = 0, hi = 0, sum = 0;
    img.range(lo, hi);
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x)
            for (int c = 0; c < img.channels; ++c)
                sum += img.value(x, y, c);
    return {{"min", lo}, {"max", hi}, {"mean", sum / (static_cast<double>(img.pixelCount()) * img.channels)}};
}

nlohmann::json volumeJson(const core::Volume& v)
{
    const core::Image& s = v.slice(0);
    nlohmann::json j;
    j["uid"] = v.seriesUid;
    j["description"] = v.description;
    j["source"] = v.source;
    j["format"] = s.format;
    j["modality"] = s.modality;
    j["transferSyntax"] = s.transferSyntax;
    j["photometric"] = s.photometric;
    j["pixelType"] = core::pixelTypeName(s.type);
    j["dims"] = {v.width(), v.height(), v.depth()};
    j["channels"] = s.channels;
    j["spacing"] = v.geometry.spacingKnown
                       ? nlohmann::json::array({v.geometry.spacing[0], v.geometry.spacing[1],
                                                v.geometry.sliceSpacingKnown ? nlohmann::json(v.geometry.spacing[2])
                                                                             : nlohmann::json(nullptr)})
                       : nlohmann::json(nullptr);
    j["origin"] = v.geometry.origin;
    j["direction"] = v.geometry.direction;
    j["oblique"] = core::Reslicer::oblique(v); // turned or tilted: the viewer resamples its true planes
    j["warnings"] = nlohmann::json::array();
    for (const auto& w : v.warnings)
        j["warnings"].push_back(w.text());
    j["windows"] = nlohmann::json::array();
    for (const auto& w : s.windows)
        j["windows"].push_back({{"name", w.name}, {"center", w.center}, {"width", w.width}});
    j["frames"] = nlohmann::json::array();
    j["streamed"] = v.streamed();
    for (const auto& f : v.slices) // a streamed video's frames are not all decoded for this
        j["frames"].push_back(frameStats(f));
    return j;
}

} // namespace

int runInfo(const CliArgs& args)
{
    if (args.positional().size() != 1)
        throw UsageError("info needs exactly one file or folder");
    const std::string path = args.positional()[0];
    std::vector<std::string> skipped;
    bool uwFolder = false;
    if (fs::is_directory(path))
        for (const auto& e : fs::directory_iterator(path)) {
            core::uw::SliceName n;
            uwFolder = uwFolder || core::uw::parseSliceName(e.path().filename().string(), n);
        }
    core::DicomScan scan;
    // A folder of DICOM series, or one enhanced file holding several stacks: each of them.
    if (fs::is_directory(path) && !fs::is_directory(fs::path(path) / "scans") && !uwFolder) {
        scan = core::scanDicomFolder(path);
        if (scan.series.empty())
            throw core::ImageError(core::ErrorCode::UnsupportedFormat, "no DICOM images found in " + path);
    } else if (fs::is_regular_file(path) && core::looksLikeDicom(path))
        try {
            if (core::DicomScan stacks = core::scanDicomFolder(path, 1); stacks.series.size() > 1)
                scan = std::move(stacks);
        } catch (const core::ImageError&) {
            // read below, where the reader says what is wrong with it
        }
    nlohmann::json j;
    j["path"] = path;
    j["series"] = nlohmann::json::array();
    // One damaged series of a folder is reported with its error; the others are still described.
    std::optional<core::ImageError> failed;
    for (const auto& s : scan.series) {
        try {
            j["series"].push_back(volumeJson(core::loadDicomSeries(s)));
        } catch (const core::ImageError& e) {
            j["series"].push_back({{"uid", s.uid}, {"description", s.description}, {"error", e.what()}});
            failed = failed ? failed : e;
        }
        if (scan.series.size() > 1)
            j["series"].back()["open"] = path + core::kSeriesKey + s.name;
    }
    if (failed && j["series"].size() == 1)
        throw *failed; // nothing else to describe: the error and its exit code
    skipped = scan.skipped;
    if (scan.series.empty())
        j["series"].push_back(volumeJson(core::loadVolume(path)));
    j["skipped"] = skipped;
    if (args.has("json")) {
        std::cout << j.dump(2) << std::endl;
        if (failed)
            throw *failed; // described above; the exit code says that not all could be read
        return 0;
    }
    const long long seriesCount = static_cast<long long>(j["series"].size());
    std::printf("%s: %s\n", path.c_str(), counted(seriesCount, "series", "series").c_str());
    for (const auto& s : j["series"]) {
        if (s.contains("error")) {
            std::printf("  %s %s\n    cannot be read: %s\n", s["description"].get<std::string>().c_str(),
                        s["uid"].get<std::string>().c_str(), s["error"].get<std::string>().c_str());
            if (s.contains("open"))
                std::printf("    open as: %s\n", s["open"].get<std::string>().c_str());
            continue;
        }
        const auto& d = s["dims"];
        std::printf("  %s %s %s\n    %d x %d x %d, %s, %s, %s\n", s["modality"].get<std::string>().c_str(),
                    s["description"].get<std::string>().c_str(), s["uid"].get<std::string>().c_str(), d[0].get<int>(),
                    d[1].get<int>(), d[2].get<int>(), counted(s["channels"].get<int>(), "channel", "channels").c_str(),
                    s["pixelType"].get<std::string>().c_str(),
                    s["transferSyntax"].get<std::string>().empty() ? s["format"].get<std::string>().c_str()
                                                                   : s["transferSyntax"].get<std::string>().c_str());
        if (!s["spacing"].is_null())
            std::printf("    spacing %s mm\n", s["spacing"].dump().c_str());
        if (s["oblique"].get<bool>())
            std::printf("    oblique: turned or tilted off the patient's axes (the viewer shows its true coronal and "
                        "sagittal planes, resampled)\n");
        for (const auto& w : s["windows"])
            std::printf("    window %s: centre %g, width %g\n", w["name"].get<std::string>().c_str(),
                        w["center"].get<double>(), w["width"].get<double>());
        const auto& frames = s["frames"];
        for (std::size_t i = 0; i < frames.size() && i < 5; ++i)
            std::printf("    frame %zu: min %g max %g mean %.4g\n", i, frames[i]["min"].get<double>(),
                        frames[i]["max"].get<double>(), frames[i]["mean"].get<double>());
        if (frames.size() > 5)
            std::printf("    ... %zu frames (all in --json)\n", frames.size());
        if (s.contains("open"))
            std::printf("    open as: %s\n", s["open"].get<std::string>().c_str());
        for (const auto& w : s["warnings"])
            std::printf("    WARNING: %s\n", w.get<std::string>().c_str());
    }
    if (!skipped.empty())
        std::printf("  skipped %s\n", counted(static_cast<long long>(skipped.size()), "file that is not a DICOM image",
                                               "files that are not DICOM images").c_str());
    if (failed)
        throw *failed;
    return 0;
}

} // namespace delineo::cli
