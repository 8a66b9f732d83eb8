#include "ArchiveCheck.h"

#include <caffe2/serialize/inline_container.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>
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
// Bytes per element of a storage type LibTorch pickles as torch.<Name>Storage (1 when unknown).
std::uint64_t elementBytes(const std::string& global)
{
    static const std::map<std::string, std::uint64_t> sizes = {
        {"torch.FloatStorage", 4}, {"torch.DoubleStorage", 8}, {"torch.HalfStorage", 2},
        {"torch.BFloat16Storage", 2}, {"torch.LongStorage", 8}, {"torch.IntStorage", 4},
        {"torch.ShortStorage", 2}, {"torch.CharStorage", 1}, {"torch.ByteStorage", 1}, {"torch.BoolStorage", 1},
        {"torch.ComplexFloatStorage", 8}, {"torch.ComplexDoubleStorage", 16}, {"torch.QInt32Storage", 4}};
    const auto it = sizes.find(global);
    return it == sizes.end() ? 1 : it->second;
}

// What `op` takes from the unpickler's stack and leaves on it (Python's pickle semantics, which
// LibTorch's unpickler follows), applied to `depth` and `marks`; a description when the stack does
// not hold what the opcode takes.
std::string stackProblem(unsigned char op, std::size_t& depth, std::vector<std::size_t>& marks)
{
    auto take = [&](std::size_t n, std::size_t push) -> std::string {
        if (depth < n)
            return "pickle opcode " + std::to_string(op) + " takes " + std::to_string(n) + " values from a stack of " +
                   std::to_string(depth);
        depth = depth - n + push;
        return {};
    };
    auto toMark = [&](std::size_t below, std::size_t push) -> std::string { // pops back to the last MARK
        if (marks.empty() || marks.back() > depth || marks.back() < below)
            return "pickle opcode " + std::to_string(op) + " without a matching mark";
        depth = marks.back() + push;
        marks.pop_back();
        return {};
    };
    switch (op) {
    case '(': marks.push_back(depth); return {};
    case '.': return take(1, 1);
    case '0': return take(1, 0);
    case '1': return toMark(0, 0);
    case '2': return take(1, 2);
    case 'a': return take(2, 1);                      // APPEND: list, value
    case 's': return take(3, 1);                      // SETITEM: dict, key, value
    case 'e': case 'u': case 0x90: return toMark(1, 0); // APPENDS, SETITEMS, ADDITEMS: a container below the mark
    case 't': case 'l': case 'd': case 0x91: return toMark(0, 1);
    case 0x85: return take(1, 1);
    case 0x86: return take(2, 1);
    case 0x87: return take(3, 1);
    case 'b': case 'R': case 0x81: case 0x93: return take(2, 1); // BUILD, REDUCE, NEWOBJ, STACK_GLOBAL
    case 0x92: return take(3, 1);                     // NEWOBJ_EX
    case 'Q': case 'q': case 'r': case 0x94: return take(1, 1); // BINPERSID, BINPUT, LONG_BINPUT, MEMOIZE
    case 0x80: case 0x95: return {};                  // PROTO, FRAME
    default: ++depth; return {};                      // everything else pushes one value
    }
}

// `records`: the archive's record sizes by name (data/KEY for tensor storages). A storage a pickle
// references (the persistent id ('storage', torch.XStorage, KEY, location, numel)) must fit its
// record: LibTorch 1.13 builds the storage with the pickle's size over the record's bytes.
std::string pickleProblem(const std::vector<unsigned char>& p, const std::string& name,
                          const std::map<std::string, std::uint64_t>& records)
{
    std::size_t i = 0;
    auto need = [&](std::uint64_t n) { return n <= p.size() - i; };
    std::vector<std::string> items; // what was pushed since the last MARK: strings, globals, integers
    std::map<std::uint64_t, std::string> memo;
    // The unpickler's stack depth and its marks: LibTorch 1.13 pops without looking (a NEWOBJ on a
    // one-item stack freed memory it never allocated), so every opcode must find what it takes.
    std::size_t depth = 0;
    std::vector<std::size_t> marks;
    while (i < p.size()) {
        const unsigned char op = p[i++];
        if (const std::string stack = stackProblem(op, depth, marks); !stack.empty())
            return name + ": " + stack + " at byte " + std::to_string(i - 1);
        std::uint64_t length = 0;
        int prefix = 0;
        switch (op) {
        case '(':
            items.clear();
            continue;
        case 'Q': // BINPERSID: ('storage', global, key, location, numel)
            if (items.size() >= 5 && items[items.size() - 5] == "s:storage") {
                const std::string& global = items[items.size() - 4];
                const std::string& key = items[items.size() - 3];
                const std::string& count = items[items.size() - 1];
                if (key.rfind("s:", 0) == 0 && count.rfind("i:", 0) == 0) {
                    const auto record = records.find("data/" + key.substr(2));
                    const std::uint64_t bytes = std::stoull(count.substr(2)) *
                                                elementBytes(global.rfind("g:", 0) == 0 ? global.substr(2) : "");
                    if (record == records.end() || record->second < bytes)
                        return name + ": tensor storage " + key.substr(2) + " claims " + std::to_string(bytes) +
                               " bytes; its record holds " +
                               (record == records.end() ? std::string("none") : std::to_string(record->second));
                }
            }
            continue;
        case '.': case '0': case '1': case '2': case 'N': case 0x88: case 0x89: case ']': case '}':
        case ')': case 'a': case 'e': case 's': case 'u': case 't': case 0x85: case 0x86: case 0x87: case 'l':
        case 'd': case 'b': case 'R': case 0x81: case 0x94: case 0x93: case 0x8f: case 0x90: case 0x91:
        case 0x92:
            continue;
        case 'K': // BININT1
            if (need(1))
                items.push_back("i:" + std::to_string(p[i]));
            i += 1;
            continue;
        case 'M': // BININT2
            if (need(2))
                items.push_back("i:" + std::to_string(le(p.data() + i, 2)));
            i += 2;
            continue;
        case 'J': // BININT (signed)
            if (need(4))
                items.push_back("i:" + std::to_string(static_cast<std::int32_t>(le(p.data() + i, 4)) < 0 ? 0 : le(p.data() + i, 4)));
            i += 4;
            continue;
        case 'q': case 'h': case 0x80: // BINPUT, BINGET (1-byte index), PROTO
            if (need(1) && op == 'q' && !items.empty())
                memo[p[i]] = items.back();
            if (need(1) && op == 'h')
                items.push_back(memo.count(p[i]) ? memo[p[i]] : "?");
            i += 1;
            continue;
        case 'r': case 'j': { // LONG_BINPUT, LONG_BINGET: a memo index
            if (!need(4) || le(p.data() + i, 4) > p.size())
                return name + ": a pickle memo index beyond anything the record could hold";
            const std::uint64_t index = le(p.data() + i, 4);
            if (op == 'r' && !items.empty())
                memo[index] = items.back();
            if (op == 'j')
                items.push_back(memo.count(index) ? memo[index] : "?");
            i += 4;
            continue;
        }
        case 'G': case 0x95: i += 8; continue;
        case 0x8a: case 'U': case 'C': case 0x8c: prefix = 1; break;
        case 0x8b: case 'T': case 'X': case 'B': prefix = 4; break;
        case 0x8d: case 0x8e: prefix = 8; break;
        case 'c': { // GLOBAL: two newline-terminated names
            std::string global;
            for (int k = 0; k < 2; ++k) {
                const void* nl = i < p.size() ? std::memchr(p.data() + i, '\n', p.size() - i) : nullptr;
                if (!nl)
                    return name + ": a pickle name runs past the record";
                const auto end = static_cast<std::size_t>(static_cast<const unsigned char*>(nl) - p.data());
                global += (k ? "." : "") + std::string(reinterpret_cast<const char*>(p.data() + i), end - i);
                i = end + 1;
            }
            items.push_back("g:" + global);
            continue;
        }
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
        if (op == 'X' || op == 0x8c || op == 'U' || op == 'T') // strings
            items.push_back("s:" + std::string(reinterpret_cast<const char*>(p.data() + i), static_cast<std::size_t>(length)));
        else if (op == 0x8a && length <= 8) // LONG1
            items.push_back("i:" + std::to_string(le(p.data() + i, static_cast<int>(length))));
        else
            items.push_back("?");
        i += static_cast<std::size_t>(length);
    }
    return {};
}

} // namespace

std::string torchArchiveProblem(const std::string& path, RecordSizes* sizes)
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
    std::map<std::string, std::uint64_t> recordSizes;
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
        const std::string key = name.substr(name.find('/') == std::string::npos ? 0 : name.find('/') + 1);
        const bool again = recordSizes.count(key) > 0; // a name given twice: the smaller record counts
        std::uint64_t* recordSize = &recordSizes[key];
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
        *recordSize = again ? std::min(*recordSize, plain) : plain;
    }
    // The pickles themselves, inflated by LibTorch's own reader now that its sizes are bounded.
    try {
        caffe2::serialize::PyTorchStreamReader reader(path);
        for (const auto& record : reader.getAllRecords()) {
            // LibTorch's zip reader finds records ignoring case ("data.pkL" is read as data.pkl).
            std::string lower = record;
            std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
            if (lower.size() < 3 || lower.compare(lower.size() - 3, 3, "pkl") != 0)
                continue;
            auto [bytes, length] = reader.getRecord(record);
            const auto* begin = static_cast<const unsigned char*>(bytes.get());
            const std::string problem =
                pickleProblem(std::vector<unsigned char>(begin, begin + length), record, recordSizes);
            if (!problem.empty())
                return path + ": " + problem;
        }
    } catch (const std::exception& e) {
        return path + " is not a LibTorch archive (" + std::string(e.what()).substr(0, 200) + ")";
    }
    if (sizes)
        *sizes = std::move(recordSizes);
    return {};
}

bool tensorFitsStorage(const torch::Tensor& t)
{
    if (!t.defined())
        return false;
    if (t.numel() == 0)
        return true;
    if (!t.has_storage() || t.storage_offset() < 0)
        return false;
    std::int64_t last = t.storage_offset();
    for (std::int64_t d = 0; d < t.dim(); ++d) {
        if (t.stride(d) < 0)
            return false;
        last += (t.size(d) - 1) * t.stride(d);
    }
    return static_cast<std::uint64_t>(last + 1) * t.element_size() <= t.storage().nbytes();
}

} // namespace delineo::ml
