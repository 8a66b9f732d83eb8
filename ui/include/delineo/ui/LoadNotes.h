#pragma once
#include <QSet>
#include <QStringList>
#include <QToolButton>

#include <functional>

namespace delineo::vm {
class DocumentController;
} // namespace delineo::vm

namespace delineo::ui {

// What the loader noted of the open image (irregular slice spacing, a gantry tilt resampled,
// frames left out): a status-bar button for as long as that image is open, its tooltip and a click
// listing the notes. They pop up when an image opens for the first time in the session (while
// `popUp` says so: paging back to it does not interrupt again) and then stay a click away, rather
// than holding the status bar's message over the model's and the tools' own.
class LoadNotes : public QToolButton {
    Q_OBJECT
public:
    LoadNotes(vm::DocumentController& document, QWidget* parent, std::function<bool()> popUp);
    // The notes as sentences, in the interface language; empty when the image opened cleanly.
    QStringList notes() const { return notes_; }
    // The notes in a dialog (what a click on the button shows).
    void showNotes();

private:
    void refresh();

    vm::DocumentController& document_;
    QStringList notes_;
    QSet<QString> poppedUp_; // the images whose notes popped up once
};

} // namespace delineo::ui
