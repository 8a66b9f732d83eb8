#pragma once
// Internal: std::string <-> QString at the boundary between core and the widgets.
#include <QString>

#include <string>

namespace delineo::vm {

inline QString qs(const std::string& s) { return QString::fromStdString(s); }
inline std::string ss(const QString& s) { return s.toStdString(); }
// A unit after a number: " HU" from "HU" (core::valueUnit), nothing from "".
inline QString unitSuffix(const char* unit) { return *unit ? QLatin1Char(' ') + QLatin1String(unit) : QString(); }

} // namespace delineo::vm
