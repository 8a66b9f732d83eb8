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
    Statement insert(*db_, m.created.empty() ? "INSERT INTO measurements(key, image_id, closed, points, author) "
                                               "VALUES(?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING"
                                             : "INSERT INTO measurements(key, image_id, closed, points, author, created) "
                                               "VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING");
    insert.bind(1, m.key).bind(2, imageId).bind(3, m.closed ? 1 : 0).bind(4, pointsText(m.points));
    insert.bind(5, m.author.empty() ? user_ : m.author);
    if (!m.created.empty())
        insert.bind(6, m.created);
    insert.step();
    t.commit();
}

std::vector<Measurement> Workspace::measurements(std::int64_t imageId) const
{
    std::vector<Measurement> out;
    Statement s(*db_, "SELECT key, closed, points, author, created FROM measurements WHERE image_id = ? ORDER BY id");
    s.bind(1, imageId);
    while (s.step())
        out.push_back({s.text(0), s.integer(1) != 0, pointsOf(s.text(2)), s.text(3), s.text(4)});
    return out;
}

void Workspace::removeMeasurement(const std::string& key)
{
    Transaction t(*db_);
    Statement(*db_, "DELETE FROM measurements WHERE key = ?").bind(1, key).step();
    t.commit();
}

bool Workspace::moveMeasurement(const std::string& key, const std::vector<std::array<double, 3>>& points)
{
    if (points.size() < 2)
        throw ImageError(ErrorCode::WrongSize, "workspace: a measurement needs two points or more");
    Transaction t(*db_);
    Statement find(*db_, "SELECT image_id, closed, author, created FROM measurements WHERE key = ?");
    find.bind(1, key);
    if (!find.step())
        return false;
    const std::int64_t image = find.integer(0), closed = find.integer(1);
    const std::string author = find.text(2), created = find.text(3);
    while (find.step()) {
    }
    Statement(*db_, "DELETE FROM measurements WHERE key = ?").bind(1, key).step();
    Statement(*db_, "INSERT INTO measurements(key, image_id, closed, points, author, created) VALUES(?, ?, ?, ?, ?, ?)")
        .bind(1, key).bind(2, image).bind(3, closed).bind(4, pointsText(points)).bind(5, author).bind(6, created).step();
    t.commit();
    return true;
}

} // namespace delineo::core
