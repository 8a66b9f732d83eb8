#pragma once
#include <string>

namespace delineo::ml {

// "cuda" when a CUDA device is usable, else "cpu". Also sets torch to use every CPU core.
std::string preferredDevice();
void useAllCpuThreads();
int cpuThreads();
std::string torchVersion();

} // namespace delineo::ml
