#include "PostgresServer.h"
#include "TestSupport.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <unistd.h>

namespace fs = std::filesystem;

namespace delineo::test {

namespace {

std::string& lastError()
{
    static std::string e;
    return e;
}

// The newest installed server's programs (/usr/lib/postgresql/<version>/bin).
std::string serverBin()
{
    std::string best;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator("/usr/lib/postgresql", ec))
        if (fs::exists(e.path() / "bin" / "pg_ctl") && e.path().string() > best)
            best = e.path().string();
    return best.empty() ? "" : best + "/bin";
}

} // namespace

PostgresServer* PostgresServer::instance()
{
    static std::unique_ptr<PostgresServer> server;
    static bool tried = false;
    if (!tried) {
        tried = true;
        std::unique_ptr<PostgresServer> s(new PostgresServer());
        if (s->start(lastError()))
            server = std::move(s);
    }
    return server.get();
}

std::string PostgresServer::why() { return lastError(); }

bool PostgresServer::start(std::string& error)
{
    bin_ = serverBin();
    if (bin_.empty()) {
        error = "PostgreSQL is not installed (apt-get install postgresql)";
        return false;
    }
    char pattern[] = "/tmp/delineo-pg-XXXXXX";
    if (!::mkdtemp(pattern)) {
        error = "cannot make a temporary folder";
        return false;
    }
    dir_ = pattern;
    // PostgreSQL refuses to run as root: the server runs as nobody then, in a folder nobody owns.
    std::string as;
    if (::geteuid() == 0) {
        if (::chown(dir_.c_str(), 65534, 65534) != 0) {
            error = "cannot hand " + dir_ + " to nobody";
            return false;
        }
        as = "runuser -u nobody -- ";
    }
    port_ = 20000 + static_cast<int>(::getpid() % 20000);
    std::string out;
    if (runCommand(as + bin_ + "/initdb -D " + dir_ + "/data -U delineo -A trust --no-sync -E UTF8 --locale=C", &out) != 0) {
        error = "initdb failed: " + out;
        return false;
    }
    // Only a Unix socket in the folder: nothing listens on the network, and parallel test programs
    // cannot collide.
    const std::string options = "-c listen_addresses='' -k " + dir_ + " -p " + std::to_string(port_) +
                                " -c fsync=off -c full_page_writes=off";
    if (runCommand(as + bin_ + "/pg_ctl -D " + dir_ + "/data -l " + dir_ + "/log -w -t 60 -o \"" + options + "\" start",
                   &out) != 0) {
        error = "pg_ctl start failed: " + out + fileBytes(dir_ + "/log");
        return false;
    }
    return true;
}

PostgresServer::~PostgresServer()
{
    const std::string as = ::geteuid() == 0 ? "runuser -u nobody -- " : "";
    runCommand(as + bin_ + "/pg_ctl -D " + dir_ + "/data -m immediate -w stop");
    std::error_code ec;
    fs::remove_all(dir_, ec);
}

std::string PostgresServer::newDatabase()
{
    const std::string name = "ws" + std::to_string(++databases_);
    const std::string admin =
        "postgresql:///postgres?host=" + dir_ + "&port=" + std::to_string(port_) + "&user=delineo";
    PGconn* c = PQconnectdb(admin.c_str());
    PQclear(PQexec(c, ("CREATE DATABASE " + name).c_str()));
    PQfinish(c);
    return "postgresql:///" + name + "?host=" + dir_ + "&port=" + std::to_string(port_) + "&user=delineo";
}

} // namespace delineo::test
