// A UW-Madison case-day folder: one volume of its slices.
#include "ReaderSupport.h"
#include "delineo/core/Errors.h"
#include "delineo/core/Reader.h"
#include "delineo/core/UwMadison.h"

namespace delineo::core {

class UwCaseDayReader : public Reader {
public:
    std::string id() const override { return "uw-case-day"; }
    std::string title() const override { return "UW-Madison case-day folders"; }
    std::vector<std::string> patterns() const override { return {}; }
    bool readsFolders() const override { return true; }
    bool slow() const override { return true; }
    bool canRead(const std::string& path) const override { return reading::isDirectory(path) && uw::isCaseDay(path); }
    Volume read(const std::string& path, const std::atomic<bool>*, const LoadProgress&) const override
    {
        return uw::loadCaseDay(path);
    }
};

std::unique_ptr<Reader> makeUwCaseDayReader() { return std::make_unique<UwCaseDayReader>(); }

} // namespace delineo::core
