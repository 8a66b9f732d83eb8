#include "delineo/viewmodels/Preferences.h"

#include <QSettings>

#include <algorithm>

namespace delineo::vm {

namespace {

// The QSettings keys, kept from earlier versions so existing users keep their choices.
constexpr const char* kBrushRadius = "brush/radius";
constexpr const char* kBrushSquare = "brush/square";
constexpr const char* kOverwriteOthers = "brush/overwriteOthers";
constexpr const char* kSmallestIsland = "mask/smallestIsland";
constexpr const char* kSmoothRadius = "mask/smoothRadius";
constexpr const char* kOpacity = "view/opacity";
constexpr const char* kOutlines = "view/outlines";
constexpr const char* kConfidence = "model/confidenceShading";
constexpr const char* kAiOverwrite = "model/overwriteManual";
constexpr const char* kFlipTta = "model/flipTta";
constexpr const char* kLastFolder = "files/lastFolder";
constexpr const char* kLastWorkspace = "files/lastWorkspace";
constexpr const char* kLanguage = "ui/language";
constexpr const char* kVideoCache = "video/cacheMB";
constexpr const char* kVideoCopies = "video/fastSeekingCopies";
constexpr const char* kVideoCopiesGb = "video/fastSeekingCopiesGB";
constexpr const char* kPlaneLayout = "view/planeLayout";
constexpr const char* kLinkZoom = "view/linkZoom";
constexpr const char* kSmoothSlices = "view/smoothSlices";
constexpr const char* kShowCrosshair = "view/showCrosshair";
constexpr const char* kShowMeasurements = "view/showMeasurements";
constexpr const char* kAlongPatientAxes = "view/alongPatientAxes";
constexpr const char* kUserName = "identity/userName";
constexpr const char* kPacsNode = "pacs/node";
constexpr const char* kPacsCallingAe = "pacs/callingAe";
constexpr const char* kPacsNodes = "pacs/nodes";

} // namespace

Preferences Preferences::load()
{
    const QSettings s;
    Preferences p;
    p.brushRadius = s.value(kBrushRadius, p.brushRadius).toInt();
    p.brushSquare = s.value(kBrushSquare, p.brushSquare).toBool();
    p.overwriteOthers = s.value(kOverwriteOthers, p.overwriteOthers).toBool();
    p.smallestIsland = s.value(kSmallestIsland, p.smallestIsland).toInt();
    p.smoothRadius = s.value(kSmoothRadius, p.smoothRadius).toInt();
    p.overlayOpacity = s.value(kOpacity, p.overlayOpacity).toInt();
    p.outlines = s.value(kOutlines, p.outlines).toBool();
    p.confidenceShading = s.value(kConfidence, p.confidenceShading).toBool();
    p.aiMayOverwrite = s.value(kAiOverwrite, p.aiMayOverwrite).toBool();
    p.flipTta = s.value(kFlipTta, p.flipTta).toBool();
    p.lastFolder = s.value(kLastFolder).toString();
    p.lastWorkspace = s.value(kLastWorkspace).toString();
    p.language = s.value(kLanguage).toString();
    p.videoCacheMb = std::clamp(s.value(kVideoCache, p.videoCacheMb).toInt(), 64, 65536);
    p.videoCopies = s.value(kVideoCopies, p.videoCopies).toBool();
    p.videoCopiesGb = std::clamp(s.value(kVideoCopiesGb, p.videoCopiesGb).toInt(), 1, 10000);
    p.planeLayout = std::clamp(s.value(kPlaneLayout, p.planeLayout).toInt(), 0, 2);
    p.linkZoom = s.value(kLinkZoom, p.linkZoom).toBool();
    p.smoothSlices = s.value(kSmoothSlices, p.smoothSlices).toBool();
    p.showCrosshair = s.value(kShowCrosshair, p.showCrosshair).toBool();
    p.showMeasurements = s.value(kShowMeasurements, p.showMeasurements).toBool();
    p.alongPatientAxes = s.value(kAlongPatientAxes, p.alongPatientAxes).toBool();
    p.userName = s.value(kUserName).toString().trimmed();
    p.pacsNode = s.value(kPacsNode, p.pacsNode).toString().trimmed();
    p.pacsCallingAe = s.value(kPacsCallingAe, p.pacsCallingAe).toString().trimmed();
    p.pacsNodes = s.value(kPacsNodes).toStringList();
    return p;
}

void Preferences::save() const
{
    QSettings s;
    s.setValue(kBrushRadius, brushRadius);
    s.setValue(kBrushSquare, brushSquare);
    s.setValue(kOverwriteOthers, overwriteOthers);
    s.setValue(kSmallestIsland, smallestIsland);
    s.setValue(kSmoothRadius, smoothRadius);
    s.setValue(kOpacity, overlayOpacity);
    s.setValue(kOutlines, outlines);
    s.setValue(kConfidence, confidenceShading);
    s.setValue(kAiOverwrite, aiMayOverwrite);
    s.setValue(kFlipTta, flipTta);
    s.setValue(kLastFolder, lastFolder);
    s.setValue(kLastWorkspace, lastWorkspace);
    s.setValue(kLanguage, language);
    s.setValue(kVideoCache, videoCacheMb);
    s.setValue(kVideoCopies, videoCopies);
    s.setValue(kVideoCopiesGb, videoCopiesGb);
    s.setValue(kPlaneLayout, planeLayout);
    s.setValue(kLinkZoom, linkZoom);
    s.setValue(kSmoothSlices, smoothSlices);
    s.setValue(kShowCrosshair, showCrosshair);
    s.setValue(kShowMeasurements, showMeasurements);
    s.setValue(kAlongPatientAxes, alongPatientAxes);
    s.setValue(kUserName, userName);
    s.setValue(kPacsNode, pacsNode);
    s.setValue(kPacsCallingAe, pacsCallingAe);
    s.setValue(kPacsNodes, pacsNodes);
}

} // namespace delineo::vm
