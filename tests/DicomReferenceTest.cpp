// Compares Delineo's decoded DICOM values with an independent decoder (pydicom), whose per-frame
// statistics are committed in tests/data/dicom-reference.json (scripts/make-dicom-reference.py).
#include "TestSupport.h"

#include "delineo/core/DicomSeries.h"
#include "delineo/core/Errors.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

using namespace delineo;

namespace {

struct Stats {
    double min = 0, max = 0, mean = 0;
};

Stats statsOf(const core::Image& img)
{
    Stats s;
    img.range(s.min, s.max);
    double sum = 0;
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x)
            for (int c = 0; c < img.channels; ++c)
                sum += img.value(x, y, c);
    s.mean = sum / (static_cast<double>(img.pixelCount()) * img.channels);
    return s;
}

} // namespace

TEST(DicomReference, DecodedValuesMatchPydicom)
{
    const std::string root = test::sharedData("dicom");
    SKIP_WITHOUT_SHARED(root);
    std::ifstream in(std::string(DELINEO_TESTDATA) + "/dicom-reference.json");
    ASSERT_TRUE(in) << "tests/data/dicom-reference.json missing";
    const auto ref = nlohmann::json::parse(in);
    int compared = 0;
    std::vector<std::string> failed;
    for (const auto& [rel, entry] : ref["files"].items()) {
        const std::string path = root + "/" + rel;
        if (!std::filesystem::exists(path))
            continue;
        core::Volume v;
        try {
            v = core::loadVolume(path);
        } catch (const core::ImageError& e) {
            failed.push_back(rel + ": " + e.what());
            continue;
        }
        // pydicom 2.3 leaves 12-bit signed values that lack sign bits in the upper nibble positive
        // (its raw maximum is 4095 although the series is "range -2048 to +2047"); Delineo sign-extends
        // from BitsStored as PS3.5 requires, so only the LUT's end points can agree here.
        const bool pydicomUnsigned = rel == "pydicom-data/mlut_18.dcm";
        // pydicom 2.3 rescales with the top-level slope and intercept only; this Enhanced CT keeps
        // its intercept (-1024) in the shared functional group, as PS3.3 C.7.6.16.2.9 puts it.
        const double enhancedIntercept = rel == "pydicom-data/eCT_Supplemental.dcm" ? -1024.0 : 0.0;
        const auto& dims = entry["dims"];
        ASSERT_EQ(v.width(), dims[0].get<int>()) << rel;
        ASSERT_EQ(v.height(), dims[1].get<int>()) << rel;
        ASSERT_EQ(v.depth(), dims[2].get<int>()) << rel;
        ASSERT_EQ(v.slice(0).channels, dims[3].get<int>()) << rel;
        const bool colour = entry["photometric"].get<std::string>().rfind("YBR", 0) == 0;
        for (int z = 0; z < v.depth(); ++z) {
            const Stats s = statsOf(v.slice(z));
            auto tol = [&](double x) { return colour ? 2.0 : 1e-3 * std::max(1.0, std::abs(x)); };
            // Frames placed in the patient are ordered along the slice normal, as a series of files
            // is: this one's file holds them the other way round.
            const int fileFrame = enhancedIntercept != 0.0 ? v.depth() - 1 - z : z;
            const auto& r = entry["frames"][fileFrame];
            const double min = r[0].get<double>() + enhancedIntercept, max = r[1].get<double>() + enhancedIntercept,
                         mean = r[2].get<double>() + enhancedIntercept;
            EXPECT_NEAR(s.min, min, tol(min)) << rel << " frame " << z;
            EXPECT_NEAR(s.max, max, tol(max)) << rel << " frame " << z;
            if (!pydicomUnsigned)
                EXPECT_NEAR(s.mean, mean, colour ? 1.0 : tol(mean)) << rel << " frame " << z;
        }
        ++compared;
    }
    for (const auto& f : failed)
        ADD_FAILURE() << "pydicom decodes this, Delineo does not: " << f;
    EXPECT_GT(compared, 100);
}
