// A workspace folder's own settings (WORKSPACE/delineo-workspace.json): whether imports are
// de-identified, and the key pseudonyms come from. Small on purpose: the workspace store links it.
#include "delineo/core/DicomImport.h"
#include "delineo/ml/JsonLimits.h"
#include "delineo/core/AtomicWrite.h"
#include "delineo/core/Errors.h"

#include <nlohmann/json.hpp>
#include <openssl/rand.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace delineo::core {

namespace {

const char* kSettingsFile = "delineo-workspace.json";

// `strict`, for a change to be written back: a damaged file is an error, not an empty one that
// would overwrite it (and the key it may hold).
nlohmann::json readSettings(const std::string& workspace, bool strict = false)
{
    const fs::path file = fs::path(workspace) / kSettingsFile;
    std::ifstream in(file);
    if (!in)
        return nlohmann::json::object();
    // A few lines when Delineo writes it: anything far larger is not read into memory.
    std::error_code ec;
    if (const auto size = fs::file_size(file, ec); !ec && size > (1u << 20))
        throw ImageError(ErrorCode::TooLarge, file.string() + " is larger than a settings file can be (1 MiB)");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (ml::jsonDepth(text) > ml::kMaxJsonDepth)
        throw ImageError(ErrorCode::Corrupt, file.string() + " nests too deep");
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object() && strict)
        throw ImageError(ErrorCode::Corrupt, file.string() + " is not a JSON object; repair it or restore it from a backup");
    return j.is_object() ? j : nlohmann::json::object();
}

void writeSettings(const std::string& workspace, const nlohmann::json& j)
{
    writeTextFile((fs::path(workspace) / kSettingsFile).string(), j.dump(2) + "\n");
}

// One program at a time reads, changes and writes the settings: two programs making the key of a
// new workspace at once would each keep their own, and one patient would get two pseudonyms. The
// lock is on the folder itself (no lock file left behind) and ends with the program if it dies.
class SettingsLock {
public:
    explicit SettingsLock(const std::string& workspace)
    {
        std::error_code ec;
        fs::create_directories(workspace, ec);
        fd_ = ::open(workspace.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd_ < 0)
            throw ImageError(ErrorCode::WriteFailed, "cannot open the workspace folder " + workspace + " for its settings");
        while (::flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
        }
    }
    ~SettingsLock() { ::close(fd_); } // closing releases the lock
    SettingsLock(const SettingsLock&) = delete;
    SettingsLock& operator=(const SettingsLock&) = delete;

private:
    int fd_ = -1;
};

} // namespace

std::string newPseudonymKey()
{
    unsigned char bytes[32];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        throw ImageError(ErrorCode::WriteFailed, "no random bytes for a de-identification key");
    std::string hex;
    for (unsigned char b : bytes) {
        char two[3];
        std::snprintf(two, sizeof two, "%02x", b);
        hex += two;
    }
    return hex;
}

bool validPseudonymKey(const std::string& hex)
{
    return hex.size() >= 32 && hex.size() % 2 == 0 && hex.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
}

bool deidentifyOnImport(const std::string& workspace)
{
    const nlohmann::json j = readSettings(workspace);
    const auto it = j.find("deidentifyOnImport");
    return it == j.end() || !it->is_boolean() || it->get<bool>();
}

void setDeidentifyOnImport(const std::string& workspace, bool on)
{
    const SettingsLock lock(workspace);
    nlohmann::json j = readSettings(workspace, true);
    j["deidentifyOnImport"] = on;
    writeSettings(workspace, j);
}

Pseudonyms workspacePseudonyms(const std::string& workspace)
{
    const SettingsLock lock(workspace);
    nlohmann::json j = readSettings(workspace, true);
    Pseudonyms out;
    const auto it = j.find("pseudonymKey");
    if (it != j.end()) {
        // A damaged key is not replaced: a new one would give every patient and UID new pseudonyms.
        const std::string key = it->is_string() ? it->get<std::string>() : std::string();
        if (!validPseudonymKey(key))
            throw ImageError(ErrorCode::Corrupt, (fs::path(workspace) / kSettingsFile).string() +
                                                     ": pseudonymKey is not a key of 128 bits or more in hexadecimal; "
                                                     "restore the file from a backup");
        out.key = key;
        return out;
    }
    out.key = newPseudonymKey();
    j["pseudonymKey"] = out.key;
    writeSettings(workspace, j);
    return out;
}

void adoptPseudonymKey(const std::string& workspace, const std::string& key)
{
    if (key.empty())
        return;
    const SettingsLock lock(workspace);
    nlohmann::json j = readSettings(workspace, true);
    if (j.contains("pseudonymKey") && j["pseudonymKey"] == key)
        return;
    j["pseudonymKey"] = key;
    writeSettings(workspace, j);
}

} // namespace delineo::core
