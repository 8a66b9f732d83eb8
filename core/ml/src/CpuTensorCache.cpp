#include "delineo/ml/CpuTensorCache.h"

#include <c10/core/Allocator.h>
#include <c10/core/CPUAllocator.h>
#include <c10/util/Exception.h>

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <mutex>
#include <set>
#include <unordered_map>
#include <vector>

namespace delineo::ml::CpuTensorCache {

namespace {

constexpr std::size_t kHugePage = std::size_t(2) << 20;
constexpr std::size_t kSmallAlignment = 64; // what LibTorch's own CPU allocator gives

std::size_t roundedSize(std::size_t n)
{
    const std::size_t step = n >= 8 * kHugePage ? kHugePage : std::size_t(256) << 10;
    return (n + step - 1) / step * step;
}

std::size_t physicalBytes()
{
    const long pages = sysconf(_SC_PHYS_PAGES), pageSize = sysconf(_SC_PAGESIZE);
    return pages > 0 && pageSize > 0 ? std::size_t(pages) * std::size_t(pageSize) : 0;
}

std::size_t defaultLimit()
{
    return std::clamp<std::size_t>(physicalBytes() / 4, std::size_t(1) << 30, std::size_t(16) << 30);
}

class Cache final : public c10::Allocator {
public:
    // LibTorch 1.13 declares allocate() const, 2.3 and later non-const: defining both (without
    // 'override') overrides whichever the LibTorch in use declares.
    c10::DataPtr allocate(std::size_t n) const
    {
        void* p = n >= kMinCachedBytes ? takeLarge(n) : allocateSmall(n);
        return {p, p, &Cache::free, c10::Device(c10::DeviceType::CPU)};
    }
    c10::DataPtr allocate(std::size_t n) { return static_cast<const Cache*>(this)->allocate(n); }
    c10::DeleterFnPtr raw_deleter() const override { return &Cache::free; }
    // Pure virtual in later LibTorch versions; unused by 1.13.
    void copy_data(void* dest, const void* src, std::size_t count) const
    {
        if (count > 0)
            std::memcpy(dest, src, count);
    }

    static Cache& instance()
    {
        static Cache* cache = new Cache; // never destroyed: tensors may outlive static destruction
        return *cache;
    }

    void release()
    {
        std::vector<void*> gone;
        {
            std::lock_guard lock(mutex_);
            gone = trimmed(0);
        }
        freeAll(gone);
    }
    void setLimit(std::size_t bytes)
    {
        std::vector<void*> gone;
        {
            std::lock_guard lock(mutex_);
            limit_ = bytes;
            gone = trimmed(effectiveLimit());
        }
        freeAll(gone);
    }
    void enterScope(std::size_t limit)
    {
        std::lock_guard lock(mutex_);
        scopeLimits_.insert(limit);
    }
    void leaveScope(std::size_t limit)
    {
        std::vector<void*> gone;
        {
            std::lock_guard lock(mutex_);
            scopeLimits_.erase(scopeLimits_.find(limit));
            // The last scope gives everything back; a training run ending inside a delineo-cli run
            // shrinks the cache to the command line's smaller cap.
            gone = trimmed(effectiveLimit());
        }
        freeAll(gone);
    }
    Stats stats() const
    {
        std::lock_guard lock(mutex_);
        return stats_;
    }

private:
    static void* allocateSmall(std::size_t n)
    {
        if (n == 0)
            return nullptr;
        void* p = nullptr;
        if (posix_memalign(&p, kSmallAlignment, n) != 0)
            TORCH_CHECK(false, "out of memory: could not allocate ", n, " bytes of CPU memory");
        return p;
    }

    void* takeLarge(std::size_t n) const
    {
        const std::size_t size = roundedSize(n);
        {
            std::lock_guard lock(mutex_);
            auto it = free_.find(size);
            if (it != free_.end() && !it->second.empty()) {
                void* p = it->second.back();
                it->second.pop_back();
                stats_.cachedBytes -= size;
                stats_.liveBytes += size;
                ++stats_.hits;
                live_.emplace(p, size);
                return p;
            }
        }
        void* p = nullptr;
        if (posix_memalign(&p, kHugePage, size) != 0) {
            const_cast<Cache*>(this)->release(); // the cache may hold what the system now lacks
            if (posix_memalign(&p, kHugePage, size) != 0)
                TORCH_CHECK(false, "out of memory: could not allocate ", n, " bytes of CPU memory");
        }
        madvise(p, size, MADV_HUGEPAGE); // a hint; the kernel may back the block with huge pages
        std::lock_guard lock(mutex_);
        stats_.liveBytes += size;
        ++stats_.misses;
        live_.emplace(p, size);
        return p;
    }

    static void free(void* p)
    {
        if (!p)
            return;
        Cache& c = instance();
        std::vector<void*> gone;
        bool kept = false;
        {
            std::lock_guard lock(c.mutex_);
            auto it = c.live_.find(p);
            if (it != c.live_.end()) {
                const std::size_t size = it->second;
                c.live_.erase(it);
                c.stats_.liveBytes -= size;
                const std::size_t limit = c.effectiveLimit();
                if (size <= limit) {
                    // Blocks of sizes no longer asked for (another image size, a finished run) make
                    // room for this one: the cache follows the current work and stays under its cap.
                    if (c.stats_.cachedBytes + size > limit)
                        gone = c.trimmed(limit - size, size);
                    if (c.stats_.cachedBytes + size <= limit) {
                        c.free_[size].push_back(p);
                        c.stats_.cachedBytes += size;
                        kept = true;
                    }
                }
            }
        }
        freeAll(gone);
        if (!kept)
            std::free(p);
    }

    // The cap while scopes are open: the largest any of them asked for, within setLimit's.
    std::size_t effectiveLimit() const
    {
        return scopeLimits_.empty() ? 0 : std::min(limit_, *scopeLimits_.rbegin());
    }

    // Takes cached blocks out until at most `bytes` stay cached, never those of size `spare` (a
    // block of that size is being freed: trading one for another gains nothing); returns them to be
    // freed outside the lock. Callers hold the mutex.
    std::vector<void*> trimmed(std::size_t bytes, std::size_t spare = 0) const
    {
        std::vector<void*> gone;
        for (auto it = free_.begin(); it != free_.end() && stats_.cachedBytes > bytes;) {
            if (it->first == spare) {
                ++it;
                continue;
            }
            auto& blocks = it->second;
            while (!blocks.empty() && stats_.cachedBytes > bytes) {
                gone.push_back(blocks.back());
                blocks.pop_back();
                stats_.cachedBytes -= it->first;
            }
            it = blocks.empty() ? free_.erase(it) : std::next(it);
        }
        return gone;
    }

    static void freeAll(const std::vector<void*>& blocks)
    {
        for (void* p : blocks)
            std::free(p);
    }

    mutable std::mutex mutex_;
    mutable std::unordered_map<std::size_t, std::vector<void*>> free_;
    mutable std::unordered_map<void*, std::size_t> live_;
    mutable Stats stats_;
    std::size_t limit_ = std::numeric_limits<std::size_t>::max(); // setLimit's, over every scope's own
    mutable std::multiset<std::size_t> scopeLimits_;               // one entry per open scope: its cap
};

std::once_flag installOnce;

} // namespace

void setLimit(std::size_t bytes)
{
    Cache::instance().setLimit(bytes);
}

Stats stats()
{
    return Cache::instance().stats();
}

std::size_t inferenceLimit()
{
    return std::clamp<std::size_t>(physicalBytes() / 16, std::size_t(256) << 20, std::size_t(1) << 30);
}

Scope::Scope() : Scope(defaultLimit()) {}

Scope::Scope(std::size_t limit) : limit_(limit)
{
    std::call_once(installOnce, [] {
        // Priority above LibTorch's default allocator, which registers itself at 0.
        c10::SetCPUAllocator(&Cache::instance(), 1);
    });
    Cache::instance().enterScope(limit_);
}

Scope::~Scope()
{
    Cache::instance().leaveScope(limit_);
}

} // namespace delineo::ml::CpuTensorCache
