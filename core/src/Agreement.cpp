#include "delineo/core/Agreement.h"
#include "delineo/core/Errors.h"
#include "delineo/core/Workspace.h"
#include "delineo/ml/Metrics.h"

#include <itkImage.h>
#include <itkLabelVotingImageFilter.h>
#include <itkMultiLabelSTAPLEImageFilter.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace delineo::core {

namespace {

using SliceImage = itk::Image<std::uint8_t, 2>;

// slice -> (author -> revision id)
std::map<int, std::map<std::string, std::int64_t>> bySlice(const Workspace& ws, std::int64_t imageId)
{
    std::map<int, std::map<std::string, std::int64_t>> out;
    for (const Annotation& a : ws.annotations(imageId))
        out[a.slice][a.author] = a.revisionId;
    return out;
}

LabelMap labelsOf(const Workspace& ws, std::int64_t revisionId)
{
    auto r = ws.revision(revisionId);
    if (!r)
        throw ImageError(ErrorCode::NotFound, "workspace: revision " + std::to_string(revisionId) + " is gone");
    return std::move(r->labels);
}

SliceImage::Pointer toItk(const LabelMap& m)
{
    auto img = SliceImage::New();
    SliceImage::SizeType size;
    size[0] = static_cast<itk::SizeValueType>(m.width);
    size[1] = static_cast<itk::SizeValueType>(m.height);
    img->SetRegions(SliceImage::RegionType(size));
    img->Allocate();
    std::copy(m.labels.begin(), m.labels.end(), img->GetBufferPointer());
    return img;
}

LabelMap fromItk(SliceImage* img, int width, int height)
{
    LabelMap out(width, height);
    std::copy(img->GetBufferPointer(), img->GetBufferPointer() + out.labels.size(), out.labels.begin());
    return out;
}

template <typename Filter>
LabelMap combine(const std::vector<LabelMap>& masks)
{
    auto filter = Filter::New();
    for (std::size_t i = 0; i < masks.size(); ++i)
        filter->SetInput(static_cast<unsigned>(i), toItk(masks[i]));
    filter->SetLabelForUndecidedPixels(0); // a tie stays background: nobody's word alone makes it
    filter->Update();
    return fromItk(filter->GetOutput(), masks.front().width, masks.front().height);
}

} // namespace

const char* consensusName(ConsensusMethod method) { return method == ConsensusMethod::Staple ? "STAPLE" : "majority"; }

std::vector<PairAgreement> annotatorAgreement(const Workspace& ws, std::int64_t imageId, double spacingX, double spacingY)
{
    const int classes = ws.numForeground();
    struct Tally {
        PairAgreement pair;
        std::vector<std::uint64_t> overlap;
        std::vector<double> hdSum;
        std::vector<int> hdCount;
    };
    std::map<std::pair<std::string, std::string>, Tally> pairs;
    for (const auto& [slice, authors] : bySlice(ws, imageId)) {
        if (authors.size() < 2)
            continue;
        std::map<std::string, LabelMap> masks;
        for (const auto& [author, id] : authors)
            masks.emplace(author, labelsOf(ws, id));
        for (auto a = masks.begin(); a != masks.end(); ++a)
            for (auto b = std::next(a); b != masks.end(); ++b) {
                const LabelMap &ma = a->second, &mb = b->second;
                if (ma.width != mb.width || ma.height != mb.height)
                    continue;
                Tally& t = pairs[{a->first, b->first}];
                if (t.pair.classes.empty()) {
                    t.pair.a = a->first;
                    t.pair.b = b->first;
                    for (int c = 1; c <= classes; ++c)
                        t.pair.classes.push_back({c});
                    t.overlap.assign(std::size_t(classes), 0);
                    t.hdSum.assign(std::size_t(classes), 0.0);
                    t.hdCount.assign(std::size_t(classes), 0);
                }
                ++t.pair.slices;
                for (int c = 1; c <= classes; ++c) {
                    const auto i = std::size_t(c - 1);
                    const auto counts = ml::countClass(ma.labels.data(), mb.labels.data(), ma.labels.size(), std::uint8_t(c));
                    t.overlap[i] += counts.tp;
                    t.pair.classes[i].pixelsA += counts.tp + counts.fp;
                    t.pair.classes[i].pixelsB += counts.tp + counts.fn;
                    if (counts.tp + counts.fp > 0 && counts.tp + counts.fn > 0) {
                        t.hdSum[i] += ml::hausdorff95(ma.labels.data(), mb.labels.data(), ma.width, ma.height,
                                                      std::uint8_t(c), spacingX, spacingY);
                        ++t.hdCount[i];
                    }
                }
            }
    }
    std::vector<PairAgreement> out;
    for (auto& [names, t] : pairs) {
        for (std::size_t i = 0; i < t.pair.classes.size(); ++i) {
            ClassAgreement& c = t.pair.classes[i];
            if (c.pixelsA + c.pixelsB > 0)
                c.dice = 2.0 * double(t.overlap[i]) / double(c.pixelsA + c.pixelsB);
            if (t.hdCount[i] > 0)
                c.hd95 = t.hdSum[i] / t.hdCount[i];
        }
        out.push_back(std::move(t.pair));
    }
    return out;
}

std::vector<std::pair<int, LabelMap>> consensusMasks(const Workspace& ws, std::int64_t imageId, ConsensusMethod method,
                                                     std::vector<std::string>* annotators)
{
    std::vector<std::pair<int, LabelMap>> out;
    std::set<std::string> who;
    for (const auto& [slice, authors] : bySlice(ws, imageId)) {
        if (authors.size() < 2)
            continue;
        std::vector<LabelMap> masks;
        for (const auto& [author, id] : authors) {
            masks.push_back(labelsOf(ws, id));
            if (masks.back().width != masks.front().width || masks.back().height != masks.front().height)
                throw ImageError(ErrorCode::WrongSize, "workspace: the members' masks of slice " +
                                                                 std::to_string(slice + 1) + " differ in size");
            who.insert(author);
        }
        // STAPLE needs some disagreement to estimate anyone's performance; identical masks are their own consensus.
        const bool same = std::all_of(masks.begin(), masks.end(), [&](const LabelMap& m) { return m == masks.front(); });
        if (same)
            out.emplace_back(slice, masks.front());
        else if (method == ConsensusMethod::Staple)
            out.emplace_back(slice, combine<itk::MultiLabelSTAPLEImageFilter<SliceImage, SliceImage>>(masks));
        else
            out.emplace_back(slice, combine<itk::LabelVotingImageFilter<SliceImage, SliceImage>>(masks));
    }
    if (annotators)
        annotators->assign(who.begin(), who.end());
    return out;
}

ConsensusResult makeConsensus(Workspace& ws, std::int64_t imageId, ConsensusMethod method)
{
    ConsensusResult r;
    const auto masks = consensusMasks(ws, imageId, method, &r.annotators);
    std::string names;
    for (const auto& a : r.annotators)
        names += (names.empty() ? "" : ", ") + (a.empty() ? std::string("(not recorded)") : a);
    const std::string note = std::string("consensus (") + consensusName(method) + ") of " + names;
    for (const auto& [slice, labels] : masks) {
        ws.commitConsensus(imageId, slice, labels, note);
        ++r.slices;
    }
    return r;
}

} // namespace delineo::core
