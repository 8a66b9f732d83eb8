#pragma once
#include "delineo/ml/ModelConfig.h"

#include <QListWidget>

#include <functional>

#include <vector>

namespace delineo::ui {

// The overlay legend: one row per class with its colour; the check box shows or hides the class.
class ClassLegend : public QListWidget {
    Q_OBJECT
public:
    explicit ClassLegend(QWidget* parent = nullptr);
    void setClasses(const std::vector<ml::ClassInfo>& classes);
    // A context menu (Add Class…, Rename or Recolour Class…) and a double-click name and colour a
    // label in dialogs and hand it to `store` (one past the last label: a new class).
    using ClassStore = std::function<bool(int label, const QString& name, const QColor& colour)>;
    void enableEditing(ClassStore store);
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

private:
    void editClass(int label);
    ClassStore store_;
};

} // namespace delineo::ui
