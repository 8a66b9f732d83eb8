#pragma once
// Internal: what tells the stacks of one DICOM series apart.
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcitem.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace delineo::core {

class FunctionalGroups;

// One image's (or one enhanced frame's) place among the stacks of its series: echo, temporal
// position, diffusion weighting, complex component and plane. Empty strings: not said.
struct DicomStackKey {
    std::string echo, phase, b, component;
    std::array<double, 6> cosines{};
    bool oriented = false;
};

// An enhanced file's echo is its effective echo time, zero-padded after this prefix so that
// echoes sort by time (and are numbered in that order).
inline constexpr const char* kEchoTime = "TE ";

// A classic image's key, from its top-level attributes: Echo Numbers, Temporal Position
// Identifier, Diffusion b-value (else the b-value Siemens, GE or Philips keep in their private
// groups, found through their private creators), the magnitude/phase/real/imaginary token of an
// MR Image Type, Image Orientation.
DicomStackKey stackKeyOf(DcmItem* dataset);

// Frame `frame` of an enhanced file, from its functional groups (PS3.3 C.7.6.16): the MR Echo,
// Frame Content, MR Diffusion and MR Image Frame Type macros and the plane's orientation; `file`'s
// values where the groups say nothing.
DicomStackKey frameStackKey(const FunctionalGroups& groups, long frame, DicomStackKey file);

// The first value of element `name` ("B_value") in a Siemens CSA header (the "SV10" layout and
// the older one without it), as its text; empty when it is not there or the header is damaged.
std::string siemensCsaValue(const std::uint8_t* data, std::size_t size, const std::string& name);

} // namespace delineo::core
