// Viewer figures, measured inside the real main window on the offscreen platform:
//  - brush stroke to repainted view on a 1920x1080 frame with a 3-class overlay at 100% zoom;
//  - scrolling through a 512x512x200 series with its overlay (slices/s);
//  - memory of a 512x512x300 16-bit series plus its label volume against the raw bytes.
// Usage: delineo-bench-viewer [--moves 300]
#include "BenchSeries.h"
#include "BenchStats.h"
#include "delineo/ui/ImageView.h"
#include "BenchWindow.h"
#include "delineo/ui/MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTest>
#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace delineo;
using delineo::bench::percentile;

namespace {

} // namespace

int main(int argc, char** argv)
{
    bench::offscreenByDefault();
    const int moves = bench::intOption(argc, argv, "moves", 300);
    QApplication app(argc, argv);
    const fs::path dir = fs::temp_directory_path() / "delineo-bench-viewer";
    fs::create_directories(dir / "frame");
    cv::Mat frame(1080, 1920, CV_8UC3);
    for (int y = 0; y < 1080; ++y)
        for (int x = 0; x < 1920; ++x)
            frame.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(x / 8), uchar(y / 5), uchar((x + y) / 12));
    cv::imwrite((dir / "frame" / "endoscopy.png").string(), frame);

    ui::MainWindow w;
    if (!bench::showBenchWindow(w))
        return 1;
    // 1. Brush latency.
    w.document().openFile(QString::fromStdString((dir / "frame" / "endoscopy.png").string()));
    core::LabelMap labels(1920, 1080);
    for (int k = 0; k < 3; ++k)
        for (int y = 200; y < 800; ++y)
            for (int x = 200 + 500 * k; x < 600 + 500 * k; ++x)
                labels.at(x, y) = static_cast<std::uint8_t>(k + 1);
    w.editing().applyMaskEdit(0, labels, "bench");
    ui::ImageView* view = w.view();
    view->zoomBy(1.0 / view->zoom(), QPointF(view->width() / 2.0, view->height() / 2.0));
    w.editing().setBrushRadius(15);
    const QPointF start = view->imageToWidget(QPointF(500, 500));
    QTest::mousePress(view, Qt::LeftButton, {}, start.toPoint());
    std::vector<double> ms;
    QElapsedTimer t;
    for (int i = 1; i <= moves; ++i) {
        const QPoint p = (start + QPointF(2.0 * (i % 300), 40 * std::sin(i * 0.05))).toPoint();
        t.start();
        QTest::mouseMove(view, p);
        view->repaint(); // synchronous paint of the dirty region
        ms.push_back(t.nsecsElapsed() / 1e6);
    }
    QTest::mouseRelease(view, Qt::LeftButton, {}, start.toPoint());
    std::printf("brush stroke to repaint, 1920x1080 frame, 3-class overlay, 100%% zoom, %d moves: median %.2f ms, "
                "p95 %.2f ms, max %.2f ms\n",
                moves, percentile(ms, 0.5), percentile(ms, 0.95), percentile(ms, 1.0));

    // 2. Scrolling a 512x512x200 series with its overlay.
    writeBenchSeries(dir / "series200", 200, false);
    w.document().openSeries(QString::fromStdString((dir / "series200").string()));
    w.waitForJob();
    t.start();
    for (int z = 0; z < 200; ++z) {
        w.document().showSlice(z);
        view->repaint();
    }
    const double seconds = t.nsecsElapsed() / 1e9;
    std::printf("scrolling 512x512x200 with overlay: %.0f slices/s (%.2f ms per slice)\n", 200 / seconds,
                seconds * 1000 / 200);

    // 3. Memory of a 300-slice series and its labels.
    writeBenchSeries(dir / "series300", 300, false);
    ui::MainWindow w2;
    w2.setDialogsEnabled(false);
    const long before = procStatusKb("VmRSS:");
    w2.document().openSeries(QString::fromStdString((dir / "series300").string()));
    w2.waitForJob();
    const double raw = 300.0 * 512 * 512 * (2 + 1) / 1024.0;
    std::printf("512x512x300 16-bit series + label volume: RSS grew %.0f MiB for %.0f MiB of raw bytes (%.2fx)\n",
                (procStatusKb("VmRSS:") - before) / 1024.0, raw / 1024.0, (procStatusKb("VmRSS:") - before) / raw);
    return 0;
}
