#include "delineo/core/Versions.h"
#include "delineo/ml/Device.h"

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <itkConfigure.h>
#include <opencv2/core/version.hpp>
#include <sqlite3.h>

namespace delineo::core {

std::vector<std::pair<std::string, std::string>> componentVersions()
{
    const std::string device = ml::preferredDevice();
    return {{"LibTorch", ml::torchVersion() + (device == "cuda" ? " (CUDA in use)" : " (CPU, no CUDA device)")},
            {"DCMTK", OFFIS_DCMTK_VERSION_STRING},
            {"ITK", ITK_VERSION_STRING},
            {"OpenCV", CV_VERSION},
            {"SQLite", sqlite3_libversion()}};
}

} // namespace delineo::core
