#pragma once
#include "delineo/ml/ModelConfig.h"

#include <QListWidget>

#include <vector>

namespace delineo::ui {

// The overlay legend: one row per class with its colour; the check box shows or hides the class.
class ClassLegend : public QListWidget {
    Q_OBJECT
public:
    explicit ClassLegend(QWidget* parent = nullptr);
    void setClasses(const std::vector<ml::ClassInfo>& classes);
    // Overlay colour of each label value (0 and hidden classes transparent).
    std::vector<QRgb> overlayColours() const;
    void setClassVisible(int label, bool visible);

Q_SIGNALS:
    void visibilityChanged();
};

} // namespace delineo::ui
