#pragma once
#include <QString>
#include <QStringList>

namespace delineo::vm {

// Every user preference the program's logic reads, typed, in one place. load() reads QSettings
// (defaults where a value was never set); save() writes every field. Keyboard shortcuts are kept
// by the shortcuts dialog under the actions' own names.
struct Preferences {
    int brushRadius = 12;            // pixels
    bool brushSquare = false;
    bool overwriteOthers = true;     // tools may paint over other classes
    int smallestIsland = 0;          // Mask → Remove Small Islands; 0 = automatic
    int smoothRadius = 2;            // Mask → Smooth Outline
    int overlayOpacity = 50;         // percent
    bool outlines = false;           // overlay drawn as class borders
    bool confidenceShading = false;  // AI preview tinted by the model's probability
    bool aiMayOverwrite = false;     // accepting an AI result may replace drawn labels
    bool flipTta = false;            // test-time flip augmentation
    int videoCacheMb = 512;          // decoded frames a streamed video keeps
    bool videoCopies = true;         // fast-seeking copies of videos whose keyframes lie far apart
    int videoCopiesGb = 20;          // disk those copies may take
    int planeLayout = 1;             // volumes: 0 one view, 1 three in a row, 2 two by two
    bool linkZoom = true;            // the three planes zoom together, at one scale
    bool smoothSlices = true;        // coronal and sagittal views blend between thick slices
    bool showCrosshair = true;       // the linked views' crosshair lines
    bool showMeasurements = true;    // the kept rulers and outlines on the views
    bool alongPatientAxes = true;    // an oblique series' coronal and sagittal views along the patient's axes
    QString lastFolder, lastWorkspace;
    QString language;                // "" = follow the system
    QString userName;                // who revisions and reviews are recorded as; "" = the OS login
    QString pacsNode = QStringLiteral("ORTHANC@127.0.0.1:4242");   // File → Open from PACS: AE@host:port or a DICOMweb URL
    QStringList pacsNodes;                                          // the nodes used, most recent first
    QString pacsCallingAe = QStringLiteral("DELINEO");              // this client's AE title

    static Preferences load();
    void save() const;
};

} // namespace delineo::vm
