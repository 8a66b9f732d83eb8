// delineo-cli: headless training, segmentation, evaluation and file inspection.
#include "CliSpec.h"

#include "delineo/core/Errors.h"
#include "delineo/core/Versions.h"
#include "delineo/ml/CpuTensorCache.h"
#include "delineo/ml/Errors.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <new>
#include <string>

using namespace delineo;

int main(int argc, char** argv)
{
    if (argc >= 2 && !std::strcmp(argv[1], "--version")) {
        std::printf("delineo-cli %s\n", DELINEO_VERSION);
        for (const auto& [name, version] : core::componentVersions())
            std::printf("  %-8s %s\n", name.c_str(), version.c_str());
        return 0;
    }
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
        std::fputs(cli::fullHelp().c_str(), argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (!std::strcmp(argv[1], "completion")) {
        if (argc != 3 || std::strcmp(argv[2], "bash")) {
            std::fputs("delineo-cli: usage: delineo-cli completion bash\n", stderr);
            return 2;
        }
        std::fputs(cli::bashCompletion().c_str(), stdout);
        return 0;
    }
    // A command runs its models again and again in a fresh process, whose heap glibc trims after each
    // forward pass: every pass page-faulted its activations anew (half of a UNet forward here). The
    // window's long-lived heap keeps its memory without this, and measured no faster with it.
    const ml::CpuTensorCache::Scope tensorCache(ml::CpuTensorCache::inferenceLimit());
    try {
        return cli::runCommandLine(argc, argv);
    } catch (const cli::UsageError& e) {
        std::fprintf(stderr, "delineo-cli: %s (see delineo-cli --help)\n", e.what());
        return 2;
    } catch (const core::ImageError& e) {
        std::fprintf(stderr, "delineo-cli: %s [%s]\n", e.what(), core::ImageError::codeName(e.code()));
        return e.exitCode();
    } catch (const ml::ModelError& e) {
        std::fprintf(stderr, "delineo-cli: model error: %s\n", e.what());
        return 10;
    } catch (const ml::TrainingError& e) {
        std::fprintf(stderr, "delineo-cli: training error: %s\n", e.what());
        return 11;
    } catch (const std::filesystem::filesystem_error& e) {
        std::fprintf(stderr, "delineo-cli: %s\n", e.what());
        return 4;
    } catch (const std::bad_alloc&) {
        std::fprintf(stderr, "delineo-cli: out of memory (an input larger than this machine can hold; "
                             "DELINEO_MAX_IMAGE_MB limits what a header may claim) [too-large]\n");
        return static_cast<int>(core::ErrorCode::TooLarge);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "delineo-cli: %s\n", e.what());
        return 1;
    }
}
