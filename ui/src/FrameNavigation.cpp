#include "delineo/ui/FrameNavigation.h"
#include "delineo/ui/ImageView.h"
#include "delineo/viewmodels/DocumentController.h"
#include "delineo/viewmodels/PlaybackController.h"

#include <QCoreApplication>
#include <QMenu>

namespace delineo::ui {

// Translated in the main window's context, where these actions were first.
void FrameNavigation::addTo(QMenu* menu, vm::DocumentController& doc, vm::PlaybackController& play, ImageView* view)
{
    menu->addAction(QCoreApplication::translate("delineo::ui::MainWindow", "&Previous Slice"), QKeySequence(Qt::Key_PageUp), menu, [&doc] { doc.showSlice(doc.slice() - 1); });
    menu->addAction(QCoreApplication::translate("delineo::ui::MainWindow", "&Next Slice"), QKeySequence(Qt::Key_PageDown), menu, [&doc] { doc.showSlice(doc.slice() + 1); });
    menu->addAction(QCoreApplication::translate("delineo::ui::MainWindow", "First Slice"), QKeySequence(Qt::Key_Home), menu, [&doc] { doc.showSlice(0); });
    menu->addAction(QCoreApplication::translate("delineo::ui::MainWindow", "Last Slice"), QKeySequence(Qt::Key_End), menu, [&doc] { doc.showSlice(doc.depth() - 1); });
    menu->addSeparator();
    // Space itself stays with the view, where holding it pans: a tap plays or pauses.
    menu->addAction(QCoreApplication::translate("delineo::ui::MainWindow", "&Play / Pause") + QStringLiteral("\tSpace"), &play, &vm::PlaybackController::toggle);
    QObject::connect(view, &ImageView::spaceTapped, &play, &vm::PlaybackController::toggle);
    menu->addAction(QCoreApplication::translate("delineo::ui::MainWindow", "Next &Annotated Frame"), QKeySequence(QCoreApplication::translate("delineo::ui::MainWindow", "Ctrl+PgDown")), menu,
                    [&play] { play.nextAnnotated(1); });
    menu->addAction(QCoreApplication::translate("delineo::ui::MainWindow", "Previous Annotated Frame"), QKeySequence(QCoreApplication::translate("delineo::ui::MainWindow", "Ctrl+PgUp")), menu,
                    [&play] { play.nextAnnotated(-1); });
    menu->addAction(QCoreApplication::translate("delineo::ui::MainWindow", "Next Frame to &Review"), QKeySequence(QCoreApplication::translate("delineo::ui::MainWindow", "Ctrl+Shift+PgDown")), menu,
                    [&play] { play.nextToReview(1); });
    menu->addAction(QCoreApplication::translate("delineo::ui::MainWindow", "Previous Frame to Review"), QKeySequence(QCoreApplication::translate("delineo::ui::MainWindow", "Ctrl+Shift+PgUp")), menu,
                    [&play] { play.nextToReview(-1); });
}

} // namespace delineo::ui
