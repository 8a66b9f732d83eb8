#include "delineo/core/Deidentifier.h"
#include "DicomReader.h"
#include "DicomUid.h"
#include "delineo/core/AtomicWrite.h"
#include "delineo/core/Errors.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <cctype>
#include <array>
#include <cstdint>
#include <map>
#include <cstdio>
#include <functional>
#include <sstream>
#include <filesystem>
#include <utility>
#include <vector>

namespace fs = std::filesystem;

namespace delineo::core {

namespace {

// The table, compiled in from resources/deid/basic-profile.tsv (see core/CMakeLists.txt): a
// de-identification must never run without it.
const char* const kProfileText =
#include "DeidProfile.inc"
    ;

enum class Action { Remove, Empty, Dummy, RemapUids };

Action actionOf(const std::string& code)
{
    if (code == "X")
        return Action::Remove;
    if (code.find('D') != std::string::npos)
        return Action::Dummy;
    if (code.find("U*") != std::string::npos || code == "U")
        return Action::RemapUids;
    return Action::Empty; // Z, X/Z: emptied, so that IODs requiring the attribute stay valid
}

struct Profile {
    std::vector<ProfileRule> rules;
    std::vector<std::string> unknown;
    std::map<DcmTagKey, Action> actions;
};

const Profile& profile()
{
    static const Profile p = [] {
        Profile out;
        std::istringstream in(kProfileText);
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#')
                continue;
            const auto tab = line.find('\t');
            const std::string keyword = line.substr(0, tab), code = tab == std::string::npos ? "" : line.substr(tab + 1);
            DcmTag tag;
            // DCMTK's dictionary names retired attributes with a RETIRED_ prefix.
            if (DcmTag::findTagFromName(keyword.c_str(), tag).bad() &&
                DcmTag::findTagFromName(("RETIRED_" + keyword).c_str(), tag).bad()) {
                out.unknown.push_back(keyword);
                continue;
            }
            out.rules.push_back({tag.getGroup(), tag.getElement(), keyword, code});
            out.actions[DcmTagKey(tag.getGroup(), tag.getElement())] = actionOf(code);
        }
        return out;
    }();
    return p;
}

// UIDs that name a standard (transfer syntaxes, SOP classes) stay; instance UIDs are remapped.
bool isStandardUid(const std::string& uid) { return uid.rfind("1.2.840.10008.", 0) == 0; }

} // namespace

const std::vector<ProfileRule>& basicProfile(std::vector<std::string>* unknownKeywords)
{
    if (unknownKeywords)
        *unknownKeywords = profile().unknown;
    return profile().rules;
}

namespace {

// A value of the element's VR that identifies no one. Dates and times get the dummies software
// that requires them accepts; sequences lose their items (their content could identify).
void putDummy(DcmItem* item, DcmElement* e)
{
    const DcmEVR vr = e->getVR();
    if (vr == EVR_SQ) {
        auto* seq = static_cast<DcmSequenceOfItems*>(e);
        while (seq->card() > 0)
            delete seq->remove(0UL);
        return;
    }
    if (vr == EVR_OB || vr == EVR_UN || vr == EVR_OW) {
        // Binary identifiers (flow and source identifiers, timestamps): zeros of the same length,
        // for readers that expect a fixed size.
        const std::vector<Uint8> zeros(std::min<Uint32>(e->getLength(), 1u << 20), 0);
        if (vr == EVR_OW)
            item->putAndInsertUint16Array(e->getTag(), reinterpret_cast<const Uint16*>(zeros.data()),
                                          static_cast<unsigned long>(zeros.size() / 2));
        else
            item->putAndInsertUint8Array(e->getTag(), zeros.data(), static_cast<unsigned long>(zeros.size()));
        return;
    }
    const char* value = "";
    switch (vr) {
    case EVR_DA: value = "19000101"; break;
    case EVR_TM: value = "000000"; break;
    case EVR_DT: value = "19000101000000"; break;
    case EVR_AS: value = "000Y"; break;
    case EVR_DS: case EVR_IS: value = "0"; break;
    case EVR_PN: case EVR_LO: case EVR_SH: case EVR_CS: case EVR_LT: case EVR_ST: case EVR_UT: case EVR_UC:
    case EVR_AE: value = "ANONYMOUS"; break;
    default: break;
    }
    item->putAndInsertString(e->getTag(), value);
}

void emptyValue(DcmItem* item, DcmElement* e)
{
    const DcmEVR vr = e->getVR();
    // Z allows a dummy; dates and times keep one so software that needs them still reads the file.
    if (vr == EVR_DA || vr == EVR_TM || vr == EVR_DT || vr == EVR_SQ)
        putDummy(item, e);
    else
        item->putAndInsertString(e->getTag(), "");
}

bool overlayOrCurve(const DcmTagKey& t)
{
    const Uint16 g = t.getGroup();
    return (g >= 0x5000 && g <= 0x50FF && g % 2 == 0) ||
           (g >= 0x6000 && g <= 0x60FF && g % 2 == 0 && (t.getElement() == 0x3000 || t.getElement() == 0x4000));
}

void cleanItem(DcmItem* item, const std::function<std::string(const std::string&)>& mapUid, bool keepContent)
{
    const auto& actions = profile().actions;
    for (unsigned long i = item->card(); i-- > 0;) {
        DcmElement* e = item->getElement(i);
        if (!e)
            continue;
        const DcmTagKey key = e->getTag();
        // Private attributes, overlay data and comments and the retired curves go entirely.
        if (key.isPrivate() || overlayOrCurve(key)) {
            delete item->remove(e);
            continue;
        }
        const auto it = actions.find(key);
        const Action action = it == actions.end() || (keepContent && key == DCM_ContentSequence) ? Action::RemapUids
                                                                                                   : it->second;
        if (action == Action::Remove) {
            delete item->remove(e);
            continue;
        }
        if (action == Action::Empty)
            emptyValue(item, e);
        else if (action == Action::Dummy)
            putDummy(item, e);
        // putAndInsertString replaces the element: look it up again.
        e = item->getElement(i);
        if (!e)
            continue;
        if (e->getVR() == EVR_UI) {
            OFString value;
            if (e->getOFStringArray(value).good() && !value.empty())
                e->putString(mapUid(value.c_str()).c_str());
        } else if (e->ident() == EVR_SQ) {
            auto* seq = static_cast<DcmSequenceOfItems*>(e);
            for (unsigned long k = 0; k < seq->card(); ++k)
                cleanItem(seq->getItem(k), mapUid, keepContent);
        }
    }
}

} // namespace

namespace {

std::vector<unsigned char> keyBytes(const std::string& hex)
{
    if (!validPseudonymKey(hex))
        throw ImageError(ErrorCode::Corrupt, "the de-identification key is not 128 bits or more in hexadecimal");
    std::vector<unsigned char> out;
    for (std::size_t i = 0; i < hex.size(); i += 2)
        out.push_back(static_cast<unsigned char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    return out;
}

} // namespace

Deidentifier::Deidentifier(Pseudonyms pseudonyms)
    : prefix_(std::move(pseudonyms.prefix)), key_(keyBytes(pseudonyms.key.empty() ? newPseudonymKey() : pseudonyms.key))
{
}

namespace {

// HMAC-SHA-256 of `what` under `key`: a different key, a different and unrelated mapping.
std::array<unsigned char, 32> keyed(const std::vector<unsigned char>& key, const std::string& what)
{
    std::array<unsigned char, 32> out{};
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.data(), int(key.size()), reinterpret_cast<const unsigned char*>(what.data()), what.size(),
         out.data(), &length);
    return out;
}

} // namespace

std::string Deidentifier::mapUid(const std::string& uid) const
{
    if (uid.empty() || isStandardUid(uid))
        return uid;
    // A UUID-derived UID (PS3.5 B.2): 128 bits of the digest, marked as a custom (version 8)
    // UUID, written in decimal under 2.25 (at most 44 characters).
    auto d = keyed(key_, "uid:" + uid);
    d[6] = static_cast<unsigned char>((d[6] & 0x0F) | 0x80);
    d[8] = static_cast<unsigned char>((d[8] & 0x3F) | 0x80);
    char hex[33];
    for (int i = 0; i < 16; ++i)
        std::snprintf(hex + 2 * i, 3, "%02x", d[std::size_t(i)]);
    return uuidUid(hex);
}

std::string Deidentifier::mapPatient(const std::string& id) const { return pseudonym("patient:" + id); }
std::string Deidentifier::mapName(const std::string& name) const { return pseudonym("name:" + name); }

std::string Deidentifier::pseudonym(const std::string& what) const
{
    // Eight characters of Crockford's base 32 (no I, L, O or U to misread): 40 bits.
    static const char* const kLetters = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    const auto d = keyed(key_, what);
    std::uint64_t bits = 0;
    for (int i = 0; i < 5; ++i)
        bits = (bits << 8) | d[std::size_t(i)];
    std::string out = prefix_ + "-";
    for (int i = 7; i >= 0; --i)
        out += kLetters[(bits >> (5 * i)) & 31];
    return out;
}

bool Deidentifier::identityRemoved(const std::string& path)
{
    DcmFileFormat file;
    if (loadDicomFile(file, path, DicomLoad::UntilPixelData).bad())
        return false;
    OFString removed;
    file.getDataset()->findAndGetOFString(DCM_PatientIdentityRemoved, removed);
    return removed == "YES";
}

namespace {
std::string lowered(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}
} // namespace

Deidentifier::NamedBy Deidentifier::identifiers(const std::string& path)
{
    DcmFileFormat file;
    NamedBy named;
    if (loadDicomFile(file, path, DicomLoad::Header).bad())
        return named;
    for (const DcmTagKey& key : {DCM_StudyInstanceUID, DCM_SeriesInstanceUID, DCM_SOPInstanceUID}) {
        OFString uid;
        if (file.getDataset()->findAndGetOFString(key, uid).good() && !uid.empty())
            named.uids.push_back(uid.c_str());
    }
    std::vector<std::string>& out = named.words;
    for (const DcmTagKey& key : {DCM_PatientName, DCM_PatientID, DCM_PatientBirthDate}) {
        OFString value;
        file.getDataset()->findAndGetOFString(key, value);
        std::string word;
        // A person name's components (family^given^middle) and the words within them.
        for (const char c : std::string(value.c_str()) + (key == DCM_PatientName ? "^" : "\n")) {
            const bool split = key == DCM_PatientName ? (c == '^' || c == ' ' || c == '=' || c == ',') : c == '\n';
            if (!split) {
                word += c;
                continue;
            }
            while (!word.empty() && word.back() == ' ')
                word.pop_back();
            if (word.size() >= 3)
                out.push_back(lowered(word));
            word.clear();
        }
    }
    return named;
}

bool Deidentifier::mentions(const std::string& text, const std::vector<std::string>& words)
{
    const std::string lower = lowered(text);
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return !w.empty() && lower.find(w) != std::string::npos; });
}

bool Deidentifier::mayIdentify(const std::string& text, const std::vector<std::string>& words)
{
    int digits = 0;
    for (const char c : text)
        if ((digits = std::isdigit(static_cast<unsigned char>(c)) ? digits + 1 : 0) >= 4)
            return true;
    return mentions(text, words);
}

bool Deidentifier::burnedInTextPossible(const std::string& modality, const std::string& sopClass, const std::string& burnedIn)
{
    if (burnedIn == "YES")
        return true;
    const bool capture = sopClass.rfind("1.2.840.10008.5.1.4.1.1.7", 0) == 0; // Secondary Capture, all kinds
    const bool ultrasound = modality == "US" || modality == "IVUS";
    return (capture || ultrasound) && burnedIn != "NO";
}

bool Deidentifier::deidentifyFile(const std::string& input, const std::string& output, bool keepContent)
{
    DcmFileFormat file;
    // Lengths first: a full load allocates what every element claims.
    {
        DcmFileFormat header;
        if (loadDicomFile(header, input, DicomLoad::Header).good())
            checkElementLengths(header, input);
    }
    OFCondition st = loadDicomFile(file, input, DicomLoad::Full);
    if (st.bad())
        throw ImageError(ErrorCode::Corrupt, "cannot parse DICOM file " + input + ": " + st.text());
    DcmDataset* ds = file.getDataset();
    OFString patientId, modality, sopClass, burnedIn;
    ds->findAndGetOFString(DCM_PatientID, patientId);
    ds->findAndGetOFString(DCM_Modality, modality);
    ds->findAndGetOFString(DCM_SOPClassUID, sopClass);
    ds->findAndGetOFString(DCM_BurnedInAnnotation, burnedIn);
    const bool text = ds->tagExists(DCM_PixelData) && burnedInTextPossible(modality.c_str(), sopClass.c_str(), burnedIn.c_str());
    const std::string pseudo = mapPatient(patientId.c_str());
    auto uidMapper = [this](const std::string& uid) { return mapUid(uid); };
    cleanItem(ds, uidMapper, keepContent);
    ds->putAndInsertString(DCM_PatientName, pseudo.c_str());
    ds->putAndInsertString(DCM_PatientID, pseudo.c_str());
    ds->putAndInsertString(DCM_PatientIdentityRemoved, "YES");
    ds->putAndInsertString(DCM_DeidentificationMethod, "PS3.15 Annex E Basic Application Confidentiality Profile");
    // The coded form (PS3.16 CID 7050) that archives and audit tools read.
    DcmItem* method = nullptr;
    if (ds->findOrCreateSequenceItem(DCM_DeidentificationMethodCodeSequence, method, 0).good() && method) {
        method->putAndInsertString(DCM_CodeValue, "113100");
        method->putAndInsertString(DCM_CodingSchemeDesignator, "DCM");
        method->putAndInsertString(DCM_CodeMeaning, "Basic Application Confidentiality Profile");
    }
    if (keepContent && ds->findOrCreateSequenceItem(DCM_DeidentificationMethodCodeSequence, method, 1).good() && method) {
        method->putAndInsertString(DCM_CodeValue, "113104");
        method->putAndInsertString(DCM_CodingSchemeDesignator, "DCM");
        method->putAndInsertString(DCM_CodeMeaning, "Clean Structured Content Option");
    }
    // The meta header carries the instance UID too; keep it in step with the dataset.
    OFString sop;
    ds->findAndGetOFString(DCM_SOPInstanceUID, sop);
    file.getMetaInfo()->putAndInsertString(DCM_MediaStorageSOPInstanceUID, sop.c_str());

    writeViaTempFile(output, [&](const std::string& tmp) {
        const OFCondition saved = file.saveFile(tmp.c_str(), EXS_Unknown, EET_ExplicitLength, EGL_recalcGL,
                                                EPD_noChange, 0, 0, EWM_updateMeta);
        return saved.good() ? std::string() : std::string(saved.text());
    });
    return text;
}

} // namespace delineo::core
