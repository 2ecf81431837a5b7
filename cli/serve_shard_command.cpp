// `vankien serve-shard --db PATH --port N`: serves a database to remote
// searchers with Xapian's own server, xapian-tcpsrv, which this process
// becomes (same pid, so it is stopped as it was started).
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "options.hpp"
#include "vankien/search.hpp"

namespace vankien::cli {

namespace {

struct ServeShardOptions {
  std::vector<std::string> dbs;
  std::string listen = "127.0.0.1";
  unsigned port = 0;
  unsigned idle_timeout_ms = 60000;
  unsigned active_timeout_ms = 15000;
  bool writable = false;
  std::string server = "xapian-tcpsrv";
};

int run_serve_shard(ServeShardOptions options) {
  if (options.dbs.empty()) options.dbs.push_back(default_db());
  if (options.writable && options.dbs.size() != 1) {
    std::cerr << "vankien serve-shard: --writable serves one database\n";
    return 2;
  }
  // Refuse what is not a vankien database now, not at the first search.
  SearchOptions check;
  check.helper_thread = false;
  const Searcher searcher(std::vector<std::filesystem::path>(options.dbs.begin(), options.dbs.end()), check);

  std::vector<std::string> args = {options.server,
                                   "--interface", options.listen,
                                   "--port", std::to_string(options.port),
                                   "--idle-timeout", std::to_string(options.idle_timeout_ms),
                                   "--active-timeout", std::to_string(options.active_timeout_ms)};
  if (options.writable) args.emplace_back("--writable");
  args.insert(args.end(), options.dbs.begin(), options.dbs.end());
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::cerr << "vankien serve-shard: serving " << options.dbs.size() << " database(s) on " << options.listen << ":"
            << options.port << " (no authentication, no encryption: see docs/SCALING.md)\n";
  ::execvp(argv[0], argv.data());
  std::cerr << "vankien serve-shard: cannot run " << options.server << ": " << std::strerror(errno)
            << " (Debian: apt-get install xapian-tools)\n";
  return 2;
}

}  // namespace

CommandRunner add_serve_shard_command(CLI::App& app) {
  auto options = std::make_shared<ServeShardOptions>();
  CLI::App* command = app.add_subcommand(
      "serve-shard", "Serve databases to remote searchers (xapian-tcpsrv; vankien search --db tcp://HOST:PORT)");
  command
      ->add_option("--db", options->dbs,
                   "Database (repeat to serve several as one; default: $VANKIEN_DB, else ./vankien.db)")
      ->allow_extra_args(false);
  command->add_option("--port", options->port, "TCP port to listen on")->required()->check(CLI::Range(1, 65535));
  command->add_option("--listen", options->listen,
                      "Address to listen on; the protocol has no authentication or encryption, so only a "
                      "trusted network's")
      ->capture_default_str();
  command->add_option("--idle-timeout", options->idle_timeout_ms, "Milliseconds an idle connection is kept")
      ->capture_default_str();
  command->add_option("--active-timeout", options->active_timeout_ms,
                      "Milliseconds a client may take mid-request before it is dropped")
      ->capture_default_str();
  command->add_flag("--writable", options->writable, "Let remote writers update the (one) database");
  command->add_option("--server", options->server, "The server program")->capture_default_str();
  command->footer(
      "The server runs until stopped (SIGTERM); it kills its whole process group then, so start it in a "
      "session of its own (setsid) when others share the group.\n"
      "Examples:\n"
      "  vankien serve-shard --db shard0.db --port 33333\n"
      "  vankien serve-shard --db shard0.db --port 33333 --listen 10.0.0.2   # a trusted LAN only\n"
      "  vankien search --db tcp://10.0.0.2:33333 --db tcp://10.0.0.3:33333 'nông thôn mới'");
  return [options] { return run_serve_shard(*options); };
}

}  // namespace vankien::cli
