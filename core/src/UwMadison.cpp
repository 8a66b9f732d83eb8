#include "delineo/core/UwMadison.h"
#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/Reader.h"
#include "delineo/ml/Checkpoint.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <charconv>
#include <sstream>

namespace fs = std::filesystem;

namespace delineo::core::uw {

bool parseSliceName(const std::string& fileName, SliceName& out)
{
    char tail[8] = {};
    SliceName s;
    if (std::sscanf(fileName.c_str(), "slice_%d_%d_%d_%lf_%lf.%3s", &s.slice, &s.width, &s.height, &s.spacingX,
                    &s.spacingY, tail) != 6)
        return false;
    if (std::string(tail) != "png" || s.width <= 0 || s.height <= 0 || s.spacingX <= 0 || s.spacingY <= 0)
        return false;
    out = s;
    return true;
}

bool parseSliceFile(const std::string& fileName, SliceName& out, std::string* caseDay)
{
    std::size_t at = 0;
    if (fileName.rfind("slice_", 0) != 0) {
        at = fileName.rfind("_slice_");
        if (at == std::string::npos || at == 0)
            return false;
        ++at;
    }
    if (!parseSliceName(fileName.substr(at), out))
        return false;
    if (caseDay)
        *caseDay = at == 0 ? std::string() : fileName.substr(0, at - 1);
    return true;
}

std::string sliceFileName(const std::string& caseDay, const SliceName& name)
{
    char tail[96];
    std::snprintf(tail, sizeof tail, "_%d_%d_%.2f_%.2f.png", name.width, name.height, name.spacingX, name.spacingY);
    return sliceId(caseDay, name.slice) + tail;
}

std::string sliceId(const std::string& caseDay, int slice)
{
    char id[32];
    std::snprintf(id, sizeof id, "_slice_%04d", slice);
    return caseDay + id;
}

const std::vector<std::string>& csvClasses()
{
    static const std::vector<std::string> classes{"large_bowel", "small_bowel", "stomach"};
    return classes;
}

int labelOf(const std::string& cls)
{
    if (cls == "stomach")
        return 1;
    if (cls == "large_bowel")
        return 2;
    if (cls == "small_bowel")
        return 3;
    if (cls == "tumour" || cls == "tumor")
        return 4;
    return 0;
}

std::vector<std::uint8_t> decodeRle(const std::string& rle, int width, int height)
{
    const std::size_t n = static_cast<std::size_t>(width) * height;
    std::vector<std::uint8_t> mask(n, 0);
    std::vector<unsigned long long> values;
    std::istringstream in(rle);
    for (std::string token; in >> token;) {
        unsigned long long v = 0;
        const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
        if (ec != std::errc() || end != token.data() + token.size())
            throw ImageError(ErrorCode::Corrupt, "RLE is not a list of non-negative integers (\"" + token.substr(0, 24) + "\")");
        values.push_back(v);
    }
    if (values.size() % 2 != 0)
        throw ImageError(ErrorCode::Corrupt, "RLE has an odd number of values (start without length)");
    for (std::size_t i = 0; i < values.size(); i += 2) {
        const unsigned long long start = values[i], length = values[i + 1];
        if (start < 1 || start > n || length > n - (start - 1))
            throw ImageError(ErrorCode::Corrupt, "RLE run " + std::to_string(start) + " " + std::to_string(length) +
                                                     " out of range for a " + std::to_string(width) + "x" +
                                                     std::to_string(height) + " slice");
        std::fill(mask.begin() + static_cast<std::ptrdiff_t>(start - 1), mask.begin() + static_cast<std::ptrdiff_t>(start - 1 + length), 1);
    }
    return mask;
}

std::string encodeRle(const std::uint8_t* mask, int width, int height)
{
    const std::size_t n = static_cast<std::size_t>(width) * height;
    std::string out;
    for (std::size_t i = 0; i < n;) {
        if (!mask[i]) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < n && mask[j])
            ++j;
        if (!out.empty())
            out += ' ';
        out += std::to_string(i + 1) + ' ' + std::to_string(j - i);
        i = j;
    }
    return out;
}

std::vector<CsvRow> readCsv(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        throw ImageError(ErrorCode::NotFound, "cannot open " + path);
    std::vector<CsvRow> rows;
    std::string line;
    if (!std::getline(in, line) || line.rfind("id,class,segmentation", 0) != 0)
        throw ImageError(ErrorCode::UnsupportedFormat, path + " is not a UW-Madison train.csv (id,class,segmentation)");
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty())
            continue;
        const auto a = line.find(','), b = line.find(',', a + 1);
        if (a == std::string::npos || b == std::string::npos)
            throw ImageError(ErrorCode::Corrupt, path + ": malformed row: " + line.substr(0, 80));
        rows.push_back({line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)});
    }
    return rows;
}

void writeCsv(const std::string& path, const std::vector<CsvRow>& rows)
{
    std::string text = "id,class,segmentation\n";
    for (const auto& r : rows)
        text += r.id + ',' + r.cls + ',' + r.rle + '\n';
    try {
        ml::writeFileAtomic(path, text);
    } catch (const std::exception& e) {
        throw ImageError(ErrorCode::WriteFailed, e.what());
    }
}

bool isCaseDay(const std::string& folder)
{
    std::error_code ec;
    const fs::path scans = fs::is_directory(fs::path(folder) / "scans", ec) ? fs::path(folder) / "scans" : fs::path(folder);
    // Mostly its slices: a workspace holding a few of them beside other pictures (the demo
    // workspace) is a list of images, not one volume; an export written beside a case's slices
    // leaves it a case.
    SliceName n;
    int slices = 0, others = 0;
    for (const auto& e : fs::directory_iterator(scans, ec)) {
        const std::string name = e.path().filename().string();
        if (parseSliceName(name, n))
            ++slices;
        else if (e.is_regular_file(ec) && matchesReaderPattern(name))
            ++others;
    }
    return slices > others;
}

Volume loadCaseDay(const std::string& folder, std::vector<std::string>* ids, std::vector<SliceName>* names)
{
    fs::path scans = folder;
    if (fs::is_directory(scans / "scans"))
        scans /= "scans";
    if (!fs::is_directory(scans))
        throw ImageError(ErrorCode::NotFound, "case-day folder not found: " + folder);
    const std::string caseDay = scans.filename() == "scans" ? scans.parent_path().filename().string()
                                                            : scans.filename().string();
    std::vector<std::pair<SliceName, fs::path>> files;
    for (const auto& e : fs::directory_iterator(scans)) {
        SliceName s;
        if (e.is_regular_file() && parseSliceName(e.path().filename().string(), s))
            files.emplace_back(s, e.path());
    }
    if (files.empty())
        throw ImageError(ErrorCode::UnsupportedFormat, "no slice_NNNN_W_H_SX_SY.png files in " + scans.string());
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.first.slice < b.first.slice; });
    Volume v;
    v.source = scans.string();
    v.description = caseDay;
    const SliceName& first = files.front().first;
    v.geometry.spacing = {first.spacingX, first.spacingY, 1.0};
    v.geometry.spacingKnown = true;
    v.geometry.sliceSpacingKnown = false; // the names carry no slice thickness
    if (ids)
        ids->clear();
    if (names)
        names->clear();
    for (std::size_t i = 0; i < files.size(); ++i) {
        const auto& [name, path] = files[i];
        Image img = loadImage(path.string());
        if (img.width != name.width || img.height != name.height)
            throw ImageError(ErrorCode::WrongSize, path.string() + " is " + std::to_string(img.width) + "x" +
                                                       std::to_string(img.height) + ", not the size in its name");
        if (img.width != first.width || img.height != first.height)
            throw ImageError(ErrorCode::WrongSize, path.string() + " differs in size from the other slices");
        img.spacingX = name.spacingX;
        img.spacingY = name.spacingY;
        img.spacingKnown = true;
        img.modality = "MR";
        if (i > 0 && name.slice != files[i - 1].first.slice + 1 && v.geometry.slicesContiguous) {
            v.geometry.slicesContiguous = false;
            v.warnings.push_back({warning::kSampledSlices, {}});
        }
        v.slices.push_back(std::move(img));
        if (ids)
            ids->push_back(sliceId(caseDay, name.slice));
        if (names)
            names->push_back(name);
    }
    return v;
}

LabelMap labelsFor(const std::vector<CsvRow>& rows, const std::string& id, int width, int height)
{
    LabelMap out(width, height);
    for (const auto& r : rows) {
        if (r.id != id || r.rle.empty())
            continue;
        const int label = labelOf(r.cls);
        if (label == 0)
            continue;
        std::vector<std::uint8_t> mask;
        try {
            mask = decodeRle(r.rle, width, height);
        } catch (const ImageError& e) {
            throw ImageError(e.code(), "train.csv row " + r.id + "," + r.cls + ": " + e.what());
        }
        for (std::size_t i = 0; i < mask.size(); ++i)
            if (mask[i])
                out.labels[i] = static_cast<std::uint8_t>(label);
    }
    return out;
}

} // namespace delineo::core::uw
