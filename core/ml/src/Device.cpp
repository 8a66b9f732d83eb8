#include <torch/version.h>
#include "delineo/ml/Device.h"

#include <torch/torch.h>
#include <cstdlib>
#include <thread>

namespace delineo::ml {

int cpuThreads()
{
    // OMP_NUM_THREADS when it is set (torchrun sets it to share a machine's cores between ranks).
    if (const char* omp = std::getenv("OMP_NUM_THREADS"); omp && std::atoi(omp) > 0)
        return std::atoi(omp);
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : static_cast<int>(n);
}

void useAllCpuThreads()
{
    // Torch defaults to a single intra-op thread on this platform.
    if (at::get_num_threads() != cpuThreads())
        at::set_num_threads(cpuThreads());
}

void useOneCpuThreadHere()
{
    at::set_num_threads(1);
}

std::string preferredDevice()
{
    useAllCpuThreads();
    return torch::cuda::is_available() ? "cuda" : "cpu";
}

} // namespace delineo::ml

namespace delineo::ml {

std::string torchVersion()
{
    return TORCH_VERSION;
}

} // namespace delineo::ml
