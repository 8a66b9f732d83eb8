// The layers point one way: ml → core → viewmodels → ui → app. A file that includes a header of
// a higher layer (or, below ui, a Qt Widgets header; below viewmodels, any Qt header) fails here.
#include "TestSupport.h"

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

namespace fs = std::filesystem;

namespace {

struct Include {
    std::string file, header;
    int line = 0;
    bool angled = false;
};

std::vector<Include> includesBelow(const fs::path& root, const std::vector<fs::path>& skip = {})
{
    std::vector<Include> out;
    const std::regex include(R"re(^\s*#\s*include\s*([<"])([^>"]+)[>"])re");
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        const auto ext = e.path().extension();
        if (!e.is_regular_file() || (ext != ".h" && ext != ".cpp"))
            continue;
        bool skipped = false;
        for (const auto& s : skip)
            skipped = skipped || e.path().string().rfind(s.string(), 0) == 0;
        if (skipped)
            continue;
        std::ifstream in(e.path());
        std::string text;
        for (int n = 1; std::getline(in, text); ++n) {
            std::smatch m;
            if (std::regex_search(text, m, include))
                out.push_back({e.path().string(), m[2].str(), n, m[1].str() == "<"});
        }
    }
    return out;
}

std::set<std::string> qtWidgetsHeaders()
{
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(DELINEO_QTWIDGETS_DIR))
        names.insert(e.path().filename().string());
    return names;
}

bool isQt(const Include& i) { return i.angled && (i.header.rfind("Q", 0) == 0 || i.header.rfind("qt", 0) == 0); }

std::string where(const Include& i) { return i.file + ":" + std::to_string(i.line) + " includes " + i.header; }

} // namespace

TEST(Layers, NoLayerIncludesAHigherOne)
{
    const fs::path src(DELINEO_SOURCE_DIR);
    int checked = 0;
    for (const auto& i : includesBelow(src / "core" / "ml")) {
        ++checked;
        EXPECT_FALSE(i.header.rfind("delineo/core/", 0) == 0 || i.header.rfind("delineo/viewmodels/", 0) == 0 ||
                     i.header.rfind("delineo/ui/", 0) == 0 || isQt(i))
            << "core/ml sees only LibTorch: " << where(i);
    }
    for (const auto& i : includesBelow(src / "core", {src / "core" / "ml"})) {
        ++checked;
        EXPECT_FALSE(i.header.rfind("delineo/viewmodels/", 0) == 0 || i.header.rfind("delineo/ui/", 0) == 0 || isQt(i))
            << "core has no Qt: " << where(i);
    }
    const std::set<std::string> widgets = qtWidgetsHeaders();
    ASSERT_TRUE(widgets.count("QWidget")) << "the Qt Widgets headers were not found in " << DELINEO_QTWIDGETS_DIR;
    for (const auto& i : includesBelow(src / "ui" / "viewmodels")) {
        ++checked;
        EXPECT_FALSE(i.header.rfind("delineo/ui/", 0) == 0 || i.header.rfind("QtWidgets", 0) == 0 ||
                     (i.angled && widgets.count(i.header)))
            << "viewmodels use Qt Core and Gui only: " << where(i);
    }
    for (const auto& i : includesBelow(src / "ui", {src / "ui" / "viewmodels"})) {
        ++checked;
        EXPECT_EQ(i.header.find("app/"), std::string::npos) << where(i);
    }
    EXPECT_GT(checked, 400);
}

// The main window stays a thin shell: its files together under 900 lines, no function over 60.
TEST(Layers, TheMainWindowStaysThin)
{
    const fs::path ui = fs::path(DELINEO_SOURCE_DIR) / "ui";
    int total = 0;
    for (const fs::path& p : {ui / "include/delineo/ui/MainWindow.h", ui / "src/MainWindow.cpp",
                              ui / "src/MainWindowMenus.cpp", ui / "src/MainWindowView.cpp"}) {
        std::ifstream in(p);
        ASSERT_TRUE(in) << p;
        std::string line;
        int start = 0, n = 0;
        std::string name;
        const std::regex definition(R"(^[A-Za-z].*MainWindow::~?\w+\()");
        while (std::getline(in, line)) {
            ++n;
            if (std::regex_search(line, definition)) {
                start = n;
                name = line;
            } else if (start && line == "}") {
                EXPECT_LE(n - start + 1, 60) << p.filename() << ": " << name;
                start = 0;
            }
        }
        total += n;
    }
    EXPECT_LT(total, 900);
}
