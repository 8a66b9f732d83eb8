#pragma once
#include <string>
#include <utility>
#include <vector>

namespace delineo::core {

// (component, version) of what Delineo runs on: LibTorch (and the compute device in use), DCMTK,
// ITK, OpenCV, SQLite. Shown by Help → About and `--version`.
std::vector<std::pair<std::string, std::string>> componentVersions();

} // namespace delineo::core
