#pragma once
// What a loader has to say about what it opened (irregular spacing, a tilted gantry, frames left
// out): an English sentence with Qt-style %1, %2… placeholders and the values, so the window shows
// the sentence in its own language (lupdate reads the sentences below) and the CLI prints text().
#include <string>
#include <vector>

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, x) x // as Qt defines it: core stays free of Qt
#endif

namespace delineo::core {

struct LoadWarning {
    std::string pattern; // one of the sentences below
    std::vector<std::string> args;
    std::string text() const; // the sentence with the values in place of %1, %2…
    bool operator==(const LoadWarning& o) const { return pattern == o.pattern && args == o.args; }
};

namespace warning {
inline constexpr const char* kNoGeometry = QT_TRANSLATE_NOOP(
    "LoadWarning", "no ImagePositionPatient/ImageOrientationPatient: slices ordered by InstanceNumber, slice spacing unknown");
inline constexpr const char* kSharedPosition = QT_TRANSLATE_NOOP(
    "LoadWarning", "two or more slices share a position (duplicates or several stacks in one series)");
inline constexpr const char* kIrregularSpacing =
    QT_TRANSLATE_NOOP("LoadWarning", "irregular slice spacing: %1 to %2 mm (median %3 mm)");
inline constexpr const char* kGantryTilt =
    QT_TRANSLATE_NOOP("LoadWarning", "gantry tilt of %1 degrees: slices are sheared relative to the slice normal");
inline constexpr const char* kSampledSlices = QT_TRANSLATE_NOOP(
    "LoadWarning", "slice numbers are not contiguous (a sample of the scan): slice spacing unknown");
inline constexpr const char* kFramesCutShort = QT_TRANSLATE_NOOP("LoadWarning", "%1; the first %2 frames are open");
inline constexpr const char* kFramesCapped = QT_TRANSLATE_NOOP("LoadWarning", "only the first %1 of %2 frames are open");
inline constexpr const char* kOneOfSeveralSeries = QT_TRANSLATE_NOOP(
    "LoadWarning", "%1 series or stacks here: the largest, %2, is open; open another as PATH#series=NAME "
                   "(delineo-cli info lists them)");
inline constexpr const char* kMaskWrongSize =
    QT_TRANSLATE_NOOP("LoadWarning", "saved mask %1 does not match the image size: ignored");
inline constexpr const char* kMaskUnreadable = QT_TRANSLATE_NOOP("LoadWarning", "saved mask unreadable: %1");
} // namespace warning

} // namespace delineo::core
