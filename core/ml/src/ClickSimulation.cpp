#include "ClickSimulation.h"
#include "InteractiveInput.h"
#include "delineo/ml/Prompts.h"

#include <algorithm>

namespace delineo::ml {

namespace F = torch::nn::functional;

namespace {

struct SampleState {
    std::vector<std::uint8_t> truth, previous;
    PromptSet prompts;
};

// One object per sample: a class present in its mask (chosen by `rng`, or the first one).
std::vector<std::uint8_t> objectOf(const torch::Tensor& mask, std::mt19937* rng)
{
    const torch::Tensor m = mask.to(torch::kUInt8).contiguous();
    const std::uint8_t* p = m.data_ptr<std::uint8_t>();
    const std::size_t n = static_cast<std::size_t>(m.numel());
    std::vector<int> present;
    for (std::size_t i = 0; i < n; ++i)
        if (p[i] && std::find(present.begin(), present.end(), p[i]) == present.end())
            present.push_back(p[i]);
    std::sort(present.begin(), present.end());
    std::vector<std::uint8_t> truth(n, 0);
    if (present.empty())
        return truth;
    const int label = rng ? present[std::uniform_int_distribution<std::size_t>(0, present.size() - 1)(*rng)] : present.front();
    for (std::size_t i = 0; i < n; ++i)
        truth[i] = p[i] == label;
    return truth;
}

// The truth grown or shrunk by a few pixels and shifted: a draft that is close but wrong.
std::vector<std::uint8_t> degraded(const std::vector<std::uint8_t>& truth, int size, std::mt19937& rng)
{
    torch::Tensor t = torch::from_blob(const_cast<std::uint8_t*>(truth.data()), {1, 1, size, size}, torch::kUInt8)
                          .to(torch::kFloat32);
    const int k = std::uniform_int_distribution<int>(1, std::max(1, size / 24))(rng);
    const auto pool = F::MaxPool2dFuncOptions(2 * k + 1).stride(1).padding(k);
    t = std::bernoulli_distribution(0.5)(rng) ? F::max_pool2d(t, pool) : 1 - F::max_pool2d(1 - t, pool);
    const int shift = std::max(1, size / 12);
    std::uniform_int_distribution<int> s(-shift, shift);
    t = torch::roll(t, {s(rng), s(rng)}, {2, 3});
    const torch::Tensor u = t.gt(0.5).to(torch::kUInt8).contiguous();
    return {u.data_ptr<std::uint8_t>(), u.data_ptr<std::uint8_t>() + truth.size()};
}

InteractiveBatch assemble(const torch::Tensor& images, const std::vector<SampleState>& states, int size,
                          const torch::Device& device)
{
    const std::int64_t n = images.size(0);
    const std::size_t plane = static_cast<std::size_t>(size) * size;
    torch::Tensor extra = torch::zeros({n, kPromptPlanes + 1, size, size});
    torch::Tensor targets = torch::zeros({n, size, size}, torch::kLong);
    for (std::int64_t i = 0; i < n; ++i) {
        const auto& st = states[static_cast<std::size_t>(i)];
        std::vector<float> planes = encodePrompts(st.prompts, size, size, kClickRadius);
        planes.resize(plane * (kPromptPlanes + 1), 0.0f);
        for (std::size_t k = 0; k < plane; ++k)
            planes[plane * kPromptPlanes + k] = st.previous[k] ? 1.0f : 0.0f;
        extra[i].copy_(torch::from_blob(planes.data(), {kPromptPlanes + 1, size, size}, torch::kFloat32));
        targets[i].copy_(torch::from_blob(const_cast<std::uint8_t*>(st.truth.data()), {size, size}, torch::kUInt8)
                             .to(torch::kLong));
    }
    return {torch::cat({images, extra}, 1).to(device), targets.to(device)};
}

} // namespace

InteractiveBatch simulateInteraction(const SegmentationNetPtr& net, const torch::Tensor& images,
                                     const torch::Tensor& masks, const torch::Device& device, std::mt19937& rng,
                                     const ClickSimulationOptions& options)
{
    const int size = static_cast<int>(images.size(2));
    const std::int64_t n = images.size(0);
    std::vector<SampleState> states(static_cast<std::size_t>(n));
    std::bernoulli_distribution box(options.boxShare), degrade(options.degradedShare);
    for (std::int64_t i = 0; i < n; ++i) {
        auto& st = states[static_cast<std::size_t>(i)];
        st.truth = objectOf(masks[i], &rng);
        st.previous.assign(st.truth.size(), 0);
        if (degrade(rng))
            st.previous = degraded(st.truth, size, rng);
        if (box(rng) && !degrade(rng)) {
            if (auto b = boxOfMask(st.truth.data(), size, size, 0.1, rng))
                st.prompts.box = *b;
        }
        if (!st.prompts.box)
            if (auto c = nextClick(st.truth.data(), st.previous.data(), size, size, &rng))
                st.prompts.clicks.push_back(*c);
    }
    const int rounds = std::uniform_int_distribution<int>(0, std::max(0, options.maxRounds))(rng);
    if (rounds > 0) {
        const bool wasTraining = net->is_training();
        net->eval();
        torch::NoGradGuard noGrad;
        for (int r = 0; r < rounds; ++r) {
            const InteractiveBatch b = assemble(images, states, size, device);
            const torch::Tensor pred = net->forward(b.inputs).gt(0).to(torch::kCPU, torch::kUInt8).contiguous();
            for (std::int64_t i = 0; i < n; ++i) {
                auto& st = states[static_cast<std::size_t>(i)];
                const std::uint8_t* p = pred[i][0].data_ptr<std::uint8_t>();
                st.previous.assign(p, p + st.truth.size());
                if (auto c = nextClick(st.truth.data(), st.previous.data(), size, size, &rng))
                    st.prompts.clicks.push_back(*c);
            }
        }
        net->train(wasTraining);
    }
    return assemble(images, states, size, device);
}

InteractiveBatch firstClickBatch(const torch::Tensor& images, const torch::Tensor& masks, const torch::Device& device)
{
    const int size = static_cast<int>(images.size(2));
    std::vector<SampleState> states(static_cast<std::size_t>(images.size(0)));
    for (std::size_t i = 0; i < states.size(); ++i) {
        auto& st = states[i];
        st.truth = objectOf(masks[static_cast<std::int64_t>(i)], nullptr);
        st.previous.assign(st.truth.size(), 0);
        if (auto c = nextClick(st.truth.data(), st.previous.data(), size, size))
            st.prompts.clicks.push_back(*c);
    }
    return assemble(images, states, size, device);
}

} // namespace delineo::ml
