#pragma once
// A real Orthanc (Debian's `orthanc` package) for the PACS tests: its own temporary configuration,
// storage and free ports on localhost, this client's AE title registered, and with `dicomWeb` the
// DICOMweb plugin (`orthanc-dicomweb`); stopped when the object goes.
#include "TestSupport.h"

#include <string>

namespace delineo::test {

class OrthancServer {
public:
    static constexpr const char* kAeTitle = "ORTHANC";
    static constexpr const char* kClientAe = "DELINEO";
    explicit OrthancServer(const TempDir& dir, bool dicomWeb = false);
    ~OrthancServer();
    bool running() const { return pid_ > 0; }
    const std::string& why() const { return why_; }
    int dicomPort() const { return dicomPort_; }
    std::string node() const { return std::string(kAeTitle) + "@127.0.0.1:" + std::to_string(dicomPort_); }
    std::string webUrl() const { return "http://127.0.0.1:" + std::to_string(httpPort_) + "/dicom-web"; }
    static int freePort();

private:
    int pid_ = -1, dicomPort_ = 0, httpPort_ = 0;
    std::string why_;
};

} // namespace delineo::test

// Skips the test when Orthanc is not installed or did not start: the message says so.
#define ORTHANC_OR_SKIP(server, dir)                                                               \
    delineo::test::OrthancServer server(dir);                                                     \
    if (!server.running())                                                                         \
    GTEST_SKIP() << "no Orthanc for this test: " << server.why()

// The same with Orthanc's DICOMweb plugin, skipping when the plugin is not installed.
#define ORTHANC_WEB_OR_SKIP(server, dir)                                                           \
    delineo::test::OrthancServer server(dir, true);                                               \
    if (!server.running())                                                                         \
    GTEST_SKIP() << "no Orthanc with DICOMweb for this test: " << server.why()
