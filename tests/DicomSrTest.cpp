// The measurement report: rulers and outlines kept on a DICOM series exported as a DICOM
// Comprehensive 3D SR (TID 1500 layout) that dciodvfy accepts, read back with DCMTK's dcmsr: the
// figures in mm and mm², the points in the patient, the series' study and frame of reference, a
// tracking UID that stays the same from one export to the next.
#include "TestSupport.h"

#include "delineo/core/Deidentifier.h"
#include "delineo/core/DicomImport.h"
#include "delineo/core/Errors.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/DicomSr.h"
#include "delineo/core/Exporter.h"
#include "delineo/core/MeasurementFigure.h"
#include "delineo/core/Workspace.h"

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmsr/dsrdoc.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace delineo;
using test::TempDir;

namespace {

void readReport(const std::string& path, DSRDocument& doc)
{
    DcmFileFormat file;
    ASSERT_TRUE(file.loadFile(path.c_str()).good()) << path;
    ASSERT_TRUE(doc.read(*file.getDataset()).good());
}

// The NUM item of that concept (the first one), its value and the points it was inferred from.
void valueAndPoints(DSRDocument& doc, const DSRCodedEntryValue& concept, std::string& value,
                    std::vector<std::array<float, 3>>& points, std::string& frame)
{
    DSRDocumentTree& tree = doc.getTree();
    ASSERT_NE(tree.gotoNamedNode(concept), 0u) << concept.getCodeMeaning();
    value = tree.getCurrentContentItem().getNumericValue().getNumericValue().c_str();
    ASSERT_NE(tree.goDown(), 0u);
    DSRSpatialCoordinates3DValue where;
    ASSERT_TRUE(tree.getCurrentContentItem().getSpatialCoordinates3D(where).good());
    frame = where.getFrameOfReferenceUID().c_str();
    points.clear();
    for (std::size_t i = 1; i <= where.getGraphicDataList().getNumberOfItems(); ++i) {
        const DSRGraphicData3DItem& p = where.getGraphicDataList().getItem(i);
        points.push_back({p.XCoord, p.YCoord, p.ZCoord});
    }
}

std::string uidOf(const std::string& path, const DcmTagKey& key)
{
    DcmFileFormat file;
    EXPECT_TRUE(file.loadFile(path.c_str()).good()) << path;
    OFString value;
    file.getDataset()->findAndGetOFString(key, value);
    return value.c_str();
}

} // namespace

TEST(DicomSr, MeasurementsExportAsAValidReportWithTheirFiguresAndPoints)
{
    TempDir dir;
    std::filesystem::create_directories(dir.file("series"));
    const std::string seriesUid = "1.2.826.0.1.3680043.2.1125.811";
    for (int i = 0; i < 4; ++i) // 0.8 mm pixels, slices 2 mm apart
        test::writeDicomSlice(dir.file("series/s" + std::to_string(i) + ".dcm"), seriesUid, i + 1, -20, -30, 2.0 * i, 7);
    auto ws = core::Workspace::open(dir.file("ws"));
    ws->setUser("dr.house");
    core::importVolume(*ws, dir.file("series"));
    const auto image = ws->imageId(dir.file("ws/dicom/series"));
    ASSERT_TRUE(image);
    const std::string rulerKey = "0f8fad5b-d9cb-469f-a165-70867728950e";
    // A ruler on axial slice 1 from voxel (1, 1) to (5, 4): 0.8 mm x 5 = 4 mm.
    ws->addMeasurement(*image, {rulerKey, false, {{1, 1, 1}, {5, 4, 1}}, {}, {}});
    // An outline on coronal row 2: 4 columns (3.2 mm) by 3 slice steps (6 mm) = 19.2 mm².
    ws->addMeasurement(*image, {"area-1", true, {{1, 2, 0}, {5, 2, 0}, {5, 2, 3}, {1, 2, 3}}, {}, {}});
    // A picture with a ruler: no place in a DICOM study.
    const std::string png = dir.file("frame.png");
    test::writeDiscImage(png, 16, 16, 8, 8, 4);
    const auto picture = ws->addImage(ws->addCase("pictures"), png, 16, 16);
    ws->addMeasurement(picture, {"on-a-picture", false, {{1, 1, 0}, {9, 1, 0}}, {}, {}});

    // A DICOM image without position and orientation: no place in the patient for the report's points.
    const std::string unplaced = dir.file("unplaced.dcm");
    test::writeDicomSlice(unplaced, "1.2.826.0.1.3680043.2.1125.813", 1, 0, 0, 0, 7);
    {
        DcmFileFormat file;
        ASSERT_TRUE(file.loadFile(unplaced.c_str()).good());
        file.getDataset()->findAndDeleteElement(DCM_ImagePositionPatient);
        file.getDataset()->findAndDeleteElement(DCM_ImageOrientationPatient);
        ASSERT_TRUE(file.saveFile(unplaced.c_str(), EXS_LittleEndianExplicit).good());
    }
    ws->addMeasurement(ws->addImage(ws->addCase("unplaced"), unplaced, 8, 6), {"unplaced", false, {{1, 1, 0}, {5, 1, 0}}, {}, {}});

    const auto report = core::exporter("dicom-sr").run(*ws, {dir.file("out")});
    ASSERT_TRUE(report.failed.empty()) << report.failed.front();
    EXPECT_EQ(report.images, 1);
    EXPECT_EQ(report.measurements, 2);
    const auto noted = [&](const std::string& text) {
        return std::any_of(report.notes.begin(), report.notes.end(),
                           [&](const std::string& note) { return note.find(text) != std::string::npos; });
    };
    EXPECT_TRUE(noted("1 image with measurements left out: not a DICOM series"));
    EXPECT_TRUE(noted("1 image with measurements left out: no place in the patient"));
    const std::string sr = dir.file("out/series/series-measurements.dcm");
    ASSERT_TRUE(std::filesystem::exists(sr));

    std::string out;
    const int rc = test::runCommand("dciodvfy -new " + sr, &out);
    ASSERT_NE(rc, 127) << "dciodvfy missing: install dicom3tools (scripts/setup.sh does)";
    EXPECT_EQ(out.find("Error"), std::string::npos) << out;
    EXPECT_NE(out.find("Comprehensive3DSR"), std::string::npos) << out; // it recognised the IOD

    // Patient, study and frame of reference are those of the workspace's copy of the series
    // (de-identified on import).
    DcmFileFormat copy;
    const auto copied = std::filesystem::directory_iterator(dir.file("ws/dicom/series"))->path();
    ASSERT_TRUE(copy.loadFile(copied.c_str()).good()) << copied;
    OFString patient, study, frameOfReference;
    copy.getDataset()->findAndGetOFString(DCM_PatientName, patient);
    copy.getDataset()->findAndGetOFString(DCM_StudyInstanceUID, study);
    copy.getDataset()->findAndGetOFString(DCM_FrameOfReferenceUID, frameOfReference);
    ASSERT_FALSE(study.empty());
    DSRDocument doc;
    ASSERT_NO_FATAL_FAILURE(readReport(sr, doc));
    EXPECT_EQ(doc.getDocumentType(), DSRTypes::DT_Comprehensive3DSR);
    OFString value;
    doc.getPatientName(value);
    EXPECT_EQ(value, patient);
    doc.getStudyInstanceUID(value);
    EXPECT_EQ(value, study) << "in the series' study";
    EXPECT_EQ(doc.getCurrentRequestedProcedureEvidence().getNumberOfInstances(), 4u) << "every source image";
    DSRDocumentTree& tree = doc.getTree();
    ASSERT_NE(tree.gotoRoot(), 0u);
    EXPECT_EQ(tree.getCurrentContentItem().getConceptName().getCodeValue(), "126000");

    std::string number, frame;
    std::vector<std::array<float, 3>> points;
    ASSERT_NO_FATAL_FAILURE(valueAndPoints(doc, DSRCodedEntryValue("410668003", "SCT", "Length"), number, points, frame));
    EXPECT_EQ(number, "4.00");
    EXPECT_EQ(tree.getCurrentContentItem().getSpatialCoordinates3D().getGraphicType(), DSRTypes::GT3_Polyline);
    ASSERT_EQ(points.size(), 2u);
    EXPECT_FLOAT_EQ(points[0][0], -20 + 0.8f);
    EXPECT_FLOAT_EQ(points[0][1], -30 + 0.8f);
    EXPECT_FLOAT_EQ(points[0][2], 2);
    EXPECT_FLOAT_EQ(points[1][0], -20 + 4.0f);
    EXPECT_FLOAT_EQ(points[1][1], -30 + 3.2f);
    EXPECT_EQ(frame, frameOfReference.c_str()) << "the series' frame of reference";
    ASSERT_NO_FATAL_FAILURE(valueAndPoints(doc, DSRCodedEntryValue("42798000", "SCT", "Area"), number, points, frame));
    EXPECT_EQ(number, "19.20");
    ASSERT_EQ(points.size(), 5u) << "a closed polygon ends where it starts";
    EXPECT_EQ(points.front(), points.back());
    EXPECT_FLOAT_EQ(points[2][2], 6);
    // The outline's values, in HU on this CT series (every pixel 7), inferred from the same polygon.
    ASSERT_NO_FATAL_FAILURE(valueAndPoints(doc, DSRCodedEntryValue("373098007", "SCT", "Mean"), number, points, frame));
    EXPECT_EQ(number, "7.00");
    ASSERT_NE(tree.goUp(), 0u); // from its points to the value
    EXPECT_EQ(tree.getCurrentContentItem().getNumericValue().getMeasurementUnit().getCodeValue(), "[hnsf'U]");
    EXPECT_EQ(points.size(), 5u);
    ASSERT_NO_FATAL_FAILURE(valueAndPoints(doc, DSRCodedEntryValue("386136009", "SCT", "Standard Deviation"), number, points, frame));
    EXPECT_EQ(number, "0.00");

    // The group's tracking identifier, its UID from the measurement's UUID, and who drew it.
    ASSERT_NE(tree.gotoNamedNode(DSRCodedEntryValue("112039", "DCM", "Tracking Identifier")), 0u);
    EXPECT_EQ(tree.getCurrentContentItem().getStringValue(), "Ruler 1");
    ASSERT_NE(tree.gotoNamedNode(DSRCodedEntryValue("112040", "DCM", "Tracking Unique Identifier")), 0u);
    const OFString tracking = tree.getCurrentContentItem().getStringValue();
    EXPECT_EQ(tracking.substr(0, 5), "2.25.");
    EXPECT_EQ(tracking, "2.25.20684434521572431564404614332563363086") << "the UUID as one decimal number";
    ASSERT_NE(tree.gotoNamedNode(DSRCodedEntryValue("121008", "DCM", "Person Observer Name")), 0u);
    EXPECT_EQ(tree.getCurrentContentItem().getStringValue(), "dr.house");

    // The figures are the window's (core::measurementFigure measures on the plane it lies in).
    const core::Volume volume = core::loadVolume(dir.file("ws/dicom/series"));
    for (const core::Measurement& m : ws->measurements(*image)) {
        core::PatientFigure f;
        ASSERT_TRUE(core::patientFigure(volume, m, f));
        EXPECT_NEAR(f.value, core::measurementFigure(volume, m).value, 1e-6) << m.key;
    }
    // Exported again (a ruler moved and named meanwhile): the same tracking UID, the new length, its
    // name as the tracking identifier.
    const std::vector<core::Measurement> kept = ws->measurements(*image);
    core::Measurement ruler = *std::find_if(kept.begin(), kept.end(), [&](const core::Measurement& m) { return m.key == rulerKey; });
    ruler.points = {{1, 1, 1}, {9, 4, 1}};
    ruler.label = "lesion 1, long axis";
    ASSERT_TRUE(ws->updateMeasurement(ruler));
    ASSERT_TRUE(core::exporter("dicom-sr").run(*ws, {dir.file("again")}).failed.empty());
    DSRDocument again;
    ASSERT_NO_FATAL_FAILURE(readReport(dir.file("again/series/series-measurements.dcm"), again));
    const DSRCodedEntryValue trackingUid("112040", "DCM", "Tracking Unique Identifier");
    std::vector<OFString> uids;
    for (std::size_t at = again.getTree().gotoNamedNode(trackingUid); at != 0; at = again.getTree().gotoNextNamedNode(trackingUid))
        uids.push_back(again.getTree().getCurrentContentItem().getStringValue());
    EXPECT_EQ(uids.size(), 2u);
    EXPECT_NE(std::find(uids.begin(), uids.end(), tracking), uids.end()) << "the ruler keeps its tracking UID";
    ASSERT_NO_FATAL_FAILURE(valueAndPoints(again, DSRCodedEntryValue("410668003", "SCT", "Length"), number, points, frame));
    EXPECT_EQ(number, "6.84"); // 0.8 mm x sqrt(8² + 3²)
    std::vector<OFString> ids;
    const DSRCodedEntryValue trackingId("112039", "DCM", "Tracking Identifier");
    for (std::size_t at = again.getTree().gotoNamedNode(trackingId); at != 0; at = again.getTree().gotoNextNamedNode(trackingId))
        ids.push_back(again.getTree().getCurrentContentItem().getStringValue());
    EXPECT_NE(std::find(ids.begin(), ids.end(), OFString("lesion 1, long axis")), ids.end()) << "named by its reader";
    EXPECT_NE(std::find(ids.begin(), ids.end(), OFString("Area 1")), ids.end()) << "unnamed: its kind and number";
}

// Images without a place in the patient, and a series without measurements, are typed errors.
TEST(DicomSr, WhatCannotBeReportedIsATypedError)
{
    TempDir dir;
    const std::string png = dir.file("frame.png");
    test::writeDiscImage(png, 16, 16, 8, 8, 4);
    const core::Volume picture = core::loadVolume(png);
    const core::Measurement ruler{"r", false, {{1, 1, 0}, {9, 1, 0}}, {}, {}};
    try {
        core::writeMeasurementReport(dir.file("out.dcm"), picture, {ruler});
        ADD_FAILURE() << "a picture has no place in the patient";
    } catch (const core::ImageError& e) {
        EXPECT_EQ(e.code(), core::ErrorCode::UnsupportedFormat);
    }
    std::filesystem::create_directories(dir.file("series"));
    for (int i = 0; i < 2; ++i)
        test::writeDicomSlice(dir.file("series/s" + std::to_string(i) + ".dcm"), "1.2.826.0.1.3680043.2.1125.812", i + 1,
                              0, 0, 1.0 * i, 7);
    EXPECT_THROW(core::writeMeasurementReport(dir.file("out.dcm"), core::loadVolume(dir.file("series")), {}),
                 core::ImageError);
    EXPECT_FALSE(std::filesystem::exists(dir.file("out.dcm"))) << "nothing half-written";
}

// De-identified exports of a workspace that keeps identities: the report keeps its figures and
// points, loses the patient, the reader's name for a measurement and who drew it, and refers to
// the images (as the DICOM SEG does) by the UIDs the workspace's key gives their de-identified
// copies. A series already de-identified on import is not remapped a second time.
TEST(DicomSr, DeidentifiedExportsKeepTheFiguresAndReferToTheDeidentifiedImages)
{
    TempDir dir;
    std::filesystem::create_directories(dir.file("series"));
    const std::string seriesUid = "1.2.826.0.1.3680043.2.1125.821";
    for (int i = 0; i < 4; ++i)
        test::writeDicomSlice(dir.file("series/s" + std::to_string(i) + ".dcm"), seriesUid, i + 1, -20, -30, 2.0 * i, 7);
    auto ws = core::Workspace::open(dir.file("ws"));
    core::setDeidentifyOnImport(dir.file("ws"), false);
    ws->setUser("dr.house");
    ws->setClasses({{1, "tumour", 255, 255, 0}});
    core::importVolume(*ws, dir.file("series"));
    const auto image = ws->imageId(dir.file("ws/dicom/series"));
    ASSERT_TRUE(image);
    ws->addMeasurement(*image, {"0f8fad5b-d9cb-469f-a165-70867728950f", false, {{1, 1, 1}, {5, 4, 1}}, {}, {}, "Patient's lesion"});
    ws->addMeasurement(*image, {"r-named", false, {{1, 1, 2}, {3, 1, 2}}, {}, {}, "lesion 1, long axis"});
    ws->addMeasurement(*image, {"r-dated", false, {{1, 1, 3}, {3, 1, 3}}, {}, {}, "seen 2024-01-02"});
    core::LabelMap drawn(8, 6);
    drawn.at(2, 2) = 1;
    ws->commitMask(*image, 1, drawn, core::MaskKind::Corrected);

    const auto report = core::exporter("dicom-sr").run(*ws, {dir.file("anon"), true});
    ASSERT_TRUE(report.failed.empty()) << report.failed.front();
    ASSERT_EQ(report.measurements, 3);
    const std::string sr = dir.file("anon/series/series-measurements.dcm");
    const auto files = std::distance(std::filesystem::directory_iterator(dir.file("anon/series")), {});
    EXPECT_EQ(files, 1) << "the identified report is written elsewhere";
    for (const auto& e : std::filesystem::directory_iterator(dir.file("ws")))
        EXPECT_EQ(e.path().filename().string().find(".export-"), std::string::npos) << "and removed: " << e.path();
    std::stringstream bytes;
    bytes << std::ifstream(sr, std::ios::binary).rdbuf();
    // (Whole values: a remapped UID is 39 random digits, which hold any four of them now and then.)
    for (const char* identifying : {"Test^Patient", "TP-0001", "dr.house", "Patient's", "2024-01-02", "20240102", seriesUid.c_str()})
        EXPECT_EQ(bytes.str().find(identifying), std::string::npos) << "still holds " << identifying;
    std::string out;
    ASSERT_NE(test::runCommand("dciodvfy -new " + sr, &out), 127) << "dciodvfy missing: install dicom3tools";
    EXPECT_EQ(out.find("Error"), std::string::npos) << out;

    const core::Deidentifier key(core::workspacePseudonyms(dir.file("ws")));
    const std::string original = dir.file("ws/dicom/series/s1.dcm");
    EXPECT_EQ(uidOf(sr, DCM_PatientID), key.mapPatient("TP-0001"));
    EXPECT_EQ(uidOf(sr, DCM_StudyInstanceUID), key.mapUid(uidOf(original, DCM_StudyInstanceUID)));
    EXPECT_NE(bytes.str().find(key.mapUid(uidOf(original, DCM_SOPInstanceUID))), std::string::npos)
        << "the image library names the de-identified copy of each image";
    EXPECT_NE(bytes.str().find("113104"), std::string::npos) << "Clean Structured Content Option coded";
    DSRDocument doc;
    ASSERT_NO_FATAL_FAILURE(readReport(sr, doc));
    std::string number, frame;
    std::vector<std::array<float, 3>> points;
    ASSERT_NO_FATAL_FAILURE(valueAndPoints(doc, DSRCodedEntryValue("410668003", "SCT", "Length"), number, points, frame));
    EXPECT_EQ(number, "4.00");
    EXPECT_EQ(points.size(), 2u);
    EXPECT_EQ(frame, key.mapUid(uidOf(original, DCM_FrameOfReferenceUID)));
    // A name that holds a word of the patient's name, or a date, gives way to its kind and number.
    std::vector<OFString> ids;
    const DSRCodedEntryValue trackingId("112039", "DCM", "Tracking Identifier");
    for (std::size_t at = doc.getTree().gotoNamedNode(trackingId); at != 0; at = doc.getTree().gotoNextNamedNode(trackingId))
        ids.push_back(doc.getTree().getCurrentContentItem().getStringValue());
    EXPECT_EQ(ids, (std::vector<OFString>{"Ruler 1", "lesion 1, long axis", "Ruler 3"}));
    EXPECT_EQ(doc.getTree().gotoNamedNode(DSRCodedEntryValue("121008", "DCM", "Person Observer Name")), 0u);

    // The DICOM SEG of the same series, exported later: the same study, the same images.
    ASSERT_EQ(core::exporter("dicom-seg").run(*ws, {dir.file("seg"), true}).images, 1);
    const std::string seg = dir.file("seg/series/series-seg.dcm");
    EXPECT_EQ(uidOf(seg, DCM_StudyInstanceUID), uidOf(sr, DCM_StudyInstanceUID));
    EXPECT_EQ(uidOf(seg, DCM_PatientID), uidOf(sr, DCM_PatientID));

    // A workspace that de-identified the series on import: its copies' UIDs stay as they are.
    auto ws2 = core::Workspace::open(dir.file("ws2"));
    core::importVolume(*ws2, dir.file("series"));
    const auto image2 = ws2->imageId(dir.file("ws2/dicom/series"));
    ASSERT_TRUE(image2);
    ws2->addMeasurement(*image2, {"r2", false, {{1, 1, 1}, {5, 4, 1}}, {}, {}});
    ASSERT_EQ(core::exporter("dicom-sr").run(*ws2, {dir.file("anon2"), true}).measurements, 1);
    EXPECT_EQ(uidOf(dir.file("anon2/series/series-measurements.dcm"), DCM_StudyInstanceUID),
              uidOf(dir.file("ws2/dicom/series/s1.dcm"), DCM_StudyInstanceUID));
}
