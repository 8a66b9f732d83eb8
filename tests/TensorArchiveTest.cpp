// Internal: weights, optimizer state and packs are read without compiling anything a file carries.
#include "CheckpointIO.h"
#include "ModelRegistry.h"
#include "TensorArchive.h"
#include "TestSupport.h"
#include "delineo/ml/Errors.h"

#include <caffe2/serialize/inline_container.h>

#include <fstream>
#include <sstream>
#include <type_traits>

using namespace delineo;

namespace {

ml::ModelConfig tinyConfig()
{
    ml::ModelConfig c;
    c.baseWidth = 4;
    c.depth = 2;
    c.inputSize = 32;
    return c;
}

// A copy of a LibTorch archive whose Python source records say something no compiler accepts.
void copyWithBrokenCode(const std::string& from, const std::string& to)
{
    caffe2::serialize::PyTorchStreamReader reader(from);
    caffe2::serialize::PyTorchStreamWriter writer(to);
    const std::string junk = "class Module(((: this is not Python\n";
    for (const auto& name : reader.getAllRecords()) {
        if (name == "version" || name == ".data/version")
            continue; // the writer adds its own
        if (name.rfind("code/", 0) == 0 && name.size() > 3 && name.compare(name.size() - 3, 3, ".py") == 0) {
            writer.writeRecord(name, junk.data(), junk.size());
            continue;
        }
        auto [bytes, size] = reader.getRecord(name);
        writer.writeRecord(name, bytes.get(), size);
    }
    writer.writeEndOfFile();
}

// A parameter's optimizer state, found by its tensor (the map's key differs between LibTorch versions).
template <typename Map>
const torch::optim::OptimizerParamState& stateIn(const Map& states, const torch::Tensor& p)
{
    for (const auto& [key, state] : states) {
        if constexpr (std::is_same_v<typename Map::key_type, std::string>) {
            std::ostringstream address;
            address << p.unsafeGetTensorImpl();
            if (key == address.str())
                return *state;
        } else if (static_cast<const void*>(key) == p.unsafeGetTensorImpl()) {
            return *state;
        }
    }
    throw std::runtime_error("no optimizer state for a parameter");
}

} // namespace

TEST(TensorArchive, ADictionaryRoundTripsAndAModuleArchiveIsReadWithoutItsCode)
{
    test::TempDir dir;
    const ml::NamedTensors tensors{{"a", torch::arange(6, torch::kFloat32).reshape({2, 3})},
                                   {"b.c", torch::tensor({7, 8}, torch::kInt64)}};
    ml::saveTensors(dir.file("dict.pt"), tensors);
    const ml::TensorFile dict = ml::loadTensors(dir.file("dict.pt"));
    EXPECT_FALSE(dict.moduleArchive);
    ASSERT_EQ(dict.tensors.size(), 2u);
    EXPECT_TRUE(dict.tensors.at("a").equal(tensors.at("a")));
    EXPECT_TRUE(dict.tensors.at("b.c").equal(tensors.at("b.c")));

    // The older format: an OutputArchive with a nested one, written as Delineo used to.
    torch::serialize::OutputArchive outer, inner;
    inner.write("w", torch::full({4}, 2.5f));
    outer.write("x", torch::ones({2, 2}));
    outer.write("sub", inner);
    outer.save_to(dir.file("module.pt"));
    copyWithBrokenCode(dir.file("module.pt"), dir.file("broken-code.pt"));
    // LibTorch's own reader compiles the code and fails; this one never looks at it.
    torch::serialize::InputArchive compiled;
    EXPECT_ANY_THROW(compiled.load_from(dir.file("broken-code.pt")));
    for (const char* name : {"module.pt", "broken-code.pt"}) {
        SCOPED_TRACE(name);
        const ml::TensorFile module = ml::loadTensors(dir.file(name));
        EXPECT_TRUE(module.moduleArchive);
        ASSERT_EQ(module.tensors.count("x"), 1u);
        ASSERT_EQ(module.tensors.count("sub.w"), 1u);
        EXPECT_TRUE(module.tensors.at("x").equal(torch::ones({2, 2})));
        EXPECT_TRUE(module.tensors.at("sub.w").equal(torch::full({4}, 2.5f)));
    }

    // Anything else is a typed refusal naming the file.
    std::ofstream(dir.file("text.pt")) << "not an archive";
    try {
        ml::loadTensors(dir.file("text.pt"));
        FAIL() << "a text file was read as tensors";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("text.pt"), std::string::npos) << e.what();
    }
}

TEST(TensorArchive, WeightsOfTheOlderFormatStillLoad)
{
    test::TempDir dir;
    const ml::ModelConfig c = tinyConfig();
    torch::manual_seed(3);
    auto net = ml::ModelRegistry::builtin().create(c);
    torch::serialize::OutputArchive old; // how weights were written before
    for (const auto& p : net->named_parameters())
        old.write(p.key(), p.value());
    for (const auto& b : net->named_buffers())
        old.write(b.key(), b.value(), true);
    old.save_to(dir.file("old.pt"));
    auto loaded = ml::ModelRegistry::builtin().create(c);
    ml::loadWeights(loaded, dir.file("old.pt"));
    for (const auto& p : net->named_parameters())
        EXPECT_TRUE(p.value().equal(loaded->named_parameters()[p.key()])) << p.key();
}

TEST(TensorArchive, OptimizerStateAndTheBestDiceSurviveAResume)
{
    test::TempDir dir;
    const ml::ModelConfig c = tinyConfig();
    torch::manual_seed(5);
    auto net = ml::ModelRegistry::builtin().create(c);
    torch::optim::AdamW optimizer(net->parameters(), torch::optim::AdamWOptions(1e-3));
    for (int step = 0; step < 2; ++step) {
        optimizer.zero_grad();
        net->forward(torch::randn({1, 3, 32, 32})).pow(2).mean().backward();
        optimizer.step();
    }
    const std::string path = dir.file("m.last.pt");
    ml::saveModel(net, c, path, &optimizer, ml::ResumeState{7, true, 0.8787, 6});

    auto again = ml::ModelRegistry::builtin().create(c);
    ml::loadWeights(again, path);
    torch::optim::AdamW resumed(again->parameters(), torch::optim::AdamWOptions(1e-3));
    const ml::ResumeState r = ml::loadOptimizer(resumed, path);
    EXPECT_EQ(r.epoch, 7);
    EXPECT_TRUE(r.hasBest);
    EXPECT_DOUBLE_EQ(r.bestDice, 0.8787);
    EXPECT_EQ(r.bestEpoch, 6);
    const auto a = net->parameters(), b = again->parameters();
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto& sa = static_cast<const torch::optim::AdamWParamState&>(stateIn(optimizer.state(), a[i]));
        const auto& sb = static_cast<const torch::optim::AdamWParamState&>(stateIn(resumed.state(), b[i]));
        EXPECT_EQ(sa.step(), sb.step());
        EXPECT_TRUE(sa.exp_avg().equal(sb.exp_avg()));
        EXPECT_TRUE(sa.exp_avg_sq().equal(sb.exp_avg_sq()));
    }

    // Another model's state, and the older optimizer format, are refused with a reason.
    ml::ModelConfig wider = c;
    wider.baseWidth = 8;
    auto other = ml::ModelRegistry::builtin().create(wider);
    torch::optim::AdamW otherOptimizer(other->parameters(), torch::optim::AdamWOptions(1e-3));
    EXPECT_THROW(ml::loadOptimizer(otherOptimizer, path), ml::TrainingError);
    torch::serialize::OutputArchive old;
    optimizer.save(old);
    old.write("epoch", torch::tensor(int64_t{3}));
    old.save_to(dir.file("old.optim.pt")); // beside old.pt, as saveModel names it
    try {
        ml::loadOptimizer(resumed, dir.file("old.pt"));
        FAIL() << "the older optimizer format was resumed";
    } catch (const ml::TrainingError& e) {
        EXPECT_NE(std::string(e.what()).find("earlier"), std::string::npos) << e.what();
    }
}
