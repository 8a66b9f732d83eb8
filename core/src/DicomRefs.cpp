// Where each slice of a DICOM series sits in the DICOM model, for the objects that reference it
// (DICOM SEG, the measurement report).
#include "DicomReader.h"

#include <dcmtk/dcmdata/dcdeftag.h>

#include <map>

namespace delineo::core {

namespace {

SourceRef readRef(const std::string& path)
{
    registerDicomCodecs();
    DcmFileFormat file;
    if (loadDicomFile(file, path, DicomLoad::UntilPixelData).bad())
        throw ImageError(ErrorCode::Corrupt, "cannot read DICOM header of " + path);
    SourceRef r;
    DcmDataset* ds = file.getDataset();
    ds->findAndGetOFString(DCM_PatientID, r.patient);
    ds->findAndGetOFString(DCM_StudyInstanceUID, r.study);
    ds->findAndGetOFString(DCM_SeriesInstanceUID, r.series);
    ds->findAndGetOFString(DCM_SOPClassUID, r.sopClass);
    ds->findAndGetOFString(DCM_SOPInstanceUID, r.sopInstance);
    ds->findAndGetOFString(DCM_FrameOfReferenceUID, r.frameOfReference);
    if (r.sopClass.empty() || r.sopInstance.empty() || r.study.empty() || r.series.empty())
        throw ImageError(ErrorCode::Corrupt, "no study, series or SOP instance UID in " + path);
    return r;
}

} // namespace

std::vector<SourceRef> readRefs(const Volume& source)
{
    std::vector<SourceRef> refs;
    std::map<std::string, SourceRef> byPath;
    for (const Image& s : source.slices) {
        auto it = byPath.find(s.path);
        if (it == byPath.end())
            it = byPath.emplace(s.path, readRef(s.path)).first;
        refs.push_back(it->second);
    }
    return refs;
}

} // namespace delineo::core
