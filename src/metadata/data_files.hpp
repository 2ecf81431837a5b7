#pragma once
// Reading vankien's tab-separated data files: '#' starts a comment line, blank
// lines are skipped, every other line is a row of fields.

#include <filesystem>
#include <string>
#include <vector>

namespace vankien::metadata {

struct Row {
  std::size_t line = 0;
  std::vector<std::string> fields;
};

/// Throws vankien::Error naming the file when it cannot be read.
std::vector<Row> read_tsv(const std::filesystem::path& path);

/// Throws vankien::Error naming file and line when `row` has fewer fields.
void require_fields(const std::filesystem::path& path, const Row& row, std::size_t count);

std::vector<std::string> split(const std::string& text, char separator);

}  // namespace vankien::metadata
