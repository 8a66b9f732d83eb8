#pragma once
#include <QObject>
#include <QString>

#include <vector>

namespace delineo::vm {

class JobRunner;
class Notices;
class ReviewController;

// One entry of File → Export…, from the core exporter registry.
struct ExportFormat {
    QString id, title, description, fileSuffix;   // fileSuffix: ".json" when the destination is a file
    bool destinationIsFile = false;
    bool deidentifies = false;
};

// File → Export…: writes the workspace's masks in a registered format in the background (progress
// and Cancel in the status bar) from its own connection to the database, then reports what it
// wrote, what it noted and what failed.
class ExportController : public QObject {
    Q_OBJECT
public:
    ExportController(ReviewController& review, JobRunner& jobs, Notices& notices, QObject* parent = nullptr);

    static std::vector<ExportFormat> formats();
    bool start(const QString& formatId, const QString& destination, bool deidentify);
    QString lastReport() const { return report_; }

Q_SIGNALS:
    void finished(const QString& report, bool complete);

private:
    ReviewController& review_;
    JobRunner& jobs_;
    Notices& notices_;
    QString report_;
};

} // namespace delineo::vm
