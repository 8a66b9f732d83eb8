#include "BenchSeries.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcrleerg.h>
#include <dcmtk/dcmdata/dctk.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace fs = std::filesystem;

void writeBenchSeries(const fs::path& dir, int slices, bool rle, int turned)
{
    fs::create_directories(dir);
    if (fs::exists(dir / ("s" + std::to_string(slices - 1) + ".dcm")))
        return;
    std::mt19937 rng(7);
    std::vector<Uint16> px(512 * 512);
    char uid[100], series[100], study[100];
    dcmGenerateUniqueIdentifier(series);
    dcmGenerateUniqueIdentifier(study);
    for (int z = 0; z < slices; ++z) {
        // Smooth anatomy-like content so RLE has realistic runs.
        for (int y = 0; y < 512; ++y)
            for (int x = 0; x < 512; ++x) {
                const double r = std::hypot(x - 256.0, y - 256.0);
                px[y * 512 + x] = static_cast<Uint16>(r < 220 ? 800 + 400 * std::sin(x * 0.05 + z * 0.1) + (rng() & 15) : 0);
            }
        DcmFileFormat f;
        DcmDataset* ds = f.getDataset();
        ds->putAndInsertString(DCM_SOPClassUID, UID_MRImageStorage);
        ds->putAndInsertString(DCM_SOPInstanceUID, dcmGenerateUniqueIdentifier(uid));
        ds->putAndInsertString(DCM_SeriesInstanceUID, series);
        ds->putAndInsertString(DCM_StudyInstanceUID, study); // a PACS files by patient and study
        ds->putAndInsertString(DCM_PatientID, "BENCH");
        ds->putAndInsertString(DCM_PatientName, "Bench^Series");
        ds->putAndInsertString(DCM_Modality, "MR");
        ds->putAndInsertString(DCM_InstanceNumber, std::to_string(z + 1).c_str());
        ds->putAndInsertString(DCM_ImagePositionPatient, ("0\\0\\" + std::to_string(z * 1.5)).c_str());
        const double c = std::cos(turned * M_PI / 180), s = std::sin(turned * M_PI / 180);
        const std::string orientation = std::to_string(c) + "\\" + std::to_string(s) + "\\0\\" + std::to_string(-s) + "\\" +
                                        std::to_string(c) + "\\0";
        ds->putAndInsertString(DCM_ImageOrientationPatient, orientation.c_str());
        ds->putAndInsertString(DCM_PixelSpacing, "0.7\\0.7");
        ds->putAndInsertUint16(DCM_Rows, 512);
        ds->putAndInsertUint16(DCM_Columns, 512);
        ds->putAndInsertUint16(DCM_SamplesPerPixel, 1);
        ds->putAndInsertString(DCM_PhotometricInterpretation, "MONOCHROME2");
        ds->putAndInsertUint16(DCM_BitsAllocated, 16);
        ds->putAndInsertUint16(DCM_BitsStored, 16);
        ds->putAndInsertUint16(DCM_HighBit, 15);
        ds->putAndInsertUint16(DCM_PixelRepresentation, 0);
        ds->putAndInsertUint16Array(DCM_PixelData, px.data(), px.size());
        const std::string path = (dir / ("s" + std::to_string(z) + ".dcm")).string();
        if (rle)
            ds->chooseRepresentation(EXS_RLELossless, nullptr);
        f.saveFile(path.c_str(), rle ? EXS_RLELossless : EXS_LittleEndianExplicit);
    }
}


long procStatusKb(const char* key)
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(key, 0) == 0)
            return std::atol(line.c_str() + std::strlen(key));
    return 0;
}
