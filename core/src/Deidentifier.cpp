#include "delineo/core/Deidentifier.h"
#include "DicomReader.h"
#include "delineo/core/AtomicWrite.h"
#include "delineo/core/Errors.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dctk.h>

#include <cstdio>
#include <functional>
#include <filesystem>
#include <utility>

namespace fs = std::filesystem;

namespace delineo::core {

namespace {

// Annex E basic profile actions for the attributes it lists that occur in practice.
// X: remove, Z: empty, D: replace with a dummy. UIDs are handled separately (U).
const DcmTagKey kRemove[] = {
    DCM_InstitutionAddress, DCM_ReferringPhysicianAddress, DCM_ReferringPhysicianTelephoneNumbers,
    DCM_StationName, DCM_InstitutionalDepartmentName, DCM_PhysiciansOfRecord, DCM_PerformingPhysicianName,
    DCM_NameOfPhysiciansReadingStudy, DCM_OperatorsName, DCM_AdmittingDiagnosesDescription,
    DCM_DerivationDescription, DCM_OtherPatientIDsSequence, DCM_OtherPatientNames, DCM_PatientBirthName,
    DCM_PatientAge, DCM_PatientSize, DCM_PatientWeight, DCM_PatientAddress, DCM_PatientMotherBirthName,
    DCM_MilitaryRank, DCM_BranchOfService, DCM_RETIRED_MedicalRecordLocator, DCM_EthnicGroup, DCM_Occupation,
    DCM_AdditionalPatientHistory, DCM_PatientComments, DCM_ProtocolName,
    DCM_ImageComments, DCM_RequestAttributesSequence, DCM_PerformedProcedureStepID,
    DCM_PerformedProcedureStepDescription, DCM_PerformedProcedureStepStartDate,
    DCM_PerformedProcedureStepStartTime, DCM_RequestingPhysician, DCM_RequestedProcedureDescription,
    DCM_ScheduledProcedureStepDescription, DCM_RETIRED_InterpretationAuthor,
    DCM_PatientTelephoneNumbers, DCM_ResponsibleOrganization, DCM_CountryOfResidence, DCM_RegionOfResidence,
    DCM_CurrentPatientLocation, DCM_PatientInstitutionResidence, DCM_RETIRED_OtherPatientIDs, DCM_IssuerOfPatientID,
    DCM_PatientBirthTime, DCM_InstitutionName, DCM_ReferencedPatientSequence, DCM_ReferencedStudySequence,
    DCM_AcquisitionDateTime, DCM_ContentCreatorName, DCM_PersonName, DCM_VerifyingObserverName,
    DCM_ScheduledPerformingPhysicianName, DCM_RETIRED_ReasonForStudy, DCM_RETIRED_StudyComments, DCM_AdmissionID,
    DCM_ServiceEpisodeID, DCM_DataSetTrailingPadding, DCM_RETIRED_TextComments, DCM_SeriesDescription,
    DCM_StudyDescription,
};
const DcmTagKey kEmpty[] = {
    DCM_AccessionNumber, DCM_ReferringPhysicianName, DCM_StudyID, DCM_PatientSex, DCM_PatientBirthDate,
    DCM_StudyTime, DCM_SeriesTime, DCM_AcquisitionTime,
};
// Dates become a fixed dummy so that software which requires them still works.
const DcmTagKey kDummyDate[] = {DCM_StudyDate, DCM_SeriesDate, DCM_AcquisitionDate, DCM_ContentDate,
                                DCM_InstanceCreationDate};
// Where the profile allows a dummy (D) and enhanced IODs such as SEG require a value (Type 1).
const std::pair<DcmTagKey, const char*> kDummyValue[] = {{DCM_ContentTime, "000000"}, {DCM_DeviceSerialNumber, "0"}};

bool isUidElement(DcmElement* e)
{
    return e->getVR() == EVR_UI;
}

// UIDs that name a standard (transfer syntaxes, SOP classes) stay; instance UIDs are remapped.
bool isStandardUid(const std::string& uid) { return uid.rfind("1.2.840.10008.", 0) == 0; }

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

namespace {

void cleanItem(DcmItem* item, const std::function<std::string(const std::string&)>& mapUid)
{
    // Private attributes (odd groups) go entirely.
    for (unsigned long i = item->card(); i-- > 0;) {
        DcmElement* e = item->getElement(i);
        if (e && e->getTag().isPrivate())
            delete item->remove(e);
    }
    for (const auto& key : kRemove)
        item->findAndDeleteElement(key, OFTrue, OFTrue);
    for (const auto& key : kEmpty)
        if (item->tagExists(key))
            item->putAndInsertString(key, "");
    for (const auto& key : kDummyDate)
        if (item->tagExists(key))
            item->putAndInsertString(key, "19000101");
    for (const auto& [key, value] : kDummyValue)
        if (item->tagExists(key))
            item->putAndInsertString(key, value);
    for (unsigned long i = 0; i < item->card(); ++i) {
        DcmElement* e = item->getElement(i);
        if (!e)
            continue;
        if (isUidElement(e)) {
            OFString value;
            if (e->getOFStringArray(value).good())
                e->putString(mapUid(value.c_str()).c_str());
        } else if (e->ident() == EVR_SQ) {
            auto* seq = static_cast<DcmSequenceOfItems*>(e);
            for (unsigned long k = 0; k < seq->card(); ++k)
                cleanItem(seq->getItem(k), mapUid);
        }
    }
}

} // namespace

void Deidentifier::deidentifyFile(const std::string& input, const std::string& output)
{
    DcmFileFormat file;
    // Lengths first: a full load allocates what every element claims.
    {
        DcmFileFormat header;
        if (header.loadFile(input.c_str(), EXS_Unknown, EGL_noChange, 4096, ERM_autoDetect).good())
            checkElementLengths(header, input);
    }
    OFCondition st = file.loadFile(input.c_str());
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
