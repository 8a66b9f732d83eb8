// delineo: the desktop application.
#include "delineo/core/ResourcePaths.h"
#include "delineo/ui/ImageView.h"
#include "delineo/ui/MainWindow.h"
#include "delineo/viewmodels/AssistController.h"
#include "delineo/viewmodels/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>

#include <cmath>
#include <cstdio>

using namespace delineo;

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName("Delineo");
    QApplication::setOrganizationName("Delineo");
    QApplication::setApplicationVersion(DELINEO_VERSION);

    QCommandLineParser parser;
    parser.setApplicationDescription("Delineo: medical image segmentation, review and retraining");
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption demo("demo", "Open the bundled demo workspace.");
    QCommandLineOption model("model", "Model weights to use (default: the shipped polyp model).", "model.pt");
    QCommandLineOption shot("screenshot", "Render the main window to a PNG and exit.", "out.png");
    QCommandLineOption segment("segment", "With --screenshot: run the model first.");
    QCommandLineOption assist("assist", "With --screenshot: AI Assist clicks first, e.g. 120,80,-40,60 (image pixels; "
                                        "a minus before x makes a click negative).", "x,y,...");
    QCommandLineOption lang("lang", "Interface language for this run: en, de, es or fa (default: Preferences, "
                            "else the system's).", "code");
    parser.addOptions({demo, model, shot, segment, assist, lang});
    parser.addPositionalArgument("path", "An image file or a workspace folder to open.");
    parser.process(app);
    if (parser.isSet(lang) && !vm::Translations::languages().contains(parser.value(lang)))
        std::fprintf(stderr, "delineo: no %s translation; using the default language\n", qPrintable(parser.value(lang)));
    vm::Translations::install(vm::Translations::resolve(parser.value(lang)));

    ui::MainWindow window;
    const bool headless = parser.isSet(shot);
    window.setDialogsEnabled(!headless);
    window.setWritesEnabled(!headless); // a screenshot is a preview: nothing lands beside the file shown
    const QString modelPath = parser.isSet(model) ? parser.value(model) : QString::fromStdString(core::defaultModelPath());
    if (QFileInfo::exists(modelPath) || parser.isSet(model))
        window.preview().loadModel(modelPath);

    QString target = parser.positionalArguments().value(0);
    if (target.isEmpty() && parser.isSet(demo))
        target = vm::DocumentController::prepareDemoWorkspace();
    // Without a path: the last workspace, else the welcome page that offers the demo workspace.
    const QString last = window.workbench().preferences().lastWorkspace;
    if (target.isEmpty() && !headless && !last.isEmpty() && QFileInfo(last).isDir())
        target = last;
    window.show();
    bool ok = true;
    if (!target.isEmpty())
        ok = window.openPath(target);
    if (!headless)
        return app.exec();

    if (ok)
        ok = window.waitForJob(); // a series loads in the background
    if (ok && parser.isSet(segment)) {
        ok = window.preview().run() && window.waitForJob() && window.preview().accept();
    }
    if (ok && parser.isSet(assist)) {
        window.editing().selectTool(QStringLiteral("assist"));
        const QStringList v = parser.value(assist).split(QLatin1Char(','));
        for (int i = 0; ok && i + 1 < v.size(); i += 2) {
            const double x = v[i].toDouble(), y = v[i + 1].toDouble();
            ok = window.assist().addPrompt({vm::PromptGesture::Kind::Point, !v[i].startsWith(QLatin1Char('-')),
                                            QPolygonF{QPointF(std::abs(x), y)}});
        }
    }
    QApplication::processEvents();
    if (!ok)
        std::fprintf(stderr, "delineo: %s\n", qPrintable(window.lastError()));
    if (!window.grab().save(parser.value(shot))) {
        std::fprintf(stderr, "delineo: cannot write %s\n", qPrintable(parser.value(shot)));
        return 9;
    }
    return ok ? 0 : 1;
}
