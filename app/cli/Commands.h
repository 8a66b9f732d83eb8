#pragma once
#include "CliArgs.h"

#include "delineo/ml/ModelConfig.h"

#include <vector>

namespace delineo::cli {

// "polyp" or "stomach,large_bowel,small_bowel": class names with colours from a fixed palette.
std::vector<ml::ClassInfo> parseClasses(const std::string& text);

// Each returns the process exit status; typed errors propagate as exceptions to main().
int runTrain(const CliArgs& args);
int runSegment(const CliArgs& args);
int runEvaluate(const CliArgs& args);
int runImportModel(const CliArgs& args);
int runInfo(const CliArgs& args);
int runBench(const CliArgs& args);
int runDeidentify(const CliArgs& args);
int runImportDicom(const CliArgs& args);
int runImportUw(const CliArgs& args);
int runWorkspace(const CliArgs& args);

} // namespace delineo::cli
