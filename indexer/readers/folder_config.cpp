#include "folder_config.hpp"

#include <map>
#include <mutex>
#include <toml++/toml.h>

#include "charset.hpp"

namespace vankien::readers {

namespace {

void warn(const ProblemSink& on_problem, const std::filesystem::path& file, std::size_t line, std::string message) {
  Problem problem;
  problem.where = {file.string(), line, 0};
  problem.message = std::move(message);
  problem.warning = true;
  on_problem(std::move(problem));
}

std::shared_ptr<const FolderConfig> parse(const std::filesystem::path& file, const ProblemSink& on_problem) {
  auto config = std::make_shared<FolderConfig>();
  config->file = file;
  toml::table table;
  std::size_t encoding_line = 0;
  try {
    table = toml::parse_file(file.string());
  } catch (const toml::parse_error& error) {
    warn(on_problem, file, error.source().begin.line,
         "does not parse: " + std::string(error.description()) + " (ignored)");
    return config;
  }
  for (const auto& [key, value] : table) {
    const std::string_view name = key.str();
    std::string* field = name == "district" ? &config->district
                         : name == "province" ? &config->province
                         : name == "encoding" ? &config->encoding
                                              : nullptr;
    const std::size_t line = key.source().begin.line;
    // Messages built by appending: GCC 12 at -O3 misreads "..." + std::string as overlapping copies.
    std::string quoted;
    quoted.append("'").append(name).append("'");
    if (!field) {
      warn(on_problem, file, line, "unknown key " + quoted + " (district, province, encoding)");
    } else if (const auto text = value.value<std::string>()) {
      *field = *text;
      if (field == &config->encoding) encoding_line = line;
    } else {
      warn(on_problem, file, line, quoted + " must be a string");
    }
  }
  if (!config->encoding.empty()) {
    const auto known = canonical_encoding(config->encoding);
    if (!known) warn(on_problem, file, encoding_line, "unknown encoding '" + config->encoding + "' (ignored)");
    config->encoding = known.value_or("");
  }
  return config;
}

}  // namespace

std::shared_ptr<const FolderConfig> folder_config(const std::filesystem::path& file, const ProblemSink& on_problem) {
  std::error_code error;
  std::filesystem::path directory = std::filesystem::absolute(file, error).parent_path();
  std::filesystem::path found;
  for (; !directory.empty(); directory = directory.parent_path()) {
    if (std::filesystem::is_regular_file(directory / folder_config_name, error)) {
      found = directory / folder_config_name;
      break;
    }
    if (directory == directory.root_path()) break;
  }
  if (found.empty()) return nullptr;

  // Parsed once while it is unchanged: every file under it asks.
  static std::mutex mutex;
  static std::map<std::filesystem::path, std::pair<std::filesystem::file_time_type, std::shared_ptr<const FolderConfig>>>
      cache;
  const auto modified = std::filesystem::last_write_time(found, error);
  const std::lock_guard lock(mutex);
  auto& entry = cache[found];
  if (!entry.second || entry.first != modified) entry = {modified, parse(found, on_problem)};
  return entry.second;
}

}  // namespace vankien::readers
