#include "Commands.h"

#include "delineo/core/Pacs.h"
#include "delineo/core/Workspace.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>

namespace delineo::cli {

namespace {

core::PacsQuery queryFrom(const CliArgs& args)
{
    core::PacsQuery q;
    q.patientName = args.get("patient");
    q.patientId = args.get("patient-id");
    q.modality = args.get("modality");
    q.accession = args.get("accession");
    const std::string date = args.get("date");
    const auto dash = date.find('-');
    q.dateFrom = date.substr(0, dash);
    q.dateTo = dash == std::string::npos ? q.dateFrom : date.substr(dash + 1);
    return q;
}

void progressLine(int done, int total)
{
    if (total > 0)
        std::fprintf(stderr, "  %d/%s\r", done, counted(total, "image", "images").c_str());
    else
        std::fprintf(stderr, "  %s\r", counted(done, "image", "images").c_str());
}

} // namespace

// pacs echo|find|series|get|send --pacs AE@host:port|URL: the PACS client (DIMSE or DICOMweb) from scripts.
int runPacs(const CliArgs& args)
{
    const auto& pos = args.positional();
    if (pos.empty())
        throw UsageError("pacs needs an action: echo, find, series, get or send");
    core::PacsNode node = core::PacsNode::parse(args.require("pacs"));
    node.callingAe = args.get("calling-ae", node.callingAe);
    node.timeoutSeconds = args.getInt("timeout", node.timeoutSeconds);
    const core::PacsClient pacs(node);
    const std::string& action = pos[0];
    const bool json = args.has("json");
    if (action == "echo") {
        pacs.echo();
        if (node.web())
            std::printf("%s answers (QIDO-RS)\n", node.text().c_str());
        else
            std::printf("%s answers (C-ECHO) to %s\n", node.text().c_str(), node.callingAe.c_str());
        return 0;
    }
    if (action == "find") {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& s : pacs.findStudies(queryFrom(args))) {
            j.push_back({{"study", s.studyUid}, {"patientName", s.patientName}, {"patientId", s.patientId}, {"date", s.date},
                         {"description", s.description}, {"modalities", s.modalities}, {"accession", s.accession},
                         {"series", s.series}});
            if (!json)
                std::printf("%-10s %-24s %-12s %-8s %3d series  %s\n  study %s\n", s.date.c_str(), s.patientName.c_str(),
                            s.patientId.c_str(), s.modalities.c_str(), s.series, s.description.c_str(), s.studyUid.c_str());
        }
        if (json)
            std::cout << j.dump(2) << std::endl;
        return 0;
    }
    if (action == "series") {
        nlohmann::json j = nlohmann::json::array();
        for (const auto& s : pacs.findSeries(args.require("study"))) {
            j.push_back({{"series", s.seriesUid}, {"modality", s.modality}, {"description", s.description},
                         {"number", s.number}, {"instances", s.instances}});
            if (!json)
                std::printf("%4s %-4s %5d images  %s\n  series %s\n", s.number.c_str(), s.modality.c_str(), s.instances,
                            s.description.c_str(), s.seriesUid.c_str());
        }
        if (json)
            std::cout << j.dump(2) << std::endl;
        return 0;
    }
    if (action == "get") {
        const std::string given = args.require("workspace");
        const auto progress = [](int done, int total) {
            progressLine(done, total);
            return true;
        };
        core::DicomImportReport report;
        if (core::Workspace::isServerUrl(given)) {
            // A team's series: this member's folder for the workspace, listed in its store for all.
            auto ws = core::Workspace::openExisting(given);
            const auto team = core::retrieveIntoTeamWorkspace(pacs, args.require("study"), args.require("series"), *ws,
                                                              progress, cancelOnSignal());
            if (team.present) {
                std::printf("this computer has the series already: %s\n", team.report.destination.c_str());
                return 0;
            }
            report = team.report;
        } else {
            report = core::retrieveIntoWorkspace(pacs, args.require("study"), args.require("series"), given, progress,
                                                 cancelOnSignal());
        }
        std::fprintf(stderr, "\n");
        for (const auto& f : report.failed)
            std::fprintf(stderr, "delineo-cli: %s\n", f.c_str());
        std::printf("%s %s into %s\n", report.deidentified ? "de-identified" : "copied",
                    counted(report.written, "image", "images").c_str(), report.destination.c_str());
        warnOfBurnedInText(report.burnedInText);
        return report.failed.empty() && report.written > 0 ? 0 : 1;
    }
    if (action == "send") {
        const std::vector<std::string> files(pos.begin() + 1, pos.end());
        if (files.empty())
            throw UsageError("pacs send needs DICOM files (a DICOM SEG export, a series)");
        const int sent = pacs.store(files, [](int done, int total) {
            progressLine(done, total);
            return true;
        });
        std::fprintf(stderr, "\n");
        std::printf("sent %d of %s to %s\n", sent, counted(static_cast<long long>(files.size()), "file", "files").c_str(),
                    node.text().c_str());
        return sent == static_cast<int>(files.size()) ? 0 : 1;
    }
    throw UsageError("unknown pacs action '" + action + "' (echo, find, series, get, send)");
}

} // namespace delineo::cli
