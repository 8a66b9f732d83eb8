// delineo-cli prepare-video: writes the fast-seeking copies the app would prepare on opening each
// video (VideoProxy), ahead of time, e.g. for a day's procedures overnight.
#include "Commands.h"
#include "delineo/core/Errors.h"
#include "delineo/core/VideoProxy.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>

namespace delineo::cli {

int runPrepareVideo(const CliArgs& args)
{
    if (args.positional().empty())
        throw UsageError("prepare-video needs one or more videos");
    core::VideoProxy::Options options;
    options.cacheDir = args.get("cache", core::VideoProxy::defaultCacheDir());
    const bool json = args.has("json");
    nlohmann::json rows = nlohmann::json::array();
    int failed = 0;
    for (const auto& video : args.positional()) {
        nlohmann::json row{{"video", video}};
        const auto start = std::chrono::steady_clock::now();
        int lastShown = -1;
        try {
            // Run again over the same videos (a night's job cut short), what is written stays.
            if (const std::string copy = core::VideoProxy::find(video, options.cacheDir); !copy.empty()) {
                row["outcome"] = "present";
                row["copy"] = copy;
                if (!json)
                    std::printf("%s: its fast-seeking copy %s is there already\n", video.c_str(), copy.c_str());
                rows.push_back(row);
                continue;
            }
            const auto outcome = core::VideoProxy::build(
                video, options,
                [&](int done, int frames) {
                    const int percent = frames > 0 ? done * 100 / frames : 0;
                    if (!json && percent != lastShown) {
                        std::fprintf(stderr, "\r%s: %d%% (%d of %d frames)", video.c_str(), percent, done, frames);
                        lastShown = percent;
                    }
                },
                cancelOnSignal());
            if (lastShown >= 0 && !json)
                std::fprintf(stderr, "\n");
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            row["seconds"] = seconds;
            if (outcome == core::VideoProxy::Outcome::Cancelled) {
                row["outcome"] = "cancelled";
                rows.push_back(row);
                break;
            }
            if (outcome == core::VideoProxy::Outcome::NotNeeded) {
                row["outcome"] = "not-needed";
                if (!json)
                    std::printf("%s: no copy needed (its keyframes lie at most %d frames apart)\n", video.c_str(),
                                options.longestGap);
            } else {
                row["outcome"] = "built";
                row["copy"] = core::VideoProxy::find(video, options.cacheDir);
                if (!json)
                    std::printf("%s: fast-seeking copy %s written in %.1f s\n", video.c_str(),
                                row["copy"].get<std::string>().c_str(), seconds);
            }
        } catch (const core::ImageError& e) {
            if (lastShown >= 0 && !json)
                std::fprintf(stderr, "\n");
            row["outcome"] = "error";
            row["error"] = e.what();
            row["code"] = e.exitCode();
            failed = e.exitCode();
            std::fprintf(stderr, "%s\n", e.reportLine(video).c_str());
        }
        rows.push_back(row);
    }
    if (json)
        std::printf("%s\n", rows.dump(2).c_str());
    return failed;
}

} // namespace delineo::cli
