#pragma once
#include "delineo/core/DicomSeries.h"
#include "delineo/core/Volume.h"

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace delineo::core {

// One way of opening a path as a volume. Each reader is one class in core/src/readers/,
// registered in ReaderRegistry.cpp; loadVolume(), the GUI's Open dialog filter, drag and drop,
// the workspace file list and `delineo-cli info` all go through this list.
class Reader {
public:
    virtual ~Reader() = default;
    virtual std::string id() const = 0;
    virtual std::string title() const = 0;                   // "Endoscopy frames", for the Open dialog
    virtual std::vector<std::string> patterns() const = 0;   // "*.jpg", …; empty for folder readers
    virtual bool readsFolders() const { return false; }
    // Large inputs decode in the background with progress and Cancel.
    virtual bool slow() const { return false; }
    // Whether this reader takes `path`: by its name, and where a name says nothing (DICOM files
    // without an extension, folders) by a look inside.
    virtual bool canRead(const std::string& path) const = 0;
    // Throws ImageError; a cancelled read returns an empty volume.
    virtual Volume read(const std::string& path, const std::atomic<bool>* cancel, const LoadProgress& progress) const = 0;
};

const std::vector<std::unique_ptr<Reader>>& readers();
// The first registered reader that takes `path`; nullptr when none does.
const Reader* readerFor(const std::string& path);
// Whether some file reader's patterns name this file (folder listings, dropped files).
bool matchesReaderPattern(const std::string& path);

} // namespace delineo::core
