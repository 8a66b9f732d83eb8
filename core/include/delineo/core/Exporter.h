#pragma once
#include "delineo/core/Workspace.h"
#include "delineo/core/WorkspaceIO.h"

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace delineo::core {

struct ExportOptions {
    std::string destination;     // a folder, or a file for exporters with destinationIsFile()
    bool deidentify = false;     // exporters that write patient data (DICOM SEG)
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(int done, int total)> progress;  // per image (a volume or video is one)
};

// One export format of a workspace's masks. Each exporter is one class in core/src/export/,
// registered in ExporterRegistry.cpp; the CLI's `workspace export` flags and help and the GUI's
// File → Export… are built from that list. Every exporter writes every annotated slice of a volume
// and every annotated frame of a video, never only the first.
class Exporter {
public:
    virtual ~Exporter() = default;
    virtual std::string id() const = 0;            // the CLI flag without dashes: "png", "coco", …
    virtual std::string title() const = 0;         // "PNG masks"
    virtual std::string description() const = 0;   // one line for --help and the Export dialog
    virtual bool destinationIsFile() const { return false; }
    virtual std::string fileSuffix() const { return {}; }   // ".json" when destinationIsFile()
    virtual bool supportsDeidentify() const { return false; }
    // Writes what the workspace holds; files that fail are listed, the rest is written. A
    // cancelled export stops between images and says so in the report.
    virtual TransferReport run(const Workspace& ws, const ExportOptions& options) const = 0;
};

// The registered exporters, in the order the CLI and the GUI list them.
const std::vector<std::unique_ptr<Exporter>>& exporters();
// The exporter with this id; ImageError(UnsupportedFormat) naming the known ids otherwise.
const Exporter& exporter(const std::string& id);

} // namespace delineo::core
