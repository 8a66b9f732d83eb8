#include "delineo/core/MeasurementFigure.h"
#include "delineo/core/Reslicer.h"
#include "delineo/core/Volume.h"

#include <cmath>

namespace delineo::core {

MeasurementFigure measurementFigure(const Volume& volume, const Measurement& m, bool values)
{
    MeasurementFigure out;
    if (m.points.size() < 2 || volume.depth() == 0)
        return out;
    for (const bool patient : {false, true}) {
        if (patient && !Reslicer::oblique(volume))
            break;
        const Reslicer r(volume, patient);
        for (const Plane plane : {Plane::Axial, Plane::Coronal, Plane::Sagittal}) {
            const double index = std::round(r.planeAt(plane, m.points[0])[0]);
            std::vector<std::array<double, 2>> points, pixels; // where they lie (uneven slices), and on the plane's image
            const std::vector<double> bands = r.bands(volume, plane); // uneven slices, where they lie
            for (const auto& voxel : m.points) {
                const Reslicer::Point at = r.planeAt(plane, voxel);
                if (std::abs(at[0] - index) > 0.5)
                    break;
                points.push_back({at[1], bandedRow(bands, at[2])});
                pixels.push_back({at[1], at[2]});
            }
            if (points.size() != m.points.size())
                continue;
            const PlaneAxes axes = r.axes(volume, plane);
            out = {true, plane, int(index), r.alongPatient(),
                   m.closed ? polygonAreaMm2(axes, points) : distanceMm(axes, points.front(), points.back()), {}};
            if (values && m.closed && volume.slice(0).channels == 1 && !volume.slice(0).bytes.empty())
                out.values = regionStats(r.image(volume, plane, int(index), false), pixels);
            return out;
        }
    }
    return out;
}

} // namespace delineo::core
