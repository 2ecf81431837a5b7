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
                  "Database directory; repeat to search several as one "
                  "(default: $VANKIEN_DB, else ./vankien.db)")
      ->allow_extra_args(false);
}

bool use_colour(int fd) {
  const char* no_colour = std::getenv("NO_COLOR");
  return isatty(fd) && !(no_colour && *no_colour);
}

}  // namespace vankien::cli
