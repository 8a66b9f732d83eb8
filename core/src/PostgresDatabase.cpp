// The workspace's PostgreSQL backend (libpq): a team's shared store. The SQL Workspace writes for
// SQLite is turned into PostgreSQL's here: `?` into $n, strftime('now') into to_char, json_extract into ->>, and
// the schema's types (rowid keys, BLOB, REAL) into identity columns, BYTEA and DOUBLE PRECISION.
#include "SqlDatabase.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <regex>

namespace delineo::core {

namespace {

constexpr unsigned kInt8 = 20, kFloat8 = 701, kText = 25, kBytea = 17; // pg_type OIDs

std::string replaceAll(std::string s, const std::string& from, const std::string& to)
{
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

// `?` parameters become $1, $2, ... (none stands inside a quoted literal in Workspace's SQL, but
// quotes are skipped all the same).
std::string translate(std::string sql)
{
    sql = replaceAll(sql, DELINEO_SQL_NOW, "to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')");
    sql = replaceAll(sql, DELINEO_SQL_EPOCH, "CAST(EXTRACT(EPOCH FROM clock_timestamp()) AS BIGINT)");
    sql = replaceAll(sql, DELINEO_SQL_NOW_MS,
                     "to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')");
    // json_extract(t.sidecar, '$.key') as a number: SQLite's JSON1 in PostgreSQL's operators.
    static const std::regex json(R"(json_extract\(([\w.]+), '\$\.(\w+)'\))");
    if (sql.find("json_extract") != std::string::npos)
        sql = std::regex_replace(sql, json, "(($1)::json->>'$2')::numeric");
    std::string out;
    out.reserve(sql.size() + 16);
    int n = 0;
    bool quoted = false;
    for (char c : sql) {
        if (c == '\'')
            quoted = !quoted;
        if (c == '?' && !quoted)
            out += '$' + std::to_string(++n);
        else
            out += c;
    }
    return out;
}

// The URL without its password, for messages.
std::string shown(const std::string& url)
{
    static const std::regex password(R"(^(\w+://[^:/@]+):[^@/]*@)");
    return std::regex_replace(url, password, "$1@");
}

ErrorCode codeOf(const char* sqlstate)
{
    const std::string s = sqlstate ? sqlstate : "";
    if (s.rfind("53", 0) == 0 || s.rfind("58", 0) == 0 || s.rfind("25", 0) == 0)
        return ErrorCode::WriteFailed;      // disk full, I/O, read-only transaction
    if (s.rfind("40", 0) == 0 || s == "55P03")
        return ErrorCode::Busy;             // serialization failure, deadlock, lock not available
    if (s.rfind("XX", 0) == 0)
        return ErrorCode::Corrupt;
    return ErrorCode::Unreadable;
}

class PostgresCursor final : public SqlCursor {
public:
    PostgresCursor(PGconn* conn, std::string sql, std::string where)
        : conn_(conn), sql_(translate(std::move(sql))), where_(std::move(where))
    {
    }
    ~PostgresCursor() override { PQclear(result_); }

    void bindInteger(int i, std::int64_t v) override { set(i, kInt8, std::to_string(v), false); }
    void bindReal(int i, double v) override
    {
        char text[40];
        std::snprintf(text, sizeof text, "%.17g", v);
        set(i, kFloat8, text, false);
    }
    void bindText(int i, const std::string& v) override { set(i, kText, v, false); }
    void bindBlob(int i, const std::vector<std::uint8_t>& v) override
    {
        set(i, kBytea, std::string(v.begin(), v.end()), true);
    }
    bool step() override
    {
        if (!result_) {
            std::vector<const char*> values;
            std::vector<int> lengths, formats;
            for (const auto& p : params_) {
                values.push_back(p.value.data());
                lengths.push_back(static_cast<int>(p.value.size()));
                formats.push_back(p.binary ? 1 : 0);
            }
            std::vector<unsigned> types;
            for (const auto& p : params_)
                types.push_back(p.type);
            result_ = PQexecParams(conn_, sql_.c_str(), static_cast<int>(params_.size()),
                                   reinterpret_cast<const Oid*>(types.data()), values.data(), lengths.data(),
                                   formats.data(), 0);
            const ExecStatusType st = PQresultStatus(result_);
            if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
                const std::string msg = PQresultErrorMessage(result_);
                const ErrorCode code = PQstatus(conn_) == CONNECTION_BAD ? ErrorCode::Unreadable
                                                                         : codeOf(PQresultErrorField(result_, PG_DIAG_SQLSTATE));
                throw ImageError(code, "workspace database " + where_ + ": " +
                                           (PQstatus(conn_) == CONNECTION_BAD ? "the connection to the server was lost: " : "") +
                                           msg.substr(0, msg.find_last_not_of('\n') + 1));
            }
            row_ = -1;
        }
        return ++row_ < PQntuples(result_);
    }
    std::int64_t integer(int col) const override
    {
        const char* v = value(col);
        if (v[0] == 't' || v[0] == 'f') // a boolean
            return v[0] == 't';
        return std::strtoll(v, nullptr, 10);
    }
    double real(int col) const override { return std::strtod(value(col), nullptr); }
    std::string text(int col) const override { return value(col); }
    std::vector<std::uint8_t> blob(int col) const override
    {
        std::size_t size = 0;
        unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(value(col)), &size);
        if (!bytes)
            throw ImageError(ErrorCode::Corrupt, "workspace database " + where_ + ": a stored mask cannot be read");
        std::vector<std::uint8_t> out(bytes, bytes + size);
        PQfreemem(bytes);
        return out;
    }

private:
    struct Param {
        unsigned type = kText;
        std::string value;
        bool binary = false;
    };
    void set(int i, unsigned type, std::string value, bool binary)
    {
        if (static_cast<int>(params_.size()) < i)
            params_.resize(static_cast<std::size_t>(i));
        params_[static_cast<std::size_t>(i - 1)] = {type, std::move(value), binary};
    }
    const char* value(int col) const { return PQgetisnull(result_, row_, col) ? "" : PQgetvalue(result_, row_, col); }

    PGconn* conn_;
    std::string sql_, where_;
    std::vector<Param> params_;
    PGresult* result_ = nullptr;
    int row_ = -1;
};

class PostgresDatabase final : public SqlDatabase {
public:
    explicit PostgresDatabase(const std::string& url) : url_(url), where_(shown(url))
    {
        conn_ = PQconnectdb(url.c_str());
        if (PQstatus(conn_) != CONNECTION_OK) {
            std::string msg = PQerrorMessage(conn_);
            msg = msg.substr(0, msg.find_last_not_of('\n') + 1);
            PQfinish(conn_);
            throw ImageError(ErrorCode::NotFound, "cannot reach the team workspace " + where_ + ": " + msg);
        }
        try {
            exec("SET client_min_messages = warning");
        } catch (...) {
            PQfinish(conn_); // no destructor runs for a constructor that throws
            throw;
        }
    }
    ~PostgresDatabase() override { PQfinish(conn_); }

    std::unique_ptr<SqlCursor> prepare(const std::string& sql) override
    {
        return std::make_unique<PostgresCursor>(conn_, sql, where_);
    }
    // Several statements at once (the schema): the simple protocol, which takes no parameters.
    void exec(const std::string& sql) override
    {
        PGresult* r = PQexec(conn_, translate(sql).c_str());
        const ExecStatusType st = PQresultStatus(r);
        const std::string msg = PQresultErrorMessage(r);
        const ErrorCode code = codeOf(PQresultErrorField(r, PG_DIAG_SQLSTATE));
        PQclear(r);
        if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
            throw ImageError(PQstatus(conn_) == CONNECTION_BAD ? ErrorCode::Unreadable : code,
                             "workspace database " + where_ + ": " + msg.substr(0, msg.find_last_not_of('\n') + 1));
    }
    void begin() override { exec("BEGIN"); }
    void commit() override { exec("COMMIT"); }
    void rollback() noexcept override { PQclear(PQexec(conn_, "ROLLBACK")); }
    int schemaVersion() override
    {
        PostgresCursor s(conn_, "SELECT to_regclass('meta') IS NOT NULL", where_);
        if (!s.step() || !s.integer(0))
            return 0;
        PostgresCursor v(conn_, "SELECT value FROM meta WHERE key = 'schema_version'", where_);
        return v.step() ? std::atoi(v.text(0).c_str()) : 0;
    }
    void setSchemaVersion(int version) override
    {
        PostgresCursor s(conn_, "INSERT INTO meta(key, value) VALUES('schema_version', ?) "
                                "ON CONFLICT(key) DO UPDATE SET value = excluded.value", where_);
        s.bindText(1, std::to_string(version));
        s.step();
    }
    void lockSchema() override { exec("SELECT pg_advisory_xact_lock(4242)"); }
    bool integrityOk() override { return PQstatus(conn_) == CONNECTION_OK; }
    std::string schema(const std::string& ddl) const override
    {
        std::string s = replaceAll(ddl, "(id INTEGER PRIMARY KEY", "(id @IDENTITY@");
        s = replaceAll(s, "INTEGER", "BIGINT");
        s = replaceAll(s, "REAL", "DOUBLE PRECISION");
        s = replaceAll(s, "BLOB", "BYTEA");
        return replaceAll(s, "@IDENTITY@", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
    }
    bool server() const override { return true; }
    std::string where() const override { return where_; }
    std::unique_ptr<SqlDatabase> reconnect() const override { return std::make_unique<PostgresDatabase>(url_); }

private:
    std::string url_, where_;
    PGconn* conn_ = nullptr;
};

} // namespace

bool isDatabaseUrl(const std::string& location)
{
    return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::unique_ptr<SqlDatabase> openPostgres(const std::string& url) { return std::make_unique<PostgresDatabase>(url); }

} // namespace delineo::core
