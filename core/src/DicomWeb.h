#pragma once
// DICOMweb (PS3.18) for core::PacsClient when its node is a URL: QIDO-RS searches, WADO-RS retrieval
// of a series (multipart/related, written part by part as it streams) and STOW-RS. libcurl does HTTP,
// TLS and the user name and password a URL carries; nlohmann_json reads the DICOM JSON answers.
#include "delineo/core/Pacs.h"

#include <functional>

namespace delineo::core {

class DicomWebClient {
public:
    explicit DicomWebClient(const PacsNode& node) : node_(node) {}
    void echo() const;
    std::vector<PacsStudy> findStudies(const PacsQuery& query) const;
    std::vector<PacsSeries> findSeries(const std::string& studyUid) const;
    // Into `folder` (made by the caller); `expected` is the size the progress reports.
    std::vector<std::string> retrieveSeries(const std::string& studyUid, const std::string& seriesUid,
                                            const std::string& folder, int expected, const PacsProgress& progress) const;
    int store(const std::vector<std::string>& files, const PacsProgress& progress) const;

private:
    PacsNode node_;
};

// QIDO-RS answers (DICOM JSON arrays) as rows; ImageError(Corrupt) for anything else. Exposed for
// the fuzz target, as are the multipart reader's parts.
std::vector<PacsStudy> studiesFromJson(const std::string& body, const std::string& node);
std::vector<PacsSeries> seriesFromJson(const std::string& body, const std::string& node);

// The body parts of a multipart/related stream, handed over as each one completes (so a series is
// never held whole in memory). Exposed for its test.
class MultipartReader {
public:
    explicit MultipartReader(std::string boundary) : delimiter_("\r\n--" + std::move(boundary)) {}
    // Returns false when `part` said stop.
    bool feed(const char* data, std::size_t n, const std::function<bool(std::string&& part)>& part);
    bool finished() const { return finished_; }
    // The boundary parameter of a Content-Type header ("" if none).
    static std::string boundaryOf(const std::string& contentType);

private:
    std::string delimiter_, buffer_;
    std::size_t searchFrom_ = 0;
    bool started_ = false, finished_ = false;
};

} // namespace delineo::core
