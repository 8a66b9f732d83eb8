// The workspace's SQLite backend: one file, WAL mode, synchronous=FULL, foreign keys on.
#include "SqlDatabase.h"

#include <sqlite3.h>

namespace delineo::core {

namespace {

[[noreturn]] void fail(sqlite3* db, const char* what)
{
    const int rc = sqlite3_errcode(db);
    const ErrorCode code = (rc == SQLITE_FULL || rc == SQLITE_IOERR || rc == SQLITE_READONLY || rc == SQLITE_CANTOPEN)
                               ? ErrorCode::WriteFailed
                           : (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB) ? ErrorCode::Corrupt
                           : (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)     ? ErrorCode::Busy
                                                                            : ErrorCode::Unreadable;
    throw ImageError(code, std::string("workspace database (") + what + "): " + sqlite3_errmsg(db));
}

class SqliteCursor final : public SqlCursor {
public:
    SqliteCursor(sqlite3* db, const std::string& sql) : db_(db)
    {
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK)
            fail(db_, "prepare");
    }
    ~SqliteCursor() override { sqlite3_finalize(stmt_); }
    void bindInteger(int i, std::int64_t v) override { check(sqlite3_bind_int64(stmt_, i, v)); }
    void bindReal(int i, double v) override { check(sqlite3_bind_double(stmt_, i, v)); }
    void bindText(int i, const std::string& v) override
    {
        check(sqlite3_bind_text(stmt_, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
    }
    void bindBlob(int i, const std::vector<std::uint8_t>& v) override
    {
        check(sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
    }
    bool step() override
    {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            fail(db_, "step");
        return false;
    }
    std::int64_t integer(int col) const override { return sqlite3_column_int64(stmt_, col); }
    double real(int col) const override { return sqlite3_column_double(stmt_, col); }
    std::string text(int col) const override
    {
        const auto* t = sqlite3_column_text(stmt_, col);
        return t ? reinterpret_cast<const char*>(t) : "";
    }
    std::vector<std::uint8_t> blob(int col) const override
    {
        const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, col));
        return p ? std::vector<std::uint8_t>(p, p + sqlite3_column_bytes(stmt_, col)) : std::vector<std::uint8_t>();
    }

private:
    void check(int rc)
    {
        if (rc != SQLITE_OK)
            fail(db_, "bind");
    }
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

class SqliteDatabase final : public SqlDatabase {
public:
    explicit SqliteDatabase(const std::string& path) : path_(path)
    {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                            nullptr) != SQLITE_OK) {
            const std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            throw ImageError(ErrorCode::Unreadable, "cannot open workspace database " + path + ": " + msg);
        }
        sqlite3_busy_timeout(db_, 10000);
        try {
            exec("PRAGMA journal_mode=WAL"); // the first read: a file that is no database fails here
            exec("PRAGMA synchronous=FULL");
            exec("PRAGMA foreign_keys=ON");
        } catch (...) {
            sqlite3_close(db_); // no destructor runs for a constructor that throws
            throw;
        }
    }
    ~SqliteDatabase() override { sqlite3_close(db_); }

    std::unique_ptr<SqlCursor> prepare(const std::string& sql) override { return std::make_unique<SqliteCursor>(db_, sql); }
    void exec(const std::string& sql) override
    {
        char* err = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
            const std::string msg = err ? err : "unknown error";
            sqlite3_free(err);
            const int rc = sqlite3_errcode(db_);
            throw ImageError(rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT ? ErrorCode::Corrupt : ErrorCode::WriteFailed,
                             "workspace database " + path_ + ": " + msg);
        }
    }
    // IMMEDIATE: the write lock is taken at once, so two connections never deadlock upgrading.
    void begin() override { SqliteCursor(db_, "BEGIN IMMEDIATE").step(); }
    void commit() override { SqliteCursor(db_, "COMMIT").step(); }
    void rollback() noexcept override { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }
    int schemaVersion() override
    {
        SqliteCursor s(db_, "PRAGMA user_version");
        s.step();
        return static_cast<int>(s.integer(0));
    }
    void setSchemaVersion(int version) override { exec("PRAGMA user_version=" + std::to_string(version)); }
    bool integrityOk() override
    {
        SqliteCursor s(db_, "PRAGMA integrity_check");
        return s.step() && s.text(0) == "ok";
    }
    std::string schema(const std::string& sqliteDdl) const override { return sqliteDdl; }
    bool server() const override { return false; }
    std::string where() const override { return path_; }
    std::unique_ptr<SqlDatabase> reconnect() const override { return std::make_unique<SqliteDatabase>(path_); }

private:
    std::string path_;
    sqlite3* db_ = nullptr;
};

} // namespace

std::unique_ptr<SqlDatabase> openSqlite(const std::string& path) { return std::make_unique<SqliteDatabase>(path); }

} // namespace delineo::core
