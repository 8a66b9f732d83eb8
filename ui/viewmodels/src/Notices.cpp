#include "delineo/viewmodels/Notices.h"
#include "delineo/core/Errors.h"
#include "delineo/viewmodels/Translations.h"

namespace delineo::vm {

bool Notices::failedWith(const std::exception_ptr& failure, const QString& title)
{
    if (!failure)
        return false;
    try {
        std::rethrow_exception(failure);
    } catch (const core::ImageError& e) {
        fail(title, Translations::errorText(e));
    } catch (const std::exception& e) {
        fail(title, QString::fromStdString(e.what()));
    }
    return true;
}

void Notices::busy(const QString& title, const QString& running)
{
    fail(title, tr("Another task is running (%1): try again when it has finished.").arg(running));
}

} // namespace delineo::vm
