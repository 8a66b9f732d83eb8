// Every input a fuzz target ever found (tests/data/fuzz-regressions/<target>/), replayed through the
// same target code in the normal build: each must end in a result or a typed error.
#include "TestSupport.h"
#include "fuzz/FuzzSupport.h"
#include "fuzz/FuzzTargets.h"

#include <filesystem>
#include <fstream>

using namespace delineo;

namespace {

std::string untyped;

std::vector<std::uint8_t> bytesOf(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return std::vector<std::uint8_t>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

} // namespace

TEST(FuzzRegressions, EveryFoundInputEndsInAResultOrATypedError)
{
    fuzz::onUntyped() = [](const char* what) { untyped = what; };
    const std::filesystem::path root = std::filesystem::path(DELINEO_TESTDATA) / "fuzz-regressions";
    int replayed = 0;
    for (const auto& dir : std::filesystem::directory_iterator(root)) {
        if (!dir.is_directory())
            continue;
        const fuzz::Target* target = fuzz::target(dir.path().filename().string());
        ASSERT_TRUE(target) << "no fuzz target named " << dir.path().filename();
        for (const auto& file : std::filesystem::directory_iterator(dir.path())) {
            const auto data = bytesOf(file.path());
            untyped.clear();
            target->run(data.data(), data.size());
            EXPECT_TRUE(untyped.empty()) << file.path() << ": " << untyped;
            ++replayed;
        }
    }
    RecordProperty("replayed", replayed);
    std::filesystem::remove_all(fuzz::workDir());
}
