#include "delineo/ui/HelpMenu.h"
#include "delineo/core/ResourcePaths.h"
#include "delineo/core/Versions.h"
#include "delineo/ui/ShortcutsDialog.h"
#include "delineo/viewmodels/QtText.h"

#include <QApplication>
#include <QDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QUrl>
#include <QVBoxLayout>

namespace delineo::ui {

using vm::qs;
using vm::ss;

HelpMenu::HelpMenu(QMenuBar* menus, QWidget* parent) : QMenu(tr("&Help"), parent)
{
    addAction(tr("&User Guide"), QKeySequence(tr("Shift+F1")), this, [this] {
        QString error;
        if (!userGuide(parentWidget(), true, &error))
            QMessageBox::warning(parentWidget(), tr("User guide"), error);
    });
    addAction(tr("&Keyboard Shortcuts"), QKeySequence(tr("F1")), this, [this, menus] {
        ShortcutsDialog dialog(menus, parentWidget());
        dialog.exec();
    });
    addAction(tr("&About Delineo"), this, [this] {
        QString parts = QStringLiteral("<tr><td>Qt</td><td>%1</td></tr>").arg(qVersion());
        for (const auto& [name, version] : core::componentVersions())
            parts += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>").arg(qs(name).toHtmlEscaped(), qs(version).toHtmlEscaped());
        QMessageBox::about(parentWidget(), tr("About Delineo"),
                           tr("<b>Delineo</b> %1<br>Medical image segmentation: review, correct, retrain.<br><br>"
                              "<table>%2</table><br>Bundled demo data and its licences:<ul>"
                              "<li>Kvasir-SEG frames (Simula Research Laboratory): research and educational "
                              "use, citing Jha et al., MMM 2020;</li>"
                              "<li>UW-Madison GI tract MRI slices: Kaggle competition data, citing Lee et al., "
                              "Data in Brief 57, 2024;</li>"
                              "<li>an MR DICOM file from the pydicom test data: MIT licence.</li></ul>"
                              "Details are in ATTRIBUTION.md in the demo folder.")
                               .arg(QApplication::applicationVersion(), parts));
    });
}

QDialog* HelpMenu::userGuide(QWidget* parent, bool show, QString* error)
{
    const QString resources = qs(core::resourceDir());
    QString guide;
    for (const QString& dir : {resources + QStringLiteral("/docs"), resources + QStringLiteral("/../docs")})
        if (QFileInfo::exists(dir + QStringLiteral("/USER_GUIDE.md")))
            guide = QFileInfo(dir + QStringLiteral("/USER_GUIDE.md")).absoluteFilePath();
    if (guide.isEmpty()) {
        if (error)
            *error = tr("The user guide is not installed (looked in %1/docs).").arg(resources);
        return nullptr;
    }
    auto* dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Delineo User Guide"));
    auto* browser = new QTextBrowser(dialog);
    browser->setObjectName(QStringLiteral("userGuide"));
    browser->setOpenExternalLinks(true);
    browser->setSource(QUrl::fromLocalFile(guide), QTextDocument::MarkdownResource);
    // Screenshots fit the page width (the height follows the aspect ratio).
    QTextDocument* doc = browser->document();
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next())
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if (!f.charFormat().isImageFormat())
                continue;
            QTextImageFormat image = f.charFormat().toImageFormat();
            image.setWidth(820);
            QTextCursor cursor(doc);
            cursor.setPosition(f.position());
            cursor.setPosition(f.position() + f.length(), QTextCursor::KeepAnchor);
            cursor.setCharFormat(image);
        }
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(browser);
    dialog->resize(900, 760);
    if (show)
        dialog->show();
    return dialog;
}

} // namespace delineo::ui
