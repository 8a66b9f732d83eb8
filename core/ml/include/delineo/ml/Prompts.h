#pragma once
// Prompts for the interactive (promptable) model: clicks, a box and scribbles, turned into the input
// maps the network reads, the window it looks at, and the clicks a simulated annotator would make.
// LibTorch-free and deterministic, so the trainer, the evaluation and the viewer share one definition.
#include <cstdint>
#include <optional>
#include <random>
#include <vector>

namespace delineo::ml {

struct Click {
    int x = 0, y = 0;
    bool positive = true;
    bool operator==(const Click& o) const { return x == o.x && y == o.y && positive == o.positive; }
};

// Pixel bounds, x1/y1 exclusive.
struct Box {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    int width() const { return x1 - x0; }
    int height() const { return y1 - y0; }
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    bool operator==(const Box& o) const { return x0 == o.x0 && y0 == o.y0 && x1 == o.x1 && y1 == o.y1; }
};

// A scribble: a polyline drawn into the positive or the negative map.
struct Scribble {
    std::vector<Click> points; // `positive` of the first point decides the map
};

struct PromptSet {
    std::vector<Click> clicks;
    std::optional<Box> box;
    std::vector<Scribble> scribbles;
    bool empty() const { return clicks.empty() && !box && scribbles.empty(); }
};

// The prompt input planes of the network, each width x height, values 0 or 1, plane after plane:
// positive disks and strokes, negative disks and strokes, and the box (filled).
inline constexpr int kPromptPlanes = 3;
std::vector<float> encodePrompts(const PromptSet& prompts, int width, int height, float radius);

// The window the model looks at: the prompts and the current mask's foreground, widened by
// `expand` (1.4 = 40% more on each side's span), at least `minSide` pixels, inside the image.
// Empty prompts and mask: the whole image.
Box focusWindow(const PromptSet& prompts, const std::uint8_t* mask, int width, int height, double expand = 1.4,
                int minSide = 64);

// The bounding box of a mask's foreground; each side moved by up to `jitter` x its span with `rng`
// (0: the exact box). Empty mask: nullopt.
std::optional<Box> boxOfMask(const std::uint8_t* mask, int width, int height, double jitter, std::mt19937& rng);

// The click an annotator makes next: inside the largest connected error region (missed truth gives a
// positive click, spill a negative one), at its most interior pixel (farthest from the region's
// border; the first such pixel in scan order). With `rng` (training): a random pixel at least 40% as
// far from the border as that one, since people do not click exact centres. No error: nullopt.
std::optional<Click> nextClick(const std::uint8_t* truth, const std::uint8_t* prediction, int width, int height,
                               std::mt19937* rng = nullptr);

// Number of clicks to reach `threshold` given the Dice after each click (dice[0] after the first);
// `maxClicks` when it is never reached within them (the NoC@T convention).
int clicksToReach(const std::vector<double>& dicePerClick, double threshold, int maxClicks);

} // namespace delineo::ml
