#include "TensorArchive.h"
#include "ArchiveCheck.h"
#include "delineo/ml/Checkpoint.h"

#include <torch/csrc/jit/api/compilation_unit.h>
#include <torch/csrc/jit/serialization/import_read.h>
#include <torch/csrc/jit/serialization/storage_context.h>
#include <torch/serialize.h>

#include <caffe2/serialize/inline_container.h>

#include <stdexcept>

namespace delineo::ml {

namespace {

constexpr int kMaxNesting = 16; // submodules in a module archive; Delineo's files nest 2 deep

// The only type tag a tensor dictionary carries; any other type string in a file is refused (never
// handed to LibTorch's TorchScript type parser).
c10::TypePtr knownType(const std::string& text)
{
    if (text == "Dict[str, Tensor]")
        return c10::DictType::create(c10::StringType::get(), c10::TensorType::get());
    throw std::runtime_error("unexpected type '" + text.substr(0, 60) + "'");
}

void flatten(const c10::IValue& value, const std::string& prefix, NamedTensors& out, int depth)
{
    if (depth > kMaxNesting)
        throw std::runtime_error("objects nested deeper than " + std::to_string(kMaxNesting));
    if (value.isObject()) { // a module: its state, kept in its one slot by the loader below
        const auto object = value.toObject();
        if (object->slots().size() == 1)
            flatten(object->getSlot(0), prefix, out, depth + 1);
        return;
    }
    if (!value.isGenericDict())
        return;
    for (const auto& entry : value.toGenericDict()) {
        if (!entry.key().isString())
            continue;
        const std::string name = prefix.empty() ? entry.key().toStringRef() : prefix + "." + entry.key().toStringRef();
        if (entry.value().isTensor())
            out[name] = entry.value().toTensor();
        else
            flatten(entry.value(), name, out, depth + 1);
    }
}

} // namespace

void saveTensors(const std::string& path, const NamedTensors& tensors)
{
    c10::Dict<std::string, torch::Tensor> dict;
    for (const auto& [name, tensor] : tensors)
        dict.insert(name, tensor.detach().to(torch::kCPU).contiguous());
    const std::vector<char> bytes = torch::pickle_save(dict);
    writeFileAtomic(path, std::string(bytes.begin(), bytes.end()));
}

TensorFile loadTensors(const std::string& path)
{
    RecordSizes records;
    if (const std::string problem = torchArchiveProblem(path, &records); !problem.empty())
        throw std::runtime_error(problem);
    TensorFile file;
    try {
        caffe2::serialize::PyTorchStreamReader reader(path);
        auto unit = std::make_shared<torch::jit::CompilationUnit>();
        // A class a file names is an empty type here: nothing of the file's code is compiled.
        // A container's type tag ("Dict[str, Tensor]") comes here too, when a resolver is given.
        torch::jit::TypeResolver resolve = [unit](const c10::QualifiedName& name) {
            if (name.qualifiedName().find('[') != std::string::npos)
                return c10::StrongTypePtr(unit, knownType(name.qualifiedName()));
            return c10::StrongTypePtr(unit, c10::ClassType::create(name, unit));
        };
        torch::jit::ObjLoader keepState = [](at::StrongTypePtr type, c10::IValue state) {
            auto object = c10::ivalue::Object::create(std::move(type), 1);
            object->setSlot(0, std::move(state));
            return object;
        };
        auto storages = std::make_shared<torch::jit::DeserializationStorageContext>();
        const c10::IValue root = torch::jit::readArchiveAndTensors("data", "", "", resolve, keepState,
                                                                   torch::Device(torch::kCPU), reader, knownType,
                                                                   storages);
        // LibTorch sizes each storage by what the pickle declares, not by the record it reads: a
        // record shorter than declared would be read past its end (found by the packed-dataset
        // fuzz target). Each storage is checked against its record's size in the zip directory
        // (read by the archive check above, not by reading the record again).
        for (const auto& [record, bytes] : records) {
            if (record.rfind("data/", 0) != 0)
                continue;
            const std::string key = record.substr(5);
            if (storages->hasStorage(key) && storages->getStorage(key).nbytes() > bytes)
                throw std::runtime_error("storage " + key.substr(0, 40) + " claims more bytes than the file holds");
        }
        file.moduleArchive = root.isObject();
        if (!root.isObject() && !root.isGenericDict())
            throw std::runtime_error("holds neither a tensor dictionary nor a module");
        flatten(root, "", file.tensors, 0);
    } catch (const c10::Error& e) { // the reader's and unpickler's, without LibTorch's backtrace
        throw std::runtime_error(path + " is not a readable tensor archive (" +
                                 std::string(e.what_without_backtrace()).substr(0, 200) + ")");
    } catch (const std::exception& e) {
        throw std::runtime_error(path + " is not a readable tensor archive (" + std::string(e.what()).substr(0, 200) + ")");
    }
    for (const auto& [name, tensor] : file.tensors)
        if (!tensorFitsStorage(tensor))
            throw std::runtime_error(path + ": tensor '" + name + "' claims more elements than its storage holds");
    return file;
}

} // namespace delineo::ml
