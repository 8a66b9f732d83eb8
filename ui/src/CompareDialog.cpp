#include "delineo/ui/CompareDialog.h"

#include "delineo/viewmodels/TrainingController.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace delineo::ui {

CompareDialog::CompareDialog(const vm::Comparison& comparison, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(comparison.title);
    auto* row = new QHBoxLayout(this);
    for (const auto& [title, image] : comparison.panels) {
        auto* column = new QVBoxLayout();
        auto* picture = new QLabel(this);
        picture->setPixmap(QPixmap::fromImage(image.scaled(360, 360, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        column->addWidget(new QLabel(title, this));
        column->addWidget(picture);
        row->addLayout(column);
    }
}

} // namespace delineo::ui
