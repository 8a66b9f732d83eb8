// Workspace: rulers and area outlines kept with their images.
#include "delineo/core/Workspace.h"
#include "SqlDatabase.h"

#include <cstdio>
#include <sstream>

namespace delineo::core {

namespace {

std::string pointsText(const std::vector<std::array<double, 3>>& points)
{
    std::string out;
    char buf[96];
    for (const auto& p : points) {
        std::snprintf(buf, sizeof buf, "%s%.4f %.4f %.4f", out.empty() ? "" : ";", p[0], p[1], p[2]);
        out += buf;
    }
    return out;
}

std::vector<std::array<double, 3>> pointsOf(const std::string& text)
{
    std::vector<std::array<double, 3>> out;
    std::istringstream in(text);
    std::string item;
    while (std::getline(in, item, ';')) {
        std::array<double, 3> p{};
        std::istringstream xyz(item);
        if (!(xyz >> p[0] >> p[1] >> p[2]))
            throw ImageError(ErrorCode::Corrupt, "workspace: a measurement's point '" + item + "' is not three numbers");
        out.push_back(p);
    }
    return out;
}

} // namespace

void Workspace::addMeasurement(std::int64_t imageId, const Measurement& m)
{
    if (m.key.empty() || m.points.size() < 2)
        throw ImageError(ErrorCode::WrongSize, "workspace: a measurement needs a key and two points or more");
    // Its author and time when it has them (one removed and put back), else this user and now.
    Transaction t(*db_);
    Statement insert(*db_, m.created.empty() ? "INSERT INTO measurements(key, image_id, closed, points, author, label) "
                                               "VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING"
                                             : "INSERT INTO measurements(key, image_id, closed, points, author, label, created) "
                                               "VALUES(?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING");
    insert.bind(1, m.key).bind(2, imageId).bind(3, m.closed ? 1 : 0).bind(4, pointsText(m.points));
    insert.bind(5, m.author.empty() ? user_ : m.author).bind(6, cleanLabel(m.label));
    if (!m.created.empty())
        insert.bind(7, m.created);
    insert.step();
    countMeasurementChange();
    t.commit();
}

// Other members' windows poll the count (changeStamp) to show the change.
void Workspace::countMeasurementChange()
{
    Statement(*db_, "UPDATE change_counts SET n = n + 1 WHERE what = 'measurements'").step();
}

std::vector<Measurement> Workspace::measurements(std::int64_t imageId) const
{
    std::vector<Measurement> out;
    Statement s(*db_, "SELECT key, closed, points, author, created, label FROM measurements WHERE image_id = ? "
                      "ORDER BY created, id");
    s.bind(1, imageId);
    while (s.step())
        out.push_back({s.text(0), s.integer(1) != 0, pointsOf(s.text(2)), s.text(3), s.text(4), s.text(5)});
    return out;
}

void Workspace::removeMeasurement(const std::string& key)
{
    Transaction t(*db_);
    Statement(*db_, "DELETE FROM measurements WHERE key = ?").bind(1, key).step();
    countMeasurementChange();
    t.commit();
}

bool Workspace::updateMeasurement(const Measurement& m)
{
    if (m.points.size() < 2)
        throw ImageError(ErrorCode::WrongSize, "workspace: a measurement needs two points or more");
    Transaction t(*db_);
    Statement find(*db_, "SELECT 1 FROM measurements WHERE key = ?");
    find.bind(1, m.key);
    if (!find.step())
        return false;
    while (find.step()) {
    }
    Statement(*db_, "UPDATE measurements SET points = ?, label = ? WHERE key = ?")
        .bind(1, pointsText(m.points)).bind(2, cleanLabel(m.label)).bind(3, m.key).step();
    countMeasurementChange();
    t.commit();
    return true;
}

std::string cleanLabel(const std::string& label)
{
    // One line, without the blanks around it, and short enough for a view's caption and a report's
    // Tracking Identifier: cut at 64 bytes, never inside a UTF-8 character.
    std::string out;
    for (char c : label)
        out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    const auto first = out.find_first_not_of(' ');
    if (first == std::string::npos)
        return {};
    out = out.substr(first, out.find_last_not_of(' ') - first + 1);
    if (out.size() > kMeasurementLabelBytes) {
        std::size_t cut = kMeasurementLabelBytes;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80)
            --cut;
        out.resize(cut);
    }
    return out;
}

} // namespace delineo::core
