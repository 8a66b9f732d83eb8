#pragma once
#include <string>

namespace delineo::core {

// Folder with models/ and demo/: $DELINEO_RESOURCES, else <exe>/../share/delineo, else the
// source tree's resources/ (development builds).
std::string resourceDir();
// The shipped polyp model (resources/models/polyp-unet.pt), or $DELINEO_MODEL when set.
std::string defaultModelPath();

} // namespace delineo::core
