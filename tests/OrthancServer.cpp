#include "OrthancServer.h"

#include <chrono>
#include <fstream>
#include <thread>

#include <arpa/inet.h>
#include <csignal>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace delineo::test {

namespace {

constexpr const char* kOrthanc = "/usr/sbin/Orthanc";
constexpr const char* kDicomWebPlugin = "/usr/share/orthanc/plugins/libOrthancDicomWeb.so";

bool accepts(int port)
{
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool ok = ::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    ::close(s);
    return ok;
}

} // namespace

int OrthancServer::freePort()
{
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    int port = 0;
    if (::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
        ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) == 0)
        port = ntohs(a.sin_port);
    ::close(s);
    return port;
}

OrthancServer::OrthancServer(const TempDir& dir, bool dicomWeb)
{
    if (::access(kOrthanc, X_OK) != 0) {
        why_ = std::string(kOrthanc) + " is not installed (apt-get install orthanc)";
        return;
    }
    if (dicomWeb && ::access(kDicomWebPlugin, R_OK) != 0) {
        why_ = std::string(kDicomWebPlugin) + " is not installed (apt-get install orthanc-dicomweb)";
        return;
    }
    dicomPort_ = freePort();
    httpPort_ = freePort();
    const std::string config = dir.file("orthanc.json"), log = dir.file("orthanc.log");
    std::ofstream(config) << "{\n"
                          << "  \"Name\": \"delineo-test\",\n"
                          << "  \"StorageDirectory\": \"" << dir.file("orthanc-db") << "\",\n"
                          << "  \"IndexDirectory\": \"" << dir.file("orthanc-db") << "\",\n"
                          << "  \"DicomAet\": \"" << kAeTitle << "\",\n"
                          << "  \"DicomPort\": " << dicomPort_ << ",\n"
                          << "  \"HttpPort\": " << httpPort_ << ",\n"
                          << "  \"RemoteAccessAllowed\": false,\n"
                          << "  \"AuthenticationEnabled\": false,\n"
                          << "  \"Plugins\": [" << (dicomWeb ? std::string("\"") + kDicomWebPlugin + "\"" : "") << "],\n"
                          << "  \"DicomWeb\": { \"Enable\": true, \"Root\": \"/dicom-web/\" },\n"
                          << "  \"DicomModalities\": { \"delineo\": [ \"" << kClientAe << "\", \"127.0.0.1\", 1 ] },\n"
                          << "  \"DicomCheckCalledAet\": true\n"
                          << "}\n";
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(fd, STDOUT_FILENO);
        ::dup2(fd, STDERR_FILENO);
        ::setenv("TCP_NODELAY", "1", 1); // as a tuned server runs (see core/src/Pacs.cpp)
        ::execl(kOrthanc, kOrthanc, config.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    pid_ = pid;
    for (int i = 0; i < 300; ++i) {
        if (accepts(dicomPort_) && accepts(httpPort_))
            return;
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            why_ = "Orthanc exited at start: " + fileBytes(log).substr(0, 2000);
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    why_ = "Orthanc did not listen within 15 s: " + fileBytes(log).substr(0, 2000);
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

OrthancServer::~OrthancServer()
{
    if (pid_ <= 0)
        return;
    ::kill(pid_, SIGTERM);
    for (int i = 0; i < 100; ++i) {
        if (::waitpid(pid_, nullptr, WNOHANG) == pid_)
            return;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
}

} // namespace delineo::test
