#pragma once
#include <map>
#include <string>
#include <vector>

namespace delineo::core {

// DICOM de-identification following the PS3.15 Annex E Basic Application Level Confidentiality
// Profile: identifying attributes removed or emptied, dates and names replaced by dummies, UIDs
// remapped (consistently across every file one Deidentifier handles, so series stay series),
// private attributes removed, PatientIdentityRemoved = YES. Pixel data is left as it is:
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
