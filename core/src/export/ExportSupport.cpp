#include "ExportSupport.h"
#include "delineo/core/Deidentifier.h"
#include "delineo/core/DicomImport.h"
#include "delineo/core/AtomicWrite.h"
#include "delineo/core/Rendering.h"
#include "delineo/core/VideoReader.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace fs = std::filesystem;

namespace delineo::core::exporting {

void forEachAnnotated(const Workspace& ws, const ExportOptions& options, TransferReport& report,
                      const std::function<void(const AnnotatedImage&)>& visit)
{
    std::vector<AnnotatedImage> todo;
    for (const auto& c : ws.cases())
        for (const auto& image : ws.images(c.id)) {
            AnnotatedImage a{c, image, {}, VideoReader::isVideoPath(image.path)};
            for (const auto& [z, kind] : ws.latestKinds(image.id))
                if (z >= 0 && z < image.slices)
                    a.slices.push_back(z);
            std::sort(a.slices.begin(), a.slices.end());
            if (!a.slices.empty())
                todo.push_back(std::move(a));
        }
    forEachItem(todo.size(), options, report, [&](std::size_t i) { visit(todo[i]); });
}

std::vector<MeasuredImage> measuredImages(const Workspace& ws)
{
    std::vector<MeasuredImage> out;
    for (const auto& c : ws.cases())
        for (const auto& image : ws.images(c.id))
            if (auto kept = ws.measurements(image.id); !kept.empty())
                out.push_back({c, image, std::move(kept)});
    return out;
}

void forEachItem(std::size_t count, const ExportOptions& options, TransferReport& report,
                 const std::function<void(std::size_t)>& visit)
{
    for (std::size_t i = 0; i < count; ++i) {
        if (options.cancel && options.cancel->load()) {
            report.cancelled = true;
            report.notes.push_back("cancelled after " + std::to_string(i) + " of " + std::to_string(count) + " images");
            return;
        }
        visit(i);
        if (options.progress)
            options.progress(static_cast<int>(i + 1), static_cast<int>(count));
    }
}

LabelMap maskOf(const Workspace& ws, const AnnotatedImage& a, int z)
{
    auto rev = ws.latestMask(a.image.id, z);
    if (!rev)
        throw ImageError(ErrorCode::NotFound, a.image.path + ": slice " + std::to_string(z + 1) + " has no mask");
    return std::move(rev->labels);
}

std::vector<LabelMap> allSlices(const Workspace& ws, const AnnotatedImage& a, int* unannotated)
{
    std::vector<LabelMap> out;
    int empty = 0;
    for (int z = 0; z < a.image.slices; ++z) {
        if (std::binary_search(a.slices.begin(), a.slices.end(), z)) {
            out.push_back(maskOf(ws, a, z));
        } else {
            out.emplace_back(a.image.width, a.image.height);
            ++empty;
        }
    }
    if (unannotated)
        *unannotated = empty;
    return out;
}

void noteLabels(const LabelMap& labels, std::set<int>& used)
{
    bool seen[256] = {};
    for (std::uint8_t k : labels.labels)
        seen[k] = true;
    for (int k = 1; k < 256; ++k)
        if (seen[k])
            used.insert(k);
}

std::vector<WorkspaceClass> exportedClasses(const Workspace& ws, const std::set<int>& used, TransferReport& report)
{
    std::vector<WorkspaceClass> unnamed;
    for (int k : used)
        unnamed.push_back({k, numberedClassName(k), 128, 128, 128});
    const auto have = ws.classes();
    auto all = mergedClasses(have, unnamed, false);
    if (all.size() > have.size())
        report.notes.push_back(std::to_string(all.size() - have.size()) +
                               " label(s) the workspace names no class for exported as \"class N\" (name them in the "
                               "Classes panel)");
    return all;
}

std::string sliceName(const AnnotatedImage& a, int z)
{
    char name[32];
    std::snprintf(name, sizeof name, a.video ? "frame_%04d" : "slice_%04d", z + 1);
    return name;
}

std::string stemOf(const ImageEntry& image)
{
    fs::path p(image.path);
    if (p.filename().empty())
        p = p.parent_path();
    if (fs::is_directory(p))
        return p.filename().string();
    std::string stem = p.stem().string();
    if (p.extension() == ".gz" && fs::path(stem).extension() == ".nii")
        stem = fs::path(stem).stem().string();
    return stem;
}

std::string flatId(const AnnotatedImage& a)
{
    std::string id = a.kase.name + "_" + stemOf(a.image);
    for (char& c : id)
        if (c == '/' || c == '\\' || c == ' ' || c == ':')
            c = '_';
    return id;
}

void makeParent(const fs::path& file)
{
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (ec)
        throw ImageError(ErrorCode::WriteFailed, "cannot create " + file.parent_path().string() + ": " + ec.message());
}

namespace {

void writePng(const fs::path& target, const cv::Mat& m)
{
    makeParent(target);
    writeViaTempFile(target.string(), [&](const std::string& tmp) {
        return cv::imwrite(tmp, m) ? std::string() : std::string("PNG encoder failed");
    });
}

} // namespace

void writeModelViewPng(const fs::path& target, const Image& image)
{
    std::vector<std::uint8_t> px = modelInput8(image);
    cv::Mat m(image.height, image.width, image.channels == 3 ? CV_8UC3 : CV_8UC1, px.data()), out;
    if (image.channels == 3)
        cv::cvtColor(m, out, cv::COLOR_RGB2BGR);
    else
        out = m;
    writePng(target, out);
}

void writeIndexPng(const fs::path& target, const LabelMap& labels)
{
    writePng(target, cv::Mat(labels.height, labels.width, CV_8UC1, const_cast<std::uint8_t*>(labels.labels.data())));
}

void writeDicomExport(const Workspace& ws, const fs::path& target, const std::string& sourceFile, bool deidentify,
                      bool keepContent, std::unique_ptr<Deidentifier>& deidentifier,
                      const std::function<void(const std::string&)>& write)
{
    makeParent(target);
    if (!deidentify || Deidentifier::identityRemoved(sourceFile)) {
        write(target.string());
        return;
    }
    if (!deidentifier)
        deidentifier = std::make_unique<Deidentifier>(workspacePseudonyms(ws.folder()));
    // In the workspace, which holds the identities already, never in the export's folder: an export
    // killed half-way leaves no identified object among what it shares.
    const fs::path identified =
        fs::path(ws.folder()) / (".export-" + std::to_string(std::hash<std::string>{}(target.string())) + ".identified.dcm");
    struct Remove {
        const fs::path& path;
        ~Remove()
        {
            std::error_code ec;
            fs::remove(path, ec);
        }
    } remove{identified};
    write(identified.string());
    deidentifier->deidentifyFile(identified.string(), target.string(), keepContent);
}

} // namespace delineo::core::exporting
