#include "HelperSpawn.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <unistd.h>

extern char** environ;

namespace delineo::core {

pid_t spawnHelper(const std::vector<std::string>& args, const std::vector<std::pair<int, int>>& fds, int& error)
{
    // Copies above every target first: a source numbered like an earlier target would be
    // overwritten by that target's dup2.
    int highest = 2;
    for (const auto& [source, target] : fds)
        highest = std::max(highest, target);
    std::vector<int> copies;
    for (const auto& [source, target] : fds)
        copies.push_back(::fcntl(source, F_DUPFD_CLOEXEC, highest + 1));
    std::vector<char*> argv;
    for (const auto& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    ::posix_spawn_file_actions_init(&actions);
    ::posix_spawnattr_init(&attributes);
    sigset_t none;
    sigemptyset(&none);
    ::posix_spawnattr_setsigmask(&attributes, &none);
    ::posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK);
    pid_t child = -1;
    error = EBADF;
    if (!args.empty() && std::none_of(copies.begin(), copies.end(), [](int fd) { return fd < 0; })) {
        for (std::size_t i = 0; i < fds.size(); ++i)
            ::posix_spawn_file_actions_adddup2(&actions, copies[i], fds[i].second);
        ::posix_spawn_file_actions_addclosefrom_np(&actions, highest + 1);
        error = ::posix_spawn(&child, args[0].c_str(), &actions, &attributes, argv.data(), environ);
    }
    ::posix_spawn_file_actions_destroy(&actions);
    ::posix_spawnattr_destroy(&attributes);
    for (int fd : copies)
        if (fd >= 0)
            ::close(fd);
    return error == 0 ? child : -1;
}

} // namespace delineo::core
