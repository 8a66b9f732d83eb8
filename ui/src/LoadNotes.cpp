#include "delineo/ui/LoadNotes.h"

#include "delineo/core/AnnotationDocument.h"
#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/Translations.h"

#include <QMessageBox>
#include <QStyle>

namespace delineo::ui {

LoadNotes::LoadNotes(vm::DocumentController& document, QWidget* parent, std::function<bool()> popUp)
    : QToolButton(parent), document_(document)
{
    setObjectName(QStringLiteral("loadNotes"));
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    // No taller than the status bar's text: the views keep their size when a note comes or goes.
    const int line = fontMetrics().height();
    setIconSize(QSize(line, line));
    hide();
    connect(this, &QToolButton::clicked, this, &LoadNotes::showNotes);
    connect(&document_, &vm::DocumentController::documentChanged, this, &LoadNotes::refresh);
    connect(&document_, &vm::DocumentController::noted, this, [this, popUp = std::move(popUp)] {
        refresh();
        if (!popUp() || poppedUp_.contains(document_.storeKey()))
            return;
        poppedUp_.insert(document_.storeKey());
        showNotes();
    });
}

void LoadNotes::refresh()
{
    notes_.clear();
    for (const auto& w : document_.document().warnings())
        notes_ << vm::Translations::sentence(vm::Translations::warningText(w));
    setText(tr("%n note(s)", "", int(notes_.size())));
    setToolTip(notes_.join(QLatin1Char('\n')));
    setVisible(!notes_.isEmpty());
}

void LoadNotes::showNotes()
{
    if (!notes_.isEmpty())
        QMessageBox::information(window(), tr("Please note"), notes_.join(QStringLiteral("\n\n")));
}

} // namespace delineo::ui
