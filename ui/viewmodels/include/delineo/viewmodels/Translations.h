#pragma once
#include <QString>
#include <QStringList>

#include <exception>
#include <vector>

class QCoreApplication;

namespace delineo::core {
struct LoadWarning;
struct StackPart;
}

namespace delineo::vm {

// The interface languages Delineo ships (.ts files in translations/, compiled into the program).
class Translations {
public:
    // Language codes with a shipped translation, English (the source language) first.
    static QStringList languages();
    // The language's own name, e.g. "Deutsch" for "de".
    static QString nativeName(const QString& code);
    // The saved choice (Preferences → Language); empty means "follow the system locale".
    static QString savedChoice();
    static void saveChoice(const QString& code);
    // The first shipped language among the system's UI languages, else English.
    static QString systemLanguage();
    // The language to use: `override` if given, else the saved choice, else the first shipped
    // language among the system's UI languages, else English.
    static QString resolve(const QString& override = {});
    // Installs Delineo's and Qt's own translators for `code` into the application; right-to-left
    // languages switch the layout direction. Returns false when `code` has no shipped translation.
    // Replaces any translation installed before.
    static bool install(const QString& code);
    // Back to the English source texts, left to right.
    static void uninstall();
    // A class or window-preset name from a model or a file ("large_bowel", "Soft tissue") in the
    // interface language; a numbered label ("class 3") in its words; names Delineo does not know are
    // shown as they are, underscores as spaces.
    static QString term(const QString& name);
    // A failure for a message box: what went wrong in the interface language (from the error's
    // type and code), then the technical detail as the library reported it.
    static QString errorText(const std::exception& error);
    // A loader's warning in the interface language, its values (numbers, a file, a reader's
    // detail) as they are.
    static QString warningText(const core::LoadWarning& warning);
    // A clause (a warning, as the status bar lists them) as a sentence of its own: capital first
    // letter, full stop; for messages that string sentences together or put each on its own.
    static QString sentence(QString clause);
    // "12 corrected or approved slices of 3 images", each count with its own plural form.
    static QString slicesOfImages(int slices, int images);
    // What sets one stack of a series apart ("echo 2, plane 1") in the interface language.
    static QString stackText(const std::vector<core::StackPart>& parts);
};

} // namespace delineo::vm
