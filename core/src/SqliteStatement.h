#pragma once
// Internal: thin RAII wrappers over sqlite3 statements and transactions for Workspace.
#include "delineo/core/Errors.h"

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <vector>

namespace delineo::core {

// One prepared statement; every failure becomes a typed error naming the database.
class Statement {
public:
    Statement(sqlite3* db, const std::string& sql) : db_(db)
    {
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK)
            fail("prepare");
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement& bind(int i, std::int64_t v) { check(sqlite3_bind_int64(stmt_, i, v)); return *this; }
    Statement& bind(int i, double v) { check(sqlite3_bind_double(stmt_, i, v)); return *this; }
    Statement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
    Statement& bind(int i, const char* v) { return bind(i, std::string(v)); }
    Statement& bind(int i, const std::string& v)
    {
        check(sqlite3_bind_text(stmt_, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
        return *this;
    }
    Statement& bindBlob(int i, const std::vector<std::uint8_t>& v)
    {
        check(sqlite3_bind_blob(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
        return *this;
    }
    bool step()
    {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            fail("step");
        return false;
    }
    std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
    double real(int col) const { return sqlite3_column_double(stmt_, col); }
    std::string text(int col) const
    {
        const auto* t = sqlite3_column_text(stmt_, col);
        return t ? reinterpret_cast<const char*>(t) : "";
    }
    const std::uint8_t* blob(int col, std::size_t& size) const
    {
        size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col));
        return static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, col));
    }

private:
    void check(int rc) { if (rc != SQLITE_OK) fail("bind"); }
    [[noreturn]] void fail(const char* what) const
    {
        const int rc = sqlite3_errcode(db_);
        const ErrorCode code = (rc == SQLITE_FULL || rc == SQLITE_IOERR || rc == SQLITE_READONLY || rc == SQLITE_CANTOPEN)
                                   ? ErrorCode::WriteFailed
                               : (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB) ? ErrorCode::Corrupt
                               : (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)     ? ErrorCode::Busy
                                                                                : ErrorCode::Unreadable;
        throw ImageError(code, std::string("workspace database (") + what + "): " + sqlite3_errmsg(db_));
    }

    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT, rolled back when an exception leaves the scope.
class Transaction {
public:
    explicit Transaction(sqlite3* db) : db_(db) { Statement(db_, "BEGIN IMMEDIATE").step(); }
    ~Transaction()
    {
        if (!done_)
            sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    void commit()
    {
        Statement(db_, "COMMIT").step();
        done_ = true;
    }

private:
    sqlite3* db_;
    bool done_ = false;
};

} // namespace delineo::core
