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
    // Overlay colour of each label value, premultiplied by the class's own opacity (0 and hidden
    // classes transparent).
    std::vector<QRgb> overlayColours() const;
    void setClassVisible(int label, bool visible);
    bool classVisible(int label) const;
    // A class's own opacity (percent, on top of the overlay's) and outline-instead-of-fill.
    void setClassStyle(int label, int opacityPercent, bool outline);
    int classOpacity(int label) const;
    bool classOutline(int label) const;
    // Which label values are drawn as outlines: the classes set so, or all with `everything`.
    std::vector<bool> outlinedClasses(bool everything) const;

Q_SIGNALS:
    void visibilityChanged();
};

} // namespace delineo::ui
