#pragma once
// Each `vankien` command registers its options on the app and returns the
// function that runs it; main() only dispatches.

#include <CLI/CLI.hpp>

#include <functional>

namespace vankien::cli {

/// Runs a command after parsing; returns the process exit code.
using CommandRunner = std::function<int()>;

CommandRunner add_analyze_command(CLI::App& app);
CommandRunner add_index_command(CLI::App& app);
CommandRunner add_search_command(CLI::App& app);
CommandRunner add_show_command(CLI::App& app);
CommandRunner add_delete_command(CLI::App& app);
CommandRunner add_stats_command(CLI::App& app);
CommandRunner add_serve_shard_command(CLI::App& app);
CommandRunner add_serve_command(CLI::App& app);
CommandRunner add_keys_command(CLI::App& app);

}  // namespace vankien::cli
