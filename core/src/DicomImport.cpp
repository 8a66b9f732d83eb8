#include "delineo/core/DicomImport.h"
#include "delineo/core/AtomicWrite.h"
#include "delineo/core/Deidentifier.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"

#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace delineo::core {

DicomImportReport importDicom(const std::vector<std::string>& sources, const std::string& destination,
                              bool deidentify, const Pseudonyms& pseudonyms, const std::atomic<bool>* cancel,
                              const std::function<void(int, int)>& progress)
{
    // (source, path relative to the destination)
    std::vector<std::pair<fs::path, fs::path>> files;
    std::error_code ec;
    for (const auto& s : sources) {
        const fs::path in(s);
        if (fs::is_directory(in, ec)) {
            for (auto it = fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied, ec);
                 it != fs::recursive_directory_iterator(); it.increment(ec))
                if (!ec && it->is_regular_file(ec) && looksLikeDicom(it->path().string()))
                    files.emplace_back(it->path(), in.filename() / fs::relative(it->path(), in));
        } else if (fs::is_regular_file(in, ec)) {
            if (looksLikeDicom(in.string()))
                files.emplace_back(in, in.filename());
        } else {
            throw ImageError(ErrorCode::NotFound, "not found: " + s);
        }
    }
    DicomImportReport report;
    report.destination = destination;
    report.deidentified = deidentify;
    Deidentifier deid(pseudonyms);
    // Folder and file names often name the patient ("DOE_JANE_CT"): de-identified, a name holding a
    // word of any imported file's patient name, ID or birth date is replaced by a pseudonym, the
    // same at every import, so the copy's paths, case names and exports do not give it away.
    // C-GET names a file after its instance UID: a name that is one of the files' UIDs goes too.
    std::set<std::string> uids, seen;
    std::vector<std::string> words; // each once
    if (deidentify)
        for (const auto& file : files) {
            const Deidentifier::NamedBy named = Deidentifier::identifiers(file.first.string());
            uids.insert(named.uids.begin(), named.uids.end());
            for (const std::string& w : named.words)
                if (seen.insert(w).second)
                    words.push_back(w);
        }
    const auto namesSomeone = [&](const std::string& text) { return Deidentifier::mentions(text, words); };
    std::set<std::string> renamed;
    const auto cleanPath = [&](const fs::path& rel) {
        fs::path out;
        for (auto part = rel.begin(); part != rel.end(); ++part) {
            std::string name = part->string();
            if (uids.count(name) || uids.count(part->stem().string()) || namesSomeone(name)) {
                // A file keeps its extension (".dcm"), unless that is where the name is.
                std::string extension = std::next(part) == rel.end() ? part->extension().string() : std::string();
                if (namesSomeone(extension))
                    extension.clear();
                renamed.insert(name);
                name = deid.mapName(name) + extension;
            }
            out /= name;
        }
        return out;
    };
    for (auto& file : files)
        file.second = cleanPath(file.second);
    report.renamed = int(renamed.size());
    for (const auto& s : sources)
        report.roots.push_back((fs::path(destination) / cleanPath(fs::path(s).filename())).string());
    const int total = static_cast<int>(files.size());
    for (int i = 0; i < total; ++i) {
        if (cancel && cancel->load())
            break;
        const fs::path& in = files[static_cast<std::size_t>(i)].first;
        const fs::path& rel = files[static_cast<std::size_t>(i)].second;
        const fs::path out = fs::path(destination) / rel;
        try {
            fs::create_directories(out.parent_path(), ec);
            if (ec)
                throw ImageError(ErrorCode::WriteFailed, "cannot create " + out.parent_path().string() + ": " + ec.message());
            if (deidentify) {
                if (deid.deidentifyFile(in.string(), out.string()))
                    ++report.burnedInText;
            } else {
                writeViaTempFile(out.string(), [&](const std::string& tmp) {
                    std::error_code copyError;
                    fs::copy_file(in, tmp, fs::copy_options::overwrite_existing, copyError);
                    return copyError ? copyError.message() : std::string();
                });
            }
            ++report.written;
        } catch (const ImageError& e) {
            report.failed.push_back(std::string(e.what()) + " [" + ImageError::codeName(e.code()) + "]");
        }
        if (progress)
            progress(i + 1, total);
    }
    return report;
}

} // namespace delineo::core
