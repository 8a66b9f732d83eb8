#include "AssistTool.h"
#include "BrushTool.h"
#include "EraserTool.h"
#include "FloodFillTool.h"
#include "LassoTool.h"
#include "ThresholdBrushTool.h"

namespace delineo::vm {

std::vector<std::unique_ptr<Tool>> builtinTools()
{
    std::vector<std::unique_ptr<Tool>> tools;
    tools.push_back(std::make_unique<BrushTool>());
    tools.push_back(std::make_unique<EraserTool>());
    tools.push_back(std::make_unique<ThresholdBrushTool>());
    tools.push_back(std::make_unique<LassoTool>());
    tools.push_back(std::make_unique<FloodFillTool>());
    tools.push_back(std::make_unique<AssistTool>());
    return tools;
}

} // namespace delineo::vm
