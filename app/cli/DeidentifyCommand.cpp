#include "Commands.h"

#include "delineo/core/Workspace.h"
#include "delineo/core/DicomImport.h"

#include <cstdio>
#include <filesystem>

namespace fs = std::filesystem;

namespace delineo::cli {

namespace {

int report(const core::DicomImportReport& r)
{
    for (const auto& f : r.failed)
        std::fprintf(stderr, "delineo-cli: %s\n", f.c_str());
    std::printf("%s %s into %s%s%s\n", r.deidentified ? "de-identified" : "copied",
                counted(r.written, "DICOM file", "DICOM files").c_str(), r.destination.c_str(),
                r.deidentified ? " (PS3.15 Annex E basic profile; burned-in text is not checked)" : " (identities kept)",
                r.failed.empty() ? "" : ", some failed");
    if (r.renamed > 0)
        std::printf("%s that named the patient or an instance UID replaced by pseudonyms\n",
                    counted(r.renamed, "folder or file name", "folder or file names").c_str());
    warnOfBurnedInText(r.burnedInText);
    return r.failed.empty() ? 0 : 1;
}

} // namespace

void warnOfBurnedInText(int images)
{
    if (images > 0)
        std::fprintf(stderr,
                     "delineo-cli: %s may show text burned into the pixels (BurnedInAnnotation YES, or ultrasound or "
                     "a secondary capture that does not say NO), which de-identification leaves: check before sharing\n",
                     counted(images, "image", "images").c_str());
}

// De-identified copies of DICOM files (folders recursively, keeping the layout).
int runDeidentify(const CliArgs& args)
{
    const std::string out = args.require("out");
    if (args.positional().empty())
        throw UsageError("deidentify needs DICOM files or folders");
    core::Pseudonyms pseudonyms = args.has("workspace") ? core::workspacePseudonyms(args.get("workspace", "")) : core::Pseudonyms{};
    pseudonyms.prefix = args.get("prefix", "ANON");
    const int status = report(core::importDicom(args.positional(), out, true, pseudonyms));
    if (!args.has("workspace"))
        std::printf("pseudonyms and UIDs from a key of this run's own: another run gives others (--workspace WS "
                    "keeps them as that workspace makes them)\n");
    return status;
}

// Copies DICOM into WORKSPACE/dicom/, de-identified unless the workspace (or --keep-identity) says not.
int runImportDicom(const CliArgs& args)
{
    // A team workspace's copies go to this client's folder for it (its images are referenced by path).
    const std::string given = args.require("workspace");
    const bool team = core::Workspace::isServerUrl(given);
    if (team)
        core::Workspace::openExisting(given); // brings the team's de-identification key to this client
    const std::string workspace = team ? core::Workspace::localFolderFor(given) : given;
    if (args.positional().empty())
        throw UsageError("import-dicom needs DICOM files or folders");
    if (args.has("keep-identity") && args.has("deidentify"))
        throw UsageError("--keep-identity and --deidentify contradict each other");
    if (args.has("keep-identity") || args.has("deidentify"))
        core::setDeidentifyOnImport(workspace, args.has("deidentify"));
    const bool deidentify = core::deidentifyOnImport(workspace);
    core::Pseudonyms pseudonyms = deidentify ? core::workspacePseudonyms(workspace) : core::Pseudonyms{};
    pseudonyms.prefix = args.get("prefix", "ANON");
    return report(core::importDicom(args.positional(), (fs::path(workspace) / "dicom").string(), deidentify, pseudonyms));
}

} // namespace delineo::cli
