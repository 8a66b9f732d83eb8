#include "delineo/ml/Sandbox.h"

#include <torch/torch.h>

#include <csignal>

// Present only in sanitizer builds (weak: null otherwise). libFuzzer registers a death callback
// that writes the current input as a crash artefact; in the child the parent's input is not at fault.
extern "C" void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

namespace delineo::ml {

void becomeSandboxChild()
{
    for (int sig : {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL})
        std::signal(sig, SIG_DFL);
    if (__sanitizer_set_death_callback)
        __sanitizer_set_death_callback(nullptr);
    at::set_num_threads(1);
}

} // namespace delineo::ml
