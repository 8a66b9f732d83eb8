// A whole endoscopy procedure in the real main window (offscreen), streamed from disk:
//  - playback: Space-style playback at the file's frame rate with the overlay, frames shown per second;
//  - stepping: each frame in turn shown and repainted, as fast as it goes;
//  - Model → Run Model on All Slices over every frame with the shipped polyp model: frames/s, frames
//    with a finding, and the memory the waiting results hold;
//  - Accept All (Ctrl+Enter) of those results into the label maps: time and memory, then the
//    timeline's marks and "next annotated frame" over them;
//  - the procedure opened again with those masks stored in the folder's workspace.
// The video is written once by OpenCV (MJPEG, 1920x1080, 25 frames/s): Kvasir-SEG polyp images from
// ../shared/data when present (each held 2 s, drifting), else synthetic frames.
// Usage: delineo-bench-procedure [--seconds 60] [--play-seconds 10] [--video PATH] [--unpacked]
// (--unpacked: every label map kept unpacked, as before the document packed them)
#include "BenchSeries.h"
#include "delineo/core/ResourcePaths.h"
#include "delineo/ml/Segmenter.h"
#include "delineo/ui/ImageView.h"
#include "BenchWindow.h"
#include "delineo/ui/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTest>
#include <QTimer>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace delineo;

namespace {

std::vector<cv::Mat> sourceImages()
{
    std::vector<cv::Mat> out;
    const fs::path kvasir = fs::path(DELINEO_SOURCE_DIR) / ".." / "shared" / "data" / "kvasir-seg" / "images";
    if (fs::is_directory(kvasir)) {
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(kvasir))
            files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (std::size_t i = 0; i < files.size() && out.size() < 40; i += 7)
            out.push_back(cv::imread(files[i].string()));
    }
    if (out.empty()) {
        std::fprintf(stderr, "no ../shared/data/kvasir-seg: synthetic frames (the model will find little)\n");
        for (int i = 0; i < 8; ++i) {
            cv::Mat m(540, 960, CV_8UC3, cv::Scalar(60 + 10 * i, 70, 150));
            cv::circle(m, cv::Point(300 + 40 * i, 270), 90, cv::Scalar(90, 120, 230), cv::FILLED);
            out.push_back(m);
        }
    }
    return out;
}

void writeVideo(const std::string& path, int seconds)
{
    const auto images = sourceImages();
    const std::string part = path + ".part.avi";
    cv::VideoWriter writer(part, cv::CAP_FFMPEG, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 25, cv::Size(1920, 1080));
    if (!writer.isOpened())
        throw std::runtime_error("OpenCV cannot write " + part);
    cv::Mat big;
    for (int i = 0; i < seconds * 25; ++i) {
        if (i % 50 == 0)
            cv::resize(images[std::size_t(i / 50) % images.size()], big, cv::Size(2112, 1188));
        const int shift = (i % 50) * 3;
        writer.write(big(cv::Rect(shift, shift / 2, 1920, 1080)));
    }
    writer.release();
    fs::rename(part, path);
}

} // namespace

int main(int argc, char** argv)
{
    bench::offscreenByDefault();
    int seconds = 60, playSeconds = 10;
    std::string video;
    bool unpacked = false;
    for (int i = 1; i < argc; ++i) {
        const bool valued = i + 1 < argc;
        if (!std::strcmp(argv[i], "--unpacked"))
            unpacked = true;
        else if (valued && !std::strcmp(argv[i], "--seconds"))
            seconds = std::atoi(argv[++i]);
        else if (valued && !std::strcmp(argv[i], "--play-seconds"))
            playSeconds = std::atoi(argv[++i]);
        else if (valued && !std::strcmp(argv[i], "--video"))
            video = argv[++i];
    }
    QApplication app(argc, argv);
    if (video.empty()) {
        const fs::path dir = fs::temp_directory_path() / "delineo-bench-procedure";
        fs::create_directories(dir);
        video = (dir / ("procedure-" + std::to_string(seconds) + "s-1080p.avi")).string();
        if (!fs::exists(video)) {
            std::fprintf(stderr, "writing %s...\n", video.c_str());
            writeVideo(video, seconds);
        }
        // Accepting results stores them in the folder's workspace: a run starts without the last one's.
        for (const char* name : {"workspace.sqlite", "workspace.sqlite-wal", "workspace.sqlite-shm", "workspace.lock"})
            fs::remove(dir / name);
    }
    ui::MainWindow w;
    if (!bench::showBenchWindow(w))
        return 1;
    QElapsedTimer t;
    t.start();
    if (!w.document().openFile(QString::fromStdString(video)) || !w.waitForJob())
        return 1;
    const int frames = w.document().depth();
    if (unpacked)
        w.document().document().setResidentBudget(std::size_t(-1) / 2);
    std::printf("%s: %d frames, %s, opened in %.1f ms\n", video.c_str(), frames,
                w.document().document().volume().streamed() ? "streamed" : "decoded whole", t.nsecsElapsed() / 1e6);
    // An overlay on every frame shown, as a reviewer sees it.
    core::LabelMap labels(1920, 1080);
    for (int y = 300; y < 800; ++y)
        for (int x = 400; x < 1500; ++x)
            labels.at(x, y) = 1;
    w.editing().applyMaskEdit(0, labels, "bench");

    // 1. Playback at the file's rate.
    auto& play = w.workbench().playback();
    w.document().showSlice(1);
    int shown = 0;
    QObject::connect(&w.document(), &vm::DocumentController::sliceChanged, [&] { ++shown; });
    t.start();
    play.play();
    while (t.elapsed() < playSeconds * 1000 && play.playing())
        QTest::qWait(20);
    play.stop();
    const double played = t.nsecsElapsed() / 1e9;
    std::printf("playback at %.0f frames/s with overlay for %d s: %.1f frames/s shown, %d skipped to keep time "
                "(video advanced %.2f s per second)\n",
                play.framesPerSecond(), playSeconds, shown / played, play.droppedFrames(),
                (w.document().slice() - 1) / play.framesPerSecond() / played);

    // 2. Stepping as fast as it goes, from a frame nobody looked at.
    const int from = frames / 2, steps = std::min(300, frames - from);
    t.start();
    for (int z = from; z < from + steps; ++z) {
        w.document().showSlice(z);
        w.view()->repaint();
    }
    std::printf("stepping with overlay and repaint, %d frames: %.1f frames/s\n", steps, steps / (t.nsecsElapsed() / 1e9));

    // 3. The model on every frame.
    w.preview().loadModel(QString::fromStdString(core::defaultModelPath()));
    const long before = procStatusKb("VmRSS:");
    t.start();
    if (!w.preview().runAll() || !w.waitForJob(24 * 3600 * 1000))
        return 1;
    const double s = t.nsecsElapsed() / 1e9;
    std::printf("Run Model on All Slices (%s, %s): %d frames in %.1f s = %.2f frames/s; %d with a finding wait; "
                "they hold %.1f MiB (%.1f KiB a frame); RSS %+.0f MiB with the frame cache (peak %.0f MiB)\n",
                QFileInfo(w.preview().modelPath()).completeBaseName().toStdString().c_str(),
                w.preview().model()->device().c_str(), frames, s, frames / s, w.preview().count(),
                w.preview().bytes() / 1048576.0, w.preview().bytes() / 1024.0 / std::max(1, w.preview().count()),
                (procStatusKb("VmRSS:") - before) / 1024.0, procStatusKb("VmHWM:") / 1024.0);

    // 4. Every result accepted, then the timeline over them.
    const long beforeAccept = procStatusKb("VmRSS:");
    // The longest the window goes without handling events meanwhile, from a 5 ms timer's ticks.
    QElapsedTimer tick;
    qint64 stalled = 0;
    QTimer beat;
    beat.setInterval(5);
    QObject::connect(&beat, &QTimer::timeout, [&] { stalled = std::max(stalled, tick.restart()); });
    t.start();
    tick.start();
    beat.start();
    w.preview().acceptAll();
    stalled = std::max(stalled, tick.elapsed());
    w.waitForJob();
    beat.stop();
    const double accepted = t.nsecsElapsed() / 1e9;
    const auto& doc = w.document().document();
    std::printf("Accept All: %zu frames with a label map in %.1f s (%.1f ms a frame; the window answered within %lld ms "
                "throughout); they hold %.1f MiB with their undo (%zu unpacked); RSS %+.0f MiB (now %.0f MiB, peak %.0f MiB)\n",
                doc.maskedSlices().size(), accepted, accepted * 1e3 / std::max<std::size_t>(1, doc.maskedSlices().size()),
                static_cast<long long>(stalled),
                doc.heldBytes() / 1048576.0, doc.residentCount(),
                (procStatusKb("VmRSS:") - beforeAccept) / 1024.0, procStatusKb("VmRSS:") / 1024.0,
                procStatusKb("VmHWM:") / 1024.0);
    t.start();
    const auto marks = w.workbench().playback().marks();
    const double marked = t.nsecsElapsed() / 1e6;
    w.document().showSlice(0);
    t.start();
    int jumps = 0;
    while (w.workbench().playback().nextAnnotated(1) && jumps < 100)
        ++jumps;
    std::printf("timeline marks over %zu frames: %.1f ms; next annotated frame: %.2f ms a jump (%d jumps)\n",
                marks.size(), marked, t.nsecsElapsed() / 1e6 / std::max(1, jumps), jumps);

    // 5. The procedure opened again, its accepted masks read back from the workspace.
    if (!w.review().commit(false, true))
        return 1;
    t.start();
    if (!w.document().openFile(QString::fromStdString(video)) || !w.waitForJob())
        return 1;
    std::printf("opened again with %zu stored masks in %.1f ms; RSS now %.0f MiB\n",
                w.document().document().maskedSlices().size(), t.nsecsElapsed() / 1e6, procStatusKb("VmRSS:") / 1024.0);
    return 0;
}
