#pragma once
// A real PostgreSQL server for the tests: initdb and pg_ctl from Debian's postgresql package in a
// temporary folder, run as an unprivileged user (nobody when the tests run as root), listening on
// a Unix socket in that folder only. Started once per test program, on first use; stopped at exit.
#include <string>

namespace delineo::test {

class PostgresServer {
public:
    // The server, or nullptr when PostgreSQL is not installed or did not start (why() says why).
    static PostgresServer* instance();
    static std::string why();
    // A new, empty database on it, as a postgresql:// URL.
    std::string newDatabase();
    std::string socketDir() const { return dir_; }
    int port() const { return port_; }
    ~PostgresServer();

private:
    PostgresServer() = default;
    bool start(std::string& error);
    std::string bin_, dir_;
    int port_ = 5433;
    int databases_ = 0;
};

} // namespace delineo::test

// Skips the test when no server can be started (PostgreSQL is not installed): the message says so.
#define POSTGRES_OR_SKIP(server)                                                                   \
    delineo::test::PostgresServer* server = delineo::test::PostgresServer::instance();             \
    if (!server)                                                                                   \
    GTEST_SKIP() << "no PostgreSQL server for this test: " << delineo::test::PostgresServer::why()

// `location`: where a test's workspace lives for backend "sqlite" (a folder in `dir`) or
// "postgresql" (a new database on the test server; the files the workspace writes go under `dir`
// too, through XDG_DATA_HOME). Skips the test when the backend is PostgreSQL and no server runs.
#define WORKSPACE_LOCATION_OR_SKIP(location, backend, dir)                                        \
    std::string location = (dir).file("ws");                                                      \
    if ((backend) == "postgresql") {                                                               \
        POSTGRES_OR_SKIP(pgServer_);                                                               \
        ::setenv("XDG_DATA_HOME", (dir).file("xdg").c_str(), 1);                                   \
        location = pgServer_->newDatabase();                                                       \
    }
