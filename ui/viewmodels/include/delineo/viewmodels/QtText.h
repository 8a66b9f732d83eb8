#pragma once
// Internal: std::string <-> QString at the boundary between core and the widgets.
#include <QCoreApplication>
#include <QString>

#include <string>

namespace delineo::vm {

inline QString qs(const std::string& s) { return QString::fromStdString(s); }
inline std::string ss(const QString& s) { return s.toStdString(); }
// A unit after a number: " HU" from "HU" (core::valueUnit), nothing from "".
inline QString unitSuffix(const char* unit) { return *unit ? QLatin1Char(' ') + QLatin1String(unit) : QString(); }
// Values under a region as the panels list them: "35.2 ± 12.0 HU" (unit from core::valueUnit).
inline QString meanSdText(double mean, double sd, const char* unit)
{
    return QStringLiteral("%1 ± %2%3").arg(mean, 0, 'f', 1).arg(sd, 0, 'f', 1).arg(unitSuffix(unit));
}

// Appended to an import's notice: de-identified images whose pixels may show text (none: nothing).
inline QString burnedInTextWarning(int images)
{
    return images > 0 ? QCoreApplication::translate("DicomImport",
                                                    " %n image(s) may show text burned into the pixels, which "
                                                    "de-identification leaves: check them before sharing.",
                                                    "", images)
                      : QString();
}

} // namespace delineo::vm
