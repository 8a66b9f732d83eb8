#include "delineo/viewmodels/Translations.h"
#include "delineo/viewmodels/Preferences.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/Errors.h"
#include "delineo/core/LoadWarning.h"
#include "delineo/ml/Errors.h"

#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QTranslator>

namespace delineo::vm {

namespace {

// Qt's own entry for the layout direction, which each translation answers ("RTL" for Persian).
struct SourceText {
    const char* source;
    const char* comment;
};
const SourceText kLayoutDirection = QT_TRANSLATE_NOOP3(
    "QGuiApplication", "QT_LAYOUT_DIRECTION",
    "Translate this string to the string 'LTR' in left-to-right languages or to 'RTL' in right-to-left "
    "languages (such as Hebrew and Arabic) to get proper widget layout.");

// The translators install() put in, so a later call (or uninstall) replaces rather than stacks them.
QList<QTranslator*>& installed()
{
    static QList<QTranslator*> list;
    return list;
}

// Names that come from models and modality defaults rather than from the interface code.
[[maybe_unused]] const char* const kTerms[] = {
    QT_TRANSLATE_NOOP("Terms", "polyp"),       QT_TRANSLATE_NOOP("Terms", "stomach"),
    QT_TRANSLATE_NOOP("Terms", "large bowel"), QT_TRANSLATE_NOOP("Terms", "small bowel"),
    QT_TRANSLATE_NOOP("Terms", "tumour"),      QT_TRANSLATE_NOOP("Terms", "Brain"),
    QT_TRANSLATE_NOOP("Terms", "Soft tissue"), QT_TRANSLATE_NOOP("Terms", "Lung"),
    QT_TRANSLATE_NOOP("Terms", "Bone"),        QT_TRANSLATE_NOOP("Terms", "Full range"),
    QT_TRANSLATE_NOOP("Terms", "Automatic"),
};

} // namespace

QString Translations::slicesOfImages(int slices, int images)
{
    return QCoreApplication::translate("Translations", "%1 of %2", "slices of images")
        .arg(QCoreApplication::translate("Translations", "<b>%n</b> corrected or approved slice(s)", nullptr, slices),
             QCoreApplication::translate("Translations", "<b>%n</b> image(s)", nullptr, images));
}

QString Translations::term(const QString& name)
{
    // A label no model or file names ("class 3", as the loaders and the preview number them).
    static const QRegularExpression numbered(QStringLiteral("^class (\\d+)$"));
    if (const QRegularExpressionMatch m = numbered.match(name); m.hasMatch())
        return QCoreApplication::translate("Terms", "class %1", "a label without a name").arg(m.captured(1));
    QString english = name;
    english.replace(QLatin1Char('_'), QLatin1Char(' '));
    return QCoreApplication::translate("Terms", english.toUtf8().constData());
}

QString Translations::warningText(const core::LoadWarning& warning)
{
    core::LoadWarning shown = warning;
    shown.pattern = QCoreApplication::translate("LoadWarning", warning.pattern.c_str()).toStdString();
    return QString::fromStdString(shown.text());
}

QString Translations::sentence(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    if (!text.isEmpty() && !text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    return text;
}

QString Translations::errorText(const std::exception& error)
{
    const QString detail = QString::fromStdString(error.what());
    const char* what = nullptr;
    if (const auto* e = dynamic_cast<const core::ImageError*>(&error)) {
        switch (e->code()) {
        case core::ErrorCode::NotFound: what = QT_TRANSLATE_NOOP("Errors", "The file or folder does not exist."); break;
        case core::ErrorCode::Unreadable:
            what = QT_TRANSLATE_NOOP("Errors", "The file exists but cannot be read (permissions or a disk error).");
            break;
        case core::ErrorCode::UnsupportedFormat: what = QT_TRANSLATE_NOOP("Errors", "Delineo does not read this file format."); break;
        case core::ErrorCode::Corrupt: what = QT_TRANSLATE_NOOP("Errors", "The file is damaged or incomplete."); break;
        case core::ErrorCode::UnsupportedCompression:
            what = QT_TRANSLATE_NOOP("Errors", "The image is compressed in a way Delineo cannot decode.");
            break;
        case core::ErrorCode::WrongSize: what = QT_TRANSLATE_NOOP("Errors", "The sizes do not match."); break;
        case core::ErrorCode::WriteFailed:
            what = QT_TRANSLATE_NOOP("Errors", "Writing failed (disk full or no permission?). What was saved before is kept.");
            break;
        case core::ErrorCode::Busy: what = QT_TRANSLATE_NOOP("Errors", "Another Delineo window or process is using it."); break;
        case core::ErrorCode::TooLarge:
            what = QT_TRANSLATE_NOOP("Errors", "The file claims a size larger than Delineo allows itself to load.");
            break;
        }
    } else if (dynamic_cast<const ml::ModelError*>(&error)) {
        what = QT_TRANSLATE_NOOP("Errors", "The model file is missing, damaged or does not fit its description.");
    } else if (dynamic_cast<const ml::TrainingError*>(&error)) {
        what = QT_TRANSLATE_NOOP("Errors", "Training could not start or go on.");
    }
    if (!what)
        return detail;
    return QCoreApplication::translate("Errors", what) + QStringLiteral("\n\n") +
           QCoreApplication::translate("Errors", "Details: %1").arg(detail);
}

QString Translations::stackText(const std::vector<core::StackPart>& parts)
{
    QStringList out;
    for (const core::StackPart& p : parts) {
        const QString value = QString::fromStdString(p.value);
        switch (p.by) {
        case core::StackPart::By::Echo: out << QCoreApplication::translate("Series", "echo %1").arg(value); break;
        case core::StackPart::By::Phase: out << QCoreApplication::translate("Series", "phase %1").arg(value); break;
        case core::StackPart::By::BValue: out << QCoreApplication::translate("Series", "b = %1 s/mm²").arg(value); break;
        case core::StackPart::By::Plane: out << QCoreApplication::translate("Series", "plane %1").arg(value); break;
        case core::StackPart::By::Size: out << value; break;
        case core::StackPart::By::Component:
            if (p.value == "MAGNITUDE")
                out << QCoreApplication::translate("Series", "magnitude image");
            else if (p.value == "PHASE")
                out << QCoreApplication::translate("Series", "phase image");
            else if (p.value == "REAL")
                out << QCoreApplication::translate("Series", "real part");
            else if (p.value == "IMAGINARY")
                out << QCoreApplication::translate("Series", "imaginary part");
            else
                out << value;
            break;
        }
    }
    return out.join(QStringLiteral(", "));
}

void Translations::uninstall()
{
    for (QTranslator* t : installed()) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    installed().clear();
    QLocale::setDefault(QLocale::system());
    QGuiApplication::setLayoutDirection(Qt::LeftToRight);
}

QStringList Translations::languages() { return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("es"), QStringLiteral("fa")}; }

QString Translations::nativeName(const QString& code)
{
    const QLocale locale(code);
    QString name = locale.nativeLanguageName();
    if (!name.isEmpty() && code != QLatin1String("fa"))
        name[0] = name[0].toUpper();
    return name.isEmpty() ? code : name;
}

QString Translations::savedChoice() { return Preferences::load().language; }

void Translations::saveChoice(const QString& code)
{
    Preferences p = Preferences::load();
    p.language = code;
    p.save();
}

QString Translations::resolve(const QString& override)
{
    const QStringList shipped = languages();
    for (const QString& choice : {override, savedChoice()})
        if (shipped.contains(choice))
            return choice;
    return systemLanguage();
}

QString Translations::systemLanguage()
{
    const QStringList shipped = languages();
    for (const QString& ui : QLocale::system().uiLanguages()) {
        const QString code = ui.section(QLatin1Char('-'), 0, 0).section(QLatin1Char('_'), 0, 0).toLower();
        if (shipped.contains(code))
            return code;
    }
    return QStringLiteral("en");
}

bool Translations::install(const QString& code)
{
    if (!languages().contains(code))
        return false;
    uninstall();
    // English, the source language, is translated for its plural forms alone ("1 slice").
    auto* own = new QTranslator(qApp);
    if (!own->load(QStringLiteral(":/i18n/delineo_%1.qm").arg(code))) {
        delete own;
        return code == QLatin1String("en");
    }
    QCoreApplication::installTranslator(own);
    installed().append(own);
    if (code == QLatin1String("en"))
        return true;
    // Qt's own dialogs (file chooser, message box buttons), where the system has them.
    auto* qt = new QTranslator(qApp);
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        installed().append(qt);
    } else {
        delete qt;
    }
    QLocale::setDefault(QLocale(code));
    // Set now rather than on the deferred LanguageChange event, so the first window is laid out right.
    const bool rtl = QCoreApplication::translate("QGuiApplication", kLayoutDirection.source,
                                                 kLayoutDirection.comment) == QLatin1String("RTL");
    QGuiApplication::setLayoutDirection(rtl ? Qt::RightToLeft : Qt::LeftToRight);
    return true;
}

} // namespace delineo::vm
