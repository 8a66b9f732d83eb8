#pragma once

namespace delineo::core {

// Serves image-sized buffers (>= 128 KiB) with their own mappings, returned to the system when
// freed. Without it glibc raises its mmap threshold after the first large free and keeps freed
// slices in the heap, so a loaded series could cost twice its size. Call once at startup.
void useMmapForLargeBuffers();

} // namespace delineo::core
