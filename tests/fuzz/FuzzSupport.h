#pragma once
// Shared by the fuzz targets: the input as a file (loaders take paths), and the rule every target
// checks: an input ends in a result or a typed error (ImageError, ModelError). Anything else (another
// exception, a crash, a sanitizer report, a leak, an allocation over libFuzzer's -rss_limit_mb) is
// a finding.
#include "delineo/core/Errors.h"
#include "delineo/ml/Errors.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>

namespace delineo::fuzz {

// A folder of this process's own under the temp folder, emptied for each input.
inline const std::filesystem::path& workDir()
{
    static const std::filesystem::path dir = [] {
        auto d = std::filesystem::temp_directory_path() / ("delineo-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        return d;
    }();
    return dir;
}

inline std::string writeInput(const std::uint8_t* data, std::size_t size, const std::string& name)
{
    const auto path = workDir() / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data), std::streamsize(size));
    return path.string();
}

// What happens on an untyped exception: abort (a libFuzzer finding) unless a test replaying the
// regression inputs records it instead.
inline void (*&onUntyped())(const char*)
{
    static void (*handler)(const char*) = [](const char* what) {
        std::fprintf(stderr, "untyped exception: %s\n", what);
        std::abort();
    };
    return handler;
}

template <typename F> void expectTyped(F&& f)
{
    try {
        f();
    } catch (const core::ImageError&) {
    } catch (const ml::ModelError&) {
    } catch (const ml::TrainingError&) {
    } catch (const std::exception& e) {
        onUntyped()(e.what());
    }
}

} // namespace delineo::fuzz
