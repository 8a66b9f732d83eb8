#include "Commands.h"

#include "delineo/core/Deidentifier.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"

#include <cstdio>
#include <filesystem>

namespace fs = std::filesystem;

namespace delineo::cli {

// De-identified copies of DICOM files (folders recursively), keeping the folder layout.
int runDeidentify(const CliArgs& args)
{
    const fs::path out = args.require("out");
    if (args.positional().empty())
        throw UsageError("deidentify needs DICOM files or folders");
    fs::create_directories(out);
    core::Deidentifier deid(args.get("prefix", "ANON"));
    int written = 0, failed = 0;
    auto one = [&](const fs::path& in, const fs::path& rel) {
        if (!core::looksLikeDicom(in.string()))
            return;
        try {
            fs::create_directories((out / rel).parent_path());
            deid.deidentifyFile(in.string(), (out / rel).string());
            ++written;
        } catch (const core::ImageError& e) {
            ++failed;
            std::fprintf(stderr, "delineo-cli: %s [%s]\n", e.what(), core::ImageError::codeName(e.code()));
        }
    };
    for (const auto& p : args.positional()) {
        const fs::path in(p);
        if (fs::is_directory(in)) {
            for (const auto& e : fs::recursive_directory_iterator(in))
                if (e.is_regular_file())
                    one(e.path(), fs::relative(e.path(), in));
        } else {
            one(in, in.filename());
        }
    }
    std::printf("de-identified %d files into %s (PS3.15 Annex E basic profile; burned-in text is not checked)%s\n",
                written, out.c_str(), failed ? ", some failed" : "");
    return failed ? 1 : 0;
}

} // namespace delineo::cli
