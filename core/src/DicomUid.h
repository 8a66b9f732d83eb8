#pragma once
// Internal: UUID-derived DICOM UIDs.
#include <string>

namespace delineo::core {

// A UUID (32 hex digits, dashes ignored) as a DICOM UID: "2.25." and the UUID as one decimal number
// (PS3.5 B.2). Empty for anything else. A measurement's key keeps its tracking UID in every report
// this way, and a de-identified UID is written so.
std::string uuidUid(const std::string& uuid);

} // namespace delineo::core
