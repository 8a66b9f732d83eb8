#pragma once
#include <dcmtk/config/osconfig.h>
#include <dcmtk/dcmdata/dcfilefo.h>
// Internal: DICOM decoding with DCMTK.
#include "delineo/core/Errors.h"
#include "delineo/core/Image.h"
#include "delineo/core/Volume.h"

namespace delineo::core {

// Every frame of a (multi-frame) file; maxFrames limits decoding (e.g. 1 for a thumbnail).
// Unmeasured (`measure` false), frames stay in the file's order for a caller that keeps some of
// them (one stack of several in a file) and measures those with measureFrames.
Volume readDicomFrames(const std::string& path, int maxFrames = 1 << 30, bool measure = true);
// Frames placed in the patient are ordered and measured as a series of files is (orderAndMeasure);
// frames sharing a place keep their order, with a warning.
void measureFrames(Volume& vol);

// DCMTK allocates what an element's declared length says when its value is first read: a mutated
// length of 3 GB in a 1 KB file would ask for 3 GB. Every element (nested ones too) must fit in the
// file (deflated files: in DELINEO_MAX_IMAGE_MB). Throws ImageError(Corrupt) naming the element.
void checkElementLengths(DcmFileFormat& file, const std::string& path);
Image readDicom(const std::string& path);
// Orders slices placed in the patient along the slice normal (else by instance number) and derives
// the slice spacing; reports what does not fit a regular grid (gaps, a shared position, a tilt).
void orderAndMeasure(Volume& v);

// DCMTK 3.6.7 can throw standard exceptions on damaged input (std::out_of_range from
// DcmByteString::verify while it reads a directory record). Every load in Delineo goes through
// guardedLoad, which turns those into ImageError(Corrupt) naming the file.
template <class Load>
OFCondition guardedLoad(const std::string& path, Load&& load)
{
    try {
        return load();
    } catch (const ImageError&) {
        throw;
    } catch (const std::exception& e) {
        throw ImageError(ErrorCode::Corrupt, "cannot parse DICOM file " + path + ": " + e.what());
    }
}
enum class DicomLoad {
    Full,          // every value
    Header,        // values over 4 KiB (pixel data) stay on disk until asked for
    UntilPixelData // nothing from the pixel data on
};
OFCondition loadDicomFile(DcmFileFormat& file, const std::string& path, DicomLoad how);
// Where a slice sits in the DICOM model, from its file's header.
struct SourceRef {
    OFString patient, study, series, sopClass, sopInstance, frameOfReference;
};
// Each slice's; a multi-frame file's header is read once for all its frames. ImageError(Corrupt)
// for a file without study, series or SOP instance UID.
std::vector<SourceRef> readRefs(const Volume& source);

// Once per process: decoders registered, DCMTK's own logging quiet (errors reach users typed).
void registerDicomCodecs();

} // namespace delineo::core
