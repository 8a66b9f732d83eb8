// The readers, registered explicitly and tried in this order: a new format is one file in this
// folder plus its line here. Folder readers first; among file readers the more specific names
// (DICOMDIR, .nii.gz, videos) before DICOM's content check and plain frames.
#include "ReaderSupport.h"
#include "delineo/core/Reader.h"
#include "delineo/core/Text.h"

#include <algorithm>
#include <filesystem>

namespace delineo::core {

std::unique_ptr<Reader> makeUwCaseDayReader();
std::unique_ptr<Reader> makeDicomFolderReader();
std::unique_ptr<Reader> makeDicomDirReader();
std::unique_ptr<Reader> makeItkVolumeReader();
std::unique_ptr<Reader> makeVideoReader();
std::unique_ptr<Reader> makeDicomFileReader();
std::unique_ptr<Reader> makeFrameReader();

const std::vector<std::unique_ptr<Reader>>& readers()
{
    static const std::vector<std::unique_ptr<Reader>> list = [] {
        std::vector<std::unique_ptr<Reader>> v;
        for (auto make : {makeUwCaseDayReader, makeDicomFolderReader, makeDicomDirReader, makeItkVolumeReader,
                          makeVideoReader, makeDicomFileReader, makeFrameReader})
            v.push_back(make());
        return v;
    }();
    return list;
}

const Reader* readerFor(const std::string& path)
{
    for (const auto& r : readers())
        if (r->canRead(path))
            return r.get();
    return nullptr;
}

bool matchesReaderPattern(const std::string& path)
{
    return std::any_of(readers().begin(), readers().end(),
                       [&](const auto& r) { return reading::nameMatches(path, r->patterns()); });
}

namespace reading {

bool nameMatches(const std::string& path, const std::vector<std::string>& patterns)
{
    const std::string name = lowercase(std::filesystem::path(path).filename().string());
    for (const auto& p : patterns) {
        if (p.rfind("*", 0) == 0) {
            const std::string tail = p.substr(1);
            if (name.size() > tail.size() && endsWith(name, tail))
                return true;
        } else if (name == lowercase(p)) {
            return true;
        }
    }
    return false;
}

bool isDirectory(const std::string& path)
{
    std::error_code ec;
    return std::filesystem::is_directory(path, ec);
}

} // namespace reading

} // namespace delineo::core
