#include "TestSupport.h"

#include <algorithm>
#include <cstdio>
#include <random>

#include "delineo/core/MaskEditor.h"
#include "delineo/core/PackedBytes.h"

using namespace delineo;

TEST(MaskEditor, RoundBrushStampsADiscAndUndoRestoresExactly)
{
    core::MaskEditor ed(core::LabelMap(50, 40));
    const core::LabelMap original = ed.labels();
    core::BrushSettings b;
    b.radius = 3;
    ed.beginStroke(1, false, b);
    ed.strokeTo(10, 10);
    EXPECT_TRUE(ed.endStroke());
    EXPECT_EQ(ed.labels().at(10, 10), 1);
    EXPECT_EQ(ed.labels().at(13, 10), 1);
    EXPECT_EQ(ed.labels().at(10, 7), 1);
    EXPECT_EQ(ed.labels().at(13, 13), 0); // corner outside the disc
    EXPECT_EQ(ed.labels().at(14, 10), 0);
    int painted = 0;
    for (auto v : ed.labels().labels)
        painted += v;
    EXPECT_EQ(painted, 37); // dx*dx+dy*dy <= r*r+r: 7+2*7+2*5+2*3
    EXPECT_TRUE(ed.modified());
    ed.undo();
    EXPECT_EQ(ed.labels(), original);
    ed.redo();
    EXPECT_EQ(ed.labels().at(10, 10), 1);
}

TEST(MaskEditor, DragLeavesNoGapsAndIsOneCommand)
{
    core::MaskEditor ed(core::LabelMap(100, 20));
    core::BrushSettings b;
    b.radius = 2;
    ed.beginStroke(1, false, b);
    ed.strokeTo(5, 10);
    ed.strokeTo(95, 10); // one fast move across the image
    ed.endStroke();
    for (int x = 5; x <= 95; ++x)
        ASSERT_EQ(ed.labels().at(x, 10), 1) << x;
    EXPECT_EQ(ed.history().size(), 1u);
    EXPECT_EQ(ed.history().undoText(), "Paint");
}

TEST(MaskEditor, EraseAndOverwriteRules)
{
    core::MaskEditor ed(core::LabelMap(30, 30));
    core::BrushSettings b;
    b.radius = 5;
    b.shape = core::BrushShape::Square;
    ed.beginStroke(2, false, b);
    ed.strokeTo(10, 10);
    ed.endStroke();
    EXPECT_EQ(ed.labels().at(5, 5), 2); // square corner
    // Painting class 1 with overwrite off keeps class 2 pixels.
    b.overwriteOthers = false;
    ed.beginStroke(1, false, b);
    ed.strokeTo(14, 10);
    ed.endStroke();
    EXPECT_EQ(ed.labels().at(10, 10), 2);
    EXPECT_EQ(ed.labels().at(18, 10), 1);
    // Eraser with overwrite off clears only its own class.
    ed.beginStroke(1, true, b);
    ed.strokeTo(12, 10);
    ed.endStroke();
    EXPECT_EQ(ed.labels().at(10, 10), 2);
    EXPECT_EQ(ed.labels().at(16, 10), 0);
    EXPECT_EQ(ed.history().size(), 3u);
    ed.undo();
    ed.undo();
    ed.undo();
    EXPECT_EQ(ed.labels(), core::LabelMap(30, 30));
}

TEST(MaskEditor, ReplaceIsOneUndoableCommandAndRedoBranchIsDropped)
{
    core::MaskEditor ed(core::LabelMap(8, 8));
    core::LabelMap ai(8, 8);
    ai.at(3, 3) = 1;
    ai.at(4, 4) = 1;
    EXPECT_TRUE(ed.replace(ai, "AI segmentation"));
    EXPECT_FALSE(ed.replace(ai, "no-op")); // nothing changed, nothing recorded
    EXPECT_EQ(ed.labels(), ai);
    ed.undo();
    EXPECT_EQ(ed.labels(), core::LabelMap(8, 8));
    EXPECT_TRUE(ed.history().canRedo());
    core::BrushSettings b;
    b.radius = 0;
    ed.beginStroke(1, false, b);
    ed.strokeTo(0, 0);
    ed.endStroke();
    EXPECT_FALSE(ed.history().canRedo());
    EXPECT_FALSE(ed.replace(core::LabelMap(4, 4), "wrong size"));
}

TEST(MaskEditor, SavedStateTracking)
{
    core::MaskEditor ed(core::LabelMap(8, 8));
    core::BrushSettings b;
    b.radius = 1;
    ed.beginStroke(1, false, b);
    ed.strokeTo(2, 2);
    ed.endStroke();
    ed.markSaved();
    EXPECT_FALSE(ed.modified());
    ed.undo();
    EXPECT_TRUE(ed.modified());
    ed.redo();
    EXPECT_FALSE(ed.modified());
}

TEST(UndoHistory, ByteBudgetDropsOldestButKeepsMinimum)
{
    core::UndoHistory h(1000, 2);
    for (int i = 0; i < 10; ++i) {
        core::EditCommand c;
        c.rect = {0, 0, 10, 20};
        c.tiles.push_back({c.rect, std::vector<std::uint8_t>(200, 0), std::vector<std::uint8_t>(200, 1)});
        h.push(c);
    }
    EXPECT_EQ(h.size(), 2u);
    EXPECT_GE(h.bytes(), 800u);
}

// 1,000 brush strokes spread over a 512x512x100 label volume (one editor per slice, as in the app):
// the undo histories stay under 64 MiB in all (the volume itself is 25 MiB), and undoing every
// stroke gives back the original volume exactly.
TEST(UndoHistory, ThousandStrokesOnAVolumeStayInBudgetAndUndoExactly)
{
    const int w = 512, h = 512, depth = 100;
    std::vector<core::MaskEditor> editors;
    std::vector<core::LabelMap> original;
    std::mt19937 rng(11);
    for (int z = 0; z < depth; ++z) {
        core::LabelMap m(w, h);
        for (int y = 100; y < 200; ++y)
            for (int x = 100 + z; x < 250; ++x)
                m.at(x, y) = static_cast<std::uint8_t>(1 + z % 3);
        original.push_back(m);
        editors.emplace_back(m);
    }
    core::BrushSettings brush;
    brush.radius = 8;
    std::vector<int> order;
    while (order.size() < 1000) { // 1,000 strokes that changed pixels
        const int z = static_cast<int>(rng() % depth);
        auto& ed = editors[static_cast<std::size_t>(z)];
        ed.beginStroke(static_cast<std::uint8_t>(1 + rng() % 4), rng() % 4 == 0, brush);
        double x = rng() % w, y = rng() % h;
        for (int k = 0; k < 12; ++k) { // a long wandering stroke
            x = std::clamp(x + double(int(rng() % 61) - 30), 0.0, double(w - 1));
            y = std::clamp(y + double(int(rng() % 61) - 30), 0.0, double(h - 1));
            ed.strokeTo(x, y);
        }
        if (ed.endStroke())
            order.push_back(z);
    }
    std::size_t bytes = 0;
    for (const auto& ed : editors)
        bytes += ed.history().bytes();
    EXPECT_LT(bytes, std::size_t(64) << 20) << bytes / 1024 << " KiB";
    std::printf("undo histories for %zu strokes: %.1f MiB\n", order.size(), bytes / 1048576.0);
    for (auto it = order.rbegin(); it != order.rend(); ++it)
        editors[static_cast<std::size_t>(*it)].undo();
    for (int z = 0; z < depth; ++z)
        ASSERT_EQ(editors[static_cast<std::size_t>(z)].labels(), original[static_cast<std::size_t>(z)]) << "slice " << z;
}

// Flood fill respects "overwrite other classes" and the threshold limit; polygon erase removes only
// the active class when overwriting is off. Each is one undo step.
TEST(MaskEditor, FloodFillAndPolygonRespectTheirLimits)
{
    core::LabelMap m(6, 4);
    for (int y = 0; y < 4; ++y)
        m.at(3, y) = 2; // a wall of class 2 splits the map
    core::MaskEditor e(m);
    core::BrushSettings keep;
    keep.overwriteOthers = false;
    ASSERT_TRUE(e.floodFill(0, 0, 1, keep));
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 6; ++x)
            EXPECT_EQ(e.labels().at(x, y), x < 3 ? 1 : (x == 3 ? 2 : 0)) << x << "," << y;
    EXPECT_FALSE(e.floodFill(3, 0, 1, keep)) << "class 2 is protected";
    e.undo();
    EXPECT_EQ(e.labels(), m);

    core::Image img;
    img.width = 6;
    img.height = 4;
    img.bytes.assign(24, 0);
    for (int y = 0; y < 4; ++y)
        img.bytes[static_cast<std::size_t>(y) * 6 + 5] = 255; // only column 5 is bright
    core::BrushSettings limited;
    limited.paintable = core::pixelsInRange(img, 100, 255);
    ASSERT_TRUE(e.floodFill(5, 0, 1, limited));
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 6; ++x)
            EXPECT_EQ(e.labels().at(x, y), x == 5 ? 1 : m.at(x, y));

    ASSERT_TRUE(e.fillPolygon({{0, 0}, {6, 0}, {6, 4}, {0, 4}}, 1, true, keep));
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 6; ++x)
            EXPECT_EQ(e.labels().at(x, y), m.at(x, y)) << "erasing class 1 keeps class 2";
    EXPECT_EQ(e.history().undoText(), "Polygon erase");
}

// apply() is the one writer: coverage, the paintable limit and the overwrite rule together, one
// command per edit, and a stroke of several edits recorded once when it ends.
TEST(MaskEditor, ApplyEnforcesTheRulesAndRecordsOneCommand)
{
    core::LabelMap start(8, 4);
    start.at(1, 1) = 2; // another class
    core::MaskEditor ed(start);
    core::MaskEdit e;
    e.area = {0, 0, 4, 4};
    e.coverage.assign(16, 1);
    e.label = 1;
    e.rules.overwriteOthers = false;
    auto paintable = std::make_shared<std::vector<std::uint8_t>>(32, 1);
    (*paintable)[2 * 8 + 2] = 0; // (2, 2) is outside the threshold range
    e.rules.paintable = paintable;
    e.description = "test";
    const core::Rect changed = ed.apply(e);
    EXPECT_FALSE(changed.empty());
    EXPECT_EQ(ed.labels().at(0, 0), 1);
    EXPECT_EQ(ed.labels().at(1, 1), 2) << "other classes kept with overwrite off";
    EXPECT_EQ(ed.labels().at(2, 2), 0) << "outside the paintable pixels";
    EXPECT_EQ(ed.labels().at(5, 0), 0) << "outside the coverage";
    EXPECT_EQ(ed.history().size(), 1u);
    e.continuesStroke = true;
    e.area = {4, 0, 4, 4};
    ed.apply(e);
    e.area = {4, 0, 2, 2};
    e.coverage.assign(4, 1);
    ed.apply(e);
    EXPECT_EQ(ed.history().size(), 1u) << "the stroke is recorded when it ends";
    EXPECT_TRUE(ed.endStroke());
    EXPECT_EQ(ed.history().size(), 2u);
    ed.undo();
    EXPECT_EQ(ed.labels().at(5, 0), 0);
    ed.undo();
    EXPECT_EQ(ed.labels(), start);
}

// hasLabel sees one labelled pixel wherever it lies (first, in a later block, last), in a map whose
// size is not a whole number of blocks.
TEST(MaskEditor, HasLabelFindsASinglePixelAnywhere)
{
    for (const std::size_t at : {std::size_t(0), std::size_t(4095), std::size_t(4096), std::size_t(70 * 90 - 1)}) {
        core::LabelMap m(70, 90);
        EXPECT_FALSE(core::MaskEditor(m).hasLabel());
        m.labels[at] = 3;
        EXPECT_TRUE(core::MaskEditor(m).hasLabel()) << at;
    }
    EXPECT_FALSE(core::MaskEditor(core::LabelMap()).hasLabel()) << "an empty map";
}

// hasLabel is remembered between changes (the slider asks it of every slice at each slice shown):
// every change that can add or take the last label answers anew.
TEST(MaskEditor, HasLabelFollowsStrokesUndoRedoReplaceAndStoredRuns)
{
    core::MaskEditor ed(core::LabelMap(40, 40));
    EXPECT_FALSE(ed.hasLabel());
    core::BrushSettings b;
    b.radius = 2;
    ed.beginStroke(1, false, b);
    ed.strokeTo(10, 10);
    EXPECT_TRUE(ed.hasLabel()) << "during the stroke";
    ed.endStroke();
    EXPECT_TRUE(ed.hasLabel());
    ed.undo();
    EXPECT_FALSE(ed.hasLabel());
    ed.redo();
    EXPECT_TRUE(ed.hasLabel());
    EXPECT_TRUE(ed.replace(core::LabelMap(40, 40), "clear"));
    EXPECT_FALSE(ed.hasLabel());
    ed.pack();
    EXPECT_FALSE(ed.hasLabel()) << "packed";
    ed.unpack();
    ed.undo();
    EXPECT_TRUE(ed.hasLabel());
    core::LabelMap one(40, 40);
    one.at(39, 39) = 4;
    ed.adoptRuns(40, 40, core::encodeLabelRuns(one));
    EXPECT_TRUE(ed.hasLabel()) << "stored runs";
    ed.reset(core::LabelMap(40, 40));
    EXPECT_FALSE(ed.hasLabel());
}
