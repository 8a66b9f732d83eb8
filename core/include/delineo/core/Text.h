#pragma once
// String helpers the readers share: file extensions, header keys and class names compared
// without regard to case, and figures written with a fixed number of places.
#include <string>

namespace delineo::core {

// ASCII lower case, whatever the locale.
std::string lowercase(std::string s);
// Whether `s` ends with `tail` (case as given: lowercase first to ignore it).
bool endsWith(const std::string& s, const std::string& tail);
// A figure with `decimals` places, for a person or a key: "4.00 mm", not "4.001926 mm"; "1000".
std::string fixedPoint(double value, int decimals);

} // namespace delineo::core
