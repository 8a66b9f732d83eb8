#pragma once
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

// What a de-identification writes for identities: the prefix of the replacement patient's name
// and ID, and the secret key the pseudonyms and UIDs are derived from (HMAC-SHA-256). One key gives
// the same pseudonym for one patient and the same UID for one original UID in every run, so that
// a patient imported twice stays one patient and a SEG exported later still references the images;
// without the key the originals cannot be recovered or linked. Empty: a random key of one's own.
struct Pseudonyms {
    std::string prefix = "ANON";
    std::string key; // hex
};

// A new random key (256 bits, hex), for a workspace to keep; and whether a key is one (128 bits or
// more, in hexadecimal).
std::string newPseudonymKey();
bool validPseudonymKey(const std::string& hex);

// DICOM de-identification following the PS3.15 Annex E Basic Application Level Confidentiality
// Profile, applied to every item of every sequence: each attribute of Table E.1-1 removed, emptied
// or replaced by a dummy as the table says, UIDs remapped (consistently, by the key), private
// attributes, overlays and curves removed, PatientIdentityRemoved = YES with the method coded.
// Pixel data is left as it is: burned-in text is not detected (BurnedInAnnotation is kept so a
// reviewer can see it).
class Deidentifier {
public:
    explicit Deidentifier(Pseudonyms pseudonyms = {});

    // Writes a de-identified copy of `input` to `output` (atomically). Throws ImageError. Returns
    // whether its pixels may show text, which the profile leaves (see burnedInTextPossible).
    // `keepContent`: a structured report written by Delineo keeps its Content Sequence (the
    // profile's Clean Structured Content option), cleaned as every other item: names of persons
    // replaced, UIDs remapped; its text must already identify no one.
    bool deidentifyFile(const std::string& input, const std::string& output, bool keepContent = false);

    // The replacement for an instance UID ("2.25." and 128 bits from the key), and for a patient ID
    // (the prefix and eight letters or digits); standard UIDs stay.
    std::string mapUid(const std::string& uid) const;
    std::string mapPatient(const std::string& id) const;
    // The same kind of replacement for a folder or file name that names the patient.
    std::string mapName(const std::string& name) const;

    // What a folder or file name holding it gives away: the words of a file's patient name, its
    // patient ID and birth date (three characters or more, in lower case), and its study, series
    // and instance UIDs (C-GET names a file by its instance UID).
    struct NamedBy {
        std::vector<std::string> words, uids;
    };
    static NamedBy identifiers(const std::string& path);
    // Whether `text` holds one of `words` (lower case, as identifiers() gives them), in any case.
    static bool mentions(const std::string& text, const std::vector<std::string>& words);
    // Whether free text (a measurement's name) may identify: it mentions one of `words` or holds a
    // run of four digits or more (a date, an ID, a record number).
    static bool mayIdentify(const std::string& text, const std::vector<std::string>& words);

    // Whether a DICOM file says its patient identity was removed (PatientIdentityRemoved YES).
    static bool identityRemoved(const std::string& path);
    // Whether an image's pixels may show text (a name, a date burned in by the scanner): it says so
    // (BurnedInAnnotation YES), or it is ultrasound or a secondary capture, which often carry such
    // text, and does not say NO (PS3.15 E.1.1).
    static bool burnedInTextPossible(const std::string& modality, const std::string& sopClass, const std::string& burnedIn);

private:
    std::string pseudonym(const std::string& what) const;
    std::string prefix_;
    std::vector<unsigned char> key_;
};

} // namespace delineo::core
