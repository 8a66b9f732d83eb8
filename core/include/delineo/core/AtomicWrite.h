#pragma once
#include <functional>
#include <string>

namespace delineo::core {

// For writers that insist on a file name (ITK, DCMTK): `write` fills a temporary file beside
// `target` (same extension, so format detection still works); it is then fsynced and renamed
// over `target`. On failure the temporary is removed and ImageError(WriteFailed) is thrown;
// `write` reports failure by throwing or returning a non-empty message.
void writeViaTempFile(const std::string& target, const std::function<std::string(const std::string& tempPath)>& write);

// Text (JSON, HTML, CSV) written the same way. Throws ImageError(WriteFailed).
void writeTextFile(const std::string& target, const std::string& text);

} // namespace delineo::core
