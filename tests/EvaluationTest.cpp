// Model → Evaluate on Validation Split in the real window: the six metrics per class on the open
// workspace's frozen split, the same figures as delineo-cli workspace evaluate, and the report.
#include "MainWindowTestSupport.h"

#include "delineo/ui/EvaluationDialog.h"

#include <QApplication>
#include <QMenuBar>
#include <QTableWidget>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

using namespace delineo;
using namespace delineo::test;

TEST(Evaluation, TheMenuShowsSixMetricsPerClassAsTheCliComputesThem)
{
    TempDir dir;
    makeWorkspace(dir);
    trainTinyModel(dir, 2); // masks/frame0..2.png beside the frames, adopted as corrections
    double guiDice = -1;
    const std::string reportPath = [&] {
        ui::MainWindow w;
        w.setDialogsEnabled(false);
        w.show();
        EXPECT_TRUE(w.preview().loadModel(q(dir.file("tiny.pt"))));
        EXPECT_TRUE(w.document().openWorkspace(q(dir.path().string())));
        QAction* evaluate = menuAction(w, QStringLiteral("&Evaluate on Validation Split…"));
        EXPECT_TRUE(evaluate);
        if (!evaluate)
            return std::string();
        evaluate->trigger();
        EXPECT_TRUE(w.waitForJob());
        QCoreApplication::processEvents();
        ui::EvaluationDialog* dialog = nullptr;
        for (QWidget* top : QApplication::topLevelWidgets())
            if (auto* d = qobject_cast<ui::EvaluationDialog*>(top); d && d->isVisible())
                dialog = d;
        EXPECT_TRUE(dialog) << w.lastError().toStdString();
        if (!dialog)
            return std::string();
        QTableWidget* table = dialog->table();
        EXPECT_EQ(table->columnCount(), 7); // class and the six metrics
        EXPECT_EQ(table->rowCount(), 2);    // polyp and the mean
        EXPECT_EQ(table->horizontalHeaderItem(6)->text(), QStringLiteral("HD95"));
        const auto* result = w.workbench().evaluation().result();
        EXPECT_TRUE(result && result->slices >= 1);
        EXPECT_EQ(table->item(1, 3)->text(), QString::number(result->report.mean.dice, 'f', 3));
        guiDice = result ? result->report.mean.dice : -1;
        if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS"))
            dialog->grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("evaluation.png"));
        const std::string path = w.workbench().evaluation().reportPath().toStdString();
        w.close();
        return path;
    }();
    ASSERT_FALSE(reportPath.empty());
    // The report lies in the workspace's reports/ folder, a self-contained page with the table.
    EXPECT_EQ(std::filesystem::path(reportPath).parent_path(), dir.path() / "reports");
    std::stringstream html;
    html << std::ifstream(reportPath).rdbuf();
    EXPECT_NE(html.str().find("Dice"), std::string::npos);
    // The CLI on the same workspace and model: the same split, the same figures.
    std::string out;
    ASSERT_EQ(runCommand(std::string(DELINEO_CLI) + " workspace evaluate " + dir.path().string() + " --model " +
                             dir.file("tiny.pt") + " --json --report " + dir.file("cli.html") + " 2>/dev/null",
                         &out),
              0)
        << out;
    const auto j = nlohmann::json::parse(out.substr(out.find('{')));
    auto ws = core::Workspace::open(dir.path().string());
    EXPECT_EQ(j["slices"].get<std::size_t>(), ws->validationImages().size()); // one slice per frame
    EXPECT_TRUE(std::filesystem::exists(dir.file("cli.html")));
    EXPECT_NEAR(j["mean"]["dice"].get<double>(), guiDice, 1e-9);
}
