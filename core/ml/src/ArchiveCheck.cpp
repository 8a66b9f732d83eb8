#include "ArchiveCheck.h"

#include <caffe2/serialize/inline_container.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <vector>

namespace delineo::ml {

namespace {

std::uint64_t le(const unsigned char* p, int bytes)
{
    std::uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

// Walks a pickle's opcodes (protocol 2-4, what LibTorch writes) and checks every length that
// precedes a value against what is left, and every memo index against the record's size (LibTorch
// grows its memo table to whatever index LONG_BINPUT names). An opcode LibTorch's pickler never
// writes is refused: past it this walk could not follow what LibTorch's parser would read.
std::string pickleProblem(const std::vector<unsigned char>& p, const std::string& name)
{
    std::size_t i = 0;
    auto need = [&](std::uint64_t n) { return n <= p.size() - i; };
    while (i < p.size()) {
        const unsigned char op = p[i++];
        std::uint64_t length = 0;
        int prefix = 0;
        switch (op) {
        case '(': case '.': case '0': case '1': case '2': case 'N': case 0x88: case 0x89: case ']': case '}':
        case ')': case 'a': case 'e': case 's': case 'u': case 't': case 0x85: case 0x86: case 0x87: case 'l':
        case 'd': case 'b': case 'R': case 0x81: case 'Q': case 0x94: case 0x93: case 0x8f: case 0x90: case 0x91:
        case 0x92:
            continue;
        case 'K': case 'q': case 'h': case 0x80: i += 1; continue;
        case 'M': i += 2; continue;
        case 'J': i += 4; continue;
        case 'r': case 'j': // LONG_BINPUT, LONG_BINGET: a memo index
            if (!need(4) || le(p.data() + i, 4) > p.size())
                return name + ": a pickle memo index beyond anything the record could hold";
            i += 4;
            continue;
        case 'G': case 0x95: i += 8; continue;
        case 0x8a: case 'U': case 'C': case 0x8c: prefix = 1; break;
        case 0x8b: case 'T': case 'X': case 'B': prefix = 4; break;
        case 0x8d: case 0x8e: prefix = 8; break;
        case 'c': // GLOBAL: two newline-terminated names
            for (int k = 0; k < 2; ++k) {
                const void* nl = i < p.size() ? std::memchr(p.data() + i, '\n', p.size() - i) : nullptr;
                if (!nl)
                    return name + ": a pickle name runs past the record";
                i = static_cast<std::size_t>(static_cast<const unsigned char*>(nl) - p.data()) + 1;
            }
            continue;
        default:
            return name + ": pickle opcode " + std::to_string(op) + " is not one LibTorch writes";
        }
        if (!need(static_cast<std::uint64_t>(prefix)))
            return name + ": the pickle ends inside a length";
        length = le(p.data() + i, prefix);
        i += static_cast<std::size_t>(prefix);
        if (!need(length))
            return name + ": a pickled value claims " + std::to_string(length) + " bytes; " +
                   std::to_string(p.size() - i) + " are left";
        i += static_cast<std::size_t>(length);
    }
    return {};
}

} // namespace

std::string torchArchiveProblem(const std::string& path)
{
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in)
        return "cannot open " + path;
    const std::uint64_t size = static_cast<std::uint64_t>(in.tellg());
    auto read = [&](std::uint64_t offset, std::uint64_t n, std::vector<unsigned char>& out) {
        if (offset > size || n > size - offset)
            return false;
        out.resize(static_cast<std::size_t>(n));
        in.seekg(static_cast<std::streamoff>(offset));
        return static_cast<bool>(in.read(reinterpret_cast<char*>(out.data()), static_cast<std::streamsize>(n)));
    };
    // End of central directory: within the last 64 KB + 22 bytes.
    std::vector<unsigned char> tail;
    const std::uint64_t tailSize = std::min<std::uint64_t>(size, 65557);
    if (size < 22 || !read(size - tailSize, tailSize, tail))
        return path + " is not a LibTorch archive (too short)";
    std::size_t eocd = std::string::npos;
    for (std::size_t k = tail.size() - 22 + 1; k-- > 0;)
        if (le(tail.data() + k, 4) == 0x06054b50) {
            eocd = k;
            break;
        }
    if (eocd == std::string::npos)
        return path + " is not a LibTorch archive (no zip directory)";
    std::uint64_t entries = le(&tail[eocd + 10], 2), cdSize = le(&tail[eocd + 12], 4), cdOffset = le(&tail[eocd + 16], 4);
    if ((entries == 0xFFFF || cdSize == 0xFFFFFFFF || cdOffset == 0xFFFFFFFF) && eocd >= 20 &&
        le(&tail[eocd - 20], 4) == 0x07064b50) { // zip64 locator, then the zip64 record
        std::vector<unsigned char> rec;
        if (!read(le(&tail[eocd - 20 + 8], 8), 56, rec) || le(rec.data(), 4) != 0x06064b50)
            return path + ": its zip64 directory record lies outside the file";
        entries = le(&rec[32], 8);
        cdSize = le(&rec[40], 8);
        cdOffset = le(&rec[48], 8);
    }
    std::vector<unsigned char> cd;
    if (!read(cdOffset, cdSize, cd))
        return path + ": its zip directory lies outside the file";
    std::size_t at = 0;
    for (std::uint64_t e = 0; e < entries; ++e) {
        if (at + 46 > cd.size() || le(&cd[at], 4) != 0x02014b50)
            return path + ": its zip directory is damaged";
        const std::uint64_t method = le(&cd[at + 10], 2), nameLen = le(&cd[at + 28], 2), extraLen = le(&cd[at + 30], 2),
                            commentLen = le(&cd[at + 32], 2);
        std::uint64_t compressed = le(&cd[at + 20], 4), plain = le(&cd[at + 24], 4), local = le(&cd[at + 42], 4);
        if (at + 46 + nameLen + extraLen + commentLen > cd.size())
            return path + ": its zip directory is damaged";
        const std::string name(reinterpret_cast<const char*>(&cd[at + 46]), static_cast<std::size_t>(nameLen));
        // Zip64 sizes and offset, in that order, for the fields that say 0xFFFFFFFF.
        for (std::size_t x = at + 46 + nameLen; x + 4 <= at + 46 + nameLen + extraLen;) {
            const std::uint64_t id = le(&cd[x], 2), len = le(&cd[x + 2], 2);
            std::size_t v = x + 4;
            if (id == 1) {
                for (std::uint64_t* field : {&plain, &compressed, &local})
                    if (*field == 0xFFFFFFFF && v + 8 <= x + 4 + len && v + 8 <= cd.size()) {
                        *field = le(&cd[v], 8);
                        v += 8;
                    }
            }
            x += 4 + static_cast<std::size_t>(len);
        }
        at += static_cast<std::size_t>(46 + nameLen + extraLen + commentLen);
        std::vector<unsigned char> header;
        if (!read(local, 30, header) || le(header.data(), 4) != 0x04034b50)
            return path + ": zip entry " + name + " lies outside the file";
        const std::uint64_t data = local + 30 + le(&header[26], 2) + le(&header[28], 2);
        if (data > size || compressed > size - data || (method == 0 && plain != compressed))
            return path + ": zip entry " + name + " claims more bytes than the file holds";
        // Deflated records (Python writes its code and debug pickles so) inflate to at most what
        // deflate can reach from their size, and never past 256 MB: LibTorch allocates the
        // inflated size the directory states.
        if (method != 0 && (plain > compressed * 1032 + 1024 || plain > (std::uint64_t(256) << 20)))
            return path + ": zip entry " + name + " claims to inflate to " + std::to_string(plain) + " bytes";
    }
    // The pickles themselves, inflated by LibTorch's own reader now that its sizes are bounded.
    try {
        caffe2::serialize::PyTorchStreamReader reader(path);
        for (const auto& record : reader.getAllRecords()) {
            if (record.size() < 3 || record.compare(record.size() - 3, 3, "pkl") != 0)
                continue;
            auto [bytes, length] = reader.getRecord(record);
            const auto* begin = static_cast<const unsigned char*>(bytes.get());
            const std::string problem = pickleProblem(std::vector<unsigned char>(begin, begin + length), record);
            if (!problem.empty())
                return path + ": " + problem;
        }
    } catch (const std::exception& e) {
        return path + " is not a LibTorch archive (" + std::string(e.what()).substr(0, 200) + ")";
    }
    return {};
}

} // namespace delineo::ml
