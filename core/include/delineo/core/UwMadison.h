#pragma once
#include "delineo/core/Volume.h"

#include <map>
#include <string>
#include <vector>

namespace delineo::core {

// UW-Madison GI tract (Kaggle) conventions: slices named slice_NNNN_W_H_SX_SY.png inside
// caseN/caseN_dayM/scans/, and masks in train.csv as run-length encoding (1-based starts,
// row-major over H x W), one row per (slice id, class).
namespace uw {

struct SliceName {
    int slice = 0, width = 0, height = 0;
    double spacingX = 0, spacingY = 0;
};
// Parses "slice_0055_360_310_1.50_1.50.png"; false if the name does not follow the pattern.
bool parseSliceName(const std::string& fileName, SliceName& out);
// The same, also with its case-day before it, as `delineo-cli import-uw` names a slice taken out of
// its folder ("case102_day0_slice_0055_360_310_1.50_1.50.png": `caseDay` "case102_day0"; empty for
// the plain name).
bool parseSliceFile(const std::string& fileName, SliceName& out, std::string* caseDay = nullptr);
// That name: "caseDay_slice_NNNN_W_H_SX_SY.png".
std::string sliceFileName(const std::string& caseDay, const SliceName& name);
// "caseN_dayM_slice_NNNN", the slice's id in train.csv.
std::string sliceId(const std::string& caseDay, int slice);

// The Kaggle classes, and their label in Delineo's MRI class set
// (1 stomach, 2 large bowel, 3 small bowel, 4 tumour).
const std::vector<std::string>& csvClasses(); // large_bowel, small_bowel, stomach (file order)
int labelOf(const std::string& csvClass);     // 0 if unknown

std::vector<std::uint8_t> decodeRle(const std::string& rle, int width, int height); // throws ImageError
std::string encodeRle(const std::uint8_t* mask, int width, int height);

// train.csv as read: rows in file order, so writing back reproduces the file.
struct CsvRow {
    std::string id, cls, rle;
};
std::vector<CsvRow> readCsv(const std::string& path);           // throws ImageError
void writeCsv(const std::string& path, const std::vector<CsvRow>& rows); // atomic

// True when the folder (or its scans/ subfolder) holds UW-Madison slice files, more of them than other images.
bool isCaseDay(const std::string& folder);

// A case-day folder (…/caseN_dayM or its scans/ folder) as a volume ordered by slice number,
// with the pixel spacing from the names. The id of slice z is ids[z] ("caseN_dayM_slice_NNNN"), and
// its name names[z].
Volume loadCaseDay(const std::string& folder, std::vector<std::string>* ids = nullptr,
                   std::vector<SliceName>* names = nullptr);

// Label map of one slice from its CSV rows (later classes win where masks overlap).
LabelMap labelsFor(const std::vector<CsvRow>& rows, const std::string& id, int width, int height);

} // namespace uw
} // namespace delineo::core
