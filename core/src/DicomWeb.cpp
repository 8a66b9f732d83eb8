#include "DicomWeb.h"
#include "delineo/core/Errors.h"
#include "delineo/core/Text.h"
#include "delineo/ml/JsonLimits.h"

#include <curl/curl.h>
#include <strings.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>

namespace fs = std::filesystem;
using nlohmann::json;

namespace delineo::core {

namespace {

// One HTTP conversation with the node: libcurl's handle (its connection kept between requests),
// the node's timeouts, the URL's user name and password sent as Basic authentication.
class Http {
public:
    explicit Http(const PacsNode& node) : node_(node)
    {
        static std::once_flag once;
        std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
        curl_ = curl_easy_init();
        if (!curl_)
            throw ImageError(ErrorCode::Unreadable, "cannot start an HTTP client for " + node.text());
        const long t = std::max(1, node.timeoutSeconds);
        curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT, t);
        // No total limit (a series may take minutes); a transfer that stalls for the timeout ends.
        curl_easy_setopt(curl_, CURLOPT_LOW_SPEED_LIMIT, 1L);
        curl_easy_setopt(curl_, CURLOPT_LOW_SPEED_TIME, t);
        curl_easy_setopt(curl_, CURLOPT_FOLLOWLOCATION, 1L);
        curl_easy_setopt(curl_, CURLOPT_USERAGENT, "Delineo");
        curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, &Http::onHeader);
        curl_easy_setopt(curl_, CURLOPT_HEADERDATA, this);
        curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, &Http::onData);
        curl_easy_setopt(curl_, CURLOPT_WRITEDATA, this);
    }
    ~Http() { curl_easy_cleanup(curl_); }
    Http(const Http&) = delete;
    Http& operator=(const Http&) = delete;

    std::string escape(const std::string& s) const
    {
        std::unique_ptr<char, decltype(&curl_free)> e(curl_easy_escape(curl_, s.c_str(), int(s.size())), &curl_free);
        return e ? e.get() : s;
    }

    // The body goes to `sink` while the status is 2xx (returning false stops the transfer: then
    // this returns 0), else it is kept for the error message. Returns the HTTP status.
    long request(const std::string& path, const std::vector<std::string>& headers, const std::string* post,
                 std::function<bool(const char*, std::size_t)> sink, const std::string& what)
    {
        const std::string url = base() + path;
        curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
        curl_slist* list = nullptr;
        for (const auto& h : headers)
            list = curl_slist_append(list, h.c_str());
        list = curl_slist_append(list, "Expect:"); // no 100-continue round trip before each upload
        curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, list);
        if (post) {
            curl_easy_setopt(curl_, CURLOPT_POST, 1L);
            curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, post->data());
            curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(post->size()));
        } else {
            curl_easy_setopt(curl_, CURLOPT_HTTPGET, 1L);
        }
        sink_ = std::move(sink);
        contentType_.clear();
        errorBody_.clear();
        stopped_ = false;
        const CURLcode rc = curl_easy_perform(curl_);
        curl_slist_free_all(list);
        if (stopped_)
            return 0;
        if (rc != CURLE_OK) {
            const bool unreachable = rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST ||
                                     rc == CURLE_COULDNT_RESOLVE_PROXY || rc == CURLE_OPERATION_TIMEDOUT;
            throw ImageError(unreachable ? ErrorCode::NotFound : ErrorCode::Unreadable,
                             "PACS " + node_.text() + (unreachable ? " cannot be reached: " : " failed during " + what + ": ") +
                                 curl_easy_strerror(rc));
        }
        long status = 0;
        curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &status);
        if (status == 401 || status == 403)
            throw ImageError(ErrorCode::Unreadable, "PACS " + node_.text() + " refused " + what + " (HTTP " +
                                                        std::to_string(status) + "): is the user name and password in the URL right?");
        if (status == 404 && what == "the connection test")
            throw ImageError(ErrorCode::Unreadable, "PACS " + node_.text() + " has no DICOMweb service there (HTTP 404): "
                                                    "the URL should end where /studies begins, such as http://host:8042/dicom-web");
        if (status < 200 || status >= 300)
            throw ImageError(ErrorCode::Unreadable, "PACS " + node_.text() + " answered " + what + " with HTTP " +
                                                        std::to_string(status) + (errorBody_.empty() ? "" : ": " + errorBody_.substr(0, 300)));
        return status;
    }

    std::string get(const std::string& path, const std::string& what)
    {
        std::string body;
        request(path, {"Accept: application/dicom+json"}, nullptr,
                [&](const char* d, std::size_t n) { body.append(d, n); return true; }, what);
        return body;
    }

    const std::string& contentType() const { return contentType_; }

private:
    std::string base() const
    {
        std::string b = node_.url;
        while (!b.empty() && b.back() == '/')
            b.pop_back();
        return b;
    }
    static size_t onHeader(char* data, size_t size, size_t n, void* self)
    {
        auto* http = static_cast<Http*>(self);
        const std::string line(data, size * n);
        if (line.size() > 13 && strncasecmp(line.c_str(), "content-type:", 13) == 0) {
            http->contentType_ = line.substr(13);
            const auto first = http->contentType_.find_first_not_of(' ');
            const auto last = http->contentType_.find_last_not_of(" \r\n");
            http->contentType_ = first == std::string::npos ? "" : http->contentType_.substr(first, last - first + 1);
        }
        return size * n;
    }
    static size_t onData(char* data, size_t size, size_t n, void* self)
    {
        auto* http = static_cast<Http*>(self);
        long status = 0;
        curl_easy_getinfo(http->curl_, CURLINFO_RESPONSE_CODE, &status);
        if (status < 200 || status >= 300) {
            if (http->errorBody_.size() < 4096)
                http->errorBody_.append(data, size * n);
            return size * n;
        }
        if (!http->sink_(data, size * n)) {
            http->stopped_ = true;
            return 0; // aborts the transfer
        }
        return size * n;
    }

    const PacsNode& node_;
    CURL* curl_ = nullptr;
    std::function<bool(const char*, std::size_t)> sink_;
    std::string contentType_, errorBody_;
    bool stopped_ = false;
};

// A DICOM JSON attribute's values as DIMSE gives them: several joined by '\', a person's name in
// its alphabetic form, numbers as text.
std::string value(const json& dataset, const char* tag)
{
    const auto a = dataset.find(tag);
    if (a == dataset.end() || !a->is_object())
        return {};
    const auto values = a->find("Value");
    if (values == a->end() || !values->is_array())
        return {};
    std::string out;
    for (const json& v : *values) {
        std::string s;
        if (v.is_string())
            s = v.get<std::string>();
        else if (v.is_number_integer())
            s = std::to_string(v.get<long long>());
        else if (v.is_number())
            s = v.dump();
        else if (v.is_object() && v.contains("Alphabetic") && v["Alphabetic"].is_string())
            s = v["Alphabetic"].get<std::string>();
        out += (out.empty() ? "" : "\\") + s;
    }
    return out;
}

int number(const json& dataset, const char* tag)
{
    try {
        return std::stoi(value(dataset, tag));
    } catch (...) {
        return 0;
    }
}

// A QIDO-RS answer: an array of datasets (nothing at all when nothing matched, HTTP 204).
json datasets(const std::string& body, const std::string& node)
{
    if (body.find_first_not_of(" \r\n\t") == std::string::npos)
        return json::array();
    // Nesting bounded first: the parser recurses, and the answer comes from the network.
    json j = ml::parseBounded(body);
    if (j.is_discarded() || !j.is_array())
        throw ImageError(ErrorCode::Corrupt, "PACS " + node + " answered a search with something that is not DICOM JSON");
    for (const json& d : j)
        if (!d.is_object())
            throw ImageError(ErrorCode::Corrupt, "PACS " + node + " answered a search with a DICOM JSON array of non-datasets");
    return j;
}

std::string query(Http& http, const std::vector<std::pair<const char*, std::string>>& keys)
{
    std::string q;
    for (const auto& [key, v] : keys)
        if (!v.empty())
            q += (q.empty() ? "?" : "&") + std::string(key) + "=" + http.escape(v);
    return q;
}

} // namespace

std::vector<PacsStudy> studiesFromJson(const std::string& body, const std::string& node)
{
    std::vector<PacsStudy> out;
    for (const json& d : datasets(body, node))
        out.push_back(PacsStudy{value(d, "0020000D"), value(d, "00100010"), value(d, "00100020"), value(d, "00080020"),
                                value(d, "00081030"), value(d, "00080061"), value(d, "00080050"), number(d, "00201206")});
    return out;
}

std::vector<PacsSeries> seriesFromJson(const std::string& body, const std::string& node)
{
    std::vector<PacsSeries> out;
    for (const json& d : datasets(body, node))
        out.push_back(PacsSeries{value(d, "0020000E"), value(d, "00080060"), value(d, "0008103E"), value(d, "00200011"),
                                 number(d, "00201209")});
    return out;
}

void DicomWebClient::echo() const
{
    Http http(node_);
    studiesFromJson(http.get("/studies?limit=1", "the connection test"), node_.text());
}

std::vector<PacsStudy> DicomWebClient::findStudies(const PacsQuery& q) const
{
    Http http(node_);
    const std::string range = q.dateFrom.empty() && q.dateTo.empty() ? "" : q.dateFrom + "-" + q.dateTo;
    std::string path = "/studies" + query(http, {{"PatientName", q.patientName},
                                                 {"PatientID", q.patientId},
                                                 {"StudyDate", range},
                                                 {"ModalitiesInStudy", q.modality},
                                                 {"AccessionNumber", q.accession}});
    // Description and series count are not among the attributes QIDO-RS must return unasked.
    path += std::string(path.find('?') == std::string::npos ? "?" : "&") + "includefield=00081030&includefield=00201206";
    return studiesFromJson(http.get(path, "the study search"), node_.text());
}

std::vector<PacsSeries> DicomWebClient::findSeries(const std::string& studyUid) const
{
    Http http(node_);
    return seriesFromJson(http.get("/studies/" + http.escape(studyUid) + "/series?includefield=0008103E&includefield=00201209",
                                   "the series search"),
                          node_.text());
}

std::vector<std::string> DicomWebClient::retrieveSeries(const std::string& studyUid, const std::string& seriesUid,
                                                        const std::string& folder, int expected,
                                                        const PacsProgress& progress) const
{
    std::error_code ec;
    Http http(node_);
    std::unique_ptr<MultipartReader> reader;
    std::vector<std::string> received;
    std::string failure; // what stopped the transfer, said fully
    ErrorCode failureCode = ErrorCode::Unreadable;
    // Each part is written as .part and renamed once whole, as the DIMSE retrieval does.
    const auto onPart = [&](std::string&& part) {
        const auto body = part.find("\r\n\r\n");
        if (body == std::string::npos)
            return true; // a part without headers carries nothing
        char name[32];
        std::snprintf(name, sizeof name, "instance-%05zu.dcm", received.size() + 1);
        const fs::path done = fs::path(folder) / name, partial = fs::path(folder) / (std::string(name) + ".part");
        {
            std::ofstream out(partial, std::ios::binary);
            out.write(part.data() + body + 4, std::streamsize(part.size() - body - 4));
            if (!out.flush()) {
                failure = "cannot write " + partial.string();
                failureCode = ErrorCode::WriteFailed;
                return false;
            }
        }
        fs::rename(partial, done, ec);
        if (ec) {
            failure = "cannot write " + done.string() + ": " + ec.message();
            failureCode = ErrorCode::WriteFailed;
            return false;
        }
        received.push_back(done.string());
        return !progress || progress(int(received.size()), expected);
    };
    const long status = http.request(
        "/studies/" + http.escape(studyUid) + "/series/" + http.escape(seriesUid),
        {"Accept: multipart/related; type=\"application/dicom\"; transfer-syntax=*"}, nullptr,
        [&](const char* d, std::size_t n) {
            if (!reader) {
                const std::string boundary = MultipartReader::boundaryOf(http.contentType());
                if (boundary.empty()) {
                    failure = "PACS " + node_.text() + " answered the retrieval with " +
                              (http.contentType().empty() ? "no content type" : http.contentType()) + ", not multipart/related";
                    return false;
                }
                reader = std::make_unique<MultipartReader>(boundary);
            }
            return reader->feed(d, n, onPart);
        },
        "the retrieval");
    if (!failure.empty())
        throw ImageError(failureCode, failure);
    if (status != 0 && received.empty())
        throw ImageError(ErrorCode::NotFound, "PACS " + node_.text() + " has no images in series " + seriesUid);
    return received; // status 0: cancelled, what arrived is kept
}

int DicomWebClient::store(const std::vector<std::string>& files, const PacsProgress& progress) const
{
    Http http(node_);
    const std::string boundary = "delineo-stow-7d1f3c9a";
    int accepted = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        std::ifstream in(files[i], std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (!in.good() && !in.eof())
            throw ImageError(ErrorCode::Unreadable, "cannot read " + files[i] + " to send it");
        if (bytes.size() < 132 || bytes.compare(128, 4, "DICM") != 0)
            throw ImageError(ErrorCode::Unreadable, files[i] + " is not a DICOM file (no DICM preamble), so it is not sent");
        // One instance per request: progress and cancel between files, the connection kept.
        const std::string body = "--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n" + bytes + "\r\n--" +
                                 boundary + "--\r\n";
        std::string answer;
        http.request("/studies",
                     {"Content-Type: multipart/related; type=\"application/dicom\"; boundary=" + boundary,
                      "Accept: application/dicom+json"},
                     &body, [&](const char* d, std::size_t n) { answer.append(d, n); return true; }, "the upload of " + files[i]);
        const json j = ml::parseBounded(answer);
        const json& result = j.is_array() && !j.empty() ? j[0] : j;
        // Failed SOP Sequence: present and empty on success (Orthanc), with an item on failure.
        const json* failed = result.is_object() && result.contains("00081198") ? &result["00081198"] : nullptr;
        if (failed && failed->is_object() && failed->contains("Value") && (*failed)["Value"].is_array() &&
            !(*failed)["Value"].empty()) {
            const std::string reason = value((*failed)["Value"][0], "00081197");
            throw ImageError(ErrorCode::Unreadable, "PACS " + node_.text() + " refused " + files[i] +
                                                        (reason.empty() ? "" : " (failure reason " + reason + ")"));
        }
        ++accepted;
        if (progress && !progress(accepted, int(files.size())))
            break;
    }
    return accepted;
}

std::string MultipartReader::boundaryOf(const std::string& contentType)
{
    const std::string lower = lowercase(contentType);
    if (lower.rfind("multipart/", 0) != 0)
        return {};
    const auto at = lower.find("boundary=");
    if (at == std::string::npos)
        return {};
    std::string b = contentType.substr(at + 9);
    if (!b.empty() && b.front() == '"')
        return b.substr(1, b.find('"', 1) == std::string::npos ? std::string::npos : b.find('"', 1) - 1);
    return b.substr(0, b.find_first_of("; \t"));
}

bool MultipartReader::feed(const char* data, std::size_t n, const std::function<bool(std::string&& part)>& part)
{
    if (finished_)
        return true;
    if (!started_ && buffer_.empty())
        buffer_ = "\r\n"; // the first delimiter may open the body without a line break before it
    buffer_.append(data, n);
    for (;;) {
        const std::size_t at = buffer_.find(delimiter_, searchFrom_);
        if (at == std::string::npos) {
            // Only the tail could hold the start of a delimiter: the next search begins there.
            searchFrom_ = buffer_.size() > delimiter_.size() ? buffer_.size() - delimiter_.size() : 0;
            return true;
        }
        const std::size_t after = at + delimiter_.size();
        if (buffer_.size() < after + 2) {
            searchFrom_ = at;
            return true;
        }
        const bool closing = buffer_.compare(after, 2, "--") == 0;
        const std::size_t eol = closing ? after : buffer_.find("\r\n", after);
        if (eol == std::string::npos) {
            searchFrom_ = at;
            return true;
        }
        if (started_ && !part(buffer_.substr(0, at)))
            return false;
        started_ = true;
        searchFrom_ = 0;
        if (closing) {
            finished_ = true;
            buffer_.clear();
            return true;
        }
        buffer_.erase(0, eol + 2);
    }
}

} // namespace delineo::core
