#pragma once
#include "delineo/core/Deidentifier.h"

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
    int burnedInText = 0; // de-identified images whose pixels may show text (Deidentifier::burnedInTextPossible)
    int renamed = 0;      // folder and file names that named the patient, replaced by pseudonyms
    std::vector<std::string> roots; // where each source went (under `destination`)
};

// Copies every DICOM file under `sources` (files or folders, recursively, keeping the layout) into
// `destination`, de-identified (PS3.15 Annex E basic profile, with `pseudonyms`: a workspace's
// own, so that series stay series and a patient imported again stays one patient) or byte for byte. Files that are not DICOM are ignored; files that fail are
// listed, never half-written (each copy is atomic). progress(done, total) runs on the caller.
DicomImportReport importDicom(const std::vector<std::string>& sources, const std::string& destination,
                              bool deidentify, const Pseudonyms& pseudonyms = {},
                              const std::atomic<bool>* cancel = nullptr,
                              const std::function<void(int, int)>& progress = nullptr);

// The workspace's choice, kept in WORKSPACE/delineo-workspace.json; on unless switched off.
bool deidentifyOnImport(const std::string& workspace);
void setDeidentifyOnImport(const std::string& workspace, bool on);
// The workspace's pseudonyms: its key, made and kept in the same file at first use (the file is the
// workspace's own; copies of the data never carry it). Throws ImageError if it cannot be kept.
Pseudonyms workspacePseudonyms(const std::string& workspace);
// Keeps `key` as the workspace folder's key (a team's, from its database). Throws ImageError.
void adoptPseudonymKey(const std::string& workspace, const std::string& key);

} // namespace delineo::core
