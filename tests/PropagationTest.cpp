// Propagation through frames: the synthetic sequences with known truth, the optical-flow warp, and
// the interactive model carrying a disc through a short moving sequence.
#include "TestSupport.h"

#include "delineo/core/Errors.h"
#include "delineo/core/ImageIO.h"
#include "delineo/core/Propagation.h"
#include "delineo/core/Rendering.h"
#include "delineo/ml/Metrics.h"

#include <opencv2/imgproc.hpp>

#include <random>

using namespace delineo;

namespace {

double dice(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b)
{
    return ml::metricsFromCounts(ml::countClass(a.data(), b.data(), b.size(), 1)).dice;
}

// A textured RGB frame (smoothed noise, so optical flow has something to follow) with a bright disc.
std::vector<std::uint8_t> texturedFrame(int w, int h, int cx, int cy, int r, unsigned seed)
{
    cv::Mat noise(h + 64, w + 64, CV_8UC3);
    cv::RNG rng(seed);
    rng.fill(noise, cv::RNG::UNIFORM, 0, 255);
    cv::GaussianBlur(noise, noise, {0, 0}, 2.0);
    cv::Mat frame = noise(cv::Rect(32, 32, w, h)).clone();
    cv::circle(frame, {cx, cy}, r, cv::Scalar(230, 120, 90), cv::FILLED);
    return std::vector<std::uint8_t>(frame.data, frame.data + frame.total() * 3);
}

} // namespace

TEST(Propagation, SyntheticSequencesAreSeededSmoothAndStartFromTheImage)
{
    const int w = 96, h = 80;
    const auto image = texturedFrame(w, h, 48, 40, 15, 1);
    const core::LabelMap truth = test::discMask(w, h, 48, 40, 15);
    const auto a = core::deformedSequence({image.data(), w, h, 3}, truth.labels.data(), 8, 7);
    const auto b = core::deformedSequence({image.data(), w, h, 3}, truth.labels.data(), 8, 7);
    const auto c = core::deformedSequence({image.data(), w, h, 3}, truth.labels.data(), 8, 8);
    ASSERT_EQ(a.size(), 8u);
    EXPECT_EQ(a[0].pixels, image);
    EXPECT_EQ(a[0].mask, truth.labels);
    for (std::size_t t = 0; t < a.size(); ++t) {
        EXPECT_EQ(a[t].mask, b[t].mask) << "the same seed, the same sequence";
        if (t > 0)
            EXPECT_GT(dice(a[t].mask, a[t - 1].mask), 0.8) << "smooth: frame " << t;
    }
    EXPECT_NE(a[7].mask, c[7].mask) << "another seed, another motion";
    EXPECT_LT(dice(a[7].mask, a[0].mask), 0.999) << "the object moves";
}

TEST(Propagation, OpticalFlowCarriesTheMaskWithTheMotion)
{
    const int w = 128, h = 96;
    const auto first = texturedFrame(w, h, 50, 45, 18, 3);
    cv::Mat moved;
    const cv::Mat src(h, w, CV_8UC3, const_cast<std::uint8_t*>(first.data()));
    const cv::Mat shift = (cv::Mat_<double>(2, 3) << 1, 0, 6, 0, 1, 4);
    cv::warpAffine(src, moved, shift, src.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT);
    const std::vector<std::uint8_t> second(moved.data, moved.data + moved.total() * 3);
    const core::LabelMap before = test::discMask(w, h, 50, 45, 18), after = test::discMask(w, h, 56, 49, 18);
    const auto warped = core::warpMaskByFlow({first.data(), w, h, 3}, before.labels.data(), {second.data(), w, h, 3});
    EXPECT_GT(dice(warped, after.labels), 0.9);
    EXPECT_GT(dice(warped, after.labels), dice(before.labels, after.labels) + 0.05);
    // Frames that do not match are a typed error.
    EXPECT_THROW(core::warpMaskByFlow({first.data(), w, h, 3}, before.labels.data(), {second.data(), w - 1, h, 3}),
                 core::ImageError);
}

// The step itself, pixel for pixel: the model is asked with the flow-warped mask as its previous
// mask, a click at that mask's most interior pixel and its box; the confidence is the mean
// probability over the answer. (How well a trained model follows real motion is measured by
// delineo-cli evaluate --propagation, not here: a test-sized model is too weak to judge.)
TEST(Propagation, EachStepAsksTheModelWithTheWarpedMaskItsInteriorClickAndBox)
{
    test::TempDir dir;
    for (int i = 0; i < 3; ++i)
        test::writeDiscImage(dir.file("frame" + std::to_string(i) + ".png"), 200, 150, 60 + 30 * i, 70, 25);
    test::trainTinyAssistModel(dir, 3, 200, 150, 60, 30, 70, 25, 10);
    const auto model = ml::InteractiveSegmenter::load(dir.file("assist.pt"));
    const auto first = texturedFrame(200, 150, 70, 70, 25, 5);
    const cv::Mat src(150, 200, CV_8UC3, const_cast<std::uint8_t*>(first.data()));
    cv::Mat moved;
    const cv::Mat shift = (cv::Mat_<double>(2, 3) << 1, 0, 7, 0, 1, -3);
    cv::warpAffine(src, moved, shift, src.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT);
    const std::vector<std::uint8_t> second(moved.data, moved.data + moved.total() * 3);
    const core::LabelMap mask = test::discMask(200, 150, 70, 70, 25);
    const ml::ImageU8View from{first.data(), 200, 150, 3}, to{second.data(), 200, 150, 3};

    const auto step = core::propagateMask(*model, from, mask.labels.data(), to);
    const auto warped = core::warpMaskByFlow(from, mask.labels.data(), to);
    EXPECT_GT(dice(warped, test::discMask(200, 150, 77, 67, 25).labels), 0.9);
    ml::PromptSet prompts;
    const std::vector<std::uint8_t> none(warped.size(), 0);
    prompts.clicks.push_back(*ml::nextClick(warped.data(), none.data(), 200, 150));
    EXPECT_NEAR(prompts.clicks[0].x, 77, 2);
    EXPECT_NEAR(prompts.clicks[0].y, 67, 2);
    std::mt19937 exact;
    prompts.box = ml::boxOfMask(warped.data(), 200, 150, 0.0, exact);
    const ml::InteractiveResult direct = model->predict(to, prompts, warped.data());
    ASSERT_EQ(step.mask, direct.mask);
    double sum = 0;
    int count = 0;
    for (std::size_t i = 0; i < direct.mask.size(); ++i)
        if (direct.mask[i]) {
            sum += direct.probability[i] / 255.0;
            ++count;
        }
    ASSERT_GT(count, 0);
    EXPECT_NEAR(step.confidence, sum / count, 1e-9);
    // Without flow the mask goes to the model as it was.
    core::PropagationOptions still;
    still.opticalFlow = false;
    prompts.clicks[0] = *ml::nextClick(mask.labels.data(), none.data(), 200, 150);
    prompts.box = ml::boxOfMask(mask.labels.data(), 200, 150, 0.0, exact);
    EXPECT_EQ(core::propagateMask(*model, from, mask.labels.data(), to, still).mask,
              model->predict(to, prompts, mask.labels.data()).mask);
    // An empty mask has nothing to carry: an empty answer with confidence 0, not an error.
    const auto empty = core::propagateMask(*model, from, none.data(), to);
    EXPECT_EQ(empty.confidence, 0.0);
    EXPECT_EQ(empty.mask, none);
}
