#include "delineo/core/EvaluationReport.h"

#include "delineo/core/AtomicWrite.h"
#include "delineo/core/Rendering.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <fstream>
#include <sstream>

namespace delineo::core {

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

// The image (its default window) with `labels` blended on top and the clicks drawn (green positive,
// red negative, numbered in order), as an inline PNG at most 320 px wide.
std::string panel(const core::Image& image, const core::LabelMap* labels, const std::vector<core::Rgb>& colours,
                  const std::vector<ml::Click>& clicks = {})
{
    std::vector<std::uint8_t> rgb = core::renderRgb(image, image.defaultWindow());
    if (labels)
        core::blendLabels(rgb.data(), *labels, colours, std::vector<bool>(colours.size(), true), 0.45);
    cv::Mat m(image.height, image.width, CV_8UC3, rgb.data()), bgr;
    cv::cvtColor(m, bgr, cv::COLOR_RGB2BGR);
    const int r = std::max(3, std::max(image.width, image.height) / 90);
    for (std::size_t k = 0; k < clicks.size(); ++k) {
        const cv::Point at(clicks[k].x, clicks[k].y);
        cv::circle(bgr, at, r + 1, cv::Scalar(0, 0, 0), cv::FILLED, cv::LINE_AA);
        cv::circle(bgr, at, r, clicks[k].positive ? cv::Scalar(90, 220, 40) : cv::Scalar(60, 60, 240), cv::FILLED,
                   cv::LINE_AA);
        cv::putText(bgr, std::to_string(k + 1), at + cv::Point(r + 2, -r), cv::FONT_HERSHEY_SIMPLEX, r / 8.0,
                    cv::Scalar(255, 255, 255), std::max(1, r / 4), cv::LINE_AA);
    }
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

std::string head(const std::string& title)
{
    return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title><style>"
           "body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}"
           "td,th{border:1px solid #bbb;padding:4px 10px;text-align:right}th{text-align:left;background:#f2f2f2}"
           ".case{margin:1.5em 0}.case img{margin-right:6px;border:1px solid #999}.muted{color:#777}"
           "</style></head><body>\n";
}

} // namespace

void EvaluationReport::write(const std::string& path) const
{
    std::ostringstream h;
    h << head("Delineo evaluation");
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
    std::vector<core::Rgb> colours;
    for (const auto& c : config.classes)
        colours.push_back(c.colour);
    for (const auto& c : worst) {
        h << "<div class=\"case\"><h3>" << escape(c.name) << " &mdash; Dice " << number(c.dice) << ", HD95 "
          << number(c.hd95, 2) << "</h3>"
          << panel(c.image, nullptr, colours) << panel(c.image, &c.truth, colours) << panel(c.image, &c.prediction, colours)
          << "<br><span class=\"muted\">image &middot; ground truth &middot; prediction</span></div>\n";
    }
    h << "</body></html>\n";
    const std::string text = h.str();
    core::writeTextFile(path, text);
}

void InteractiveReport::write(const std::string& path) const
{
    std::ostringstream h;
    h << head("Delineo interactive evaluation");
    h << "<h1>Interactive evaluation</h1>\n<p>Model: <code>" << escape(modelPath) << "</code><br>Data: "
      << escape(dataDescription) << "</p>\n"
      << summaryHtml;
    h << "<p class=\"muted\">A simulated annotator: from an empty mask, each click at the most interior pixel of "
         "the largest error (missed object: positive, spill: negative) until Dice 0.90 or the click limit.</p>\n";
    h << "<h2>Worst " << worst.size() << " objects by clicks to Dice 0.90</h2>\n";
    const std::vector<core::Rgb> colours{{60, 220, 90}};
    for (const auto& c : worst) {
        h << "<div class=\"case\"><h3>" << escape(c.name) << " &mdash; " << c.clicks.size() << " clicks, NoC@90 "
          << c.noc90 << ", final Dice " << number(c.finalDice) << "</h3>" << panel(c.image, nullptr, colours)
          << panel(c.image, &c.truth, colours) << panel(c.image, &c.result, colours, c.clicks)
          << "<br><span class=\"muted\">image &middot; ground truth &middot; result with the clicks (green add, red "
             "remove, numbered)</span></div>\n";
    }
    h << "</body></html>\n";
    core::writeTextFile(path, h.str());
}

MetricsTally::MetricsTally(int classes)
    : classes_(classes), perClass_(static_cast<std::size_t>(classes)), truthPixels_(static_cast<std::size_t>(classes), 0),
      predictedPixels_(static_cast<std::size_t>(classes), 0), overlapPixels_(static_cast<std::size_t>(classes), 0)
{
}

double MetricsTally::pooledDice(int c) const
{
    const auto i = static_cast<std::size_t>(c);
    const double sum = double(truthPixels_[i] + predictedPixels_[i]);
    return sum > 0 ? 2.0 * double(overlapPixels_[i]) / sum : std::nan("");
}

ml::ImageMetrics MetricsTally::add(const LabelMap& prediction, const LabelMap& truth, const Image& image)
{
    allMm_ = allMm_ && image.spacingKnown;
    const auto m = ml::evaluateLabels(prediction.labels.data(), truth.labels.data(), truth.width, truth.height, classes_,
                                      image.spacingKnown ? image.spacingX : 1.0, image.spacingKnown ? image.spacingY : 1.0);
    for (std::size_t i = 0; i < truth.labels.size(); ++i) {
        const auto t = truth.labels[i], p = i < prediction.labels.size() ? prediction.labels[i] : std::uint8_t(0);
        if (t > 0 && t <= classes_)
            ++truthPixels_[t - 1u];
        if (p > 0 && p <= classes_) {
            ++predictedPixels_[p - 1u];
            overlapPixels_[p - 1u] += p == t;
        }
    }
    for (int c = 0; c < classes_; ++c)
        perClass_[static_cast<std::size_t>(c)].push_back(m.perClass[static_cast<std::size_t>(c)]);
    imageDice_.push_back(m.mean.dice);
    imageHd_.push_back(m.mean.hd95);
    return m;
}

std::vector<std::size_t> MetricsTally::worst(std::size_t n) const
{
    std::vector<std::size_t> order(imageDice_.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return imageDice_[a] < imageDice_[b]; });
    order.resize(std::min(order.size(), n));
    return order;
}

void MetricsTally::fill(EvaluationReport& report) const
{
    report.hdUnit = allMm_ ? "mm" : "pixels";
    report.images = count();
    report.classMeans.clear();
    report.classPresent.clear();
    std::vector<ml::SegmentationMetrics> present;
    for (int c = 0; c < classes_; ++c) {
        report.classMeans.push_back(ml::meanOf(perClass_[static_cast<std::size_t>(c)]));
        report.classPresent.push_back(truthPixels_[static_cast<std::size_t>(c)] > 0);
        if (report.classPresent.back())
            present.push_back(report.classMeans.back());
    }
    report.mean = ml::meanOf(present.empty() ? report.classMeans : present);
}

} // namespace delineo::core
