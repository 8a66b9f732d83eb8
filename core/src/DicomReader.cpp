#include "DicomReader.h"
#include "DicomFunctionalGroups.h"
#include "DicomLuts.h"
#include "J2kDecoder.h"
#include "RleDecoder.h"
#include "delineo/core/Errors.h"
#include "delineo/core/Limits.h"
#include "delineo/core/LoadWarning.h"

#include <cstdio>
#include <filesystem>

#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcuid.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcmetinf.h>
#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmdata/dcvr.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>
#include <dcmtk/oflog/oflog.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <mutex>

namespace delineo::core {

void registerDicomCodecs()
{
    static std::once_flag once;
    std::call_once(once, [] {
        OFLog::configure(OFLogger::FATAL_LOG_LEVEL);
        // Datasets written in implicit VR under an explicit transfer syntax exist in the wild (an
        // element whose "VR" bytes are not letters): read them as implicit, as pydicom and GDCM do.
        dcmAcceptUnexpectedImplicitEncoding.set(OFTrue);
        // Elements written with VR UN get their dictionary VR back (so Modality or DoseGridScaling
        // stored as UN are read as the strings and numbers they are).
        dcmEnableUnknownVRConversion.set(OFTrue);
        DJDecoderRegistration::registerCodecs();
        DJLSDecoderRegistration::registerCodecs();
        DcmRLEDecoderRegistration::registerCodecs();
    });
}

namespace {

long intTag(DcmItem* ds, const DcmTagKey& key, long fallback)
{
    Uint16 v16 = 0;
    if (ds->findAndGetUint16(key, v16).good())
        return v16;
    OFString s;
    if (ds->findAndGetOFString(key, s).good() && !s.empty())
        return std::atol(s.c_str());
    return fallback;
}

double doubleTag(DcmItem* ds, const DcmTagKey& key, double fallback, unsigned long pos = 0)
{
    Float64 v = 0;
    return ds->findAndGetFloat64(key, v, pos).good() ? v : fallback;
}

std::string stringTag(DcmItem* ds, const DcmTagKey& key)
{
    OFString s;
    ds->findAndGetOFString(key, s);
    return std::string(s.c_str());
}

// Reads stored values (masked/sign-extended to BitsStored) and applies the modality LUT.
template <typename Stored>
void decodeSamples(const Stored* src, std::size_t n, int bitsStored, bool isSigned, double slope, double intercept,
                   Image& img)
{
    const bool identity = slope == 1.0 && intercept == 0.0;
    const std::uint32_t mask = bitsStored >= 32 ? 0xffffffffu : ((1u << bitsStored) - 1u);
    const std::uint32_t signBit = 1u << (bitsStored - 1);
    auto value = [&](std::size_t i) -> double {
        std::uint32_t raw = static_cast<std::uint32_t>(src[i]) & mask;
        if (isSigned && (raw & signBit))
            return static_cast<double>(static_cast<std::int32_t>(raw | ~mask));
        return static_cast<double>(raw);
    };
    if (!identity || (isSigned && sizeof(Stored) == 1) || sizeof(Stored) == 4) {
        img.type = PixelType::F32;
        img.bytes.resize(n * sizeof(float));
        float* out = reinterpret_cast<float*>(img.bytes.data());
        for (std::size_t i = 0; i < n; ++i)
            out[i] = static_cast<float>(value(i) * slope + intercept);
    } else if (sizeof(Stored) == 1) {
        img.type = PixelType::U8;
        img.bytes.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            img.bytes[i] = static_cast<std::uint8_t>(value(i));
    } else if (bitsStored == 16) {
        // Nothing to mask or extend: the stored words are the values.
        img.type = isSigned ? PixelType::I16 : PixelType::U16;
        img.bytes.resize(n * 2);
        std::memcpy(img.bytes.data(), src, n * 2);
    } else {
        img.type = isSigned ? PixelType::I16 : PixelType::U16;
        img.bytes.resize(n * 2);
        if (isSigned) {
            auto* out = reinterpret_cast<std::int16_t*>(img.bytes.data());
            for (std::size_t i = 0; i < n; ++i)
                out[i] = static_cast<std::int16_t>(value(i));
        } else {
            auto* out = reinterpret_cast<std::uint16_t*>(img.bytes.data());
            for (std::size_t i = 0; i < n; ++i)
                out[i] = static_cast<std::uint16_t>(value(i));
        }
    }
}

// A lookup table: Modality LUT Sequence (instead of rescale slope/intercept), VOI LUT Sequence
// (instead of a window), or one palette colour channel.
struct ModalityLut {
    std::vector<std::uint16_t> table;
    long firstMapped = 0;
};

ModalityLut readLut(DcmItem* ds, DcmItem* item, const DcmTagKey& descriptorKey, const DcmTagKey& dataKey,
                    const DcmTagKey* segmentedKey = nullptr)
{
    ModalityLut lut;
    Uint16 desc[3] = {0, 0, 0};
    for (unsigned long i = 0; i < 3; ++i) {
        // The descriptor's VR is US or SS depending on the writer.
        Sint16 signedValue = 0;
        if (item->findAndGetUint16(descriptorKey, desc[i], i).bad() &&
            item->findAndGetSint16(descriptorKey, signedValue, i).good())
            desc[i] = static_cast<Uint16>(signedValue);
    }
    const unsigned long entries = desc[0] == 0 ? 65536 : desc[0];
    // The first mapped value is signed when the pixel data is.
    lut.firstMapped = intTag(ds, DCM_PixelRepresentation, 0) == 1 ? static_cast<Sint16>(desc[1]) : desc[1];
    const Uint16* data = nullptr;
    unsigned long count = 0;
    if (item->findAndGetUint16Array(dataKey, data, &count).bad() || !data) {
        if (segmentedKey && item->findAndGetUint16Array(*segmentedKey, data, &count).good() && data)
            lut.table = expandSegmentedLut(data, count, entries);
        return lut;
    }
    if (desc[2] == 8 && count * 2 >= entries && count < entries) {
        // 8-bit entries packed two per word.
        const auto* bytes = reinterpret_cast<const std::uint8_t*>(data);
        lut.table.assign(bytes, bytes + entries);
    } else if (count >= entries) {
        lut.table.assign(data, data + entries);
    }
    return lut;
}

ModalityLut readLutItem(DcmItem* ds, const DcmTagKey& sequence)
{
    ModalityLut lut;
    DcmItem* item = nullptr;
    if (ds->findAndGetSequenceItem(sequence, item, 0).bad() || !item)
        return lut;
    return readLut(ds, item, DCM_LUTDescriptor, DCM_LUTData);
}

ModalityLut readModalityLut(DcmItem* ds) { return readLutItem(ds, DCM_ModalityLUTSequence); }

// Red, green, blue palettes, each scaled to 8 bits.
std::array<ModalityLut, 3> readPalette(DcmItem* ds)
{
    static const DcmTagKey segmented[3] = {DCM_SegmentedRedPaletteColorLookupTableData,
                                           DCM_SegmentedGreenPaletteColorLookupTableData,
                                           DCM_SegmentedBluePaletteColorLookupTableData};
    std::array<ModalityLut, 3> p{
        readLut(ds, ds, DCM_RedPaletteColorLookupTableDescriptor, DCM_RedPaletteColorLookupTableData, &segmented[0]),
        readLut(ds, ds, DCM_GreenPaletteColorLookupTableDescriptor, DCM_GreenPaletteColorLookupTableData, &segmented[1]),
        readLut(ds, ds, DCM_BluePaletteColorLookupTableDescriptor, DCM_BluePaletteColorLookupTableData, &segmented[2])};
    for (auto& l : p) {
        const bool sixteen = std::any_of(l.table.begin(), l.table.end(), [](std::uint16_t v) { return v > 255; });
        if (sixteen)
            for (auto& v : l.table)
                v = static_cast<std::uint16_t>(v >> 8);
    }
    return p;
}

void applyPalette(const std::array<ModalityLut, 3>& p, Image& img)
{
    const std::size_t n = img.pixelCount();
    std::vector<std::uint8_t> rgb(n * 3);
    for (std::size_t i = 0; i < n; ++i) {
        const long raw = static_cast<long>(img.value(static_cast<int>(i % img.width), static_cast<int>(i / img.width)));
        for (int c = 0; c < 3; ++c) {
            const long last = static_cast<long>(p[c].table.size()) - 1;
            rgb[i * 3 + c] = static_cast<std::uint8_t>(p[c].table[static_cast<std::size_t>(std::clamp(raw - p[c].firstMapped, 0L, last))]);
        }
    }
    img.bytes.swap(rgb);
    img.type = PixelType::U8;
    img.channels = 3;
    img.photometric = "RGB";
}

// Replaces stored values by their table entry (values outside the table clamp to its ends).
void applyModalityLut(const ModalityLut& lut, Image& img)
{
    const std::size_t n = img.pixelCount() * img.channels;
    std::vector<std::uint8_t> out(n * 2);
    auto* dst = reinterpret_cast<std::uint16_t*>(out.data());
    const long last = static_cast<long>(lut.table.size()) - 1;
    for (std::size_t i = 0; i < n; ++i) {
        const long raw = static_cast<long>(img.value(static_cast<int>(i % img.width), static_cast<int>(i / img.width)));
        dst[i] = lut.table[static_cast<std::size_t>(std::clamp(raw - lut.firstMapped, 0L, last))];
    }
    img.bytes.swap(out);
    img.type = PixelType::U16;
}

// Reads pixel data that ends the file directly (one pread, no parser copy). Checks the element
// header in front of it; false means "use DCMTK's path".
bool readTrailingPixelData(const std::string& path, std::size_t length, bool explicitVr, std::size_t needed,
                           std::vector<std::uint8_t>& out)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st {};
    bool ok = false;
    const std::size_t header = explicitVr ? 12 : 8;
    if (::fstat(fd, &st) == 0 && static_cast<std::size_t>(st.st_size) >= length + header + 132) {
        const off_t offset = st.st_size - static_cast<off_t>(length);
        unsigned char h[12] = {};
        if (::pread(fd, h, header, offset - static_cast<off_t>(header)) == static_cast<ssize_t>(header)) {
            std::uint32_t len = 0;
            std::memcpy(&len, h + header - 4, 4);
            const bool tagOk = h[0] == 0xE0 && h[1] == 0x7F && h[2] == 0x10 && h[3] == 0x00;
            const bool vrOk = !explicitVr || ((h[4] == 'O' && (h[5] == 'W' || h[5] == 'B')) && h[6] == 0 && h[7] == 0);
            if (tagOk && vrOk && len == length && needed <= length) {
                out.resize(needed);
                std::size_t done = 0;
                while (done < needed) {
                    const ssize_t n = ::pread(fd, out.data() + done, needed - done, offset + static_cast<off_t>(done));
                    if (n <= 0)
                        break;
                    done += static_cast<std::size_t>(n);
                }
                ok = done == needed;
            }
        }
    }
    ::close(fd);
    return ok;
}

// Float and Double Float Pixel Data (parametric maps): the values themselves, no rescale or LUT.
Volume readFloatPixelData(DcmDataset* ds, const std::string& path, Image img, int maxFrames, bool measure)
{
    const long rows = intTag(ds, DCM_Rows, 0), cols = intTag(ds, DCM_Columns, 0);
    const long fileFrames = std::max(1L, intTag(ds, DCM_NumberOfFrames, 1));
    if (rows <= 0 || cols <= 0 || rows > 65535 || cols > 65535 || intTag(ds, DCM_SamplesPerPixel, 1) != 1)
        throw ImageError(ErrorCode::Corrupt, path + ": invalid image size");
    const bool isDouble = !ds->tagExists(DCM_FloatPixelData);
    const std::size_t needed = checkedImageBytes(path, std::uint64_t(rows), std::uint64_t(cols), 1,
                                                 isDouble ? 8 : 4, std::uint64_t(fileFrames)) / (isDouble ? 8 : 4);
    const Float32* f32 = nullptr;
    const Float64* f64 = nullptr;
    unsigned long count = 0;
    const bool ok = isDouble ? ds->findAndGetFloat64Array(DCM_DoubleFloatPixelData, f64, &count).good() && f64
                             : ds->findAndGetFloat32Array(DCM_FloatPixelData, f32, &count).good() && f32;
    if (!ok || count < needed)
        throw ImageError(ErrorCode::Corrupt, path + ": float pixel data is truncated (" + std::to_string(count) +
                                                 " of " + std::to_string(needed) + " values)");
    img.width = static_cast<int>(cols);
    img.height = static_cast<int>(rows);
    img.channels = 1;
    img.type = PixelType::F32;
    img.photometric = "MONOCHROME2";
    img.modality = stringTag(ds, DCM_Modality);
    img.seriesUid = stringTag(ds, DCM_SeriesInstanceUID);
    Volume vol;
    vol.source = path;
    vol.seriesUid = img.seriesUid;
    vol.description = stringTag(ds, DCM_SeriesDescription);
    const std::size_t pixels = static_cast<std::size_t>(rows) * cols;
    const FunctionalGroups groups(ds);
    for (long f = 0; f < std::min<long>(fileFrames, std::max(1, maxFrames)); ++f) {
        Image frame = img;
        frame.fileFrame = fileFrames > 1 ? int(f + 1) : 0;
        double noSlope = 1.0, noIntercept = 0.0;
        groups.apply(f, frame, noSlope, noIntercept, false);
        frame.bytes.resize(pixels * sizeof(float));
        auto* out = reinterpret_cast<float*>(frame.bytes.data());
        for (std::size_t i = 0; i < pixels; ++i) {
            const double v = isDouble ? f64[f * pixels + i] : f32[f * pixels + i];
            out[i] = std::isfinite(v) ? static_cast<float>(v) : 0.0f;
        }
        vol.slices.push_back(std::move(frame));
    }
    if (!vol.slices.empty()) {
        vol.geometry.spacing = {vol.slices[0].spacingX, vol.slices[0].spacingY, 1.0};
        vol.geometry.spacingKnown = vol.slices[0].spacingKnown;
    }
    if (measure)
        measureFrames(vol);
    return vol;
}

} // namespace

// Frames placed in the patient (an enhanced series) are ordered and measured as a series of files is.
// Frames sharing a place (several echoes or stacks in one file) keep the file's order: sorted, the
// stacks would interleave.
void measureFrames(Volume& vol)
{
    auto& s = vol.slices;
    if (s.size() < 2 || !std::all_of(s.begin(), s.end(), [](const Image& i) { return i.hasPosition && i.hasOrientation; }))
        return;
    std::vector<double> at;
    for (const Image& i : s)
        at.push_back(i.location());
    std::sort(at.begin(), at.end());
    if (std::adjacent_find(at.begin(), at.end(), [](double a, double b) { return b - a < 1e-6; }) != at.end()) {
        vol.warnings.push_back({warning::kSharedPosition, {}});
        return;
    }
    orderAndMeasure(vol);
}

Image readDicom(const std::string& path)
{
    Volume v = readDicomFrames(path, 1);
    return std::move(v.slices.front());
}

void checkElementLengths(DcmFileFormat& file, const std::string& path)
{
    std::error_code ec;
    const std::uint64_t fileSize = std::filesystem::file_size(path, ec);
    if (ec)
        return;
    const bool deflated = file.getDataset()->getOriginalXfer() == EXS_DeflatedLittleEndianExplicit;
    const std::uint64_t limit = deflated ? std::max<std::uint64_t>(fileSize, maxImageBytes()) : fileSize;
    DcmStack stack;
    while (file.getDataset()->nextObject(stack, OFTrue).good()) {
        DcmObject* o = stack.top();
        const Uint32 length = o->getLength();
        if (length != DCM_UndefinedLength && length > limit) {
            const DcmTag& tag = o->getTag();
            char name[16];
            std::snprintf(name, sizeof name, "(%04x,%04x)", tag.getGroup(), tag.getElement());
            throw ImageError(ErrorCode::Corrupt, path + ": element " + name + " claims " + std::to_string(length) +
                                                     " bytes; the file has " + std::to_string(fileSize));
        }
    }
}

OFCondition loadDicomFile(DcmFileFormat& file, const std::string& path, DicomLoad how)
{
    return guardedLoad(path, [&] {
        switch (how) {
        case DicomLoad::Full: return file.loadFile(path.c_str());
        case DicomLoad::Header: return file.loadFile(path.c_str(), EXS_Unknown, EGL_noChange, 4096, ERM_autoDetect);
        case DicomLoad::UntilPixelData: break;
        }
        return file.loadFileUntilTag(path.c_str(), EXS_Unknown, EGL_noChange, 4096, ERM_autoDetect, DCM_PixelData);
    });
}

Volume readDicomFrames(const std::string& path, int maxFrames, bool measure)
{
    registerDicomCodecs();
    DcmFileFormat file;
    // Values over 4 KiB (pixel data) are not read here: uncompressed pixels are then read straight
    // into Delineo's buffer, compressed ones are loaded by DCMTK on demand.
    OFCondition st = loadDicomFile(file, path, DicomLoad::Header);
    if (st.bad())
        throw ImageError(ErrorCode::Corrupt, "cannot parse DICOM file " + path + ": " + st.text());
    checkElementLengths(file, path);
    DcmDataset* ds = file.getDataset();
    const E_TransferSyntax xs = ds->getOriginalXfer();
    Image img;
    img.path = path;
    img.format = "dicom";
    img.transferSyntax = DcmXfer(xs).getXferName();
    // DCMTK 3.6.7 knows no HTJ2K syntax, so the meta header's UID decides.
    const std::string syntaxUid = stringTag(file.getMetaInfo(), DCM_TransferSyntaxUID);
    const bool j2k = isJpeg2000Syntax(syntaxUid);
    if (j2k && syntaxUid.rfind("1.2.840.10008.1.2.4.20", 0) == 0)
        img.transferSyntax = "High-Throughput JPEG 2000 (" + syntaxUid + ")";
    if (!ds->tagExists(DCM_PixelData)) {
        if (ds->tagExists(DCM_FloatPixelData) || ds->tagExists(DCM_DoubleFloatPixelData))
            return readFloatPixelData(ds, path, img, maxFrames, measure);
        throw ImageError(ErrorCode::UnsupportedFormat, path + " is a DICOM file without pixel data");
    }
    if (stringTag(ds, DCM_SOPClassUID) == UID_SegmentationStorage)
        throw ImageError(ErrorCode::UnsupportedFormat,
                         path + " is a DICOM SEG, a label file: open it over the image it was drawn on "
                                "(Mask → Open Segmentation, or workspace import --labels)");
    // Sizes from the header are checked before anything is decoded or allocated: a mutated
    // NumberOfFrames or Rows must give a typed error, not an overflow or gigabytes of memory.
    // (Decompression may change the photometric interpretation, so the tags are read again after.)
    const long fileFrames = std::max(1L, intTag(ds, DCM_NumberOfFrames, 1));
    const bool uncompressedLE = !j2k && (xs == EXS_LittleEndianExplicit || xs == EXS_LittleEndianImplicit);
    const bool rle = !j2k && xs == EXS_RLELossless;
    {
        const long r = intTag(ds, DCM_Rows, 0), c = intTag(ds, DCM_Columns, 0), b = intTag(ds, DCM_BitsAllocated, 16);
        const long n = intTag(ds, DCM_SamplesPerPixel, 1);
        const bool halfChroma = n == 3 && stringTag(ds, DCM_PhotometricInterpretation) == "YBR_FULL_422";
        if (r <= 0 || c <= 0 || r > 65535 || c > 65535 || n < 1 || b < 1)
            throw ImageError(ErrorCode::Corrupt, path + ": invalid image size");
        const std::size_t claimed = checkedImageBytes(path, std::uint64_t(r), std::uint64_t(c),
                                                      std::uint64_t(halfChroma ? 2 : n), std::uint64_t((b + 7) / 8),
                                                      std::uint64_t(fileFrames));
        std::error_code sizeError;
        const auto fileSize = std::filesystem::file_size(path, sizeError);
        if ((uncompressedLE || xs == EXS_BigEndianExplicit) && !sizeError && claimed > fileSize)
            throw ImageError(ErrorCode::Corrupt, path + ": the header promises " + std::to_string(claimed) +
                                                     " bytes of pixel data; the file has " + std::to_string(fileSize));
    }
    if (!uncompressedLE && !rle && !j2k)
        st = ds->chooseRepresentation(EXS_LittleEndianExplicit, nullptr);
    if (st.bad())
        throw ImageError(ErrorCode::UnsupportedCompression,
                         "cannot decompress " + path + " (" + img.transferSyntax + "): " + st.text());

    const long rows = intTag(ds, DCM_Rows, 0), cols = intTag(ds, DCM_Columns, 0);
    const long bitsAllocated = intTag(ds, DCM_BitsAllocated, 16);
    const long bitsStored = intTag(ds, DCM_BitsStored, bitsAllocated);
    const bool isSigned = intTag(ds, DCM_PixelRepresentation, 0) == 1;
    const long spp = intTag(ds, DCM_SamplesPerPixel, 1);
    long planar = intTag(ds, DCM_PlanarConfiguration, 0);
    img.photometric = stringTag(ds, DCM_PhotometricInterpretation);
    img.modality = stringTag(ds, DCM_Modality);
    // OpenJPEG undoes JPEG 2000's own component transform: what it returns is RGB.
    if (j2k && (img.photometric == "YBR_ICT" || img.photometric == "YBR_RCT"))
        img.photometric = "RGB";
    if (rows <= 0 || cols <= 0 || rows > 65535 || cols > 65535)
        throw ImageError(ErrorCode::Corrupt, path + ": invalid image size");
    if ((bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) || bitsStored < 1 ||
        bitsStored > bitsAllocated)
        throw ImageError(ErrorCode::UnsupportedFormat,
                         path + ": " + std::to_string(bitsAllocated) + "-bit pixels are not supported");
    if (spp != 1 && spp != 3)
        throw ImageError(ErrorCode::UnsupportedFormat, path + ": " + std::to_string(spp) + " samples per pixel");
    const bool mono = img.photometric.rfind("MONOCHROME", 0) == 0;
    const bool palette = spp == 1 && img.photometric == "PALETTE COLOR";
    // A count of samples that the interpretation contradicts is a damaged header, not a format.
    const bool colourName = img.photometric == "RGB" || img.photometric.rfind("YBR", 0) == 0;
    if ((spp == 3 && (mono || img.photometric == "PALETTE COLOR")) || (spp == 1 && colourName))
        throw ImageError(ErrorCode::Corrupt, path + ": SamplesPerPixel " + std::to_string(spp) +
                                                 " contradicts photometric interpretation " + img.photometric);
    if ((spp == 1 && !mono && !palette) ||
        (spp == 3 && img.photometric != "RGB" && img.photometric.rfind("YBR", 0) != 0))
        throw ImageError(ErrorCode::UnsupportedFormat,
                         path + ": photometric interpretation " + img.photometric + " is not supported yet");

    // Uncompressed YBR_FULL_422 stores Y1 Y2 Cb Cr for each pair of pixels (PS3.3 C.7.6.3.1.2).
    const bool subsampled = spp == 3 && img.photometric == "YBR_FULL_422" && bitsAllocated == 8 &&
                            (xs == EXS_LittleEndianExplicit || xs == EXS_LittleEndianImplicit || xs == EXS_BigEndianExplicit);
    if (subsampled && cols % 2 != 0)
        throw ImageError(ErrorCode::Corrupt, path + ": YBR_FULL_422 needs an even number of columns");

    img.width = static_cast<int>(cols);
    img.height = static_cast<int>(rows);
    img.channels = static_cast<int>(spp);
    img.invertDisplay = img.photometric == "MONOCHROME1";
    img.seriesUid = stringTag(ds, DCM_SeriesInstanceUID);
    img.instanceNumber = static_cast<int>(intTag(ds, DCM_InstanceNumber, 0));
    const double sy = doubleTag(ds, DCM_PixelSpacing, 0.0, 0), sx = doubleTag(ds, DCM_PixelSpacing, 0.0, 1);
    if (sx > 0 && sy > 0 && std::isfinite(sx) && std::isfinite(sy)) {
        img.spacingX = sx;
        img.spacingY = sy;
        img.spacingKnown = true;
    }
    img.hasPosition = ds->tagExists(DCM_ImagePositionPatient);
    for (unsigned long i = 0; i < 3; ++i)
        img.position[i] = doubleTag(ds, DCM_ImagePositionPatient, 0.0, i);
    img.hasOrientation = ds->tagExists(DCM_ImageOrientationPatient);
    for (unsigned long i = 0; i < 6; ++i)
        img.orientation[i] = doubleTag(ds, DCM_ImageOrientationPatient, img.orientation[i], i);
    // "NaN", "inf" or 1e300 in a damaged header is no place: it would break every ordering along the
    // normal (differences of huge values are infinite, and infinity times 0 is NaN).
    const auto finite = [](const auto& values) { return std::all_of(values.begin(), values.end(), plausible); };
    if (!finite(img.position)) {
        img.hasPosition = false;
        img.position = {0, 0, 0};
    }
    if (!finite(img.orientation)) {
        img.hasOrientation = false;
        img.orientation = {1, 0, 0, 0, 1, 0};
    }
    for (unsigned long i = 0; i < 8; ++i) {
        const double c = doubleTag(ds, DCM_WindowCenter, 0.0, i), w = doubleTag(ds, DCM_WindowWidth, 0.0, i);
        if (w <= 0)
            break;
        std::string name = "File window " + std::to_string(i + 1);
        OFString explanation;
        if (ds->findAndGetOFString(DCM_WindowCenterWidthExplanation, explanation, i).good() && !explanation.empty())
            name = explanation.c_str();
        img.windows.push_back(Window{c, w, name});
    }

    const std::size_t samples = static_cast<std::size_t>(rows) * cols * (subsampled ? 2 : spp);
    double topSlope = mono ? doubleTag(ds, DCM_RescaleSlope, 1.0) : 1.0;
    // RT dose: stored values times DoseGridScaling are doses in DoseUnits (PS3.3 C.8.8.3.2).
    if (mono && img.modality == "RTDOSE")
        topSlope *= doubleTag(ds, DCM_DoseGridScaling, 1.0);
    const double topIntercept = mono ? doubleTag(ds, DCM_RescaleIntercept, 0.0) : 0.0;
    const long frames = std::min<long>(fileFrames, std::max(1, maxFrames));
    // Enhanced CT/MR: the first frame's spacing and place stand for the file, each frame its own.
    const FunctionalGroups groups(ds);
    if (groups.present()) {
        double ignoredSlope = topSlope, ignoredIntercept = topIntercept;
        groups.apply(0, img, ignoredSlope, ignoredIntercept, mono);
    }

    DcmElement* px = nullptr;
    if (ds->findAndGetElement(DCM_PixelData, px).bad() || !px)
        throw ImageError(ErrorCode::Corrupt, path + ": pixel data unreadable");
    const std::size_t frameBytes = samples * (bitsAllocated / 8);
    const std::size_t bytesNeeded = frameBytes * static_cast<std::size_t>(fileFrames); // checked above
    const void* raw = nullptr;
    std::vector<std::uint8_t> direct;
    if (j2k) {
        // Stored values are read with the dataset's BitsStored and PixelRepresentation, also where the
        // codestream says otherwise (PS3.5 8.2.4 requires them to agree; pydicom and GDCM both let
        // the dataset win).
        decodeJ2kPixelData(ds, path, frames, J2kLayout{rows, cols, static_cast<int>(spp), static_cast<int>(bitsAllocated / 8)},
                           direct);
        planar = 0;
        raw = direct.data();
    } else if (uncompressedLE && readTrailingPixelData(path, px->getLength(), xs == EXS_LittleEndianExplicit, bytesNeeded, direct))
        raw = direct.data();
    else if (rle && !subsampled && planar == 0 &&
             decodeRlePixelData(ds, fileFrames, rows, cols, static_cast<int>(spp), static_cast<int>(bitsAllocated / 8), direct))
        raw = direct.data();
    if (!raw) {
        if (rle) {
            // Fragmented or unusual RLE: DCMTK's decoder, which may also change the planar layout.
            st = ds->chooseRepresentation(EXS_LittleEndianExplicit, nullptr);
            if (st.bad())
                throw ImageError(ErrorCode::UnsupportedCompression, "cannot decompress " + path + " (RLE): " + st.text());
            planar = intTag(ds, DCM_PlanarConfiguration, 0);
            if (ds->findAndGetElement(DCM_PixelData, px).bad() || !px)
                throw ImageError(ErrorCode::Corrupt, path + ": pixel data unreadable");
        }
        if (px->getLength() < bytesNeeded)
            throw ImageError(ErrorCode::Corrupt, path + ": pixel data is truncated (" + std::to_string(px->getLength()) +
                                                     " of " + std::to_string(bytesNeeded) + " bytes)");
        if (bitsAllocated == 8) {
            Uint8* data = nullptr;
            if (px->getUint8Array(data).bad() || !data)
                throw ImageError(ErrorCode::Corrupt, path + ": pixel data unreadable");
            raw = data;
        } else if (bitsAllocated == 32) {
            // DCMTK swaps pixel data as 16-bit words: a big-endian file's 32-bit values still have
            // their two halves in the wrong order.
            Uint16* data = nullptr;
            if (px->getUint16Array(data).bad() || !data)
                throw ImageError(ErrorCode::Corrupt, path + ": pixel data unreadable");
            direct.resize(bytesNeeded);
            std::memcpy(direct.data(), data, bytesNeeded);
            if (xs == EXS_BigEndianExplicit)
                for (std::size_t i = 0; i + 3 < direct.size(); i += 4) {
                    std::swap(direct[i], direct[i + 2]);
                    std::swap(direct[i + 1], direct[i + 3]);
                }
            raw = direct.data();
        } else {
            Uint16* data = nullptr;
            if (px->getUint16Array(data).bad() || !data)
                throw ImageError(ErrorCode::Corrupt, path + ": pixel data unreadable");
            raw = data;
        }
    }
    Volume vol;
    vol.source = path;
    vol.seriesUid = img.seriesUid;
    vol.description = stringTag(ds, DCM_SeriesDescription);
    vol.geometry.spacing = {img.spacingX, img.spacingY, 1.0};
    vol.geometry.spacingKnown = img.spacingKnown;
    if (frames > 1) {
        const double between = doubleTag(ds, DCM_SpacingBetweenSlices, groups.sliceStep());
        const double thickness = doubleTag(ds, DCM_SliceThickness, 0.0);
        // RT dose grids give their planes' offsets instead (PS3.3 C.8.8.3.2).
        const double gridStep = std::abs(doubleTag(ds, DCM_GridFrameOffsetVector, 0.0, 1) -
                                         doubleTag(ds, DCM_GridFrameOffsetVector, 0.0, 0));
        if ((between > 0 || thickness > 0 || gridStep > 0) && std::isfinite(between) && std::isfinite(thickness) &&
            std::isfinite(gridStep)) {
            vol.geometry.spacing[2] = between > 0 ? between : (gridStep > 0 ? gridStep : thickness);
            vol.geometry.sliceSpacingKnown = true;
        }
    }
    const bool ybr = spp == 3 && (img.photometric == "YBR_FULL" || subsampled) && bitsAllocated == 8;
    const ModalityLut lut = mono ? readModalityLut(ds) : ModalityLut{};
    std::array<ModalityLut, 3> paletteLuts;
    if (palette) {
        paletteLuts = readPalette(ds);
        if (paletteLuts[0].table.empty() || paletteLuts[1].table.empty() || paletteLuts[2].table.empty())
            throw ImageError(ErrorCode::UnsupportedFormat, path + ": palette colour without a readable (unsegmented) palette");
    }
    const ModalityLut voi = mono ? readLutItem(ds, DCM_VOILUTSequence) : ModalityLut{};
    if (!voi.table.empty()) {
        img.voiLut = voi.table;
        img.voiLutFirst = voi.firstMapped;
        img.windows.insert(img.windows.begin(), Window{0, 0, "VOI LUT"});
    }
    // The common CT/MR case: the words read from disk already are the values, so keep that buffer.
    const bool keepBuffer = frames == 1 && raw == direct.data() && direct.size() == frameBytes && bitsAllocated == 16 &&
                            bitsStored == 16 && topSlope == 1.0 && topIntercept == 0.0 && lut.table.empty() && !palette &&
                            spp == 1 && !groups.present();
    for (long f = 0; f < frames; ++f) {
        Image frame = img;
        frame.fileFrame = fileFrames > 1 ? int(f + 1) : 0;
        double slope = topSlope, intercept = topIntercept;
        if (groups.present())
            groups.apply(f, frame, slope, intercept, mono);
        if (keepBuffer) {
            frame.type = isSigned ? PixelType::I16 : PixelType::U16;
            frame.bytes = std::move(direct);
        } else if (bitsAllocated == 8)
            decodeSamples(static_cast<const Uint8*>(raw) + f * samples, samples, static_cast<int>(bitsStored), isSigned,
                          slope, intercept, frame);
        else if (bitsAllocated == 32)
            decodeSamples(static_cast<const Uint32*>(raw) + f * samples, samples, static_cast<int>(bitsStored),
                          isSigned, slope, intercept, frame);
        else
            decodeSamples(static_cast<const Uint16*>(raw) + f * samples, samples, static_cast<int>(bitsStored),
                          isSigned, slope, intercept, frame);
        if (!lut.table.empty())
            applyModalityLut(lut, frame);
        if (palette)
            applyPalette(paletteLuts, frame);
        if (spp == 3 && planar == 1 && frame.type == PixelType::U8) {
            // Colour-by-plane to interleaved.
            std::vector<std::uint8_t> inter(frame.bytes.size());
            const std::size_t plane = static_cast<std::size_t>(rows) * cols;
            for (std::size_t i = 0; i < plane; ++i)
                for (int c = 0; c < 3; ++c)
                    inter[i * 3 + c] = frame.bytes[c * plane + i];
            frame.bytes.swap(inter);
        }
        if (subsampled) {
            std::vector<std::uint8_t> full(frame.pixelCount() * 3);
            for (std::size_t k = 0; k < frame.pixelCount() / 2; ++k) {
                const std::uint8_t* q = &frame.bytes[k * 4];
                const std::uint8_t pix[6] = {q[0], q[2], q[3], q[1], q[2], q[3]};
                std::memcpy(&full[k * 6], pix, 6);
            }
            frame.bytes.swap(full);
        }
        if (ybr) {
            // ITU-R BT.601 full range, as PS3.3 C.7.6.3.1.2 defines YBR_FULL.
            for (std::size_t i = 0; i + 2 < frame.bytes.size(); i += 3) {
                const double y = frame.bytes[i], cb = frame.bytes[i + 1] - 128.0, cr = frame.bytes[i + 2] - 128.0;
                auto clamp8 = [](double v) { return static_cast<std::uint8_t>(std::clamp(v + 0.5, 0.0, 255.0)); };
                frame.bytes[i] = clamp8(y + 1.402 * cr);
                frame.bytes[i + 1] = clamp8(y - 0.344136 * cb - 0.714136 * cr);
                frame.bytes[i + 2] = clamp8(y + 1.772 * cb);
            }
            frame.photometric = "RGB";
        }
        vol.slices.push_back(std::move(frame));
    }
    if (measure)
        measureFrames(vol);
    return vol;
}

} // namespace delineo::core
