// delineo-cli: headless training, segmentation, evaluation and file inspection.
#include "CliArgs.h"
#include "Commands.h"

#include "delineo/core/Errors.h"
#include "delineo/core/Versions.h"
#include "delineo/ml/Errors.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>

using namespace delineo;

static const char* kUsage = R"(usage: delineo-cli COMMAND [options]   (delineo-cli --version: versions of the parts)

commands:
  train     --data DIR [--train-list train.txt] [--val-list val.txt]
            | --images DIR --masks DIR [--split DIR/delineo-split.json] [--val-fraction 0.2] [--no-val]
            --out MODEL.pt [--arch unet] [--base 16] [--depth 4] [--size 256] [--channels 3]
            [--classes polyp] [--epochs 20] [--batch 8] [--lr 1e-3] [--seed 42] [--workers 1]
            [--patience N] [--time-budget SECONDS] [--init MODEL.pt] [--resume MODEL.last.pt]
            [--loss bce+dice|ce+dice|focal+dice|0.5*bce+...] [--schedule cosine|onecycle] [--no-amp]
            [--no-augment] [--description TEXT] [--demo]   (stored in the model's sidecar; a demo model
            is marked as one wherever the app uses it)
            (--arch: unet unetpp attention_unet unet3p deeplabv3p fcn; mixed precision on CUDA only)
            [--pack DIR]: instead of training, write DIR/config.json, train.pack and val.pack
            (resized samples, JPEG + run-length masks) for delineo-ml-train on a LibTorch-only machine
  segment   [--model MODEL.pt] IMAGE|FOLDER... --out DIR [--batch 1] [--tta] [--timing]
            [--tiles [--tile-zoom 1.0]]   (sliding window over the frame scaled by the zoom,
            instead of resizing it whole to the model input)
  evaluate  [--model MODEL.pt] (--data DIR [--list val.txt] | --images DIR --masks DIR) [--json] [--limit N]
            [--tta] [--tiles [--tile-zoom 1.0]]
            [--report evaluation.html | --no-report] [--worst 8]   (five metrics + HD95 per class)
  import-model MODEL.pt --sidecar MODEL.json [--out DIR] [--name NAME]
            (a TorchScript export from PyTorch; checked by one forward pass, then copied with its sidecar
             to ~/.local/share/Delineo/models or DIR)
  info      FILE|FOLDER [--json]   (DICOM file/series folder, NIfTI, NRRD, UW-Madison case, image)
  deidentify DICOM_FILE|FOLDER... --out DIR [--prefix ANON]
  import-dicom DICOM_FILE|FOLDER... --workspace DIR [--keep-identity | --deidentify] [--prefix ANON]
            (copies into DIR/dicom/, de-identified unless the workspace was set to keep identities;
             either flag changes the workspace's setting)
  workspace create DIR [--classes polyp|stomach,large_bowel,...]
            | import DIR FRAMES_DIR [--masks M] | import DIR DICOM_DIR|UW_CASE_DAY|IMAGE.nii.gz [--labels L]
            | export DIR (--png OUT | --nnunet OUT | --coco OUT.json | --nifti OUT | --dicom-seg OUT [--deidentify] | --uw-csv OUT.csv)
            | split DIR --val-list NAMES.txt   (sets the frozen validation split)
            | rank DIR [--model M.pt]   (unreviewed images by model uncertainty, for review order)
            | status DIR [--json]   (the SQLite workspace: cases, mask revisions)
  finetune  --workspace DIR [--base VERSION] [--epochs 10] [--lr 3e-4] [--time-budget SECONDS]
            [--scratch] [--batch 8] [--device cpu|cuda] [--seed 42]
            (trains on corrected/approved masks only, validates on the workspace's frozen split,
             adds a new model version; the active model stays until promoted)
  models    list|add MODEL.pt [--name N]|promote VERSION|rollback [VERSION] --workspace DIR [--json]
  import-uw --data UW_MADISON_DIR --out DIR   (slices + label masks: 1 stomach, 2 large bowel, 3 small bowel)
  bench     [--model MODEL.pt] [--size 256 | --width W --height H] [--runs 20]
  bench     --arch all|unet,fcn,... [--size 256] [--base 16] [--depth 4] [--channels 3] [--classes 1]
            (parameters, forward GFLOPs and forward ms of each architecture)
  bench     --train unet --data KVASIR_DIR [--base 16] [--size 256] [--batch 8] [--images 64]
            [--workers 1] [--runs 3]
            (training images/s and GFLOP/s through the real pipeline, augmentation on;
             median of --runs epochs after one warm-up epoch)

exit status: 0 ok, 1 partial failure, 2 usage, 3 not found, 4 unreadable, 5 unsupported format,
             6 corrupt, 7 unsupported compression, 8 wrong size, 9 write failed, 10 model error,
             11 training error, 12 busy (workspace open elsewhere), 130 cancelled
)";

int main(int argc, char** argv)
{
    if (argc >= 2 && !std::strcmp(argv[1], "--version")) {
        std::printf("delineo-cli %s\n", DELINEO_VERSION);
        for (const auto& [name, version] : core::componentVersions())
            std::printf("  %-8s %s\n", name.c_str(), version.c_str());
        return 0;
    }
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
        std::fputs(kUsage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    const std::string cmd = argv[1];
    try {
        const cli::CliArgs args(argc, argv, 2, {"json", "timing", "no-augment", "no-val", "keep-identity", "deidentify", "no-report", "tta", "no-amp", "scratch", "tiles", "demo"});
        if (cmd == "train")
            return cli::runTrain(args);
        if (cmd == "segment")
            return cli::runSegment(args);
        if (cmd == "evaluate")
            return cli::runEvaluate(args);
        if (cmd == "info")
            return cli::runInfo(args);
        if (cmd == "bench")
            return cli::runBench(args);
        if (cmd == "deidentify")
            return cli::runDeidentify(args);
        if (cmd == "import-model")
            return cli::runImportModel(args);
        if (cmd == "import-dicom")
            return cli::runImportDicom(args);
        if (cmd == "workspace")
            return cli::runWorkspace(args);
        if (cmd == "finetune")
            return cli::runFinetune(args);
        if (cmd == "models")
            return cli::runModels(args);
        if (cmd == "import-uw")
            return cli::runImportUw(args);
        std::fprintf(stderr, "delineo-cli: unknown command '%s'\n%s", cmd.c_str(), kUsage);
        return 2;
    } catch (const cli::UsageError& e) {
        std::fprintf(stderr, "delineo-cli: %s (see delineo-cli --help)\n", e.what());
        return 2;
    } catch (const core::ImageError& e) {
        std::fprintf(stderr, "delineo-cli: %s [%s]\n", e.what(), core::ImageError::codeName(e.code()));
        return e.exitCode();
    } catch (const ml::ModelError& e) {
        std::fprintf(stderr, "delineo-cli: model error: %s\n", e.what());
        return 10;
    } catch (const ml::TrainingError& e) {
        std::fprintf(stderr, "delineo-cli: training error: %s\n", e.what());
        return 11;
    } catch (const std::filesystem::filesystem_error& e) {
        std::fprintf(stderr, "delineo-cli: %s\n", e.what());
        return 4;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "delineo-cli: %s\n", e.what());
        return 1;
    }
}
