#pragma once
#include "CliArgs.h"

#include <functional>
#include <string>
#include <vector>

namespace delineo::cli {

// One option of a command: `value` names its argument ("DIR", "N"); empty for a flag.
struct OptionSpec {
    std::string name, value, help;
};

// One command of delineo-cli. The parser (CLI11), `--help`, `COMMAND --help`, the man page and
// the bash completion are all built from these specs, so they cannot drift apart.
struct CommandSpec {
    std::string name;
    std::string synopsis;                 // positional arguments, e.g. "IMAGE|FOLDER..."
    std::string summary;                  // one line
    std::string notes;                    // more lines for the help (may be empty)
    std::vector<std::string> actions;     // first positional words, for completion (workspace, models)
    std::vector<OptionSpec> options;
    std::function<int(const CliArgs&)> run;
};

// Every command, in the order --help lists them (CommandSpecs.cpp).
std::vector<CommandSpec> commandSpecs();

// Parses argv with CLI11 and runs the command. Usage errors print a message (with the nearest
// known option or command) and return 2; `COMMAND --help` prints that command's help.
int runCommandLine(int argc, char** argv);
std::string fullHelp();                   // every command and option (top-level --help, man page)
std::string bashCompletion();             // `delineo-cli completion bash`

} // namespace delineo::cli
