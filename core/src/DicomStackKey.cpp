#include "DicomStackKey.h"
#include "delineo/core/Text.h"
#include "DicomFunctionalGroups.h"
#include "delineo/core/Image.h"
#include "delineo/core/Limits.h"

#include <dcmtk/dcmdata/dcdeftag.h>

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
// software): Siemens' B_value, GE's first "Slop_int_6" value (some versions add 1e9 to it),
// Philips' Diffusion B-Factor.
std::string privateBValue(DcmItem* ds)
{
    Sint32 whole = 0;
    if (const DcmTagKey siemens = privateTag(ds, 0x0019, "SIEMENS MR HEADER", 0x0C); siemens.getGroup() != 0) {
        OFString text;
        if (ds->findAndGetOFString(siemens, text).good() && !text.empty())
            return wholeNumber(std::atof(text.c_str()));
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

} // namespace

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
