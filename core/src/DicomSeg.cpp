#include "delineo/core/DicomSeg.h"
#include "delineo/core/Text.h"

#include "delineo/core/AtomicWrite.h"
#include "delineo/core/Errors.h"
#include "DicomReader.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmfg/fgderimg.h>
#include <dcmtk/dcmfg/fgfracon.h>
#include <dcmtk/dcmfg/fgpixmsr.h>
#include <dcmtk/dcmfg/fgplanor.h>
#include <dcmtk/dcmfg/fgplanpo.h>
#include <dcmtk/dcmfg/fgseg.h>
#include <dcmtk/dcmiod/cielabutil.h>
#include <dcmtk/dcmiod/iodreferences.h>
#include <dcmtk/dcmseg/segdoc.h>
#include <dcmtk/dcmseg/segment.h>
#include <dcmtk/dcmseg/segutils.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>

namespace delineo::core {
namespace {

struct Code {
    const char *value, *meaning;
};
struct SegmentCodes {
    Code category, type;
};

// SNOMED CT codes from DICOM CID 7150/7151, so viewers show what each segment is.
SegmentCodes codesFor(const std::string& className)
{
    const std::string n = lowercase(className);
    const Code anatomy{"91723000", "Anatomical Structure"}, altered{"49755003", "Morphologically Altered Structure"};
    if (n.find("stomach") != std::string::npos)
        return {anatomy, {"69695003", "Stomach"}};
    if (n.find("large") != std::string::npos)
        return {anatomy, {"14742008", "Large intestine"}};
    if (n.find("small") != std::string::npos)
        return {anatomy, {"30315005", "Small intestine"}};
    if (n.find("tumo") != std::string::npos)
        return {altered, {"108369006", "Neoplasm"}};
    if (n.find("polyp") != std::string::npos || n.find("lesion") != std::string::npos)
        return {altered, {"52988006", "Lesion"}};
    return {{"85756007", "Tissue"}, {"85756007", "Tissue"}};
}

void check(const OFCondition& c, const std::string& what)
{
    if (c.bad())
        throw ImageError(ErrorCode::WriteFailed, "DICOM SEG: " + what + ": " + c.text());
}

std::string fmt(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v); // DS values are at most 16 characters
    return buf;
}

const WorkspaceClass* classOf(const std::vector<WorkspaceClass>& classes, int label)
{
    const auto it = std::find_if(classes.begin(), classes.end(), [&](const WorkspaceClass& c) { return c.label == label; });
    return it == classes.end() ? nullptr : &*it;
}

std::uint8_t unitToByte(double v) { return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); }

// The slice at a frame's position (within 0.01 mm), or -1.
int sliceAt(const Volume& source, FGPlanePosPatient& pos)
{
    Float64 x = 0, y = 0, zz = 0;
    if (pos.getImagePositionPatient(x, y, zz).bad())
        return -1;
    for (int z = 0; z < source.depth(); ++z) {
        const auto& p = source.slice(z).position;
        if (std::abs(p[0] - x) < 0.01 && std::abs(p[1] - y) < 0.01 && std::abs(p[2] - zz) < 0.01)
            return z;
    }
    return -1;
}

} // namespace

void writeDicomSeg(const std::string& target, const Volume& source, const std::vector<LabelMap>& labels,
                   const std::vector<WorkspaceClass>& classes, bool aiDrafted)
{
    if (source.empty() || static_cast<int>(labels.size()) != source.depth())
        throw ImageError(ErrorCode::WrongSize, "DICOM SEG: " + std::to_string(labels.size()) + " label slices for " +
                                                   std::to_string(source.depth()) + " source slices");
    const int w = source.width(), h = source.height();
    if (w > 65535 || h > 65535)
        throw ImageError(ErrorCode::WrongSize, "DICOM SEG: image too large");
    std::map<int, std::vector<int>> slicesOf; // label -> slices where it is drawn
    for (int z = 0; z < source.depth(); ++z) {
        const LabelMap& m = labels[static_cast<std::size_t>(z)];
        if (m.width != w || m.height != h)
            throw ImageError(ErrorCode::WrongSize, "DICOM SEG: a label slice does not match the image size");
        bool seen[256] = {};
        for (std::uint8_t v : m.labels)
            seen[v] = true;
        for (int v = 1; v < 256; ++v)
            if (seen[v])
                slicesOf[v].push_back(z);
    }
    if (slicesOf.empty())
        throw ImageError(ErrorCode::WriteFailed, "DICOM SEG: nothing is drawn");

    const std::vector<SourceRef> refs = readRefs(source);

    DcmSegmentation* raw = nullptr;
    IODGeneralEquipmentModule::EquipmentInfo eq("Delineo", "Delineo", "1", "1.0");
    ContentIdentificationMacro content("1", "SEGMENTATION", "Delineo masks", "Delineo");
    check(DcmSegmentation::createBinarySegmentation(raw, Uint16(h), Uint16(w), eq, content), "create");
    std::unique_ptr<DcmSegmentation> seg(raw);
    check(seg->importFromSourceImage(source.slice(0).path.c_str()), "patient/study from " + source.slice(0).path);
    seg->getSeries().setSeriesDescription("Delineo segmentation");
    seg->getSeries().setSeriesNumber("300");

    // Where the series references: every source image, so viewers can find the series.
    IODReferences references;
    for (const SourceRef& r : refs) {
        auto* ref = new IODImageReference(r.patient, r.study, r.series, r.sopInstance, r.sopClass);
        if (!references.add(ref))
            delete ref;
    }
    OFString study;
    seg->getStudy().getStudyInstanceUID(study);
    seg->getCommonInstanceReference().addReferences(references, study);

    FGPixelMeasures measures;
    check(measures.setPixelSpacing((fmt(source.geometry.spacing[1]) + "\\" + fmt(source.geometry.spacing[0])).c_str()),
          "pixel spacing");
    check(measures.setSliceThickness(fmt(source.geometry.spacing[2]).c_str()), "slice thickness");
    check(seg->addForAllFrames(measures), "pixel measures");
    const auto& o = source.slice(0).orientation;
    FGPlaneOrientationPatient orient;
    check(orient.setImageOrientationPatient(fmt(o[0]).c_str(), fmt(o[1]).c_str(), fmt(o[2]).c_str(), fmt(o[3]).c_str(),
                                            fmt(o[4]).c_str(), fmt(o[5]).c_str()),
          "orientation");
    check(seg->addForAllFrames(orient), "orientation");

    char dimUid[100];
    dcmGenerateUniqueIdentifier(dimUid, SITE_INSTANCE_UID_ROOT);
    check(seg->getDimensions().addDimensionIndex(DCM_ReferencedSegmentNumber, dimUid, DCM_SegmentIdentificationSequence,
                                                 "ReferencedSegmentNumber"),
          "dimension");
    check(seg->getDimensions().addDimensionIndex(DCM_ImagePositionPatient, dimUid, DCM_PlanePositionSequence,
                                                 "ImagePositionPatient"),
          "dimension");

    std::vector<Uint8> frame(static_cast<std::size_t>(w) * h);
    for (const auto& [label, slices] : slicesOf) {
        const std::string name = classNameOf(classes, label);
        const SegmentCodes codes = codesFor(name);
        DcmSegment* segment = nullptr;
        check(DcmSegment::create(segment, name.c_str(), CodeSequenceMacro(codes.category.value, "SCT", codes.category.meaning),
                                 CodeSequenceMacro(codes.type.value, "SCT", codes.type.meaning),
                                 aiDrafted ? DcmSegTypes::SAT_SEMIAUTOMATIC : DcmSegTypes::SAT_MANUAL,
                                 aiDrafted ? "Delineo" : ""),
              "segment " + name);
        if (const WorkspaceClass* c = classOf(classes, label)) {
            // The class's colour travels as the segment's display colour (Slicer, OHIF and MITK show it).
            double L = 0, a = 0, b = 0;
            IODCIELabUtil::rgb2DicomLab(L, a, b, c->r / 255.0, c->g / 255.0, c->b / 255.0);
            segment->setRecommendedDisplayCIELabValue(Uint16(std::lround(L)), Uint16(std::lround(a)), Uint16(std::lround(b)));
        }
        Uint16 number = 0;
        if (seg->addSegment(segment, number).bad()) {
            delete segment;
            throw ImageError(ErrorCode::WriteFailed, "DICOM SEG: cannot add segment " + name);
        }
        for (int z : slices) {
            const LabelMap& m = labels[static_cast<std::size_t>(z)];
            for (std::size_t i = 0; i < frame.size(); ++i)
                frame[i] = m.labels[i] == label;
            const Image& s = source.slice(z);
            FGPlanePosPatient pos;
            check(pos.setImagePositionPatient(fmt(s.position[0]).c_str(), fmt(s.position[1]).c_str(),
                                              fmt(s.position[2]).c_str()),
                  "position");
            FGFrameContent fc;
            check(fc.setDimensionIndexValues(number, 0), "dimension index");
            check(fc.setDimensionIndexValues(Uint32(z + 1), 1), "dimension index");
            OFVector<ImageSOPInstanceReferenceMacro> derivation(1);
            derivation[0].setReferencedSOPClassUID(refs[static_cast<std::size_t>(z)].sopClass);
            derivation[0].setReferencedSOPInstanceUID(refs[static_cast<std::size_t>(z)].sopInstance);
            if (s.fileFrame > 0) // an Enhanced CT/MR: which of its frames
                check(derivation[0].addReferencedFrameNumber(Uint16(s.fileFrame)), "referenced frame");
            std::unique_ptr<FGDerivationImage> derived(
                DcmSegmentation::createDerivationImageFG(derivation, "Segmentation drawn in Delineo"));
            if (!derived)
                throw ImageError(ErrorCode::WriteFailed, "DICOM SEG: cannot reference source image");
            OFVector<FGBase*> perFrame;
            perFrame.push_back(&pos);
            perFrame.push_back(&fc);
            perFrame.push_back(derived.get());
            check(seg->addFrame(frame.data(), number, perFrame), "frame");
        }
    }
    writeViaTempFile(target, [&](const std::string& tmp) -> std::string {
        const OFCondition c = seg->saveFile(tmp.c_str());
        return c.good() ? std::string() : std::string("cannot write DICOM SEG: ") + c.text();
    });
}

bool isDicomSeg(const std::string& path)
{
    registerDicomCodecs();
    DcmFileFormat file;
    try {
        if (loadDicomFile(file, path, DicomLoad::UntilPixelData).bad())
            return false;
    } catch (const ImageError&) {
        return false; // damaged: whoever reads it says how
    }
    OFString cls;
    file.getDataset()->findAndGetOFString(DCM_SOPClassUID, cls);
    return cls == UID_SegmentationStorage;
}

std::vector<LabelMap> readDicomSeg(const std::string& segPath, const Volume& source,
                                   const std::vector<WorkspaceClass>& classes, std::vector<WorkspaceClass>* segments)
{
    registerDicomCodecs();
    {
        DcmFileFormat header; // lengths first: DcmSegmentation loads every value in full
        if (loadDicomFile(header, segPath, DicomLoad::Header).good())
            checkElementLengths(header, segPath);
    }
    DcmSegmentation* raw = nullptr;
    const OFCondition loaded = guardedLoad(segPath, [&] { return DcmSegmentation::loadFile(segPath.c_str(), raw); });
    std::unique_ptr<DcmSegmentation> seg(raw);
    if (loaded.bad() || !seg)
        throw ImageError(ErrorCode::Corrupt, "cannot read DICOM SEG " + segPath + ": " + loaded.text());
    if (seg->getSegmentationType() != DcmSegTypes::ST_BINARY)
        throw ImageError(ErrorCode::UnsupportedFormat, "only binary DICOM SEG can be imported: " + segPath);
    Uint16 rows = 0, cols = 0;
    {
        DcmFileFormat header;
        loadDicomFile(header, segPath, DicomLoad::UntilPixelData);
        header.getDataset()->findAndGetUint16(DCM_Rows, rows);
        header.getDataset()->findAndGetUint16(DCM_Columns, cols);
    }
    const int w = source.width(), h = source.height();
    if (rows != h || cols != w)
        throw ImageError(ErrorCode::WrongSize, "DICOM SEG " + segPath + " is " + std::to_string(cols) + "x" +
                                                   std::to_string(rows) + "; the image is " + std::to_string(w) +
                                                   "x" + std::to_string(h));
    // Source slices by SOP instance, and a multi-frame source's by frame number.
    std::map<OFString, int> sliceOf;
    std::map<int, int> sliceOfFrame;
    const std::vector<SourceRef> refs = readRefs(source);
    for (int z = 0; z < source.depth(); ++z) {
        sliceOf[refs[static_cast<std::size_t>(z)].sopInstance] = z;
        if (source.slice(z).fileFrame > 0)
            sliceOfFrame[source.slice(z).fileFrame] = z;
    }
    // Segment number -> label: by class name, else the number itself.
    std::map<Uint16, std::uint8_t> labelOf;
    for (size_t n = 1; n <= seg->getNumberOfSegments(); ++n) {
        OFString name;
        if (DcmSegment* s = seg->getSegment(n))
            s->getSegmentLabel(name);
        int label = int(std::min<size_t>(n, 255));
        for (const auto& c : classes)
            if (c.name == name.c_str())
                label = c.label;
        labelOf[Uint16(n)] = std::uint8_t(label);
        if (segments && !name.empty()) {
            WorkspaceClass c{label, name.c_str(), 128, 128, 128};
            Uint16 L = 0, a = 0, b = 0;
            if (DcmSegment* s = seg->getSegment(n); s && s->getRecommendedDisplayCIELabValue(L, a, b).good()) {
                double r = 0, g = 0, bl = 0;
                IODCIELabUtil::dicomLab2RGB(r, g, bl, L, a, b);
                c.r = unitToByte(r), c.g = unitToByte(g), c.b = unitToByte(bl);
            }
            segments->push_back(c);
        }
    }
    std::vector<LabelMap> out(static_cast<std::size_t>(source.depth()), LabelMap(w, h));
    FGInterface& groups = seg->getFunctionalGroups();
    for (size_t f = 0; f < seg->getNumberOfFrames(); ++f) {
        auto* derived = dynamic_cast<FGDerivationImage*>(groups.get(Uint32(f), DcmFGTypes::EFG_DERIVATIONIMAGE));
        auto* segFg = dynamic_cast<FGSegmentation*>(groups.get(Uint32(f), DcmFGTypes::EFG_SEGMENTATION));
        if (!derived || !segFg || derived->getDerivationImageItems().empty() ||
            derived->getDerivationImageItems()[0]->getSourceImageItems().empty())
            throw ImageError(ErrorCode::Corrupt, "DICOM SEG frame " + std::to_string(f + 1) + " names no source image");
        OFString uid;
        ImageSOPInstanceReferenceMacro& ref =
            derived->getDerivationImageItems()[0]->getSourceImageItems()[0]->getImageSOPInstanceReference();
        ref.getReferencedSOPInstanceUID(uid);
        OFVector<Uint16> frames;
        ref.getReferencedFrameNumber(frames);
        int z = -1;
        if (const auto it = sliceOf.find(uid); it != sliceOf.end() && sliceOfFrame.empty())
            z = it->second;
        else if (it != sliceOf.end() && !frames.empty() && sliceOfFrame.count(frames[0]))
            z = sliceOfFrame[frames[0]]; // a frame of the Enhanced CT/MR
        // Else by place: a de-identified copy of the series (same geometry, new UIDs), or a frame
        // of a multi-frame source referenced without its number.
        if (z < 0)
            if (auto* pos = dynamic_cast<FGPlanePosPatient*>(groups.get(Uint32(f), DcmFGTypes::EFG_PLANEPOSPATIENT)))
                z = sliceAt(source, *pos);
        if (z < 0)
            throw ImageError(ErrorCode::WrongSize, "DICOM SEG frame " + std::to_string(f + 1) +
                                                       " refers to an image that is not in this series");
        Uint16 number = 0;
        segFg->getReferencedSegmentNumber(number);
        const DcmIODTypes::Frame* packed = seg->getFrame(f);
        std::unique_ptr<DcmIODTypes::Frame> frame(packed ? DcmSegUtils::unpackBinaryFrame(packed, rows, cols) : nullptr);
        if (!frame || frame->length < static_cast<std::size_t>(w) * h)
            throw ImageError(ErrorCode::Corrupt, "DICOM SEG frame " + std::to_string(f + 1) + " is truncated");
        LabelMap& m = out[static_cast<std::size_t>(z)];
        const std::uint8_t label = labelOf.count(number) ? labelOf[number] : std::uint8_t(number);
        for (std::size_t i = 0; i < m.labels.size(); ++i)
            if (frame->pixData[i])
                m.labels[i] = label;
    }
    return out;
}

} // namespace delineo::core
