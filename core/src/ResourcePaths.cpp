#include "delineo/core/ResourcePaths.h"

#include <cstdlib>
#include <filesystem>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace delineo::core {

namespace {

// The folder of the running program (an installed one: PREFIX/bin); empty when it cannot be read.
fs::path programDir()
{
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

} // namespace

std::string resourceDir()
{
    if (const char* env = std::getenv("DELINEO_RESOURCES"); env && *env)
        return env;
    std::error_code ec;
    if (const fs::path bin = programDir(); !bin.empty()) {
        const fs::path installed = bin.parent_path() / "share" / "delineo";
        if (fs::is_directory(installed / "models", ec))
            return installed.string();
    }
#ifdef DELINEO_SOURCE_RESOURCES
    return DELINEO_SOURCE_RESOURCES;
#else
    return "resources";
#endif
}

std::string userModelDir()
{
    const char* xdg = std::getenv("XDG_DATA_HOME");
    const char* home = std::getenv("HOME");
    const fs::path base = xdg && *xdg ? fs::path(xdg) : fs::path(home && *home ? home : "/tmp") / ".local" / "share";
    return (base / "Delineo" / "models").string();
}

std::string defaultModelPath()
{
    if (const char* env = std::getenv("DELINEO_MODEL"); env && *env)
        return env;
    return (fs::path(resourceDir()) / "models" / "polyp-unet.pt").string();
}

std::string helperProgram(const std::string& name)
{
    std::vector<fs::path> places;
    if (const fs::path bin = programDir(); !bin.empty()) {
        places.push_back(bin.parent_path() / "libexec" / "delineo" / name);
        places.push_back(bin / name);
    }
#ifdef DELINEO_BUILD_HELPERS
    places.push_back(fs::path(DELINEO_BUILD_HELPERS) / name);
#endif
    std::error_code ec;
    for (const auto& p : places)
        if (::access(p.c_str(), X_OK) == 0 && fs::is_regular_file(p, ec))
            return p.string();
    return {};
}

} // namespace delineo::core
