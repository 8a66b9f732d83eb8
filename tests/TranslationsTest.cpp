// The shipped interface translations: complete, in step with the sources, and applied to the real
// main window (German menus; Persian laid out right to left).
#include "TestSupport.h"

#include "delineo/core/DicomSeries.h"
#include "delineo/core/Errors.h"
#include "delineo/core/VideoStream.h"
#include "delineo/core/Workspace.h"
#include "delineo/ui/ClassLegend.h"
#include "delineo/ui/LoadNotes.h"
#include "delineo/viewmodels/Preferences.h"
#include "delineo/ml/Errors.h"
#include "delineo/ui/MainWindow.h"
#include "delineo/ui/PreferencesDialog.h"
#include "delineo/viewmodels/Translations.h"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QSpinBox>

#include <QAction>
#include <QApplication>
#include <QColorDialog>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QInputDialog>
#include <QMessageBox>
#include <QStatusBar>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>
#include <QXmlStreamReader>

using namespace delineo;

namespace {

struct TsMessage {
    QString context, source;
    QStringList translations; // one, or one per plural form
    bool unfinished = false;
};

QList<TsMessage> readTs(const QString& path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << qPrintable(path);
    QList<TsMessage> out;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage msg;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            msg = TsMessage{context, {}, {}, false};
        } else if (name == QLatin1String("source")) {
            msg.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const auto type = xml.attributes().value(QLatin1String("type"));
            msg.unfinished = !type.isEmpty(); // unfinished, vanished or obsolete
            if (xml.readNext() == QXmlStreamReader::Characters && !xml.isWhitespace())
                msg.translations << xml.text().toString();
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    msg.translations << xml.readElementText();
                xml.readNext();
            }
            out << msg;
        }
    }
    EXPECT_FALSE(xml.hasError()) << qPrintable(path) << ": " << qPrintable(xml.errorString());
    return out;
}

QSet<QString> placeholders(const QString& text)
{
    QSet<QString> out;
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.insert(it.next().captured(0));
    return out;
}

// Every tr() text lupdate finds in the sources now, as context + '\x1f' + source.
QSet<QString> sourceTexts()
{
    QTemporaryDir tmp;
    const QString fresh = tmp.filePath(QStringLiteral("fresh.ts"));
    QProcess lupdate;
    lupdate.start(QStringLiteral(DELINEO_LUPDATE),
                  {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
                   QStringLiteral(DELINEO_SOURCE_DIR "/ui"), QStringLiteral(DELINEO_SOURCE_DIR "/app/gui"),
                   QStringLiteral(DELINEO_SOURCE_DIR "/core/include/delineo/core/LoadWarning.h"),
                   QStringLiteral(DELINEO_SOURCE_DIR "/core/include/delineo/core/LabelFiles.h"),
                   QStringLiteral("-ts"), fresh});
    EXPECT_TRUE(lupdate.waitForFinished(60000));
    EXPECT_EQ(lupdate.exitCode(), 0) << lupdate.readAllStandardError().toStdString();
    QSet<QString> sources;
    for (const auto& m : readTs(fresh))
        sources.insert(m.context + QLatin1Char('\x1f') + m.source);
    return sources;
}

QString menuTitles(const QMainWindow& w)
{
    QStringList titles;
    for (QAction* a : w.menuBar()->actions())
        titles << a->text();
    return titles.join(QLatin1Char('|'));
}

} // namespace

TEST(Translations, EveryTsFileIsCompleteAndInStepWithTheSources)
{
    // What lupdate finds in the sources now; a new tr() string missing from the .ts files fails here.
    const QSet<QString> sources = sourceTexts();
    ASSERT_GT(sources.size(), 300);

    for (const QString lang : {QStringLiteral("de"), QStringLiteral("es"), QStringLiteral("fa")}) {
        SCOPED_TRACE(lang.toStdString());
        const auto messages = readTs(QStringLiteral(DELINEO_SOURCE_DIR "/translations/delineo_%1.ts").arg(lang));
        QSet<QString> covered;
        for (const auto& m : messages) {
            covered.insert(m.context + QLatin1Char('\x1f') + m.source);
            EXPECT_FALSE(m.unfinished) << "unfinished: " << m.context.toStdString() << " / " << m.source.toStdString();
            ASSERT_FALSE(m.translations.isEmpty()) << "untranslated: " << m.source.toStdString();
            for (const QString& t : m.translations) {
                EXPECT_FALSE(t.trimmed().isEmpty()) << "empty translation of " << m.source.toStdString();
                EXPECT_EQ(placeholders(t), placeholders(m.source))
                    << "placeholders differ: " << m.source.toStdString() << " -> " << t.toStdString();
            }
        }
        for (const QString& s : sources)
            EXPECT_TRUE(covered.contains(s)) << "not in delineo_" << lang.toStdString() << ".ts (run the "
                                             << "update_translations target, then translate): "
                                             << s.section(QLatin1Char('\x1f'), 1).toStdString();
    }
}

// English, the source language, is translated for its plural forms alone: every %n text has its
// two forms in delineo_en.ts, and the English interface reads "1 slice", not "1 slice(s)".
TEST(Translations, EnglishSaysOneSliceAndTwoSlices)
{
    QSet<QString> plurals;
    for (const QString& s : sourceTexts())
        if (s.contains(QStringLiteral("%n")))
            plurals.insert(s);
    ASSERT_GE(plurals.size(), 10);
    QSet<QString> covered;
    for (const auto& m : readTs(QStringLiteral(DELINEO_SOURCE_DIR "/translations/delineo_en.ts"))) {
        covered.insert(m.context + QLatin1Char('\x1f') + m.source);
        EXPECT_FALSE(m.unfinished) << m.source.toStdString();
        ASSERT_EQ(m.translations.size(), 2) << m.source.toStdString();
        EXPECT_FALSE(m.translations[0].contains(QStringLiteral("(s)"))) << m.translations[0].toStdString();
    }
    for (const QString& s : plurals)
        EXPECT_TRUE(covered.contains(s)) << "not in delineo_en.ts (run the update_translations target, then write its "
                                         << "two forms): " << s.section(QLatin1Char('\x1f'), 1).toStdString();
    ASSERT_TRUE(vm::Translations::install(QStringLiteral("en")));
    EXPECT_EQ(vm::Translations::slicesOfImages(1, 1), QStringLiteral("<b>1</b> corrected or approved slice of <b>1</b> image"));
    EXPECT_EQ(vm::Translations::slicesOfImages(3, 2), QStringLiteral("<b>3</b> corrected or approved slices of <b>2</b> images"));
    ASSERT_TRUE(vm::Translations::install(QStringLiteral("de")));
    EXPECT_EQ(vm::Translations::slicesOfImages(1, 2),
              QStringLiteral("<b>1</b> korrigierte oder freigegebene Schicht von <b>2</b> Bildern"));
    vm::Translations::install(QStringLiteral("en")); // back to English
}

TEST(Translations, MenusFollowTheLanguageAndPersianIsRightToLeft)
{
    ASSERT_TRUE(vm::Translations::install(QStringLiteral("de")));
    {
        ui::MainWindow w;
        EXPECT_TRUE(menuTitles(w).contains(QStringLiteral("&Datei"))) << menuTitles(w).toStdString();
        EXPECT_EQ(w.layoutDirection(), Qt::LeftToRight);
        // Edit → Undo names a stroke in the language too.
        QTemporaryDir copy;
        const QString frame = copy.filePath(QStringLiteral("frame.jpg"));
        ASSERT_TRUE(QFile::copy(QStringLiteral(DELINEO_RESOURCES "/demo/cju34ymm8d6700799uop0cw33.jpg"), frame));
        ASSERT_TRUE(w.document().openFile(frame));
        w.waitForJob();
        ASSERT_TRUE(w.editing().selectTool(QStringLiteral("brush")));
        w.editing().press({20, 20}, false);
        w.editing().move({40, 20});
        w.editing().release();
        QAction* undo = w.findChild<QAction*>(QStringLiteral("Undo"));
        ASSERT_TRUE(undo);
        EXPECT_EQ(undo->text(), QStringLiteral("&Rückgängig: Malen"));
    }
    // Class and preset names from models and files: known ones translated, others readable.
    EXPECT_EQ(vm::Translations::term(QStringLiteral("large_bowel")), QStringLiteral("Dickdarm"));
    EXPECT_EQ(vm::Translations::term(QStringLiteral("Soft tissue")), QStringLiteral("Weichteil"));
    EXPECT_EQ(vm::Translations::term(QStringLiteral("liver_segment_4")), QStringLiteral("liver segment 4"));
    ASSERT_TRUE(vm::Translations::install(QStringLiteral("fa")));
    EXPECT_EQ(QApplication::layoutDirection(), Qt::RightToLeft);
    {
        ui::MainWindow w;
        w.resize(1400, 860);
        EXPECT_TRUE(menuTitles(w).contains(QStringLiteral("پرونده"))) << menuTitles(w).toStdString();
        EXPECT_EQ(w.layoutDirection(), Qt::RightToLeft);
        ASSERT_TRUE(w.preview().loadModel(QStringLiteral(DELINEO_RESOURCES "/models/polyp-unet.pt")));
        // A copy: accepting the AI result starts a workspace beside the file, never in the source tree.
        QTemporaryDir copy;
        const QString frame = copy.filePath(QStringLiteral("cju34ymm8d6700799uop0cw33.jpg"));
        ASSERT_TRUE(QFile::copy(QStringLiteral(DELINEO_RESOURCES "/demo/cju34ymm8d6700799uop0cw33.jpg"), frame));
        ASSERT_TRUE(w.document().openFile(frame));
        ASSERT_TRUE(w.preview().run() && w.waitForJob(120000) && w.preview().accept());
        w.show();
        QApplication::processEvents();
        if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS"))
            w.grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("persian-rtl.png"));
    }
    vm::Translations::install(QStringLiteral("en")); // back to English
    EXPECT_EQ(QApplication::layoutDirection(), Qt::LeftToRight);
    EXPECT_FALSE(vm::Translations::install(QStringLiteral("xx")));
}

// The legend's Rename or Recolour Class… in a translated window: a name left as shown ("Polyp")
// keeps the one the model and the store share ("polyp"), so an English reader of the workspace
// and the exports never meet a German name nobody typed; a name typed is stored as typed.
TEST(Translations, ARecolouredClassKeepsTheNameItIsStoredUnder)
{
    QTemporaryDir dir;
    QImage frame(64, 48, QImage::Format_RGB888);
    frame.fill(Qt::darkGray);
    ASSERT_TRUE(frame.save(dir.filePath(QStringLiteral("frame0.png"))));
    const auto editFirstClass = [](ui::ClassLegend* legend, const QString& typed) {
        QTimer::singleShot(0, [typed] {
            auto* name = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
            ASSERT_TRUE(name);
            if (!typed.isEmpty())
                name->setTextValue(typed);
            name->accept();
            QTimer::singleShot(0, [] {
                auto* colour = qobject_cast<QColorDialog*>(QApplication::activeModalWidget());
                ASSERT_TRUE(colour);
                colour->setCurrentColor(QColor(200, 40, 40));
                colour->accept();
            });
        });
        legend->setCurrentRow(0);
        legend->actions().at(1)->trigger(); // Rename or Recolour Class…
    };
    const auto storedFirst = [&dir] {
        auto ws = core::Workspace::open(dir.path().toStdString());
        const auto classes = ws->classes();
        return classes.empty() ? std::string() : classes[0].name;
    };
    ASSERT_TRUE(vm::Translations::install(QStringLiteral("de")));
    {
        ui::MainWindow w;
        w.setDialogsEnabled(false);
        ASSERT_TRUE(w.preview().loadModel(QStringLiteral(DELINEO_RESOURCES "/models/polyp-unet.pt")));
        w.show();
        ASSERT_TRUE(w.document().openWorkspace(dir.path()));
        auto* legend = w.findChild<ui::ClassLegend*>(QStringLiteral("classLegend"));
        ASSERT_TRUE(legend && legend->count() >= 1);
        ASSERT_TRUE(legend->item(0)->text().endsWith(QStringLiteral("Polyp"))) << legend->item(0)->text().toStdString();
        editFirstClass(legend, {});
        EXPECT_EQ(legend->overlayColours()[1], qPremultiply(qRgba(200, 40, 40, 255))) << "recoloured";
        EXPECT_TRUE(legend->item(0)->text().endsWith(QStringLiteral("Polyp")));
    }
    EXPECT_EQ(storedFirst(), "polyp");
    {
        ui::MainWindow w;
        w.setDialogsEnabled(false);
        ASSERT_TRUE(w.preview().loadModel(QStringLiteral(DELINEO_RESOURCES "/models/polyp-unet.pt")));
        w.show();
        ASSERT_TRUE(w.document().openWorkspace(dir.path()));
        editFirstClass(w.findChild<ui::ClassLegend*>(QStringLiteral("classLegend")), QStringLiteral("Adenom"));
    }
    EXPECT_EQ(storedFirst(), "Adenom");
    vm::Translations::install(QStringLiteral("en")); // back to English
}

// What a loader says of what it opened (here: slices 2 and 4 mm apart) reaches the window in its
// language, the numbers as measured; the CLI keeps the English sentence.
TEST(Translations, ALoadersWarningsAreShownInTheLanguage)
{
    QTemporaryDir dir;
    const double z[] = {0.0, 2.0, 6.0};
    for (int i = 0; i < 3; ++i)
        test::writeDicomSlice(dir.filePath(QStringLiteral("s%1.dcm").arg(i)).toStdString(), "1.2.826.0.1.3680043.2.1125.811",
                              i + 1, 0, 0, z[i], 7);
    ASSERT_TRUE(vm::Translations::install(QStringLiteral("de")));
    {
        ui::MainWindow w;
        w.setDialogsEnabled(false);
        QSignalSpy noted(&w.document(), &vm::DocumentController::noted);
        ASSERT_TRUE(w.openPath(dir.path()) && w.waitForJob());
        ASSERT_EQ(noted.count(), 1);
        const QString shown = noted.at(0).at(0).toStringList().join(QStringLiteral("; "));
        EXPECT_TRUE(shown.contains(QStringLiteral("unregelmäßiger Schichtabstand: 2.00 bis 4.00 mm"))) << shown.toStdString();
        const auto& warnings = w.document().document().warnings();
        ASSERT_FALSE(warnings.empty());
        EXPECT_EQ(warnings[0].text(), "irregular slice spacing: 2.00 to 4.00 mm (median 4.00 mm)");
        // A sentence of its own where a message strings them together (a dialog, a notice).
        EXPECT_EQ(vm::Translations::sentence(noted.at(0).at(0).toStringList().front()),
                  QStringLiteral("Unregelmäßiger Schichtabstand: 2.00 bis 4.00 mm (Median 4.00 mm)."));
        EXPECT_EQ(vm::Translations::sentence(QStringLiteral("done.")), QStringLiteral("Done."));
        // The note stays a click away while the image is open, not in the status bar's message
        // (which the model's and the tools' own messages need).
        auto* notes = w.findChild<ui::LoadNotes*>(QStringLiteral("loadNotes"));
        ASSERT_TRUE(notes);
        EXPECT_TRUE(notes->isVisibleTo(&w));
        EXPECT_EQ(notes->text(), QStringLiteral("1 Hinweis"));
        EXPECT_TRUE(notes->toolTip().startsWith(QStringLiteral("Unregelmäßiger Schichtabstand: 2.00 bis 4.00 mm")))
            << notes->toolTip().toStdString();
        EXPECT_FALSE(w.statusBar()->currentMessage().contains(QStringLiteral("Schichtabstand")))
            << w.statusBar()->currentMessage().toStdString();
        QString listed;
        QTimer::singleShot(0, [&listed] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            ASSERT_TRUE(box);
            listed = box->text();
            box->accept();
        });
        notes->click();
        ASSERT_EQ(notes->notes().size(), 1);
        EXPECT_EQ(listed, notes->notes().front());
        // An image that opened cleanly has none.
        QImage frame(16, 12, QImage::Format_RGB888);
        frame.fill(Qt::darkGray);
        ASSERT_TRUE(frame.save(dir.filePath(QStringLiteral("clean.png"))));
        ASSERT_TRUE(w.openPath(dir.filePath(QStringLiteral("clean.png"))) && w.waitForJob());
        EXPECT_FALSE(notes->isVisibleTo(&w));
        EXPECT_TRUE(notes->notes().isEmpty());
    }
    // A label nothing names (a model that does not fit the image numbers its classes) in its words.
    EXPECT_EQ(vm::Translations::term(QStringLiteral("class 3")), QStringLiteral("Klasse 3"));
    EXPECT_EQ(vm::Translations::term(QStringLiteral("large_bowel")), QStringLiteral("Dickdarm"));
    EXPECT_EQ(vm::Translations::term(QStringLiteral("class 3b")), QStringLiteral("class 3b")) << "a name, as it is";
    // What tells the stacks of one series apart, as the series chooser lists them.
    EXPECT_EQ(vm::Translations::stackText({{core::StackPart::By::Echo, "2"}, {core::StackPart::By::Size, "256 x 256"}}),
              QStringLiteral("Echo 2, 256 x 256"));
    vm::Translations::install(QStringLiteral("en")); // back to English
}

// The notes pop up the first time an image opens in the session; paging back to it shows them in
// the status bar only.
TEST(Translations, ALoadersNotesPopUpOncePerImage)
{
    QTemporaryDir dir;
    const double z[] = {0.0, 2.0, 6.0};
    ASSERT_TRUE(QDir(dir.path()).mkpath(QStringLiteral("series")));
    for (int i = 0; i < 3; ++i)
        test::writeDicomSlice(dir.filePath(QStringLiteral("series/s%1.dcm").arg(i)).toStdString(),
                              "1.2.826.0.1.3680043.2.1125.812", i + 1, 0, 0, z[i], 7);
    QImage frame(16, 12, QImage::Format_RGB888);
    frame.fill(Qt::darkGray);
    ASSERT_TRUE(frame.save(dir.filePath(QStringLiteral("clean.png"))));
    ui::MainWindow w;
    w.setWritesEnabled(false);
    int popped = 0;
    QTimer closer; // answers each box as it comes
    QObject::connect(&closer, &QTimer::timeout, [&popped] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            ++popped;
            box->accept();
        }
    });
    closer.start(20);
    auto* notes = w.findChild<ui::LoadNotes*>(QStringLiteral("loadNotes"));
    ASSERT_TRUE(notes);
    for (int round = 0; round < 2; ++round) {
        ASSERT_TRUE(w.openPath(dir.filePath(QStringLiteral("series"))) && w.waitForJob());
        EXPECT_EQ(notes->notes().size(), 1);
        EXPECT_FALSE(notes->isHidden());
        ASSERT_TRUE(w.openPath(dir.filePath(QStringLiteral("clean.png"))) && w.waitForJob());
        EXPECT_TRUE(notes->isHidden());
    }
    EXPECT_EQ(popped, 1) << "once, the first time";
}

TEST(Translations, ErrorsExplainThemselvesInTheLanguageAndKeepTheDetail)
{
    const core::ImageError corrupt(core::ErrorCode::Corrupt, "x.dcm: pixel data truncated");
    EXPECT_EQ(vm::Translations::errorText(corrupt),
              QStringLiteral("The file is damaged or incomplete.\n\nDetails: x.dcm: pixel data truncated"));
    EXPECT_EQ(vm::Translations::errorText(std::runtime_error("disk I/O error")), QStringLiteral("disk I/O error"));
    ASSERT_TRUE(vm::Translations::install(QStringLiteral("es")));
    EXPECT_TRUE(vm::Translations::errorText(corrupt).startsWith(QStringLiteral("El archivo está dañado")));
    EXPECT_TRUE(vm::Translations::errorText(ml::ModelError("bad.pt: not a weights file"))
                    .endsWith(QStringLiteral("Detalles: bad.pt: not a weights file")));
    {
        // Through the real window: a broken file explained in Spanish, the reader's detail kept.
        QTemporaryDir dir;
        QFile bad(dir.filePath(QStringLiteral("broken.png")));
        ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
        bad.write("\x89PNG\r\n\x1a\n truncated");
        bad.close();
        ui::MainWindow w;
        w.setDialogsEnabled(false);
        EXPECT_FALSE(w.document().openFile(bad.fileName()));
        EXPECT_TRUE(w.lastError().contains(QStringLiteral("Detalles: "))) << w.lastError().toStdString();
        EXPECT_TRUE(w.lastError().contains(QStringLiteral("broken.png"))) << w.lastError().toStdString();
    }
    vm::Translations::install(QStringLiteral("en")); // back to English
}

TEST(Translations, PreferencesChooseTheLanguageForTheNextStart)
{
    vm::Translations::saveChoice({});
    vm::Preferences prefs;
    ui::PreferencesDialog dialog(prefs, nullptr);
    EXPECT_EQ(dialog.language(), QString()); // "as the system" by default
    EXPECT_EQ(dialog.videoCacheMb(), 512);
    dialog.setLanguage(QStringLiteral("es"));
    dialog.setVideoCacheMb(1024);
    // Fast-seeking copies: on by default, their budget offered only while they are on.
    auto* copies = dialog.findChild<QCheckBox*>(QStringLiteral("videoCopies"));
    auto* budget = dialog.findChild<QSpinBox*>(QStringLiteral("videoCopiesGb"));
    ASSERT_TRUE(copies && budget);
    EXPECT_TRUE(copies->isChecked());
    EXPECT_EQ(budget->value(), 20);
    copies->setChecked(false);
    EXPECT_FALSE(budget->isEnabled());
    copies->setChecked(true);
    budget->setValue(50);
    if (qEnvironmentVariableIsSet("DELINEO_SCREENSHOTS"))
        dialog.grab().save(QDir(qEnvironmentVariable("DELINEO_SCREENSHOTS")).filePath("preferences.png"));
    dialog.accept();
    EXPECT_EQ(vm::Preferences::load().videoCacheMb, 1024);
    EXPECT_EQ(vm::Preferences::load().videoCopiesGb, 50);
    EXPECT_TRUE(vm::Preferences::load().videoCopies);
    EXPECT_EQ(core::VideoStream::defaultOptions().cacheBytes, std::size_t(1024) << 20);
    EXPECT_EQ(vm::Translations::savedChoice(), QStringLiteral("es"));
    EXPECT_EQ(vm::Translations::resolve(), QStringLiteral("es"));
    EXPECT_EQ(vm::Translations::resolve(QStringLiteral("fa")), QStringLiteral("fa")); // --lang wins
    vm::Translations::saveChoice({});
    EXPECT_EQ(vm::Translations::resolve(), vm::Translations::systemLanguage());
    prefs.videoCacheMb = 512;
    prefs.videoCopiesGb = 20;
    prefs.save();
    core::VideoStream::setDefaultCacheBytes(std::size_t(512) << 20);
}
