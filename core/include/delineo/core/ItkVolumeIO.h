#pragma once
#include "delineo/core/Volume.h"

#include <map>
#include <string>
#include <vector>

namespace delineo::core {

// NIfTI (.nii, .nii.gz) and NRRD (.nrrd, .nhdr) through ITK, with geometry in LPS.
bool isItkVolumePath(const std::string& path);
// Images of any scalar type (8/16-bit kept, others as float) or RGB. `header`, when given, receives
// the header's text fields (a NRRD's key:=value pairs, such as 3D Slicer's segment names). Throws ImageError.
Volume readItkVolume(const std::string& path, std::map<std::string, std::string>* header = nullptr);
// Label volume (uint8) with the given geometry, written atomically; `fields` become a NRRD's
// key:=value lines (3D Slicer's segment fields). Throws ImageError.
void writeItkLabels(const std::string& path, const std::vector<LabelMap>& slices, const Geometry& geometry,
                    const std::map<std::string, std::string>& fields = {});
// A grey volume's values (after the modality LUT) as float32 with its geometry, written atomically.
void writeItkImage(const std::string& path, const Volume& volume);
// Label map per slice from a label NIfTI/NRRD (values must be 0..255, one component).
std::vector<LabelMap> readItkLabels(const std::string& path, Geometry* geometry = nullptr,
                                    std::map<std::string, std::string>* header = nullptr);

// The label maps of each component ("layer") of a NIfTI/NRRD, [layer][slice]: a 3D Slicer
// segmentation whose segments overlap keeps them in layers. Values must be 0..255.
std::vector<std::vector<LabelMap>> readItkLabelLayers(const std::string& path, Geometry* geometry = nullptr,
                                                      std::map<std::string, std::string>* header = nullptr);

} // namespace delineo::core
