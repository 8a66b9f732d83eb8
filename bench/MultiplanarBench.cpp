// The linked views, measured inside the real main window on the offscreen platform, on a
// 512x512x300 16-bit series with a 3-class label on every slice:
//  - today's single view: paging through slices, each repainted (ms per slice);
//  - the 1 x 3 layout: moving the crosshair diagonally through the volume so that the axial,
//    coronal and sagittal planes all change, then the window's dirty widgets painted once, as the
//    event loop paints them (ms per move; each view painted once, checked), in one step and by two
//    clicks; each view's paint, and the coronal and sagittal resampling alone;
//  - with an AI result waiting on every slice: the same moves, paging the single view, and the
//    waiting results across each plane alone (resliced, then outlined).
// With --turned DEGREES the series is oblique (turned about the head-foot axis), so the coronal
// and sagittal views are resampled along the patient's axes.
// Usage: delineo-bench-planes [--moves 300] [--turned 20] [--shot WINDOW.png]
// (--shot saves the window as the last moves left it, the AI results waiting, to look at.)
#include "BenchSeries.h"
#include "BenchStats.h"
#include "BenchWindow.h"
#include "delineo/ui/ImageView.h"
#include "delineo/ui/MainWindow.h"
#include "delineo/ui/PlaneViews.h"

#include <QApplication>
#include <QElapsedTimer>

#include <array>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace delineo;
using core::Plane;
using delineo::bench::percentile;

namespace {

// Paint events timed where Qt hands them to the views: each view's share of a move. A view's
// repaint() would paint every dirty widget of the window with it (the other two views included),
// and the next view's repaint() would paint those again.
class TimedPaints : public QApplication
{
public:
    using QApplication::QApplication;
    std::map<const QObject*, std::vector<double>> painted;

    bool notify(QObject* receiver, QEvent* e) override
    {
        const auto it = e->type() == QEvent::Paint ? painted.find(receiver) : painted.end();
        if (it == painted.end())
            return QApplication::notify(receiver, e);
        QElapsedTimer t;
        t.start();
        const bool done = QApplication::notify(receiver, e);
        it->second.push_back(t.nsecsElapsed() / 1e6);
        return done;
    }
};

// What the event loop does after a click: the posted work, then one paint of whatever is dirty.
void paintDirty()
{
    QCoreApplication::sendPostedEvents();
}

void report(const char* what, const std::vector<double>& ms)
{
    std::printf("%s: median %.2f ms, p95 %.2f ms, max %.2f ms (%zu repaints)\n", what, percentile(ms, 0.5),
                percentile(ms, 0.95), percentile(ms, 1.0), ms.size());
}

} // namespace

// Three classes: concentric discs that shift with z (every plane crosses them), `grow` pixels wider.
core::LabelMap discs(int z, int grow)
{
    core::LabelMap m(512, 512);
    for (int y = 0; y < 512; ++y)
        for (int x = 0; x < 512; ++x) {
            const int dx = x - 256 - (z - 150) / 3, dy = y - 256, r2 = dx * dx + dy * dy;
            const int a = 60 + grow, b = 120 + grow, c = 180 + grow;
            m.at(x, y) = r2 < a * a ? 1 : r2 < b * b ? 2 : r2 < c * c ? 3 : 0;
        }
    return m;
}

int main(int argc, char** argv)
{
    bench::offscreenByDefault();
    const int moves = bench::intOption(argc, argv, "moves", 300);
    const int turned = bench::intOption(argc, argv, "turned", 0);
    TimedPaints app(argc, argv);
    const fs::path dir = fs::temp_directory_path() / "delineo-bench-viewer";
    const fs::path series = dir / (turned ? "series300-turned" + std::to_string(turned) : std::string("series300"));
    writeBenchSeries(series, 300, false, turned);

    ui::MainWindow w;
    if (!bench::showBenchWindow(w))
        return 1;
    w.setWritesEnabled(false);
    if (!w.document().openSeries(QString::fromStdString(series.string())) || !w.waitForJob())
        return 1;
    std::printf("series: 512x512x300%s\n", w.document().reslicer().alongPatient()
                                              ? ", oblique: coronal and sagittal resampled along the patient's axes"
                                              : "");
    // Three classes on every slice: concentric discs that shift with z (every plane crosses them).
    const int n = w.document().depth();
    for (int z = 0; z < n; ++z)
        w.editing().applyMaskEdit(z, discs(z, 0), QStringLiteral("bench"));
    auto& planes = w.workbench().planes();
    ui::PlaneViews* views = w.planeViews();
    QElapsedTimer t;

    auto pageSingle = [&] {
        planes.setLayout(vm::MultiplanarController::Layout::Single);
        QApplication::processEvents();
        std::vector<double> ms;
        for (int i = 0; i < moves; ++i) {
            t.start();
            w.document().showSlice(i % n);
            paintDirty();
            ms.push_back(t.nsecsElapsed() / 1e6);
        }
        return ms;
    };
    const std::vector<double> single = pageSingle();
    report("single view, paging 512x512 slices with a 3-class overlay", single);

    // A diagonal path: x, y and z all change, so all three planes are new at every move. Moved in
    // one step (as a double-click in the Structures panel moves it), or by two clicks, one in the
    // sagittal view (y and z) and one in the axial view (x): an oblique series' coronal and
    // sagittal planes then change at both clicks and are drawn twice per move.
    auto moveLinked = [&](bool twoClicks) {
        planes.setLayout(vm::MultiplanarController::Layout::Row);
        QApplication::processEvents();
        std::vector<double> ms;
        app.painted.clear(); // each view's paints, in the last run
        for (Plane p : {Plane::Axial, Plane::Coronal, Plane::Sagittal})
            app.painted[views->view(p)];
        for (int i = 0; i < moves; ++i) {
            const int k = i % 300;
            const core::Voxel c{100 + k, 80 + k, k % n};
            t.start();
            if (twoClicks) {
                planes.setCrosshair(Plane::Sagittal, {c.y + 0.5, c.z + 0.5});
                planes.setCrosshair(Plane::Axial, {c.x + 0.5, c.y + 0.5});
            } else {
                planes.setCrosshair(c);
            }
            paintDirty();
            ms.push_back(t.nsecsElapsed() / 1e6);
            for (Plane p : {Plane::Axial, Plane::Coronal, Plane::Sagittal})
                if (app.painted[views->view(p)].size() != std::size_t(i + 1)) {
                    std::printf("the %s view was not painted once at move %d\n", core::planeName(p), i);
                    std::exit(1);
                }
        }
        return ms;
    };
    const std::vector<double> linked = moveLinked(false);
    report("1 x 3 views, crosshair moved through all three planes in one step, every view repainted", linked);
    std::printf("ratio linked/single (medians, one run): %.2f\n", percentile(linked, 0.5) / percentile(single, 0.5));
    report("  of which the axial view's paint", app.painted[views->view(Plane::Axial)]);
    report("  of which the coronal view's paint", app.painted[views->view(Plane::Coronal)]);
    report("  of which the sagittal view's paint", app.painted[views->view(Plane::Sagittal)]);
    app.painted.clear();
    report("1 x 3 views, the same moves made by two clicks (sagittal, then axial view)", moveLinked(true));

    // The same one-step moves, two parts of a plane's work timed alone (no painting), per plane.
    auto timeParts = [&](const char* first, const char* second, const std::function<void(Plane, int)>& one,
                         const std::function<void(Plane, int)>& two) {
        for (Plane p : {Plane::Coronal, Plane::Sagittal}) {
            std::vector<double> a, b;
            for (int i = 0; i < moves; ++i) {
                const int k = i % 300;
                planes.setCrosshair(core::Voxel{100 + k, 80 + k, k % n});
                const int index = planes.index(p);
                t.start();
                one(p, index);
                a.push_back(t.nsecsElapsed() / 1e6);
                t.start();
                two(p, index);
                b.push_back(t.nsecsElapsed() / 1e6);
            }
            const std::string plane = core::planeName(p);
            report(("  " + plane + ", " + first).c_str(), a);
            report(("  " + plane + ", " + second).c_str(), b);
        }
    };
    // How much of a move the coronal and sagittal planes' pixels and labels take.
    const core::Reslicer& r = w.document().reslicer();
    const auto& doc = w.document().document();
    timeParts(
        "its image resampled alone", "its labels resampled alone",
        [&](Plane p, int index) { (void)r.image(doc.volume(), p, index, true); },
        [&](Plane p, int index) { (void)r.labels(doc, p, index); });

    // Run Model on All Slices left a result waiting on every slice (most of them packed): the
    // coronal and sagittal views reslice those too.
    planes.setLayout(vm::MultiplanarController::Layout::Single); // no plane repaints while they arrive
    for (int z = 0; z < n; ++z)
        w.preview().show(z, discs(z, 10));
    report("1 x 3 views, one step, an AI result waiting on each of the 300 slices", moveLinked(false));
    for (Plane p : {Plane::Axial, Plane::Coronal, Plane::Sagittal})
        report(("  of which the " + std::string(core::planeName(p)) + " view's paint").c_str(),
               app.painted[views->view(p)]);
    if (const char* shot = bench::textOption(argc, argv, "shot"); shot && *shot && !w.grab().save(QString::fromLocal8Bit(shot)))
        std::printf("could not save %s\n", shot);
    report("single view, paging with an AI result waiting on each slice", pageSingle());
    // Of which the waiting results across each plane: resliced, then drawn as outlines.
    const std::vector<QRgb> colours{0, qRgb(255, 64, 64), qRgb(64, 192, 255), qRgb(255, 200, 0)}; // by label
    timeParts(
        "its AI results resliced", "its AI results resliced and outlined",
        [&](Plane p, int index) { (void)w.preview().planeLabels(p, index); },
        [&](Plane p, int index) { (void)w.preview().planeImage(p, index, colours); });
    return 0;
}
