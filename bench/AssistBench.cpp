// AI Assist latency through the real main window (offscreen): from the mouse click that gives a
// prompt to the repainted preview (the interactive model on a window around the prompts, the answer
// pasted back, drawn). A 1920x1080 endoscopy frame (a Kvasir-SEG frame scaled up when ../shared is
// there, else a synthetic one) and a 512x512 grey slice; sequences of 5 clicks, then Esc.
// Usage: delineo-bench-assist [--model resources/models/polyp-assist.pt] [--sequences 12] [--kvasir DIR]
#include "delineo/core/ResourcePaths.h"
#include "BenchStats.h"
#include "delineo/ui/ImageView.h"
#include "BenchWindow.h"
#include "delineo/ui/MainWindow.h"
#include "delineo/viewmodels/AssistController.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTest>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace delineo;
using delineo::bench::percentile;

namespace {

// Clicks around the image centre, as an annotator closes in on an object.
void measure(ui::MainWindow& w, const char* what, int sequences)
{
    ui::ImageView* view = w.view();
    const int width = w.document().image().width, height = w.document().image().height;
    std::vector<double> ms, model;
    QElapsedTimer t;
    for (int s = 0; s < sequences; ++s) {
        for (int k = 0; k < 5; ++k) {
            const double a = 0.7 * (s * 5 + k), r = (0.05 + 0.04 * k) * std::min(width, height);
            const QPointF image(width / 2.0 + r * std::cos(a), height / 2.0 + r * std::sin(a));
            const Qt::MouseButton button = k % 3 == 2 ? Qt::RightButton : Qt::LeftButton;
            t.start();
            QTest::mouseClick(view, button, {}, view->imageToWidget(image).toPoint());
            view->repaint();
            ms.push_back(t.nsecsElapsed() / 1e6);
            model.push_back(w.assist().lastMilliseconds());
        }
        QTest::keyClick(&w, Qt::Key_Escape);
    }
    std::printf("%s: prompt to repainted preview, %zu prompts: median %.1f ms, p95 %.1f ms, max %.1f ms "
                "(model part: median %.1f ms, p95 %.1f ms)\n",
                what, ms.size(), percentile(ms, 0.5), percentile(ms, 0.95), percentile(ms, 1.0),
                percentile(model, 0.5), percentile(model, 0.95));
}

} // namespace

int main(int argc, char** argv)
{
    bench::offscreenByDefault();
    std::string modelPath = (fs::path(core::resourceDir()) / "models" / "polyp-assist.pt").string();
    std::string kvasir = "../shared/data/kvasir-seg";
    int sequences = 12;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--model"))
            modelPath = argv[i + 1];
        else if (!std::strcmp(argv[i], "--sequences"))
            sequences = std::max(1, std::atoi(argv[i + 1]));
        else if (!std::strcmp(argv[i], "--kvasir"))
            kvasir = argv[i + 1];
    }
    QApplication app(argc, argv);
    const fs::path dir = fs::temp_directory_path() / "delineo-bench-assist";
    fs::create_directories(dir);
    cv::Mat frame;
    std::error_code noDataset;
    for (const auto& e : fs::directory_iterator(fs::path(kvasir) / "images", noDataset))
        if (frame = cv::imread(e.path().string()); !frame.empty())
            break;
    const bool real = !frame.empty();
    if (!real) {
        frame = cv::Mat(1080, 1920, CV_8UC3, cv::Scalar(40, 60, 150));
        cv::circle(frame, {960, 540}, 220, cv::Scalar(90, 140, 220), cv::FILLED);
    }
    cv::resize(frame, frame, {1920, 1080});
    cv::imwrite((dir / "frame1080.png").string(), frame);
    cv::Mat slice(512, 512, CV_8UC1, cv::Scalar(30));
    cv::ellipse(slice, {256, 256}, {120, 80}, 20, 0, 360, cv::Scalar(170), cv::FILLED);
    cv::GaussianBlur(slice, slice, {0, 0}, 3);
    cv::imwrite((dir / "slice512.png").string(), slice);

    ui::MainWindow w;
    if (!bench::showBenchWindow(w))
        return 1;
    std::printf("model %s; frame %s\n", modelPath.c_str(), real ? "a Kvasir-SEG frame scaled to 1920x1080" : "synthetic");
    for (const char* file : {"frame1080.png", "slice512.png"}) {
        if (!w.document().openFile(QString::fromStdString((dir / file).string())) ||
            !w.assist().loadModel(QString::fromStdString(modelPath))) {
            std::fprintf(stderr, "cannot open %s or load %s: %s\n", file, modelPath.c_str(), qPrintable(w.lastError()));
            return 1;
        }
        w.editing().selectTool(QStringLiteral("assist"));
        measure(w, file, sequences);
    }
    return 0;
}
