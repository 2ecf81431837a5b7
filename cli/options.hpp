#pragma once
// Options shared by several commands.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace vankien::cli {

/// `--db DIR`: $VANKIEN_DB, else ./vankien.db.
std::string default_db();
void add_db_option(CLI::App& command, std::string& db);
void add_db_option(CLI::App& command, std::vector<std::string>& dbs);  // repeatable

/// True when colour may be used on this stream (a terminal, NO_COLOR unset).
bool use_colour(int fd);

}  // namespace vankien::cli
