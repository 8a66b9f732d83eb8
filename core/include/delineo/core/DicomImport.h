#pragma once
#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace delineo::core {

struct DicomImportReport {
    int written = 0;
    std::vector<std::string> failed;   // "path: reason [code]"
    std::string destination;
    bool deidentified = false;
};

// Copies every DICOM file under `sources` (files or folders, recursively, keeping the layout) into
// `destination`, de-identified (PS3.15 Annex E basic profile, one UID map for the whole import so
// series stay series) or byte for byte. Files that are not DICOM are ignored; files that fail are
// listed, never half-written (each copy is atomic). progress(done, total) runs on the caller.
DicomImportReport importDicom(const std::vector<std::string>& sources, const std::string& destination,
                              bool deidentify, const std::string& pseudonymPrefix = "ANON",
                              const std::atomic<bool>* cancel = nullptr,
                              const std::function<void(int, int)>& progress = nullptr);

// The workspace's choice, kept in WORKSPACE/delineo-workspace.json; on unless switched off.
bool deidentifyOnImport(const std::string& workspace);
void setDeidentifyOnImport(const std::string& workspace, bool on);

} // namespace delineo::core
