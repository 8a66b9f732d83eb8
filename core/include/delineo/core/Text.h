#pragma once
// String helpers the readers share: file extensions, header keys and class names compared
// without regard to case.
#include <string>

namespace delineo::core {

// ASCII lower case, whatever the locale.
std::string lowercase(std::string s);
// Whether `s` ends with `tail` (case as given: lowercase first to ignore it).
bool endsWith(const std::string& s, const std::string& tail);

} // namespace delineo::core
