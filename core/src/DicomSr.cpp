#include "delineo/core/DicomSr.h"
#include "DicomUid.h"

#include "delineo/core/AtomicWrite.h"
#include "delineo/core/Errors.h"
#include "delineo/core/MeasurementFigure.h"
#include "delineo/core/Rendering.h"
#include "delineo/core/Reslice.h"
#include "DicomReader.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmsr/dsrdoc.h>

#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>

namespace delineo::core {

namespace {

void check(const OFCondition& c, const std::string& what)
{
    if (c.bad())
        throw ImageError(ErrorCode::WriteFailed, "DICOM SR: " + what + ": " + c.text());
}

std::string newUid()
{
    char uid[100];
    dcmGenerateUniqueIdentifier(uid, SITE_INSTANCE_UID_ROOT);
    return uid;
}

std::array<double, 3> minus(const std::array<double, 3>& a, const std::array<double, 3>& b)
{
    return {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
}

DSRCodedEntryValue code(const char* value, const char* scheme, const char* meaning)
{
    return DSRCodedEntryValue(value, scheme, meaning);
}

} // namespace

bool patientFigure(const Volume& volume, const Measurement& m, PatientFigure& out)
{
    out = {};
    for (const auto& voxel : m.points) {
        std::array<double, 3> p{};
        if (!patientPoint(volume, voxel, p))
            return false;
        out.points.push_back(p);
    }
    if (out.points.size() < 2)
        return false;
    if (!m.closed) {
        const auto d = minus(out.points.back(), out.points.front());
        out.value = std::sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
        return true;
    }
    // A planar polygon's area: half the length of the sum of its edges' cross products.
    std::array<double, 3> sum{};
    for (std::size_t i = 0; i < out.points.size(); ++i) {
        const auto& a = out.points[i];
        const auto& b = out.points[(i + 1) % out.points.size()];
        sum[0] += a[1] * b[2] - a[2] * b[1];
        sum[1] += a[2] * b[0] - a[0] * b[2];
        sum[2] += a[0] * b[1] - a[1] * b[0];
    }
    out.value = 0.5 * std::sqrt(sum[0] * sum[0] + sum[1] * sum[1] + sum[2] * sum[2]);
    return true;
}

int writeMeasurementReport(const std::string& target, const Volume& source, const std::vector<Measurement>& measurements)
{
    if (source.empty() || !placedInPatient(source))
        throw ImageError(ErrorCode::UnsupportedFormat, "DICOM SR: the image has no place in the patient");
    if (measurements.empty())
        throw ImageError(ErrorCode::WriteFailed, "DICOM SR: nothing is measured");
    const std::vector<SourceRef> refs = readRefs(source); // throws for sources that are not DICOM
    if (refs.front().frameOfReference.empty())
        throw ImageError(ErrorCode::UnsupportedFormat, "DICOM SR: the series gives no frame of reference");

    DSRDocument doc(DSRTypes::DT_Comprehensive3DSR);
    {
        DcmFileFormat first;
        if (loadDicomFile(first, source.slice(0).path, DicomLoad::UntilPixelData).bad())
            throw ImageError(ErrorCode::Corrupt, "DICOM SR: cannot read " + source.slice(0).path);
        check(doc.readStudyData(*first.getDataset()), "patient and study from " + source.slice(0).path);
    }
    doc.createNewSeries();
    doc.setSeriesDescription("Delineo measurements");
    doc.setSeriesNumber("301");
    doc.setManufacturer("Delineo");
    doc.setSpecificCharacterSetType(DSRTypes::CS_UTF8);

    DSRDocumentTree& tree = doc.getTree();
    const auto add = [&](DSRTypes::E_RelationshipType rel, DSRTypes::E_ValueType type, DSRTypes::E_AddMode mode,
                         const DSRCodedEntryValue* concept) -> DSRContentItem& {
        if (tree.addContentItem(rel, type, mode) == 0)
            throw ImageError(ErrorCode::WriteFailed, "DICOM SR: cannot add a content item");
        if (concept)
            check(tree.getCurrentContentItem().setConceptName(*concept), "concept name");
        return tree.getCurrentContentItem();
    };
    const auto named = [&](DSRTypes::E_RelationshipType rel, DSRTypes::E_ValueType type, DSRTypes::E_AddMode mode,
                           const DSRCodedEntryValue& concept) -> DSRContentItem& { return add(rel, type, mode, &concept); };
    using T = DSRTypes;

    named(T::RT_isRoot, T::VT_Container, T::AM_afterCurrent, code("126000", "DCM", "Imaging Measurement Report"));
    check(tree.getCurrentContentItem().setTemplateIdentification("1500", "DCMR"), "template");
    check(named(T::RT_hasConceptMod, T::VT_Code, T::AM_belowCurrent,
                code("121049", "DCM", "Language of Content Item and Descendants"))
              .setCodeValue(code("en-US", "RFC5646", "English (United States)")),
          "language");
    check(named(T::RT_hasObsContext, T::VT_Code, T::AM_afterCurrent, code("121005", "DCM", "Observer Type"))
              .setCodeValue(code("121007", "DCM", "Device")),
          "observer");
    check(named(T::RT_hasObsContext, T::VT_UIDRef, T::AM_afterCurrent, code("121012", "DCM", "Device Observer UID"))
              .setStringValue(SITE_INSTANCE_UID_ROOT ".1"),
          "device");
    check(named(T::RT_hasObsContext, T::VT_Text, T::AM_afterCurrent, code("121013", "DCM", "Device Observer Name"))
              .setStringValue("Delineo"),
          "device name");
    check(named(T::RT_hasConceptMod, T::VT_Code, T::AM_afterCurrent, code("121058", "DCM", "Procedure reported"))
              .setCodeValue(code("363679005", "SCT", "Imaging procedure")),
          "procedure");

    // The image library: each source image once (an enhanced multi-frame file with its frames).
    named(T::RT_contains, T::VT_Container, T::AM_afterCurrent, code("111028", "DCM", "Image Library"));
    named(T::RT_contains, T::VT_Container, T::AM_belowCurrent, code("126200", "DCM", "Image Library Group"));
    std::set<std::string> listed;
    bool firstImage = true;
    for (std::size_t z = 0; z < refs.size(); ++z) {
        const SourceRef& r = refs[z];
        const int frame = source.slice(int(z)).fileFrame;
        if (!listed.insert(std::string(r.sopInstance.c_str()) + "#" + std::to_string(frame)).second)
            continue;
        DSRImageReferenceValue image(r.sopClass, r.sopInstance);
        if (frame > 0)
            image.getFrameList().addItem(Sint32(frame));
        check(add(T::RT_contains, T::VT_Image, firstImage ? T::AM_belowCurrent : T::AM_afterCurrent, nullptr)
                  .setImageReference(image),
              "image reference");
        firstImage = false;
        check(doc.getCurrentRequestedProcedureEvidence().addItem(r.study, r.series, r.sopClass, r.sopInstance),
              "evidence");
    }
    tree.goUp();
    tree.goUp();

    named(T::RT_contains, T::VT_Container, T::AM_afterCurrent, code("126010", "DCM", "Imaging Measurements"));
    int rulers = 0, areas = 0;
    bool firstGroup = true;
    for (const Measurement& m : measurements) {
        PatientFigure f;
        if (!patientFigure(source, m, f))
            continue;
        named(T::RT_contains, T::VT_Container, firstGroup ? T::AM_belowCurrent : T::AM_afterCurrent,
              code("125007", "DCM", "Measurement Group"));
        check(tree.getCurrentContentItem().setTemplateIdentification("1501", "DCMR"), "template");
        firstGroup = false;
        bool firstItem = true;
        const auto mode = [&] {
            const auto out = firstItem ? T::AM_belowCurrent : T::AM_afterCurrent;
            firstItem = false;
            return out;
        };
        if (!m.author.empty())
            check(named(T::RT_hasObsContext, T::VT_PName, mode(), code("121008", "DCM", "Person Observer Name"))
                      .setStringValue(m.author, false),
                  "observer name");
        // The reader's name for it, else its kind and number.
        const std::string counted = m.closed ? "Area " + std::to_string(++areas) : "Ruler " + std::to_string(++rulers);
        const std::string id = m.label.empty() ? counted : m.label;
        check(named(T::RT_contains, T::VT_Text, mode(), code("112039", "DCM", "Tracking Identifier")).setStringValue(id),
              "tracking identifier");
        const std::string uid = uuidUid(m.key);
        check(named(T::RT_contains, T::VT_UIDRef, mode(), code("112040", "DCM", "Tracking Unique Identifier"))
                  .setStringValue(uid.empty() ? newUid() : uid),
              "tracking UID");
        DSRSpatialCoordinates3DValue where(m.closed ? T::GT3_Polygon : T::GT3_Polyline);
        for (const auto& p : f.points)
            where.getGraphicDataList().addItem(Float32(p[0]), Float32(p[1]), Float32(p[2]));
        if (m.closed) // a polygon ends where it starts
            where.getGraphicDataList().addItem(Float32(f.points[0][0]), Float32(f.points[0][1]), Float32(f.points[0][2]));
        check(where.setFrameOfReferenceUID(refs.front().frameOfReference), "frame of reference");
        // Each figure a NUM inferred from the points: the length or area, and an outline's mean and
        // standard deviation of the pixels it encloses (as the window shows them, HU on CT).
        const auto measured = [&](const DSRCodedEntryValue& concept, double figure, const DSRCodedEntryValue& unit) {
            char value[32];
            std::snprintf(value, sizeof value, "%.2f", figure);
            check(named(T::RT_contains, T::VT_Num, mode(), concept).setNumericValue(DSRNumericMeasurementValue(value, unit)),
                  "value");
            check(add(T::RT_inferredFrom, T::VT_SCoord3D, T::AM_belowCurrent, nullptr).setSpatialCoordinates3D(where),
                  "coordinates");
            tree.goUp(); // the value
        };
        if (m.closed)
            measured(code("42798000", "SCT", "Area"), f.value, code("mm2", "UCUM", "square millimeter"));
        else
            measured(code("410668003", "SCT", "Length"), f.value, code("mm", "UCUM", "millimeter"));
        const RegionStats values = m.closed ? measurementFigure(source, m, true).values : RegionStats{};
        if (values.pixels > 0) {
            const DSRCodedEntryValue unit = std::string(valueUnit(source.slice(0))) == "HU"
                                                ? code("[hnsf'U]", "UCUM", "Hounsfield unit")
                                                : code("1", "UCUM", "no units");
            measured(code("373098007", "SCT", "Mean"), values.mean, unit);
            measured(code("386136009", "SCT", "Standard Deviation"), values.sd, unit);
        }
        tree.goUp(); // the group
    }
    if (firstGroup)
        throw ImageError(ErrorCode::UnsupportedFormat, "DICOM SR: no measurement has a place in the patient");
    check(doc.completeDocument(), "complete");

    DcmFileFormat file;
    check(doc.write(*file.getDataset()), "encode");
    writeViaTempFile(target, [&](const std::string& tmp) -> std::string {
        const OFCondition c = file.saveFile(tmp.c_str(), EXS_LittleEndianExplicit);
        return c.good() ? std::string() : std::string("cannot write DICOM SR: ") + c.text();
    });
    return rulers + areas;
}

} // namespace delineo::core
