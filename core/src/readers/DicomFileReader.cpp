// DICOM files through DCMTK: by extension, or by the DICM preamble when the name says nothing.
#include "../DicomReader.h"
#include "ReaderSupport.h"
#include "delineo/core/Errors.h"
#include "delineo/core/DicomSeries.h"
#include "delineo/core/Reader.h"
#include "delineo/core/ImageIO.h"

namespace delineo::core {

class DicomFileReader : public Reader {
public:
    std::string id() const override { return "dicom"; }
    std::string title() const override { return "DICOM files"; }
    std::vector<std::string> patterns() const override { return {"*.dcm", "*.dicom", "*.ima"}; }
    bool slow() const override { return true; }
    bool canRead(const std::string& path) const override
    {
        return !reading::isDirectory(path) && (reading::nameMatches(path, patterns()) || looksLikeDicom(path));
    }
    Volume read(const std::string& path, const std::atomic<bool>* cancel, const LoadProgress& progress) const override
    {
        // An enhanced file holding several stacks opens its largest, as a folder of several does;
        // any other file (a damaged one too, which then says what is wrong with it) as it is.
        DicomScan scan;
        try {
            scan = scanDicomFolder(path, 1);
        } catch (const ImageError&) {
        }
        if (scan.series.size() > 1)
            return loadLargestSeries(scan, path, cancel, progress);
        return readDicomFrames(path);
    }
};

std::unique_ptr<Reader> makeDicomFileReader() { return std::make_unique<DicomFileReader>(); }

} // namespace delineo::core
