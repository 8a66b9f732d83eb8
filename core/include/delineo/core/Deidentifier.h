#pragma once
#include <map>
#include <string>
#include <vector>

namespace delineo::core {

// One row of PS3.15 Table E.1-1's basic profile (resources/deid/basic-profile.tsv, compiled in):
// the attribute and its action code (X, Z, D, U or a combination).
struct ProfileRule {
    unsigned group = 0, element = 0;
    std::string keyword;
    std::string action;
};

// The table with every keyword resolved through DCMTK's dictionary; keywords the dictionary does
// not know are left out and listed in `unknownKeywords`.
const std::vector<ProfileRule>& basicProfile(std::vector<std::string>* unknownKeywords = nullptr);

// DICOM de-identification following the PS3.15 Annex E Basic Application Level Confidentiality
// Profile, applied to every item of every sequence: each attribute of Table E.1-1 removed, emptied
// or replaced by a dummy as the table says, UIDs remapped (consistently across every file one
// Deidentifier handles, so series stay series), private attributes, overlays and curves removed,
// PatientIdentityRemoved = YES with the method coded. Pixel data is left as it is:
// burned-in text is not detected (BurnedInAnnotation is kept so a reviewer can see it).
class Deidentifier {
public:
    // `pseudonymPrefix` names the replacement patient (prefix + a running number per original ID).
    explicit Deidentifier(std::string pseudonymPrefix = "ANON");

    // Writes a de-identified copy of `input` to `output` (atomically). Throws ImageError.
    void deidentifyFile(const std::string& input, const std::string& output);

    std::size_t uidsRemapped() const { return uidMap_.size(); }

private:
    std::string mapUid(const std::string& uid);
    std::string mapPatient(const std::string& id);

    std::string prefix_;
    std::map<std::string, std::string> uidMap_, patientMap_;
};

} // namespace delineo::core
