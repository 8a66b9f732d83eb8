#include "DicomStackKey.h"
#include "delineo/core/Text.h"
#include "DicomFunctionalGroups.h"
#include "delineo/core/Image.h"
#include "delineo/core/Limits.h"

#include <dcmtk/dcmdata/dcdeftag.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace delineo::core {

namespace {

std::string wholeNumber(double value) { return fixedPoint(value, 0); }

// Element `element` (its low byte) of the private block that `creator` reserved in `group`.
DcmTagKey privateTag(DcmItem* ds, Uint16 group, const char* creator, Uint16 element)
{
    for (Uint16 block = 0x10; block <= 0xFF; ++block) {
        OFString name;
        if (ds->findAndGetOFString(DcmTagKey(group, block), name).good() && name == creator)
            return DcmTagKey(group, Uint16(block << 8 | element));
    }
    return DcmTagKey();
}

// The b-value where only a vendor's private group says it (classic diffusion images of older
// software): Siemens' B_value (its own element, else the CSA image header's), GE's first
// "Slop_int_6" value (some versions add 1e9 to it), Philips' Diffusion B-Factor.
std::string privateBValue(DcmItem* ds)
{
    Sint32 whole = 0;
    if (const DcmTagKey siemens = privateTag(ds, 0x0019, "SIEMENS MR HEADER", 0x0C); siemens.getGroup() != 0) {
        OFString text;
        if (ds->findAndGetOFString(siemens, text).good() && !text.empty())
            return wholeNumber(std::atof(text.c_str()));
    }
    if (const DcmTagKey csa = privateTag(ds, 0x0029, "SIEMENS CSA HEADER", 0x10); csa.getGroup() != 0) {
        const Uint8* bytes = nullptr;
        unsigned long length = 0;
        if (ds->findAndGetUint8Array(csa, bytes, &length).good() && bytes) {
            const std::string text = siemensCsaValue(bytes, length, "B_value");
            if (const double b = std::atof(text.c_str()); !text.empty() && plausible(b))
                return wholeNumber(b);
        }
    }
    if (const DcmTagKey ge = privateTag(ds, 0x0043, "GEMS_PARM_01", 0x39); ge.getGroup() != 0)
        if (ds->findAndGetSint32(ge, whole, 0).good())
            return wholeNumber(double(whole % 1000000000));
    if (const DcmTagKey philips = privateTag(ds, 0x2001, "Philips Imaging DD 001", 0x03); philips.getGroup() != 0) {
        Float32 b = 0;
        if (ds->findAndGetFloat32(philips, b).good() && plausible(b))
            return wholeNumber(b);
    }
    return {};
}

// MAGNITUDE, PHASE, REAL or IMAGINARY from an MR Image Type's tokens ("ORIGINAL\PRIMARY\P\ND"),
// which Siemens and Philips write for each component of one series; empty when none says.
std::string componentOf(DcmItem* ds)
{
    OFString modality;
    if (ds->findAndGetOFString(DCM_Modality, modality).bad() || modality != "MR")
        return {};
    OFString token;
    for (unsigned long i = 2; ds->findAndGetOFString(DCM_ImageType, token, i).good(); ++i) {
        if (token == "M" || token == "MAGNITUDE")
            return "MAGNITUDE";
        if (token == "P" || token == "PHASE")
            return "PHASE";
        if (token == "R" || token == "REAL")
            return "REAL";
        if (token == "I" || token == "IMAGINARY")
            return "IMAGINARY";
    }
    return {};
}

std::int32_t little32(const std::uint8_t* p)
{
    return std::int32_t(std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24);
}

} // namespace

std::string siemensCsaValue(const std::uint8_t* data, std::size_t size, const std::string& name)
{
    // Siemens' own layout, as nibabel's csareader reads it: a count of elements, then each
    // element's 64-byte name, vm, vr, syngodt, item count and a check word, then its items (four
    // words, the second the length in SV10, then the text padded to four bytes).
    const bool sv10 = size >= 8 && std::equal(data, data + 4, "SV10");
    std::size_t at = sv10 ? 8 : 0;
    if (size < at + 8)
        return {};
    const std::int32_t elements = little32(data + at);
    at += 8;
    if (elements < 1 || elements > 1000)
        return {};
    std::int32_t firstItems = 0;
    for (std::int32_t e = 0; e < elements; ++e) {
        if (size < at + 84)
            return {};
        const char* text = reinterpret_cast<const char*>(data + at);
        const std::string element(text, std::find(text, text + 64, '\0'));
        const std::int32_t items = little32(data + at + 76);
        at += 84;
        if (items < 0 || items > 999)
            return {};
        if (e == 1)
            firstItems = items; // the older layout counts item lengths from it
        for (std::int32_t i = 0; i < items; ++i) {
            if (size < at + 16)
                return {};
            const std::int32_t length = sv10 ? little32(data + at + 4) : little32(data + at) - firstItems;
            at += 16;
            if (length < 0 || std::size_t(length) > size - at)
                return {};
            if (i == 0 && element == name && length > 0) {
                const char* value = reinterpret_cast<const char*>(data + at);
                std::string out(value, std::find(value, value + length, '\0'));
                out.erase(0, out.find_first_not_of(' '));
                out.erase(out.find_last_not_of(' ') + 1);
                return out;
            }
            at += (std::size_t(length) + 3) / 4 * 4;
        }
    }
    return {};
}

DicomStackKey stackKeyOf(DcmItem* ds)
{
    DicomStackKey key;
    OFString echo, phase;
    ds->findAndGetOFString(DCM_EchoNumbers, echo);
    ds->findAndGetOFString(DCM_TemporalPositionIdentifier, phase);
    key.echo = echo.c_str();
    key.phase = phase.c_str();
    Float64 b = 0;
    key.b = ds->findAndGetFloat64(DCM_DiffusionBValue, b).good() && plausible(b) ? wholeNumber(b) : privateBValue(ds);
    key.component = componentOf(ds);
    key.oriented = true;
    for (unsigned long k = 0; k < 6; ++k)
        key.oriented = key.oriented && ds->findAndGetFloat64(DCM_ImageOrientationPatient, key.cosines[k], k).good();
    return key;
}

DicomStackKey frameStackKey(const FunctionalGroups& groups, long frame, DicomStackKey k)
{
    Float64 value = 0;
    if (DcmItem* echo = groups.macro(frame, DCM_MREchoSequence))
        if (echo->findAndGetFloat64(DCM_EffectiveEchoTime, value).good() && plausible(value)) {
            char text[40];
            std::snprintf(text, sizeof text, "%s%014.3f", kEchoTime, value);
            k.echo = text;
        }
    Uint32 index = 0;
    if (DcmItem* content = groups.macro(frame, DCM_FrameContentSequence))
        if (content->findAndGetUint32(DCM_TemporalPositionIndex, index).good())
            k.phase = std::to_string(index);
    if (DcmItem* diffusion = groups.macro(frame, DCM_MRDiffusionSequence))
        if (diffusion->findAndGetFloat64(DCM_DiffusionBValue, value).good() && plausible(value))
            k.b = wholeNumber(value);
    OFString component;
    if (DcmItem* type = groups.macro(frame, DCM_MRImageFrameTypeSequence))
        if (type->findAndGetOFString(DCM_ComplexImageComponent, component).good() && !component.empty())
            k.component = component == "MIXED" ? "" : component.c_str();
    Image place;
    double slope = 1.0, intercept = 0.0;
    groups.apply(frame, place, slope, intercept, false);
    if (place.hasOrientation) {
        k.cosines = place.orientation;
        k.oriented = true;
    }
    return k;
}

} // namespace delineo::core
