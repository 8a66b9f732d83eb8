#pragma once
// Internal: NIfTI and NRRD headers validated before ITK reads them. ITK's NIfTI reader hands a
// non-finite sform or qform to VNL, which calls abort(); an NRRD header may name any file on the
// machine as its data. Both are refused here with a typed error naming the file.
#include <string>

namespace delineo::core {

void validateItkHeader(const std::string& path);

} // namespace delineo::core
