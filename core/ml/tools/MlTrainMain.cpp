// delineo-ml-train: trains from packed datasets with nothing but LibTorch (e.g. on a GPU machine).
// Usage: delineo-ml-train CONFIG.json TRAIN.pack VAL.pack OUT.pt [EPOCHS] [BATCH] [LR]
#include "delineo/ml/Checkpoint.h"
#include "delineo/ml/Errors.h"
#include "delineo/ml/PackedDataset.h"

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv)
{
    using namespace delineo::ml;
    if (argc < 5) {
        std::cerr << "usage: delineo-ml-train CONFIG.json TRAIN.pack VAL.pack OUT.pt [EPOCHS] [BATCH] [LR]\n";
        return 2;
    }
    try {
        std::ifstream in(argv[1]);
        std::stringstream text;
        text << in.rdbuf();
        const ModelConfig config = ModelConfig::fromJson(text.str());
        auto trainSet = PackedDataset::read(argv[2], config);
        auto valSet = PackedDataset::read(argv[3], config);
        TrainOptions opt;
        opt.outputPath = argv[4];
        if (argc > 5) opt.epochs = std::stoi(argv[5]);
        if (argc > 6) opt.batchSize = std::stoi(argv[6]);
        if (argc > 7) opt.learningRate = std::stod(argv[7]);
        auto result = train(config, opt, *trainSet, valSet.get(), [](const TrainProgress& p) {
            if (p.epochDone)
                std::cout << "epoch " << p.epoch << "/" << p.epochs << " loss " << p.loss << " val dice "
                          << p.validation.mean.dice << " " << p.imagesPerSecond << " img/s" << std::endl;
        }, nullptr);
        std::cout << "best dice " << result.bestDice << " at epoch " << result.bestEpoch << "\n";
    } catch (const std::exception& e) {
        std::cerr << "delineo-ml-train: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
