#pragma once
#include <nlohmann/json.hpp>

#include <string>

namespace delineo::ml {

// How deep arrays and objects nest in a JSON text (strings and escapes respected), stopping as soon
// as `limit` is passed. nlohmann::json parses recursively: a sidecar nested 200,000 deep would
// exhaust the stack, so files from outside are measured first.
int jsonDepth(const std::string& text, int limit = 64);
constexpr int kMaxJsonDepth = 64;

// `text` parsed when it nests at most kMaxJsonDepth deep; otherwise, or when it is not JSON, a
// discarded value (is_discarded(), neither object nor array). For text from outside.
nlohmann::json parseBounded(const std::string& text);

} // namespace delineo::ml
