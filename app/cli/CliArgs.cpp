#include "CliArgs.h"


namespace delineo::cli {

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
