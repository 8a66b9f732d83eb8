// Test helper: commits mask edits to a workspace forever, printing "committed N" after each commit
// returns. The crash test kills it with SIGKILL at random moments and checks what survived.
// With a second argument (bytes) it runs under a file-size limit, as on a full disk, and stops at
// the first failed commit, printing "error CODE" and exiting with 3.
// `helper WORKSPACE --writer K COUNT`: one of several writers at once on a team workspace: as user
// "writerK", COUNT commits to slices K*1000+n of one shared image, each printed once it returned.
#include "delineo/core/Errors.h"
#include "delineo/core/Workspace.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/resource.h>

int main(int argc, char** argv)
{
    if (argc < 2)
        return 2;
    using namespace delineo::core;
    auto ws = Workspace::open(argv[1]);
    if (argc == 5 && std::string(argv[2]) == "--writer") {
        const int k = std::atoi(argv[3]), count = std::atoi(argv[4]);
        ws->setUser("writer" + std::to_string(k));
        const std::int64_t image = ws->addImage(ws->addCase("shared"), "shared.png", 64, 48, 10000);
        for (int n = 0; n < count; ++n) {
            LabelMap m(64, 48);
            m.labels[0] = static_cast<std::uint8_t>(k);
            m.labels[1] = static_cast<std::uint8_t>(n % 256);
            ws->commitMask(image, k * 1000 + n, m, MaskKind::Corrected);
            std::printf("committed %d\n", n);
            std::fflush(stdout);
        }
        return 0;
    }
    const bool diskFull = argc > 2;
    if (diskFull) {
        std::signal(SIGXFSZ, SIG_IGN); // writes past the limit fail with EFBIG instead
        const rlimit limit{static_cast<rlim_t>(std::atol(argv[2])), static_cast<rlim_t>(std::atol(argv[2]))};
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    const std::int64_t image = ws->addImage(ws->addCase("crash"), "frame.png", 96, 64);
    int start = 0;
    if (auto last = ws->latestMask(image, 0))
        start = last->labels.labels[0] + 256 * last->labels.labels[1] + 1;
    for (int n = start;; ++n) {
        LabelMap m(96, 64);
        m.labels[0] = static_cast<std::uint8_t>(n % 256);
        m.labels[1] = static_cast<std::uint8_t>(n / 256);
        for (int y = 10; y < 10 + n % 40; ++y) // a "stroke" that grows with n
            for (int x = 20; x < 60; ++x)
                m.at(x, y) = 1 + n % 3;
        try {
            ws->commitMask(image, 0, m, MaskKind::Corrected, 0, !diskFull && n % 5 != 0);
        } catch (const ImageError& e) {
            std::printf("error %s\n", ImageError::codeName(e.code()));
            std::fflush(stdout);
            return 3;
        }
        std::printf("committed %d\n", n);
        std::fflush(stdout);
    }
}
