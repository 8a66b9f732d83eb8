#include "FusedConv.h"
#include "Blocks.h"

#include <stdexcept>

#if DELINEO_HAVE_IDEEP
#include <ideep.hpp>

// LibTorch exports these (ATen/native/mkldnn/MKLDNNCommon.h, a header its packages do not ship).
namespace at::native {
ideep::tensor& itensor_from_mkldnn(const at::Tensor& mkldnnTensor);
at::Tensor new_with_itensor_mkldnn(ideep::tensor&& it, c10::optional<c10::ScalarType> dtype,
                                   c10::optional<c10::Device> device);
} // namespace at::native
#endif

namespace delineo::ml {

using namespace torch::nn;

#if DELINEO_HAVE_IDEEP
// One oneDNN convolution per input part, prepared for the part's source layout: its primitive, the
// weight slice already in the primitive's order, and the post-ops (sum into the output, ReLU).
struct FusedConvImpl::Kernels {
    struct Plan {
        ideep::tensor::desc src, sum; // the input's layout; the accumulated output's, after the first part
        int64_t from = 0, channels = 0;
        bool first = false, last = false;
        ideep::convolution_forward_params params;
        torch::Tensor denseWeight; // keeps the memory the packed weight was reordered from
        ideep::tensor weight, bias;
    };
    std::vector<Plan> plans;
};

static ideep::tensor viewOf(const torch::Tensor& dense, ideep::format_tag tag)
{
    ideep::dims dims(dense.sizes().begin(), dense.sizes().end());
    return ideep::tensor({dims, ideep::tensor::data_type::f32, tag}, dense.data_ptr());
}
#else
struct FusedConvImpl::Kernels {};
#endif

bool FusedConvImpl::fusesInOneDnn()
{
    return DELINEO_HAVE_IDEEP != 0;
}

FusedConvImpl::FusedConvImpl(const Conv2dImpl& conv, const BatchNorm2dImpl* bn, bool relu)
    : stride_(conv.options.stride()->begin(), conv.options.stride()->end()),
      dilation_(conv.options.dilation()->begin(), conv.options.dilation()->end()), relu_(relu),
      kernels_(std::make_unique<Kernels>())
{
    const auto* pad = c10::get_if<torch::ExpandingArray<2>>(&conv.options.padding());
    if (!pad || conv.options.groups() != 1)
        throw std::invalid_argument("FusedConv needs an ungrouped convolution with explicit padding");
    padding_.assign((*pad)->begin(), (*pad)->end());
    torch::NoGradGuard noGrad;
    // Folded in double precision: y = gamma * (conv(x) + b - mean) / sqrt(var + eps) + beta.
    auto w = conv.weight.detach().to(torch::kCPU, torch::kDouble);
    auto b = conv.bias.defined() ? conv.bias.detach().to(torch::kCPU, torch::kDouble)
                                 : torch::zeros({w.size(0)}, torch::kDouble);
    if (bn) {
        const auto scale = (bn->weight.defined() ? bn->weight.detach().to(torch::kCPU, torch::kDouble)
                                                 : torch::ones_like(b)) /
                           torch::sqrt(bn->running_var.to(torch::kCPU, torch::kDouble) + bn->options.eps());
        w = w * scale.view({-1, 1, 1, 1});
        b = (b - bn->running_mean.to(torch::kCPU, torch::kDouble)) * scale;
        if (bn->bias.defined())
            b = b + bn->bias.detach().to(torch::kCPU, torch::kDouble);
    }
    weight_ = w.to(torch::kFloat).contiguous();
    bias_ = b.to(torch::kFloat).contiguous();
}

FusedConvImpl::~FusedConvImpl() = default;

torch::Tensor FusedConvImpl::forward(const torch::Tensor& x)
{
    if (!blockedLayoutSuits(x)) { // another device or type: LibTorch's operators on the folded weights
        auto y = torch::conv2d(x, weight_.to(x.device(), x.scalar_type()), bias_.to(x.device(), x.scalar_type()),
                               stride_, padding_, dilation_);
        return relu_ ? torch::relu_(y) : y;
    }
    auto y = forwardParts({x});
    return x.is_mkldnn() ? y : y.to_dense();
}

torch::Tensor FusedConvImpl::forwardParts(const std::vector<torch::Tensor>& parts)
{
    int64_t channels = 0;
    for (const auto& p : parts)
        channels += p.size(1);
    if (parts.empty() || channels != weight_.size(1))
        throw std::invalid_argument("FusedConv: the parts have " + std::to_string(channels) + " channels, the weight " +
                                    std::to_string(weight_.size(1)));
    const auto& x0 = parts.front();
    std::vector<int64_t> outSize{x0.size(0), weight_.size(0)};
    for (int d = 0; d < 2; ++d)
        outSize.push_back((x0.size(2 + d) + 2 * padding_[d] - dilation_[d] * (weight_.size(2 + d) - 1) - 1) / stride_[d] +
                          1);
#if DELINEO_HAVE_IDEEP
    // Inference only: below autograd, where LibTorch's own kernels reach the oneDNN tensors.
    at::AutoDispatchBelowADInplaceOrView belowAutograd;
    torch::Tensor out;
    int64_t from = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        // A dense part (an upsampled map) is read in place: oneDNN reorders it once, into the layout
        // its kernel wants, where converting it to a blocked tensor first would copy it twice.
        const torch::Tensor src = parts[i].is_mkldnn() ? parts[i] : parts[i].contiguous();
        const int64_t n = src.size(1);
        const bool first = i == 0, last = i + 1 == parts.size();
        const ideep::tensor in = src.is_mkldnn() ? at::native::itensor_from_mkldnn(src)
                                                 : viewOf(src, ideep::format_tag::nchw);
        ideep::tensor dst;
        if (!first)
            dst = at::native::itensor_from_mkldnn(out);
        Kernels::Plan* plan = nullptr;
        for (auto& p : kernels_->plans)
            if (p.from == from && p.channels == n && p.first == first && p.last == last && p.src == in.get_desc() &&
                (first || p.sum == dst.get_desc()))
                plan = &p;
        if (!plan) {
            Kernels::Plan p;
            p.src = in.get_desc();
            if (!first)
                p.sum = dst.get_desc();
            p.from = from;
            p.channels = n;
            p.first = first;
            p.last = last;
            p.denseWeight = weight_.narrow(1, from, n).contiguous();
            const auto dense = viewOf(p.denseWeight, ideep::format_tag::oihw);
            if (first)
                p.bias = viewOf(bias_, ideep::format_tag::x);
            ideep::attr_t attr = first ? (last && relu_ ? ideep::attr_t::fuse_relu() : ideep::attr_t())
                                       : (last && relu_ ? ideep::attr_t::residual() : ideep::attr_t::fuse_sum());
            const ideep::dims dstDims(outSize.begin(), outSize.end());
            const ideep::dims strides(stride_.begin(), stride_.end()), dilates(dilation_.begin(), dilation_.end()),
                pad(padding_.begin(), padding_.end());
            ideep::convolution_forward::prepare(p.params, in, dense, p.bias, dstDims, dst, strides, dilates, pad, pad,
                                                1, ideep::scale_t(), ideep::scale_t(), ideep::scale_t(), attr);
            p.weight = dense.reorder_if_differ_in(p.params.pd.weights_desc());
            kernels_->plans.push_back(std::move(p));
            plan = &kernels_->plans.back();
        }
        if (!first) // the sum post-op adds into the output, which must be in the primitive's layout
            dst = dst.reorder_if_differ_in(plan->params.pd.dst_desc());
        ideep::convolution_forward::compute(plan->params, in, plan->weight, plan->bias, dst);
        out = at::native::new_with_itensor_mkldnn(std::move(dst), torch::kFloat, x0.device());
        from += n;
    }
    return out;
#else
    torch::Tensor out;
    int64_t from = 0;
    for (const auto& part : parts) {
        const auto src = toBlocked(part);
        auto y = torch::conv2d(src, weight_.narrow(1, from, src.size(1)).contiguous(),
                               from == 0 ? bias_ : torch::Tensor(), stride_, padding_, dilation_);
        out = from == 0 ? y : out + y;
        from += src.size(1);
    }
    return relu_ ? torch::relu(out) : out;
#endif
}

int prepareForInference(Module& net)
{
    int fused = 0;
    for (const auto& m : net.modules(/*include_self=*/true)) {
        auto seq = std::dynamic_pointer_cast<SequentialImpl>(m);
        if (!seq)
            continue;
        for (auto it = seq->begin(); it != seq->end(); ++it) {
            auto conv = std::dynamic_pointer_cast<Conv2dImpl>(it->ptr());
            if (!conv || conv->options.groups() != 1 || !c10::get_if<torch::ExpandingArray<2>>(&conv->options.padding()))
                continue;
            auto next = it + 1;
            std::shared_ptr<BatchNorm2dImpl> bn;
            if (next != seq->end() && (bn = std::dynamic_pointer_cast<BatchNorm2dImpl>(next->ptr())))
                ++next;
            const bool relu = next != seq->end() && std::dynamic_pointer_cast<ReLUImpl>(next->ptr()) != nullptr;
            if (relu)
                ++next;
            *it = AnyModule(FusedConv(*conv, bn.get(), relu));
            // The folded layers become no-ops; the Sequential keeps its length and its registered children.
            for (auto r = it + 1; r != next; ++r)
                *r = AnyModule(Identity());
            ++fused;
            it = next - 1;
        }
    }
    return fused;
}

} // namespace delineo::ml
