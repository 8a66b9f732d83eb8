#pragma once
#include "CliArgs.h"

namespace delineo::cli {

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

} // namespace delineo::cli
