#pragma once
#include <QDockWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QWidget;

namespace delineo::ui {

// The Tool Options dock: what the active tool does and its settings (brush size and shape,
// "overwrite other classes", the threshold brush's intensity range). Values persist (QSettings).
class ToolOptionsPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit ToolOptionsPanel(QWidget* parent = nullptr);

    // Shows the rows the tool uses (ToolOption flags) and its hint.
    void showTool(const QString& title, const QString& hint, int options);
    void setRadius(int pixels);
    void setRange(double low, double high);   // also widens the spin boxes' limits

    int radius() const;
    bool square() const;
    bool overwriteOthers() const;
    double low() const;
    double high() const;
    int smallestIsland() const;   // Mask → Remove Small Islands; 0 = automatic
    int smoothRadius() const;     // Mask → Smooth Outline

Q_SIGNALS:
    void radiusChanged(int pixels);
    void changed();

private:
    QLabel *title_ = nullptr, *hint_ = nullptr;
    QWidget *brushRow_ = nullptr, *thresholdRow_ = nullptr;
    QSpinBox* radius_ = nullptr;
    QComboBox* shape_ = nullptr;
    QCheckBox* overwrite_ = nullptr;
    QDoubleSpinBox *low_ = nullptr, *high_ = nullptr;
    QSpinBox *island_ = nullptr, *smooth_ = nullptr;
};

} // namespace delineo::ui
