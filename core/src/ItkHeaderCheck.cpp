#include "ItkHeaderCheck.h"
#include "delineo/core/Errors.h"
#include "delineo/core/Text.h"
#include "delineo/core/Limits.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <vector>

namespace fs = std::filesystem;

namespace delineo::core {

namespace {

[[noreturn]] void corrupt(const std::string& path, const std::string& why)
{
    throw ImageError(ErrorCode::Corrupt, path + ": " + why);
}

// The first `n` bytes of a file, gunzipped when it is compressed (zlib reads plain files as they are).
std::string head(const std::string& path, std::size_t n)
{
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f)
        throw ImageError(ErrorCode::Unreadable, "cannot read " + path);
    std::string out(n, '\0');
    const int got = gzread(f, out.data(), static_cast<unsigned>(n));
    gzclose(f);
    out.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
    return out;
}

template <typename T> T field(const std::string& h, std::size_t offset, bool swap)
{
    T v{};
    std::memcpy(&v, h.data() + offset, sizeof v);
    if (swap) {
        auto* b = reinterpret_cast<unsigned char*>(&v);
        std::reverse(b, b + sizeof v);
    }
    return v;
}

// Offsets of the fields checked, for NIfTI-1 (348-byte header, 16-bit dims, float geometry) and
// NIfTI-2 (540 bytes, 64-bit dims, double geometry).
struct NiftiLayout {
    std::size_t dims, bitpix, pixdim, qformCode, sformCode, quatern, srow;
    bool wide;
};

bool gzipped(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    unsigned char magic[2] = {};
    in.read(reinterpret_cast<char*>(magic), 2);
    return in && magic[0] == 0x1f && magic[1] == 0x8b;
}

void validateNifti(const std::string& path)
{
    const std::string h = head(path, 540);
    if (h.size() < 348)
        corrupt(path, "the NIfTI header is truncated");
    const std::int32_t size = field<std::int32_t>(h, 0, false);
    bool swap = false;
    if (size != 348 && size != 540) {
        swap = true;
        const std::int32_t swapped = field<std::int32_t>(h, 0, true);
        if (swapped != 348 && swapped != 540)
            corrupt(path, "not a NIfTI header (sizeof_hdr " + std::to_string(size) + ")");
    }
    const bool two = field<std::int32_t>(h, 0, swap) == 540;
    if (two && h.size() < 540)
        corrupt(path, "the NIfTI-2 header is truncated");
    const NiftiLayout L = two ? NiftiLayout{16, 14, 104, 344, 348, 352, 400, true}
                              : NiftiLayout{40, 72, 76, 252, 254, 256, 280, false};
    auto dim = [&](int i) -> std::int64_t {
        return L.wide ? field<std::int64_t>(h, L.dims + 8 * i, swap) : field<std::int16_t>(h, L.dims + 2 * i, swap);
    };
    auto real = [&](std::size_t offset, int i) -> double {
        return L.wide ? field<double>(h, offset + 8 * i, swap) : field<float>(h, offset + 4 * i, swap);
    };
    const std::int64_t rank = dim(0);
    if (rank < 1 || rank > 7)
        corrupt(path, "NIfTI dim[0] is " + std::to_string(rank));
    std::uint64_t frames = 1;
    for (int i = 1; i <= rank; ++i) {
        if (dim(i) < 1)
            corrupt(path, "NIfTI dim[" + std::to_string(i) + "] is " + std::to_string(dim(i)));
        if (i >= 3)
            frames = frames > (1ull << 40) / std::uint64_t(dim(i)) ? (1ull << 40) : frames * std::uint64_t(dim(i));
        if (!plausible(real(L.pixdim, i)))
            corrupt(path, "NIfTI pixdim[" + std::to_string(i) + "] is not a plausible spacing");
    }
    const int bitpix = L.wide ? field<std::int16_t>(h, L.bitpix, swap) : field<std::int16_t>(h, L.bitpix, swap);
    if (bitpix <= 0 || bitpix % 8 != 0)
        corrupt(path, "NIfTI bitpix " + std::to_string(bitpix));
    const std::uint64_t voxels =
        checkedImageBytes(path, std::uint64_t(rank >= 2 ? dim(2) : 1), std::uint64_t(dim(1)), 1, std::uint64_t(bitpix / 8), frames);
    // The voxels must be in the file: its size (.nii) or the gzip trailer's (.nii.gz, modulo 4 GB,
    // exact below the image limit). ITK's reader would otherwise allocate what the header claims.
    const double offset = L.wide ? double(field<std::int64_t>(h, 168, swap)) : double(field<float>(h, 108, swap));
    if (!std::isfinite(offset) || offset < 0)
        corrupt(path, "NIfTI vox_offset is not a valid offset");
    std::error_code ec;
    const std::uint64_t fileSize = fs::file_size(path, ec);
    std::uint64_t available = ec ? std::numeric_limits<std::uint64_t>::max() : fileSize;
    if (!ec && gzipped(path)) {
        std::ifstream in(path, std::ios::binary);
        unsigned char tail[4] = {};
        in.seekg(-4, std::ios::end);
        in.read(reinterpret_cast<char*>(tail), 4);
        available = in ? (std::uint64_t(tail[0]) | std::uint64_t(tail[1]) << 8 | std::uint64_t(tail[2]) << 16 |
                          std::uint64_t(tail[3]) << 24)
                       : 0;
    }
    const std::uint64_t start = offset > double(available) ? available : std::uint64_t(offset);
    if (offset > double(available) || voxels > available - start)
        corrupt(path, "the NIfTI header claims " + std::to_string(voxels) + " bytes of voxels at offset " +
                          std::to_string(offset) + "; the file holds " + std::to_string(available - start));
    const int qform = L.wide ? field<std::int32_t>(h, L.qformCode, swap) : field<std::int16_t>(h, L.qformCode, swap);
    const int sform = L.wide ? field<std::int32_t>(h, L.sformCode, swap) : field<std::int16_t>(h, L.sformCode, swap);
    // Non-finite values make VNL abort; values beyond a kilometre make its SVD crawl for seconds.
    // Neither describes a patient, so both are a corrupt header. Quaternion b, c, d have |q| <= 1.
    if (qform > 0)
        for (int i = 0; i < 6; ++i) // quatern_b, c, d, qoffset_x, y, z
            if (!plausible(real(L.quatern, i)) || (i < 3 && std::abs(real(L.quatern, i)) > 1.0 + 1e-4))
                corrupt(path, "the NIfTI qform holds a value that is not finite or out of range");
    if (sform > 0)
        for (int i = 0; i < 12; ++i) // srow_x, srow_y, srow_z
            if (!plausible(real(L.srow, i)))
                corrupt(path, "the NIfTI sform holds a value that is not finite or out of range");
}

std::string trim(std::string s)
{
    const auto a = s.find_first_not_of(" \t\r");
    const auto b = s.find_last_not_of(" \t\r");
    return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

// A detached data file must lie beside the header: no absolute path, no "..".
void checkDataFile(const std::string& path, const std::string& name)
{
    const fs::path p(name);
    if (name.empty() || p.is_absolute() || std::any_of(p.begin(), p.end(), [](const fs::path& part) { return part == ".."; }))
        throw ImageError(ErrorCode::UnsupportedFormat,
                         path + ": the NRRD header names data outside its folder (" + name + "); only files beside it are read");
}

void validateNrrd(const std::string& path)
{
    const std::string text = head(path, 1 << 16);
    if (text.rfind("NRRD", 0) != 0)
        corrupt(path, "not an NRRD header");
    std::istringstream in(text);
    std::string line, type, encoding;
    std::vector<std::uint64_t> sizes;
    bool list = false, detached = false;
    std::size_t headerEnd = 0; // offset of the attached data
    int dimension = 0;
    std::getline(in, line);
    while (std::getline(in, line)) {
        if (list) {
            if (!trim(line).empty())
                checkDataFile(path, trim(line));
            continue;
        }
        if (trim(line).empty()) {
            headerEnd = in.eof() ? text.size() : static_cast<std::size_t>(in.tellg());
            break;
        }
        const auto colon = line.find(':');
        if (line[0] == '#' || colon == std::string::npos)
            continue;
        std::string key = line.substr(0, colon), value = trim(line.substr(colon + 1));
        if (!value.empty() && value[0] == '=')
            continue; // key:=value pairs
        key = lowercase(key);
        if (key == "encoding") {
            encoding = value;
        } else if (key == "data file" || key == "datafile") {
            detached = true;
            if (value.rfind("LIST", 0) == 0)
                list = true;
            else
                checkDataFile(path, value.substr(0, value.find(' ')));
        } else if (key == "sizes") {
            std::istringstream v(value);
            for (std::uint64_t n = 0; v >> n;)
                sizes.push_back(n);
            if (!v.eof())
                corrupt(path, "the NRRD sizes are not a list of numbers");
        } else if (key == "dimension") {
            dimension = std::atoi(value.c_str());
        } else if (key == "type") {
            type = value;
        }
    }
    if (sizes.empty() || static_cast<int>(sizes.size()) != dimension)
        corrupt(path, "the NRRD header gives " + std::to_string(sizes.size()) + " sizes for " +
                          std::to_string(dimension) + " dimensions");
    std::uint64_t rest = 1;
    for (std::size_t i = 2; i < sizes.size(); ++i)
        rest = rest > (1ull << 40) / std::max<std::uint64_t>(1, sizes[i]) ? (1ull << 40) : rest * std::max<std::uint64_t>(1, sizes[i]);
    const bool wide = type.find("double") != std::string::npos || type.find("64") != std::string::npos ||
                      type.find("long") != std::string::npos;
    const bool narrow = type.find("char") != std::string::npos || type.find("int8") != std::string::npos;
    const bool shortType = type.find("short") != std::string::npos || type.find("16") != std::string::npos;
    const std::uint64_t bytes = wide ? 8 : narrow ? 1 : shortType ? 2 : 4;
    const std::size_t needed = checkedImageBytes(path, sizes.size() > 1 ? sizes[1] : 1, sizes[0], 1, bytes, rest);
    // Raw data attached to the header: the file must hold it all (ITK's NRRD reader leaks on a short file).
    std::error_code ec;
    const auto fileSize = fs::file_size(path, ec);
    if (!detached && encoding == "raw" && !ec && headerEnd > 0 && (fileSize < headerEnd || fileSize - headerEnd < needed))
        corrupt(path, "the NRRD data is truncated (" + std::to_string(ec ? 0 : fileSize - std::min<std::uintmax_t>(fileSize, headerEnd)) +
                          " of " + std::to_string(needed) + " bytes)");
}

} // namespace

void validateItkHeader(const std::string& path)
{
    const std::string name = lowercase(path);
    if (endsWith(name, ".nii") || endsWith(name, ".nii.gz"))
        validateNifti(path);
    else if (endsWith(name, ".nrrd") || endsWith(name, ".nhdr"))
        validateNrrd(path);
}

} // namespace delineo::core
