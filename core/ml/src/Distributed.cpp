#include "delineo/ml/Distributed.h"
#include "delineo/ml/Errors.h"

#include <torch/csrc/distributed/c10d/ProcessGroup.hpp>
#include <torch/csrc/distributed/c10d/Store.hpp>
#if DELINEO_HAVE_GLOO
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#endif

#include <cstdlib>

namespace delineo::ml {

namespace {

int envInt(const char* name, int fallback)
{
    const char* v = std::getenv(name);
    if (!v || !*v)
        return fallback;
    char* end = nullptr;
    const long n = std::strtol(v, &end, 10);
    if (*end || n < 0 || n > 1'000'000)
        throw TrainingError(std::string(name) + " must be a whole number, not '" + v + "'");
    return static_cast<int>(n);
}

// A sum over the ranks that autograd sees through: the gradient of a sum over ranks is the sum
// over ranks of the gradients (every rank's loss depends on every rank's input).
class AllReduceSum : public torch::autograd::Function<AllReduceSum> {
public:
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x, Distributed* dist)
    {
        ctx->saved_data["dist"] = reinterpret_cast<std::int64_t>(dist);
        torch::Tensor y = x.clone();
        dist->sum(y);
        return y;
    }
    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx, torch::autograd::variable_list grads)
    {
        auto* dist = reinterpret_cast<Distributed*>(ctx->saved_data["dist"].toInt());
        torch::Tensor g = grads[0].contiguous().clone();
        dist->sum(g);
        return {g, torch::Tensor()};
    }
};

class SyncBatchNormImpl : public torch::nn::Module {
public:
    SyncBatchNormImpl(std::shared_ptr<torch::nn::BatchNorm2dImpl> bn, Distributed* dist) : bn_(std::move(bn)), dist_(dist) {}

    torch::Tensor forward(const torch::Tensor& input)
    {
        // This module is not registered: the wrapped layer's own flag follows net->train()/eval().
        if (!bn_->is_training())
            return bn_->forward(input);
        // The blocks may run in oneDNN's blocked layout: the statistics are taken on the plain one.
        if (input.is_mkldnn())
            return statistics(input.to_dense()).to_mkldnn();
        return statistics(input);
    }

private:
    torch::Tensor statistics(const torch::Tensor& x)
    {
        const std::int64_t c = x.size(1);
        const auto shape = std::vector<std::int64_t>{1, c, 1, 1};
        // Two passes (mean, then the squared deviations) as the plain layer computes them: one pass
        // of E[x^2] - E[x]^2 loses digits the single-process run keeps.
        const torch::Tensor count = torch::full({1}, double(x.numel() / c), x.options());
        const torch::Tensor first = AllReduceSum::apply(torch::cat({x.sum({0, 2, 3}), count}), dist_);
        const torch::Tensor total = first.narrow(0, c, 1);
        const torch::Tensor mean = first.narrow(0, 0, c) / total;
        const torch::Tensor centred = x - mean.view(shape);
        const torch::Tensor var = AllReduceSum::apply(centred.pow(2).sum({0, 2, 3}), dist_) / total;
        torch::Tensor y = centred * torch::rsqrt(var + bn_->options.eps()).view(shape);
        if (bn_->options.affine())
            y = y * bn_->weight.view(shape) + bn_->bias.view(shape);
        if (bn_->options.track_running_stats()) {
            torch::NoGradGuard noGrad;
            const double m = bn_->options.momentum().value_or(0.1);
            const double n = total.item<double>();
            bn_->running_mean.mul_(1 - m).add_(mean.detach() * m);
            bn_->running_var.mul_(1 - m).add_(var.detach() * (n / std::max(1.0, n - 1)) * m);
            bn_->num_batches_tracked.add_(1);
        }
        return y;
    }

    std::shared_ptr<torch::nn::BatchNorm2dImpl> bn_;
    Distributed* dist_;
};
TORCH_MODULE(SyncBatchNorm);

} // namespace

DistributedSetup DistributedSetup::fromEnvironment()
{
    DistributedSetup s;
    s.world = envInt("WORLD_SIZE", 1);
    if (s.world <= 1)
        return DistributedSetup{};
    s.rank = envInt("RANK", -1);
    if (s.rank < 0 || s.rank >= s.world)
        throw TrainingError("WORLD_SIZE is " + std::to_string(s.world) + ", so RANK must be 0 to " +
                            std::to_string(s.world - 1) + (std::getenv("RANK") ? std::string(", not ") + std::getenv("RANK") : ": it is unset"));
    s.localRank = envInt("LOCAL_RANK", s.rank);
    if (const char* a = std::getenv("MASTER_ADDR"); a && *a)
        s.masterAddr = a;
    s.masterPort = envInt("MASTER_PORT", 29500);
    if (s.masterPort < 1 || s.masterPort > 65535)
        throw TrainingError("MASTER_PORT must be 1 to 65535");
    s.timeout = std::chrono::seconds(std::max(10, envInt("DELINEO_DIST_TIMEOUT", 300)));
    return s;
}

#if DELINEO_HAVE_GLOO

template <typename F>
auto Distributed::guarded(const char* what, F&& f) -> decltype(f())
{
    try {
        return f();
    } catch (const TrainingError&) {
        throw;
    } catch (const std::exception& e) {
        std::string why = e.what();
        why = why.substr(0, why.find('\n'));
        throw TrainingError("distributed training, rank " + std::to_string(rank()) + " of " + std::to_string(world()) + ": " +
                            what + " failed (" + why + "); another rank has stopped or cannot be reached");
    }
}

Distributed::Distributed(const DistributedSetup& setup) : setup_(setup)
{
    guarded("joining the group", [&] {
        c10d::TCPStoreOptions o;
        o.port = static_cast<std::uint16_t>(setup.masterPort);
        o.isServer = setup.rank == 0;
        o.numWorkers = static_cast<std::size_t>(setup.world);
        o.waitWorkers = true;
        o.timeout = std::chrono::duration_cast<std::chrono::milliseconds>(setup.timeout);
        store_ = c10::make_intrusive<c10d::TCPStore>(setup.masterAddr, o);
        auto options = c10d::ProcessGroupGloo::Options::create(std::chrono::duration_cast<std::chrono::milliseconds>(setup.timeout));
        // On one machine the loopback interface; elsewhere the interface GLOO_SOCKET_IFNAME names
        // (torchrun's convention), or the one the host name resolves to.
        const bool local = setup.masterAddr == "localhost" || setup.masterAddr.rfind("127.", 0) == 0;
        if (const char* ifname = std::getenv("GLOO_SOCKET_IFNAME"); ifname && *ifname)
            options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(ifname));
        else if (local)
            options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1"));
        else
            options->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
        group_ = c10::make_intrusive<c10d::ProcessGroupGloo>(store_, setup.rank, setup.world, options);
        return 0;
    });
}

std::string Distributed::backend() const { return "gloo"; }

void Distributed::broadcast(const std::vector<torch::Tensor>& tensors)
{
    torch::NoGradGuard noGrad;
    guarded("the broadcast of the initial weights", [&] {
        for (const torch::Tensor& t : tensors) {
            std::vector<torch::Tensor> one{t.is_contiguous() ? t : t.contiguous()};
            group_->broadcast(one, c10d::BroadcastOptions{0})->wait();
            if (!t.is_contiguous())
                torch::Tensor(t).copy_(one[0]);
        }
        return 0;
    });
}

void Distributed::averageGradients(const std::vector<torch::Tensor>& parameters)
{
    constexpr std::int64_t kBucketBytes = 25 << 20;
    torch::NoGradGuard noGrad;
    if (parameters.empty())
        return;
    if (bucketed_ != parameters.size()) {
        buckets_.assign(1, {});
        std::int64_t bytes = 0;
        for (std::size_t i = 0; i < parameters.size(); ++i) {
            const std::int64_t b = parameters[i].numel() * parameters[i].element_size();
            if (bytes > 0 && bytes + b > kBucketBytes) {
                buckets_.emplace_back();
                bytes = 0;
            }
            buckets_.back().push_back(i);
            bytes += b;
        }
        bucketBuffers_.clear();
        for (const auto& bucket : buckets_) {
            std::int64_t elements = 0;
            for (std::size_t i : bucket)
                elements += parameters[i].numel();
            bucketBuffers_.push_back(torch::empty({elements}, parameters[bucket.front()].options()));
        }
        bucketed_ = parameters.size();
    }
    std::vector<std::vector<torch::Tensor>> flats;
    std::vector<c10::intrusive_ptr<c10d::Work>> work;
    guarded("averaging the gradients", [&] {
        for (std::size_t b = 0; b < buckets_.size(); ++b) {
            std::int64_t at = 0;
            for (std::size_t i : buckets_[b]) {
                const torch::Tensor& p = parameters[i];
                torch::Tensor slot = bucketBuffers_[b].narrow(0, at, p.numel());
                if (p.grad().defined())
                    slot.copy_(p.grad().reshape(-1));
                else
                    slot.zero_();
                at += p.numel();
            }
            flats.push_back({bucketBuffers_[b]});
            work.push_back(group_->allreduce(flats.back()));
        }
        for (auto& w : work)
            w->wait();
        return 0;
    });
    for (std::size_t b = 0; b < flats.size(); ++b) {
        torch::Tensor flat = flats[b][0].div_(world());
        std::int64_t at = 0;
        for (std::size_t i : buckets_[b]) {
            torch::Tensor p = parameters[i];
            torch::Tensor mean = flat.narrow(0, at, p.numel()).view_as(p);
            if (p.grad().defined())
                p.mutable_grad().copy_(mean);
            else
                p.mutable_grad() = mean.clone();
            at += p.numel();
        }
    }
}

void Distributed::sum(torch::Tensor& t)
{
    guarded("a sum over the ranks", [&] {
        std::vector<torch::Tensor> one{t.is_contiguous() ? t : t.contiguous()};
        group_->allreduce(one)->wait();
        if (!t.is_contiguous())
            t.copy_(one[0]);
        else
            t = one[0];
        return 0;
    });
}

void Distributed::barrier()
{
    guarded("the barrier", [&] {
        group_->barrier()->wait();
        return 0;
    });
}

#else // a LibTorch without Gloo's headers (some CUDA packages): one process only

Distributed::Distributed(const DistributedSetup& setup) : setup_(setup)
{
    throw TrainingError("this build of Delineo has no distributed training (Gloo's headers were not found when it was built)");
}
std::string Distributed::backend() const { return {}; }
void Distributed::broadcast(const std::vector<torch::Tensor>&) {}
void Distributed::averageGradients(const std::vector<torch::Tensor>&) {}
void Distributed::sum(torch::Tensor&) {}
void Distributed::barrier() {}

#endif

Distributed::~Distributed() = default;

std::unique_ptr<Distributed> Distributed::fromEnvironment(const std::string& device)
{
    DistributedSetup s = DistributedSetup::fromEnvironment();
    if (s.world <= 1)
        return nullptr;
    s.device = device;
    return std::make_unique<Distributed>(s);
}

int synchroniseBatchNorm(torch::nn::Module& net, Distributed& dist)
{
    int n = 0;
    for (const auto& m : net.modules(/*include_self=*/true)) {
        auto seq = std::dynamic_pointer_cast<torch::nn::SequentialImpl>(m);
        if (!seq)
            continue;
        for (auto it = seq->begin(); it != seq->end(); ++it)
            if (auto bn = std::dynamic_pointer_cast<torch::nn::BatchNorm2dImpl>(it->ptr())) {
                *it = torch::nn::AnyModule(SyncBatchNorm(bn, &dist));
                ++n;
            }
    }
    return n;
}

} // namespace delineo::ml
