#pragma once
// torchrun's conventions for a data-parallel job: RANK, WORLD_SIZE, LOCAL_RANK, MASTER_ADDR and
// MASTER_PORT say who this process is and where rank 0's TCPStore listens (no LibTorch needed to
// read them: the CLI decides with them what only rank 0 writes).
#include <chrono>
#include <string>

namespace delineo::ml {

struct DistributedSetup {
    int rank = 0, world = 1, localRank = 0;
    std::string masterAddr = "127.0.0.1";
    int masterPort = 29500;
    std::chrono::seconds timeout{300};   // a collective that waits longer ends the run (DELINEO_DIST_TIMEOUT)
    std::string device = "cpu";
    // torchrun's variables; world 1 when WORLD_SIZE is unset (then nothing is distributed).
    // TrainingError when they are set but wrong.
    static DistributedSetup fromEnvironment();
};

} // namespace delineo::ml
