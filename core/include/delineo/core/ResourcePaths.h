#pragma once
#include <string>

namespace delineo::core {

// Folder with models/ and demo/: $DELINEO_RESOURCES, else <exe>/../share/delineo, else the
// source tree's resources/ (development builds).
std::string resourceDir();
// Models the user imported or trained: $XDG_DATA_HOME/Delineo/models (~/.local/share/...).
std::string userModelDir();
// The shipped polyp model (resources/models/polyp-unet.pt), or $DELINEO_MODEL when set.
std::string defaultModelPath();

} // namespace delineo::core
