#include "delineo/ui/ModelsPanel.h"

#include "delineo/viewmodels/QtText.h"
#include "delineo/viewmodels/Translations.h"

#include <nlohmann/json.hpp>

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <set>

namespace delineo::ui {

using vm::qs;
using vm::ss;

ModelsPanel::ModelsPanel(QWidget* parent) : QDockWidget(tr("Models"), parent)
{
    setObjectName(QStringLiteral("modelsPanel"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    table_ = new QTableWidget(body);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    layout->addWidget(table_, 1);
    auto* row = new QHBoxLayout();
    promote_ = new QPushButton(tr("Promote"), body);
    promote_->setToolTip(tr("Use the selected version from now on (the current one is kept)"));
    rollback_ = new QPushButton(tr("Roll Back"), body);
    rollback_->setToolTip(tr("Return to the version that was active before the current one"));
    compare_ = new QPushButton(tr("Compare…"), body);
    compare_->setToolTip(tr("The selected and the active version's masks side by side on a validation image, with its ground truth"));
    evaluate_ = new QPushButton(tr("Evaluate…"), body);
    evaluate_->setToolTip(tr("The selected version's six metrics per class on the validation split, with an HTML report"));
    add_ = new QPushButton(tr("Add from Job…"), body);
    add_->setToolTip(tr("Add the model a cluster trained from an exported job (Training → Fine-tune → Export Job for a "
                        "Cluster): it is measured with its base on the validation split"));
    row->addWidget(compare_);
    row->addWidget(evaluate_);
    row->addWidget(promote_);
    row->addWidget(rollback_);
    row->addWidget(add_);
    row->addStretch(1);
    layout->addLayout(row);
    setWidget(body);
    connect(promote_, &QPushButton::clicked, this, [this] {
        if (const auto id = selectedVersion())
            Q_EMIT promoteRequested(id);
    });
    // Roll back the line of the selected version (automatic or AI Assist); automatic without one.
    connect(rollback_, &QPushButton::clicked, this, [this] {
        const auto rows = table_->selectionModel() ? table_->selectionModel()->selectedRows() : QModelIndexList{};
        Q_EMIT rollbackRequested(!rows.isEmpty() && table_->item(rows.front().row(), 0)->data(Qt::UserRole + 1).toBool());
    });
    connect(compare_, &QPushButton::clicked, this, [this] {
        if (const auto id = selectedVersion())
            Q_EMIT compareRequested(id);
    });
    connect(add_, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Add from Job: the Job's Folder"));
        if (!folder.isEmpty())
            Q_EMIT addRequested(folder);
    });
    connect(evaluate_, &QPushButton::clicked, this, [this] {
        if (const auto id = selectedVersion())
            Q_EMIT evaluateRequested(id);
    });
}

void ModelsPanel::refresh(const core::Workspace& ws)
{
    const auto models = ws.models();
    // Columns: the fixed ones, then one per class seen in any version's validation figures.
    std::vector<std::string> classes;
    std::vector<nlohmann::json> metrics;
    for (const auto& m : models) {
        metrics.push_back(nlohmann::json::parse(m.metrics, nullptr, false));
        const auto& j = metrics.back();
        if (j.is_object() && j.contains("val"))
            for (const auto& [name, v] : j["val"].items())
                if (name != "mean" && std::find(classes.begin(), classes.end(), name) == classes.end())
                    classes.push_back(name);
    }
    // AI Assist versions: Dice after one click, and the clicks to Dice 0.90 (simulated annotator).
    QStringList headers{tr("Version"), tr("Parent"), tr("Mean Dice"), tr("Clicks to 0.90")};
    for (const auto& c : classes)
        headers << tr("Dice: %1").arg(vm::Translations::term(qs(c)));
    headers << tr("Trained") << tr("Created");
    table_->clear();
    table_->setColumnCount(headers.size());
    table_->setHorizontalHeaderLabels(headers);
    table_->setRowCount(static_cast<int>(models.size()));
    auto dice = [](const nlohmann::json& j, const std::string& cls) {
        if (j.is_object() && j.contains("val") && j["val"].contains(cls) && j["val"][cls]["dice"].is_number())
            return QString::number(j["val"][cls]["dice"].get<double>(), 'f', 3);
        return QStringLiteral("–");
    };
    for (int r = 0; r < static_cast<int>(models.size()); ++r) {
        const auto& m = models[static_cast<std::size_t>(r)];
        const auto& j = metrics[static_cast<std::size_t>(r)];
        int c = 0;
        auto put = [&](const QString& text) {
            auto* item = new QTableWidgetItem(text);
            if (m.active) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
            item->setData(Qt::UserRole, static_cast<qlonglong>(m.id));
            item->setData(Qt::UserRole + 1, m.kind == core::ModelKind::Interactive);
            table_->setItem(r, c++, item);
        };
        const bool assist = m.kind == core::ModelKind::Interactive;
        put(tr("v%1 %2%3").arg(m.id).arg(qs(m.name), m.active ? tr(" (active)") : QString()) +
            (assist ? tr(" · AI Assist") : QString()));
        put(m.parentId ? tr("v%1").arg(m.parentId) : QStringLiteral("–"));
        put(dice(j, "mean"));
        put(j.is_object() && j.contains("clicks") && j["clicks"]["NoC@90"].is_number()
                ? QString::number(j["clicks"]["NoC@90"].get<double>(), 'f', 2)
                : QStringLiteral("–"));
        for (const auto& cls : classes)
            put(dice(j, cls));
        put(m.seconds > 0 ? tr("%1 min").arg(m.seconds / 60.0, 0, 'f', 1) : QStringLiteral("–"));
        put(qs(m.created));
    }
    table_->resizeColumnsToContents();
}

std::int64_t ModelsPanel::selectedVersion() const
{
    const auto rows = table_->selectionModel() ? table_->selectionModel()->selectedRows() : QModelIndexList{};
    if (rows.isEmpty())
        return 0;
    return table_->item(rows.front().row(), 0)->data(Qt::UserRole).toLongLong();
}

void ModelsPanel::selectVersion(std::int64_t id)
{
    for (int r = 0; r < table_->rowCount(); ++r)
        if (table_->item(r, 0)->data(Qt::UserRole).toLongLong() == id)
            table_->selectRow(r);
}

} // namespace delineo::ui
