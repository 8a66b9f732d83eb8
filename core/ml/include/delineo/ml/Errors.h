#pragma once
#include <stdexcept>
#include <string>

namespace delineo::ml {

// A model file that is missing, corrupt or does not fit its sidecar.
class ModelError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Training could not start or continue (bad data, NaN loss, I/O failure).
class TrainingError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace delineo::ml
