#pragma once
#include <string>

namespace delineo::ml {

// "cuda" when a CUDA device is usable, else "cpu". Also sets torch to use every CPU core.
std::string preferredDevice();
void useAllCpuThreads();
// For a thread that runs forward passes beside others, each on its own core: one intra-op thread
// for the calling thread's own parallel regions (OpenMP keeps the setting per thread).
void useOneCpuThreadHere();
int cpuThreads(); // OMP_NUM_THREADS when set, else the hardware threads
std::string torchVersion();

} // namespace delineo::ml
