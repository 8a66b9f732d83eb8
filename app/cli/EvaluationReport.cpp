#include "EvaluationReport.h"

#include "delineo/core/AtomicWrite.h"
#include "delineo/core/Rendering.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

namespace delineo::cli {

namespace {

std::string escape(const std::string& s)
{
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string base64(const std::vector<unsigned char>& in)
{
    static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < in.size(); i += 3) {
        const unsigned v = in[i] << 16 | (i + 1 < in.size() ? in[i + 1] << 8 : 0) | (i + 2 < in.size() ? in[i + 2] : 0);
        out += table[(v >> 18) & 63];
        out += table[(v >> 12) & 63];
        out += i + 1 < in.size() ? table[(v >> 6) & 63] : '=';
        out += i + 2 < in.size() ? table[v & 63] : '=';
    }
    return out;
}

// The image (its default window) with `labels` blended on top, as an inline PNG at most 320 px wide.
std::string panel(const core::Image& image, const core::LabelMap* labels, const ml::ModelConfig& cfg)
{
    std::vector<std::uint8_t> rgb = core::renderRgb(image, image.defaultWindow());
    if (labels) {
        std::vector<core::Rgb> colours;
        for (const auto& c : cfg.classes)
            colours.push_back(c.colour);
        core::blendLabels(rgb.data(), *labels, colours, std::vector<bool>(colours.size(), true), 0.45);
    }
    cv::Mat m(image.height, image.width, CV_8UC3, rgb.data()), bgr;
    cv::cvtColor(m, bgr, cv::COLOR_RGB2BGR);
    if (bgr.cols > 320)
        cv::resize(bgr, bgr, cv::Size(320, std::max(1, bgr.rows * 320 / bgr.cols)), 0, 0, cv::INTER_AREA);
    std::vector<unsigned char> png;
    cv::imencode(".png", bgr, png);
    return "<img src=\"data:image/png;base64," + base64(png) + "\">";
}

std::string number(double v, int digits = 4)
{
    if (!std::isfinite(v))
        return "n/a";
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(digits);
    s << v;
    return s.str();
}

std::string cell(double v, int digits = 4)
{
    return "<td>" + number(v, digits) + "</td>";
}

std::string row(const std::string& name, const ml::SegmentationMetrics& m, const std::string& note = {})
{
    return "<tr><th>" + escape(name) + note + "</th>" + cell(m.pixelAccuracy) + cell(m.iou) + cell(m.dice) +
           cell(m.precision) + cell(m.recall) + cell(m.hd95, 2) + "</tr>\n";
}

} // namespace

void EvaluationReport::write(const std::string& path) const
{
    std::ostringstream h;
    h << "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Delineo evaluation</title><style>"
         "body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}"
         "td,th{border:1px solid #bbb;padding:4px 10px;text-align:right}th{text-align:left;background:#f2f2f2}"
         ".case{margin:1.5em 0}.case img{margin-right:6px;border:1px solid #999}.muted{color:#777}"
         "</style></head><body>\n";
    h << "<h1>Evaluation</h1>\n<p>Model: <code>" << escape(modelPath) << "</code> (" << escape(config.architecture)
      << ", " << config.inputSize << "&times;" << config.inputSize << ")<br>Data: " << escape(dataDescription) << ", "
      << images << " images</p>\n";
    h << "<table><tr><th>class</th><th>pixel accuracy</th><th>IoU</th><th>Dice</th><th>precision</th><th>recall</th>"
         "<th>HD95 ("
      << escape(hdUnit) << ")</th></tr>\n";
    for (std::size_t c = 0; c < classMeans.size(); ++c)
        h << row(config.classes[c].name, classMeans[c],
                 classPresent[c] ? "" : " <span class=\"muted\">(not in the ground truth)</span>");
    h << row("mean", mean) << "</table>\n";
    h << "<p class=\"muted\">Metrics are means over images of per-image values. HD95 is the 95th percentile "
         "Hausdorff distance between boundaries; n/a where a class is in only one of prediction and truth. "
         "The mean covers the classes present in the ground truth.</p>\n";
    h << "<h2>Worst " << worst.size() << " cases by Dice</h2>\n";
    for (const auto& c : worst) {
        h << "<div class=\"case\"><h3>" << escape(c.name) << " &mdash; Dice " << number(c.dice) << ", HD95 "
          << number(c.hd95, 2) << "</h3>"
          << panel(c.image, nullptr, config) << panel(c.image, &c.truth, config) << panel(c.image, &c.prediction, config)
          << "<br><span class=\"muted\">image &middot; ground truth &middot; prediction</span></div>\n";
    }
    h << "</body></html>\n";
    const std::string text = h.str();
    core::writeTextFile(path, text);
}

} // namespace delineo::cli
