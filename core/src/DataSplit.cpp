#include "delineo/core/DataSplit.h"
#include "delineo/ml/JsonLimits.h"
#include "delineo/core/AtomicWrite.h"
#include "delineo/core/Errors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

namespace fs = std::filesystem;

namespace delineo::core {

std::uint64_t fnv1a(const std::string& text, std::uint64_t h)
{
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

namespace {

// FNV-1a, mixed: the same name lands on the same side on every machine and every run.
double unitHash(const std::string& s)
{
    std::uint64_t h = fnv1a(s);
    // splitmix64 finaliser: names that differ in one character still spread over [0, 1).
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebull;
    h ^= h >> 31;
    return static_cast<double>(h >> 11) / static_cast<double>(1ull << 53);
}

std::string stem(const SamplePair& p)
{
    return fs::path(p.image).stem().string();
}

} // namespace

SplitPairs frozenSplit(const std::vector<SamplePair>& pairs, const std::string& splitFile, double valFraction)
{
    std::map<std::string, bool> isVal; // stem -> validation?
    std::error_code ec;
    if (fs::exists(splitFile, ec)) {
        std::ifstream in(splitFile);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const nlohmann::json j = ml::parseBounded(text);
        if (!j.is_object() || !j.contains("train") || !j.contains("val") || !j["train"].is_array() || !j["val"].is_array())
            throw ImageError(ErrorCode::Corrupt, "split file " + splitFile + " is not a Delineo split (train/val lists)");
        for (const auto& [list, val] : {std::pair{"train", false}, std::pair{"val", true}})
            for (const auto& n : j[list]) {
                if (!n.is_string())
                    throw ImageError(ErrorCode::Corrupt, "split file " + splitFile + ": a name that is not a string");
                isVal[n.get<std::string>()] = val;
            }
    }
    SplitPairs out;
    std::vector<std::string> fresh;
    for (const auto& p : pairs) {
        const std::string s = stem(p);
        if (!isVal.count(s)) {
            isVal[s] = unitHash(s) < valFraction;
            fresh.push_back(s);
            ++out.added;
        }
    }
    const auto heldOut = std::count_if(isVal.begin(), isVal.end(), [](const auto& kv) { return kv.second; });
    if (heldOut == 0 && isVal.size() >= 4 && !fresh.empty()) {
        // Too few pairs for the hash to pick any: hold out the new one with the smallest hash.
        const auto pick = std::min_element(fresh.begin(), fresh.end(),
                                           [](const std::string& a, const std::string& b) { return unitHash(a) < unitHash(b); });
        isVal[*pick] = true;
    }
    for (const auto& p : pairs)
        (isVal[stem(p)] ? out.val : out.train).push_back(p);
    if (out.added > 0) {
        nlohmann::json j;
        j["format"] = "delineo-split";
        j["valFraction"] = valFraction;
        j["train"] = nlohmann::json::array();
        j["val"] = nlohmann::json::array();
        for (const auto& [name, val] : isVal)
            j[val ? "val" : "train"].push_back(name);
        const std::string text = j.dump(1) + "\n";
        writeTextFile(splitFile, text);
    }
    return out;
}

} // namespace delineo::core
