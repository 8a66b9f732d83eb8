#include "CliArgs.h"

#include <algorithm>

namespace delineo::cli {

CliArgs::CliArgs(int argc, char** argv, int first, const std::vector<std::string>& flags)
{
    for (int i = first; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind("--", 0) == 0 && a.size() > 2) {
            std::string name = a.substr(2);
            const auto eq = name.find('=');
            if (eq != std::string::npos) {
                values_[name.substr(0, eq)] = name.substr(eq + 1);
            } else if (std::find(flags.begin(), flags.end(), name) != flags.end()) {
                values_[name] = "1";
            } else {
                if (i + 1 >= argc)
                    throw UsageError("option --" + name + " needs a value");
                values_[name] = argv[++i];
            }
        } else {
            positional_.push_back(a);
        }
    }
}

std::string CliArgs::get(const std::string& name, const std::string& fallback) const
{
    auto it = values_.find(name);
    return it == values_.end() ? fallback : it->second;
}

std::string CliArgs::require(const std::string& name) const
{
    auto it = values_.find(name);
    if (it == values_.end() || it->second.empty())
        throw UsageError("missing required option --" + name);
    return it->second;
}

int CliArgs::getInt(const std::string& name, int fallback) const
{
    if (!has(name))
        return fallback;
    try {
        return std::stoi(get(name));
    } catch (const std::exception&) {
        throw UsageError("--" + name + " expects an integer");
    }
}

double CliArgs::getDouble(const std::string& name, double fallback) const
{
    if (!has(name))
        return fallback;
    try {
        return std::stod(get(name));
    } catch (const std::exception&) {
        throw UsageError("--" + name + " expects a number");
    }
}

} // namespace delineo::cli
