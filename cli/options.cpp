#include "options.hpp"

#include <unistd.h>

#include <cstdlib>

namespace vankien::cli {

std::string default_db() {
  const char* from_env = std::getenv("VANKIEN_DB");
  return from_env && *from_env ? from_env : "vankien.db";
}

void add_db_option(CLI::App& command, std::string& db) {
  db = default_db();
  command.add_option("--db", db, "Database directory (default: $VANKIEN_DB, else ./vankien.db)");
}

void add_db_option(CLI::App& command, std::vector<std::string>& dbs) {
  command
      .add_option("--db", dbs,
                  "Database: a directory, tcp://HOST:PORT (xapian-tcpsrv) or a stub file of shards; "
                  "repeat to search several as one (default: $VANKIEN_DB, else ./vankien.db)")
      ->allow_extra_args(false);
}

void add_clearance_option(CLI::App& command, std::string& clearance, const std::string& help) {
  command.add_option("--clearance", clearance, help)
      ->capture_default_str()
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            return parse_access(value) ? "" : "unknown level '" + value +
                                                  "' (public, internal, confidential, secret, top_secret)";
          },
          "LEVEL"));
}

Access clearance_of(const std::string& clearance) { return parse_access(clearance).value_or(Access::public_); }

CLI::Validator whole_number() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        return !value.empty() && value.find_first_not_of("0123456789") == std::string::npos
                   ? ""
                   : "must be a whole number from 0, not '" + value + "'";
      },
      "N");
}

bool use_colour(int fd) {
  const char* no_colour = std::getenv("NO_COLOR");
  return isatty(fd) && !(no_colour && *no_colour);
}

}  // namespace vankien::cli
