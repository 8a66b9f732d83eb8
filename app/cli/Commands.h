#pragma once
#include "CliArgs.h"

#include "delineo/ml/ModelConfig.h"
#include "delineo/ml/Trainer.h"

#include <atomic>

#include <vector>

namespace delineo::cli {

// "polyp" or "stomach,large_bowel,small_bowel": class names with colours from a fixed palette.
std::vector<ml::ClassInfo> parseClasses(const std::string& text);

// Training progress on stderr (a line per epoch, a refreshed line every 10 steps).
ml::ProgressCallback consoleProgress();
// A flag that Ctrl+C / SIGTERM set, so training stops after the current step and keeps its last checkpoint.
const std::atomic<bool>* cancelOnSignal();

// The warning a de-identified copy needs when pixels may show text the profile leaves (stderr).
void warnOfBurnedInText(int images);

// Each returns the process exit status; typed errors propagate as exceptions to main().
int runTrain(const CliArgs& args);
int runSegment(const CliArgs& args);
int runEvaluate(const CliArgs& args);
int runEvaluateInteractive(const CliArgs& args); // evaluate --interactive
int runEvaluatePropagation(const CliArgs& args); // evaluate --propagation
int runImportModel(const CliArgs& args);
int runInfo(const CliArgs& args);
int runBench(const CliArgs& args);
int runDeidentify(const CliArgs& args);
int runImportDicom(const CliArgs& args);
int runImportUw(const CliArgs& args);
int runWorkspace(const CliArgs& args);
int runFinetune(const CliArgs& args);
int runModels(const CliArgs& args);
int runStats(const CliArgs& args);
int runResample(const CliArgs& args);
int runPacs(const CliArgs& args);
int runPrepareVideo(const CliArgs& args);

} // namespace delineo::cli
