#pragma once
// Internal: the workspace's SQL connection, SQLite (a file in the workspace folder) or PostgreSQL
// (a server, for a team). Workspace speaks one SQL to both: `?` parameters, ON CONFLICT, RETURNING
// id, COALESCE, and the timestamps below; each backend turns that into its own dialect.
#include "delineo/core/Errors.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace delineo::core {

// The current time as stored in the workspace (UTC, ISO 8601), for use inside SQL text.
#define DELINEO_SQL_NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"
#define DELINEO_SQL_NOW_MS "strftime('%Y-%m-%dT%H:%M:%fZ','now')"
// Seconds since 1970 by the database's clock (one clock for every client of a team server).
#define DELINEO_SQL_EPOCH "CAST(strftime('%s','now') AS INTEGER)"

// One prepared statement: parameters bound from 1, columns read from 0 after step() gave a row.
class SqlCursor {
public:
    virtual ~SqlCursor() = default;
    virtual void bindInteger(int i, std::int64_t v) = 0;
    virtual void bindReal(int i, double v) = 0;
    virtual void bindText(int i, const std::string& v) = 0;
    virtual void bindBlob(int i, const std::vector<std::uint8_t>& v) = 0;
    virtual bool step() = 0; // true: a row is there
    virtual std::int64_t integer(int col) const = 0;
    virtual double real(int col) const = 0;
    virtual std::string text(int col) const = 0;
    virtual std::vector<std::uint8_t> blob(int col) const = 0;
};

class SqlDatabase {
public:
    virtual ~SqlDatabase() = default;
    virtual std::unique_ptr<SqlCursor> prepare(const std::string& sql) = 0;
    virtual void exec(const std::string& sql) = 0;   // statements without parameters (the schema)
    virtual void begin() = 0;                        // a write transaction
    virtual void commit() = 0;
    virtual void rollback() noexcept = 0;
    virtual int schemaVersion() = 0;
    virtual void setSchemaVersion(int version) = 0;  // inside the migration's transaction
    virtual void lockSchema() {}                     // one client migrates at a time (in its transaction)
    virtual bool integrityOk() = 0;
    // The schema's SQLite types and defaults in this backend's words.
    virtual std::string schema(const std::string& sqliteDdl) const = 0;
    virtual bool server() const = 0;                 // several clients at once
    virtual std::string where() const = 0;           // for messages: the file or the server
    virtual std::unique_ptr<SqlDatabase> reconnect() const = 0;
};

std::unique_ptr<SqlDatabase> openSqlite(const std::string& path);
// postgresql://[user[:password]@][host][:port]/dbname[?param=value...] (libpq's URI). Throws
// ImageError(NotFound) when the server cannot be reached, naming it.
std::unique_ptr<SqlDatabase> openPostgres(const std::string& url);
bool isDatabaseUrl(const std::string& location);

// The cursor with chained binds, as Workspace uses it.
class Statement {
public:
    Statement(SqlDatabase& db, const std::string& sql) : c_(db.prepare(sql)) {}
    Statement& bind(int i, std::int64_t v) { c_->bindInteger(i, v); return *this; }
    Statement& bind(int i, double v) { c_->bindReal(i, v); return *this; }
    Statement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
    Statement& bind(int i, const char* v) { c_->bindText(i, v); return *this; }
    Statement& bind(int i, const std::string& v) { c_->bindText(i, v); return *this; }
    Statement& bindBlob(int i, const std::vector<std::uint8_t>& v) { c_->bindBlob(i, v); return *this; }
    bool step() { return c_->step(); }
    // An INSERT ... RETURNING id run to its end (SQLite keeps a statement open until then).
    std::int64_t insertedId()
    {
        if (!c_->step())
            throw ImageError(ErrorCode::WriteFailed, "workspace database: an insert returned no id");
        const std::int64_t id = c_->integer(0);
        while (c_->step()) {
        }
        return id;
    }
    std::int64_t integer(int col) const { return c_->integer(col); }
    double real(int col) const { return c_->real(col); }
    std::string text(int col) const { return c_->text(col); }
    std::vector<std::uint8_t> blob(int col) const { return c_->blob(col); }

private:
    std::unique_ptr<SqlCursor> c_;
};

// A write transaction, rolled back when an exception leaves the scope.
class Transaction {
public:
    explicit Transaction(SqlDatabase& db) : db_(db) { db_.begin(); }
    ~Transaction()
    {
        if (!done_)
            db_.rollback();
    }
    void commit()
    {
        db_.commit();
        done_ = true;
    }

private:
    SqlDatabase& db_;
    bool done_ = false;
};

} // namespace delineo::core
