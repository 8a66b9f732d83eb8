// Loads a generated 200-slice 512x512 uint16 DICOM series (explicit LE and RLE copies) and
// compares with reading the files' bytes. Usage: delineo-bench-series [--slices N] [--runs R] [--dir D]
#include "BenchSeries.h"
#include "delineo/core/DicomSeries.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcrleerg.h>
#include <dcmtk/dcmdata/dctk.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

void resetPeak()
{
    std::ofstream("/proc/self/clear_refs") << "5";
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// The floor: read every file's bytes on the same number of threads, either into fresh buffers
// that are all kept (what any loader must end up holding) or into one reused, cache-hot buffer.
double readBytes(const std::vector<std::string>& files, int threads, bool fresh)
{
    std::vector<std::vector<char>> kept(fresh ? files.size() : 0);
    const auto t0 = Clock::now();
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        std::vector<char> reused;
        for (std::size_t i; (i = next++) < files.size();) {
            std::vector<char>& buf = fresh ? kept[i] : reused;
            std::ifstream in(files[i], std::ios::binary);
            in.seekg(0, std::ios::end);
            buf.resize(static_cast<std::size_t>(in.tellg()));
            in.seekg(0);
            in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t)
        pool.emplace_back(work);
    work();
    for (auto& t : pool)
        t.join();
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

} // namespace

int main(int argc, char** argv)
{
    int slices = 200, runs = 5;
    fs::path dir = fs::temp_directory_path() / "delineo-bench-series";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--slices")) slices = std::atoi(argv[i + 1]);
        if (!std::strcmp(argv[i], "--runs")) runs = std::atoi(argv[i + 1]);
        if (!std::strcmp(argv[i], "--dir")) dir = argv[i + 1];
    }
    DcmRLEEncoderRegistration::registerCodecs();
    const int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    std::printf("series: %d slices 512x512 uint16, %d runs, %d threads, warm page cache\n", slices, runs, threads);
    std::printf("%-12s %9s %9s %9s %9s %9s %9s\n", "syntax", "scan ms", "load ms", "read ms", "reuse ms",
                "load/read", "peak/vol");
    for (bool rle : {false, true}) {
        const fs::path d = dir / (rle ? "rle" : "explicit-le");
        writeBenchSeries(d, slices, rle);
        std::vector<double> scanMs, loadMs, readMs, reuseMs;
        double peakRatio = 0;
        for (int r = 0; r < runs; ++r) {
            auto t0 = Clock::now();
            const auto scan = delineo::core::scanDicomFolder(d.string());
            scanMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
            readMs.push_back(readBytes(scan.series.at(0).files, threads, true));
            reuseMs.push_back(readBytes(scan.series.at(0).files, threads, false));
            resetPeak();
            const long before = procStatusKb("VmHWM:");
            t0 = Clock::now();
            delineo::core::Volume v = delineo::core::loadDicomSeries(scan.series.at(0), threads);
            loadMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count() + scanMs.back());
            const double volumeKb = v.bytes() / 1024.0;
            peakRatio = std::max(peakRatio, (procStatusKb("VmHWM:") - before) / volumeKb);
            if (v.depth() != slices)
                std::fprintf(stderr, "wrong depth %d\n", v.depth());
        }
        std::printf("%-12s %9.1f %9.1f %9.1f %9.1f %9.2f %9.2f\n", rle ? "RLE" : "explicit LE", median(scanMs),
                    median(loadMs), median(readMs), median(reuseMs), median(loadMs) / median(readMs), peakRatio);
    }
    std::printf("load ms includes the header scan; read ms = every file read into its own kept buffer, reuse ms =\n"
                "into one reused buffer; peak/vol = peak RSS growth during the load / decoded volume size\n");
    return 0;
}
