// The exporters, registered explicitly: a new format is one file in this folder plus its line here.
#include "delineo/core/Errors.h"
#include "delineo/core/Exporter.h"

namespace delineo::core {

std::unique_ptr<Exporter> makePngExporter();
std::unique_ptr<Exporter> makeNnUnetExporter();
std::unique_ptr<Exporter> makeCocoExporter();
std::unique_ptr<Exporter> makeNiftiExporter();
std::unique_ptr<Exporter> makeDicomSegExporter();
std::unique_ptr<Exporter> makeDicomSrExporter();
std::unique_ptr<Exporter> makeUwCsvExporter();
std::unique_ptr<Exporter> makeMeasurementsCsvExporter();

const std::vector<std::unique_ptr<Exporter>>& exporters()
{
    static const std::vector<std::unique_ptr<Exporter>> list = [] {
        std::vector<std::unique_ptr<Exporter>> v;
        for (auto make : {makePngExporter, makeNnUnetExporter, makeCocoExporter, makeNiftiExporter,
                          makeDicomSegExporter, makeDicomSrExporter, makeMeasurementsCsvExporter, makeUwCsvExporter})
            v.push_back(make());
        return v;
    }();
    return list;
}

const Exporter& exporter(const std::string& id)
{
    std::string known;
    for (const auto& e : exporters()) {
        if (e->id() == id)
            return *e;
        known += (known.empty() ? "" : ", ") + e->id();
    }
    throw ImageError(ErrorCode::UnsupportedFormat, "no exporter '" + id + "' (known: " + known + ")");
}

} // namespace delineo::core
