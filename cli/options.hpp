#pragma once
// Options shared by several commands.

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "vankien/document.hpp"

namespace vankien::cli {

/// `--db DIR`: $VANKIEN_DB, else ./vankien.db.
std::string default_db();
void add_db_option(CLI::App& command, std::string& db);
void add_db_option(CLI::App& command, std::vector<std::string>& dbs);  // repeatable

/// `--clearance LEVEL`, checked when the command line is parsed.
void add_clearance_option(CLI::App& command, std::string& clearance, const std::string& help);
/// The level of a value that add_clearance_option() has already checked.
Access clearance_of(const std::string& clearance);

/// Checks that an option is a whole number from 0 (CLI11 would wrap "-1" round).
CLI::Validator whole_number();

/// True when colour may be used on this stream (a terminal, NO_COLOR unset).
bool use_colour(int fd);

}  // namespace vankien::cli
