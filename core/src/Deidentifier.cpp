#include "delineo/core/Deidentifier.h"
#include "DicomReader.h"
#include "delineo/core/AtomicWrite.h"
#include "delineo/core/Errors.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <algorithm>
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

void cleanItem(DcmItem* item, const std::function<std::string(const std::string&)>& mapUid)
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
        const Action action = it == actions.end() ? Action::RemapUids : it->second;
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
                cleanItem(seq->getItem(k), mapUid);
        }
    }
}

} // namespace

Deidentifier::Deidentifier(std::string prefix) : prefix_(std::move(prefix)) {}

std::string Deidentifier::mapUid(const std::string& uid)
{
    if (uid.empty() || isStandardUid(uid))
        return uid;
    auto it = uidMap_.find(uid);
    if (it != uidMap_.end())
        return it->second;
    char buf[100];
    dcmGenerateUniqueIdentifier(buf, SITE_INSTANCE_UID_ROOT);
    return uidMap_[uid] = buf;
}

std::string Deidentifier::mapPatient(const std::string& id)
{
    auto it = patientMap_.find(id);
    if (it != patientMap_.end())
        return it->second;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%04zu", prefix_.c_str(), patientMap_.size() + 1);
    return patientMap_[id] = buf;
}

void Deidentifier::deidentifyFile(const std::string& input, const std::string& output)
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
    OFString patientId;
    ds->findAndGetOFString(DCM_PatientID, patientId);
    const std::string pseudo = mapPatient(patientId.c_str());
    auto uidMapper = [this](const std::string& uid) { return mapUid(uid); };
    cleanItem(ds, uidMapper);
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
    // The meta header carries the instance UID too; keep it in step with the dataset.
    OFString sop;
    ds->findAndGetOFString(DCM_SOPInstanceUID, sop);
    file.getMetaInfo()->putAndInsertString(DCM_MediaStorageSOPInstanceUID, sop.c_str());

    writeViaTempFile(output, [&](const std::string& tmp) {
        const OFCondition saved = file.saveFile(tmp.c_str(), EXS_Unknown, EET_ExplicitLength, EGL_recalcGL,
                                                EPD_noChange, 0, 0, EWM_updateMeta);
        return saved.good() ? std::string() : std::string(saved.text());
    });
}

} // namespace delineo::core
