#pragma once
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace delineo::cli {

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The options and positional arguments of one command, as CLI11 parsed them (CliParser.cpp):
// every name here was declared in the command's spec (CommandSpecs.cpp).
class CliArgs {
public:
    CliArgs(std::map<std::string, std::string> values, std::vector<std::string> positional)
        : values_(std::move(values)), positional_(std::move(positional))
    {
    }
    bool has(const std::string& name) const { return values_.count(name) > 0; }
    std::string get(const std::string& name, const std::string& fallback = "") const;
    std::string require(const std::string& name) const;
    int getInt(const std::string& name, int fallback) const;
    double getDouble(const std::string& name, double fallback) const;
    const std::vector<std::string>& positional() const { return positional_; }

private:
    std::map<std::string, std::string> values_;
    std::vector<std::string> positional_;
};

// "1 image", "3 images": a count and its noun in the CLI's English output.
inline std::string counted(long long n, const char* one, const char* many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

} // namespace delineo::cli
