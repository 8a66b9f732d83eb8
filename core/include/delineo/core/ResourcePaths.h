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
// A helper program of Delineo's, by file name: installed (<exe>/../libexec/delineo/), beside the
// running program, or in the build tree; empty when none is found.
std::string helperProgram(const std::string& name);

} // namespace delineo::core
