// View → Open a Copy on the Patient's Axes… in the real window: a double-oblique series (its slices
// tipped 25 degrees about the left-right axis: no axial plane) is resampled with its labels into a
// NIfTI copy that opens with true axial slices, the labels applied as one undo step; the original
// file is left as it was.
#include "MultiplanarTestSupport.h"

#include "delineo/core/Reslicer.h"
#include "delineo/viewmodels/PatientAxesCopy.h"

#include <QAction>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>

using namespace delineo;
using delineo::test::q;
using delineo::test::TempDir;

namespace {

QAction* copyAction(ui::MainWindow& w)
{
    for (QAction* a : w.planeViews()->actions())
        if (a->text().contains(QStringLiteral("Patient's Axes…")))
            return a;
    return nullptr;
}

QByteArray digest(const std::string& path)
{
    QFile f(q(path));
    f.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

int labelled(const core::AnnotationDocument& doc, int label)
{
    int n = 0;
    for (int z : doc.maskedSlices())
        n += test::countLabel(doc.labels(z), label);
    return n;
}

// Waits until the copy is written, opened and its labels applied (three background jobs in turn).
void settle(ui::MainWindow& w)
{
    for (int i = 0; i < 20; ++i) {
        EXPECT_TRUE(w.waitForJob());
        QTest::qWait(50);
    }
}

} // namespace

TEST(PatientAxesCopy, ADoubleObliqueSeriesOpensAsACopyWithTrueAxialSlicesAndItsLabels)
{
    TempDir dir;
    const double a = 25 * M_PI / 180;
    const std::string source = test::writeGrid(
        dir, "tipped.nii.gz", [](int x, int y, int z) { return std::uint8_t(40 + 2 * x + y + 3 * z); },
        {1, 0, 0, 0, std::cos(a), std::sin(a), 0, -std::sin(a), std::cos(a)});
    const QByteArray before = digest(source);
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.setWritesEnabled(false);
    w.resize(1400, 800);
    w.show();
    ASSERT_TRUE(w.openPath(q(source)));
    ASSERT_TRUE(w.waitForJob());
    w.workbench().planes().setLayout(vm::MultiplanarController::Layout::Row);
    QApplication::processEvents();
    ASSERT_TRUE(core::Reslicer::oblique(w.document().document().volume()));
    vm::PatientAxesCopy& copies = w.workbench().patientAxesCopy();
    ASSERT_TRUE(copies.available());
    QAction* action = copyAction(w);
    ASSERT_TRUE(action);
    EXPECT_TRUE(action->isEnabled());
    // A block of class 2: 16 x 12 pixels on 4 slices of 0.8 x 0.8 x 3 mm voxels, 7.37 mL.
    for (int z = 8; z < 12; ++z) {
        core::LabelMap m(64, 48);
        for (int y = 15; y < 27; ++y)
            for (int x = 20; x < 36; ++x)
                m.at(x, y) = 2;
        w.editing().applyMaskEdit(z, m, QStringLiteral("block"));
    }
    const double blockMm3 = 16 * 12 * 4 * 0.8 * 0.8 * 3;

    const QString shots = qEnvironmentVariable("DELINEO_SCREENSHOTS");
    if (!shots.isEmpty())
        w.grab().save(QDir(shots).filePath("double-oblique.png"));
    w.document().setWindow({90, 60, "reading"});
    EXPECT_FALSE(copies.write(q(source))) << "the copy never replaces the series it is made from";
    EXPECT_EQ(digest(source), before);
    const std::string copy = dir.file("copy.nii.gz");
    ASSERT_TRUE(copies.write(q(copy)));
    settle(w);
    if (!shots.isEmpty())
        w.grab().save(QDir(shots).filePath("double-oblique-copy.png"));
    EXPECT_EQ(w.document().currentFile(), q(copy));
    const core::Volume& v = w.document().document().volume();
    EXPECT_FALSE(core::Reslicer::oblique(v)) << "the copy's slices are the patient's axial planes";
    EXPECT_GT(v.depth(), 20) << "3 mm slices tipped 25 degrees span more of the head-foot axis";
    EXPECT_FALSE(copyAction(w)->isEnabled()) << "the copy needs no copy";
    EXPECT_EQ(w.document().window().center, 90) << "shown in the window the series was read with";
    EXPECT_EQ(w.document().window().width, 60);
    // The labels came with it: the same volume in mm3, within the resampling's nearest-voxel error.
    const double voxelMm3 = v.geometry.spacing[0] * v.geometry.spacing[1] * std::abs(v.geometry.spacing[2]);
    const double copiedMm3 = labelled(w.document().document(), 2) * voxelMm3;
    EXPECT_NEAR(copiedMm3, blockMm3, 0.2 * blockMm3);
    // One undo step takes them away again.
    w.editing().undo();
    EXPECT_EQ(labelled(w.document().document(), 2), 0);
    // The original is untouched; the copy and its labels are the only new files.
    EXPECT_EQ(digest(source), before);
    for (const auto& e : std::filesystem::directory_iterator(dir.path()))
        if (e.is_regular_file())
            EXPECT_TRUE(e.path().filename() == "tipped.nii.gz" || e.path().filename() == "copy.nii.gz") << e.path();
}

TEST(PatientAxesCopy, ASeriesAlongThePatientsAxesIsNotCopied)
{
    TempDir dir;
    ui::MainWindow w;
    w.setDialogsEnabled(false);
    w.setWritesEnabled(false);
    w.show();
    ASSERT_TRUE(w.openPath(q(test::writeVolume(dir))));
    ASSERT_TRUE(w.waitForJob());
    EXPECT_FALSE(w.workbench().patientAxesCopy().available());
    EXPECT_FALSE(copyAction(w)->isEnabled());
    EXPECT_FALSE(w.workbench().patientAxesCopy().write(q(dir.file("copy.nii.gz"))));
    EXPECT_FALSE(std::filesystem::exists(dir.file("copy.nii.gz")));
}
