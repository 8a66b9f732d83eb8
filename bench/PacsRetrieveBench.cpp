// Retrieving a 200-slice series from a PACS (C-GET, or WADO-RS when the node is a DICOMweb URL)
// against reading the same files from disk, in one run: the series is written (512x512 MR, explicit
// little endian), sent to the node once (C-STORE / STOW-RS), then each way is timed --runs times and
// the medians printed. Needs a PACS that knows this client's AE title (DELINEO):
// scripts/bench-pacs.sh starts a temporary Orthanc for it, with DICOMweb when it is installed.
#include "BenchSeries.h"

#include "delineo/core/DicomSeries.h"
#include "delineo/core/Pacs.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

template <typename F>
double median(int runs, F&& f)
{
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = Clock::now();
        f(i);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

} // namespace

int main(int argc, char** argv)
{
    std::string node;
    int runs = 5, slices = 200;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--pacs"))
            node = argv[i + 1];
        else if (!std::strcmp(argv[i], "--runs"))
            runs = std::max(1, std::atoi(argv[i + 1]));
        else if (!std::strcmp(argv[i], "--slices"))
            slices = std::max(2, std::atoi(argv[i + 1]));
    }
    if (node.empty()) {
        std::fprintf(stderr, "usage: delineo-bench-pacs --pacs AE@host:port|URL [--runs N] [--slices N]\n");
        return 2;
    }
    try {
        const delineo::core::PacsClient pacs(delineo::core::PacsNode::parse(node));
        const fs::path dir = fs::temp_directory_path() / ("delineo-bench-pacs-" + std::to_string(::getpid()));
        writeBenchSeries(dir / "series", slices, false);
        std::vector<std::string> files;
        for (const auto& e : fs::directory_iterator(dir / "series"))
            files.push_back(e.path().string());
        std::sort(files.begin(), files.end());
        const auto t0 = Clock::now();
        pacs.store(files);
        const double storeMs = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        std::string study, series;
        for (const auto& s : pacs.findStudies({}))
            for (const auto& se : pacs.findSeries(s.studyUid))
                if (se.instances == slices) {
                    study = s.studyUid;
                    series = se.seriesUid;
                }
        if (series.empty()) {
            std::fprintf(stderr, "delineo-bench-pacs: the PACS does not list a %d-image series after storing it\n", slices);
            return 1;
        }
        int depth = 0;
        const double disk = median(runs, [&](int) { depth = delineo::core::loadVolume((dir / "series").string()).depth(); });
        const double get = median(runs, [&](int i) {
            pacs.retrieveSeries(study, series, (dir / ("get" + std::to_string(i))).string());
        });
        const double getAndRead = median(runs, [&](int i) {
            const std::string to = (dir / ("open" + std::to_string(i))).string();
            pacs.retrieveSeries(study, series, to);
            depth = std::min(depth, delineo::core::loadVolume(to).depth());
        });
        const bool web = pacs.node().web();
        std::printf("%d-slice 512x512 series (%s), medians of %d runs:\n", slices, pacs.node().text().c_str(), runs);
        std::printf("  read from disk (loadVolume):             %8.1f ms\n", disk);
        std::printf("  retrieve from the PACS (%s to disk): %8.1f ms  (%.1fx the disk read)\n", web ? "WADO-RS" : "C-GET  ",
                    get, get / disk);
        std::printf("  retrieve and read:                        %8.1f ms  (%.1fx the disk read)\n", getAndRead, getAndRead / disk);
        std::printf("  (sending it once, %s: %.1f ms; %d slices read each time)\n", web ? "STOW-RS" : "C-STORE", storeMs, depth);
        fs::remove_all(dir);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "delineo-bench-pacs: %s\n", e.what());
        return 1;
    }
}
