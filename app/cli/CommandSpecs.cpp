// The commands of delineo-cli and their options: the one list the parser, the help texts, the man
// page and the bash completion are built from. A new option is declared here, then read with args.get().
#include "CliSpec.h"
#include "Commands.h"

#include "delineo/core/Exporter.h"

namespace delineo::cli {

namespace {

const std::vector<OptionSpec> kPredictionOptions = {
    {"tta", "", "average the model over the image and its flips"},
    {"tiles", "", "sliding window over the frame scaled by --tile-zoom instead of resizing it whole"},
    {"tile-zoom", "Z", "scale of the frame for --tiles (default 1.0)"},
};

std::vector<OptionSpec> with(std::vector<OptionSpec> a, const std::vector<OptionSpec>& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

std::vector<OptionSpec> exportOptions()
{
    std::vector<OptionSpec> out;
    for (const auto& e : core::exporters())
        out.push_back({e->id(), e->destinationIsFile() ? "OUT" + e->fileSuffix() : "OUT",
                       "export: " + e->title() + ": " + e->description()});
    return out;
}

} // namespace

std::vector<CommandSpec> commandSpecs()
{
    std::vector<CommandSpec> c;
    c.push_back({"train", "", "train a segmentation model from Kvasir-style data or image/mask folders",
                 "--arch: unet unetpp attention_unet unet3p deeplabv3p fcn (prompt_unet with --interactive); mixed\n"
                 "precision on CUDA only.\n"
                 "--pack DIR: instead of training, write DIR/config.json, train.pack and val.pack (resized samples,\n"
                 "JPEG + run-length masks) for delineo-ml-train on a LibTorch-only machine.",
                 {},
                 {{"data", "DIR", "Kvasir-style folder (images/, masks/, train.txt, val.txt)"},
                  {"train-list", "FILE", "training names (default train.txt)"},
                  {"val-list", "FILE", "validation names (default val.txt)"},
                  {"images", "DIR", "image folder (with --masks)"},
                  {"masks", "DIR", "mask folder (with --images)"},
                  {"split", "FILE", "frozen split file (default IMAGES/delineo-split.json)"},
                  {"val-fraction", "F", "validation share when the split is chosen (default 0.2)"},
                  {"no-val", "", "train on everything, no validation"},
                  {"out", "MODEL.pt", "weights to write (sidecar JSON beside them)"},
                  {"arch", "ID", "architecture (default unet; prompt_unet with --interactive)"},
                  {"interactive", "", "train the interactive model: prompts simulated from the masks (a click or box, "
                                      "then clicks at the largest error with its own prediction fed back); each class "
                                      "of --classes is an object to prompt"},
                  {"base", "N", "base width (default 16)"},
                  {"depth", "N", "encoder depth (default 4)"},
                  {"size", "N", "input size (default 256)"},
                  {"channels", "N", "input channels (default 3)"},
                  {"context", "K", "2.5D: read each slice with its neighbours, K slices in all (odd, default 1 = 2D); "
                                   "a file's series is its folder and its name without the last number that varies"},
                  {"classes", "NAMES", "polyp | stomach,large_bowel,small_bowel,tumour"},
                  {"epochs", "N", "epochs (default 20)"},
                  {"batch", "N", "batch size (default 8)"},
                  {"lr", "R", "learning rate (default 1e-3)"},
                  {"seed", "N", "random seed (default 42)"},
                  {"workers", "N", "data loading threads (default 1)"},
                  {"patience", "N", "early stopping after N epochs without a better validation Dice"},
                  {"time-budget", "SECONDS", "stop after this long, keeping the best checkpoint"},
                  {"init", "MODEL.pt", "start from these weights (with --interactive an automatic unet: its filters, prompt channels from zero)"},
                  {"resume", "MODEL.last.pt", "continue an interrupted run"},
                  {"loss", "SPEC", "bce+dice | ce+dice | focal+dice | 0.5*bce+... (weighted sums)"},
                  {"schedule", "NAME", "cosine | onecycle"},
                  {"no-amp", "", "no mixed precision on CUDA"},
                  {"sync-bn", "", "several ranks (RANK, WORLD_SIZE…): batch norm over the global batch, not each rank's"},
                  {"no-augment", "", "no augmentation"},
                  {"description", "TEXT", "stored in the model's sidecar"},
                  {"demo", "", "mark the model as a demo model wherever the app uses it"},
                  {"pack", "DIR", "write a packed dataset for delineo-ml-train instead of training"}},
                 runTrain});
    c.push_back({"segment", "IMAGE|FOLDER...", "segment images, series or videos into mask files", "", {},
                 with({{"model", "MODEL.pt", "weights (default: the shipped model made for the first input, as the app "
                                             "picks one; the polyp model when none is)"},
                       {"out", "DIR", "mask folder to write"},
                       {"batch", "N", "frames per forward pass (default 1)"},
                       {"workers", "N", "on the CPU: frames in flight, each on one core with its own copy of the "
                                        "model (default: one per core)"},
                       {"timing", "", "print per-stage timings"}},
                      kPredictionOptions),
                 runSegment});
    c.push_back({"evaluate", "", "pixel accuracy, IoU, Dice, precision, recall and HD95 per class", "", {},
                 with({{"model", "MODEL.pt", "weights (default: the shipped model made for the first image, as for segment)"},
                       {"data", "DIR", "Kvasir-style folder"},
                       {"list", "FILE", "names to evaluate (with --data, e.g. val.txt)"},
                       {"images", "DIR", "image folder (with --masks)"},
                       {"masks", "DIR", "ground-truth mask folder"},
                       {"json", "", "print JSON"},
                       {"limit", "N", "only the first N images"},
                       {"report", "FILE.html", "HTML report with the worst cases (default evaluation.html)"},
                       {"no-report", "", "write no HTML report"},
                       {"worst", "N", "worst cases in the report (default 8)"},
                       {"interactive", "", "the interactive --model as an annotator uses it: from an empty mask, "
                                           "from a box and from --draft-model's output, a click at a time at the "
                                           "largest error until Dice 0.90 or --max-clicks; NoC@85, NoC@90, Dice "
                                           "after 1, 3, 5 clicks, Dice from the box alone"},
                       {"draft-model", "MODEL.pt", "automatic model whose output is the draft (with --interactive)"},
                       {"max-clicks", "N", "clicks per object (with --interactive, default 20)"},
                       {"classes", "N", "mask classes, each an object (with --interactive and no draft model; default 1)"},
                       {"class-names", "A,B,...", "names of those classes for the per-class table (with --interactive)"},
                       {"propagation", "", "the interactive --model carrying each image's mask through a simulated "
                                           "sequence (smooth known deformations): mean Dice over --frames against "
                                           "copying the first mask (--limit sequences, default 20)"},
                       {"frames", "N", "propagated frames per sequence (with --propagation, default 30)"},
                       {"no-flow", "", "carry the mask without optical flow (with --propagation)"}},
                      kPredictionOptions),
                 runEvaluate});
    c.push_back({"import-model", "MODEL.pt", "add a TorchScript model exported from PyTorch",
                 "Checked by one forward pass, then copied with its sidecar to ~/.local/share/Delineo/models or DIR.",
                 {},
                 {{"sidecar", "MODEL.json", "classes, inChannels, inputSize, normalisation"},
                  {"out", "DIR", "destination folder"},
                  {"name", "NAME", "file name of the copy"}},
                 runImportModel});
    c.push_back({"info", "FILE|FOLDER", "series, size, spacing, syntax and per-frame statistics", "", {},
                 {{"json", "", "print JSON"}}, runInfo});
    c.push_back({"prepare-video", "VIDEO...", "write the fast-seeking copies of videos whose keyframes lie far apart",
                 "What the app prepares in the background on opening such a video (a keyframe every 12 frames, "
                 "x264 CRF 18), done ahead of time; a video whose keyframes lie at most 12 frames apart needs none.",
                 {},
                 {{"cache", "DIR", "where the copies are kept (default ~/.cache/Delineo/video-copies, as the app)"},
                  {"json", "", "print JSON"}},
                 runPrepareVideo});
    c.push_back({"deidentify", "DICOM_FILE|FOLDER...", "copy DICOM through the PS3.15 Annex E basic profile",
                 "Pseudonyms and UIDs come from a secret key: a new one per run, or a workspace's own, so that "
                 "copies made at different times (and that workspace's imports and DICOM SEG/SR exports) agree.",
                 {},
                 {{"out", "DIR", "destination folder"}, {"prefix", "TEXT", "pseudonym prefix (default ANON)"},
                  {"workspace", "DIR", "use this workspace's key"}},
                 runDeidentify});
    c.push_back({"import-dicom", "DICOM_FILE|FOLDER...", "copy DICOM into WORKSPACE/dicom/",
                 "De-identified unless the workspace was set to keep identities; either flag changes that setting.",
                 {},
                 {{"workspace", "DIR|URL", "the workspace folder, or a team workspace's postgresql:// URL"},
                  {"keep-identity", "", "keep patient identities"},
                  {"deidentify", "", "de-identify the copies"},
                  {"prefix", "TEXT", "pseudonym prefix (default ANON)"}},
                 runImportDicom});
    c.push_back({"pacs", "ACTION [FILE...]", "a PACS over DICOM networking or DICOMweb: echo, find, series, get, send",
                 "echo --pacs N | find --pacs N [--patient P] [--patient-id ID] [--date FROM-TO] [--modality M]\n"
                 "| series --pacs N --study UID | get --pacs N --study UID --series UID --workspace WS\n"
                 "| send --pacs N FILE...   (N is AE@host:port or a DICOMweb URL; get de-identifies as the workspace says)",
                 {"echo", "find", "series", "get", "send"},
                 {{"pacs", "AE@HOST:PORT|URL", "the PACS: a DICOM node's AE title, host and port, or a DICOMweb base URL such as http://host:8042/dicom-web (user:password@ before the host if it asks)"},
                  {"calling-ae", "AE", "this client's AE title (default DELINEO; the PACS must know it)"},
                  {"timeout", "SECONDS", "connection and message timeout (default 10)"},
                  {"patient", "NAME", "find: patient name, * and ? as wildcards"},
                  {"patient-id", "ID", "find: patient ID"},
                  {"date", "FROM-TO", "find: study dates YYYYMMDD-YYYYMMDD (either side may be empty)"},
                  {"modality", "M", "find: a modality in the study (MR, CT, ES…)"},
                  {"accession", "NUMBER", "find: accession number"},
                  {"study", "UID", "series, get: the study"},
                  {"series", "UID", "get: the series"},
                  {"workspace", "DIR|URL", "get: the workspace the series goes into (WS/dicom/pacs-NNN)"},
                  {"json", "", "find, series: print JSON"}},
                 runPacs});
    c.push_back({"workspace", "ACTION DIR|URL [PATH]",
                 "the workspace (a folder, or a postgresql:// URL): create, import, export, split, rank, evaluate, "
                 "agreement, status",
                 "create DIR [--classes C] | import DIR FRAMES_DIR [--masks M] [--classes C] | import DIR DICOM_DIR|UW_CASE_DAY|"
                 "IMAGE.nii.gz [--labels L]\n| export DIR --FORMAT OUT [--deidentify] | split DIR --val-list NAMES.txt"
                 " | rank DIR [--model M.pt] | evaluate DIR [--model M.pt|--version V] [--report F] [--json]"
                 " | agreement DIR [--image PATH] [--consensus majority|staple] [--json] | status DIR [--json]\nExports write every annotated slice and frame; evaluate measures on the frozen"
                 " validation split (chosen now if there is none).",
                 {"create", "import", "export", "split", "rank", "evaluate", "agreement", "status"},
                 with({{"classes", "NAMES", "create, import: class names (default polyp; a UW case or a DICOM SEG imported names its own)"},
                       {"user", "NAME", "who the changes are recorded as (default: the login)"},
                       {"masks", "DIR", "import: masks of the frames"},
                       {"labels", "FILE", "import: label map, DICOM SEG or UW train.csv of the volume"},
                       {"deidentify", "", "export: de-identify (DICOM SEG and SR, with the workspace's key)"},
                       {"val-list", "FILE", "split: the images held out of every fine-tune"},
                       {"model", "MODEL.pt", "rank, evaluate: weights (default: the active model)"},
                       {"version", "V", "rank, evaluate: this model version of the workspace"},
                       {"report", "FILE.html", "evaluate: the HTML report (default DIR/evaluation.html)"},
                       {"worst", "N", "evaluate: worst slices drawn in the report (default 8)"},
                       {"image", "PATH", "agreement: only this image (its path or file name)"},
                       {"consensus", "METHOD", "agreement: also store the members' consensus (majority or staple) as a revision"},
                       {"json", "", "status, evaluate, agreement: print JSON"}},
                      exportOptions()),
                 runWorkspace});
    c.push_back({"finetune", "", "fine-tune (or retrain) the workspace's model on its corrected masks",
                 "Trains on corrected/approved masks only, validates on the frozen split, adds a new model version;\n"
                 "the active model stays until promoted. Under torchrun's variables every rank trains (rank 0 writes\n"
                 "the run as a job into --job-dir and adds the model back).",
                 {},
                 {{"workspace", "DIR|URL", "the workspace folder, or a team workspace's postgresql:// URL"},
                  {"user", "NAME", "who the changes are recorded as (default: the login)"},
                  {"base", "VERSION", "version to start from (default: the active one)"},
                  {"interactive", "", "the interactive (AI Assist) model's line: prompts simulated on the masks, "
                                      "NoC figures on the frozen split"},
                  {"epochs", "N", "epochs (default 10)"},
                  {"lr", "R", "learning rate (default 3e-4, 1e-3 from scratch)"},
                  {"time-budget", "SECONDS", "stop after this long"},
                  {"scratch", "", "same classes, new weights (same architecture unless --arch)"},
                  {"arch", "ID", "with --scratch: another architecture (unet unetpp attention_unet unet3p deeplabv3p fcn)"},
                  {"context", "K", "with --scratch: slices read per prediction, 1 (2D) or an odd 2.5D context such as 3"},
                  {"keep-classes", "", "the model's classes only: the workspace's classes after them stay background "
                                       "(default: they join the model, its own keep their outputs)"},
                  {"batch", "N", "batch size (default 8)"},
                  {"device", "NAME", "cpu | cuda (default: CUDA when there is one)"},
                  {"seed", "N", "random seed (default 42)"},
                  {"export-job", "DIR", "do not train here: write a job for a cluster into DIR (packed data, config, "
                                        "base weights, run.sh); bring its model back with `models add`"},
                  {"job-dir", "DIR", "under torchrun's variables (several ranks): the folder every rank sees that rank 0 "
                                     "writes the job into (default WS/jobs/finetune-RUN with torchrun's or Slurm's run id)"}},
                 runFinetune});
    c.push_back({"models", "ACTION [MODEL.pt|JOB|VERSION]", "model versions: list, add, promote, rollback",
                 "add JOB (a folder from finetune --export-job, or a model in it): the job's model becomes a version\n"
                 "fine-tuned from the job's base, measured with it on the frozen validation split.",
                 {"list", "add", "promote", "rollback"},
                 {{"workspace", "DIR|URL", "the workspace folder, or a team workspace's postgresql:// URL"},
                  {"user", "NAME", "who the changes are recorded as (default: the login)"},
                  {"name", "NAME", "add: the version's name"},
                  {"interactive", "", "rollback: the interactive (AI Assist) model's line"},
                  {"json", "", "list: print JSON"}},
                 runModels});
    c.push_back({"stats", "[IMAGE...]", "structure volumes (mL), voxels, slice range and 3D pieces per class; measurements",
                 "Every annotated image of the workspace, or the IMAGEs named; slices count from 1. The volume is\n"
                 "unknown where the file gives no pixel or slice spacing. Then the rulers (mm) and outlines (mm²)\n"
                 "kept with the image, each with the plane it lies in, who drew it and when.",
                 {},
                 {{"workspace", "DIR|URL", "the workspace folder, or a team workspace's postgresql:// URL"}, {"json", "", "print JSON"}},
                 runStats});
    c.push_back({"resample", "IMAGE", "an oblique series resampled on the patient's axes (true axial slices), as NIfTI",
                 "Rows along the patient's left, columns to the back, slices from the head down; pixels trilinear from\n"
                 "the voxels, in the image's own pixel type; labels from the nearest voxel. What the window's\n"
                 "View → Open a Copy on the Patient's Axes… writes. A series along the patient's axes is refused (exit 5).",
                 {},
                 {{"out", "FILE.nii.gz", "the resampled image"},
                  {"labels", "FILE", "a label map of IMAGE (NIfTI, NRRD, DICOM SEG) to resample with it"},
                  {"labels-out", "FILE.nii.gz", "where the resampled labels go"}},
                 runResample});
    c.push_back({"import-uw", "", "UW-Madison slices and label masks (1 stomach, 2 large bowel, 3 small bowel)", "", {},
                 {{"data", "DIR", "the UW-Madison folder"}, {"out", "DIR", "destination folder"}}, runImportUw});
    c.push_back({"bench", "", "inference latency, per-architecture cost, or training throughput",
                 "Without --arch or --train: inference ms per frame of --model.\n"
                 "--arch all|unet,fcn,...: parameters, forward GFLOPs and forward ms of each architecture.\n"
                 "--train unet --data KVASIR_DIR: training images/s and GFLOP/s through the real pipeline,\n"
                 "augmentation on; median of --runs epochs after one warm-up epoch.\n"
                 "--finetune --data KVASIR_DIR: the same, from folders (delineo-cli train) and from a workspace\n"
                 "(the fine-tune path) on the same --images (default 150), both in one run.",
                 {},
                 {{"model", "MODEL.pt", "weights (default: the shipped polyp model)"},
                  {"size", "N", "input size (default 256)"},
                  {"width", "W", "frame width"},
                  {"height", "H", "frame height"},
                  {"runs", "N", "repetitions"},
                  {"arch", "IDS", "all or a comma-separated list"},
                  {"base", "N", "base width (default 16)"},
                  {"depth", "N", "depth (default 4)"},
                  {"channels", "N", "input channels (default 3)"},
                  {"classes", "N", "classes (default 1)"},
                  {"train", "ARCH", "time training of this architecture"},
                  {"finetune", "", "time training from folders and from a workspace, in one run"},
                  {"data", "DIR", "Kvasir-style folder for --train"},
                  {"batch", "N", "batch size (default 8)"},
                  {"images", "N", "images per epoch (default 64)"},
                  {"workers", "N", "data loading threads (default 1)"}},
                 runBench});
    return c;
}

} // namespace delineo::cli
