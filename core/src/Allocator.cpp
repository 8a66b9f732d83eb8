#include "delineo/core/Allocator.h"

#include <malloc.h>

namespace delineo::core {

void useMmapForLargeBuffers()
{
    // Setting the threshold explicitly also turns off glibc's dynamic adjustment.
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
}

} // namespace delineo::core
