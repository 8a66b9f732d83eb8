#include "delineo/ui/MaskMenu.h"
#include "delineo/ui/Translations.h"
#include "delineo/ui/MainWindow.h"
#include "delineo/ui/ToolOptionsPanel.h"
#include "tools/MaskOperation.h"

#include "delineo/core/Errors.h"

#include <QStatusBar>

namespace delineo::ui {

MaskMenu::MaskMenu(MainWindow* w) : QMenu(tr("&Mask"), w), window_(w), ops_(builtinMaskOperations())
{
    for (const auto& op : ops_) {
        if (op->separatorBefore())
            addSeparator();
        const MaskOperation* o = op.get();
        addAction(op->title(), op->shortcut(), this, [this, o] { run(*o); });
    }
}

MaskMenu::~MaskMenu() = default;

void MaskMenu::run(const MaskOperation& op)
{
    if (window_->document().empty())
        return;
    const ToolOptionsPanel* options = window_->toolOptions();
    MaskOpContext ctx{window_->document(), window_->slice(), static_cast<std::uint8_t>(window_->activeLabel()),
                      window_->overwriteOthers(), options ? options->smallestIsland() : 0,
                      options ? options->smoothRadius() : 2};
    QString message;
    try {
        for (const SliceEdit& e : op.apply(ctx, message))
            window_->applyMaskEdit(e.slice, e.labels, e.description);
    } catch (const core::ImageError& e) {
        message = Translations::errorText(e);
    }
    if (!message.isEmpty())
        window_->statusBar()->showMessage(message, 8000);
}

} // namespace delineo::ui
