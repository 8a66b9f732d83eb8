#pragma once
// Internal: matching file names against reader patterns ("*.nii.gz"), case-insensitively.
#include <string>
#include <vector>

namespace delineo::core::reading {

bool nameMatches(const std::string& path, const std::vector<std::string>& patterns);
bool isDirectory(const std::string& path);

} // namespace delineo::core::reading
