#pragma once
// Internal: starts one of Delineo's helper programs (the video decoder) with chosen descriptors.
#include <string>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace delineo::core {

// Starts `args[0]` with `args`, each `fds` pair's first descriptor as its second (stdout is 1),
// nothing else of this process open in it (a file a library opened without O_CLOEXEC, a lock among
// them, must not stay open there) and no signal blocked, whichever thread starts it. The child's
// pid, or -1 with `error` (an errno value).
pid_t spawnHelper(const std::vector<std::string>& args, const std::vector<std::pair<int, int>>& fds, int& error);

} // namespace delineo::core
