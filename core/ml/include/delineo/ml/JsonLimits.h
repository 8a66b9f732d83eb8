#pragma once
#include <string>

namespace delineo::ml {

// How deep arrays and objects nest in a JSON text (strings and escapes respected), stopping as soon
// as `limit` is passed. nlohmann::json parses recursively: a sidecar nested 200,000 deep would
// exhaust the stack, so files from outside are measured first.
int jsonDepth(const std::string& text, int limit = 64);
constexpr int kMaxJsonDepth = 64;

} // namespace delineo::ml
