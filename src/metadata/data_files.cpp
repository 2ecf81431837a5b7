#include "metadata/data_files.hpp"

#include <dlfcn.h>

#include <cstdlib>
#include <fstream>

#include "vankien/error.hpp"
#include "vankien/metadata.hpp"

namespace vankien {

namespace {

const char anchor = 0;  // an address inside libvankien, for dladdr

// The data directory of an installed copy, relative to where libvankien is
// now: an install moved or made with `cmake --install --prefix` finds its
// own data, not the configured prefix's.
std::filesystem::path data_dir_beside_library() {
  Dl_info info{};
  if (dladdr(&anchor, &info) == 0 || info.dli_fname == nullptr) return {};
  std::error_code error;
  const std::filesystem::path library = std::filesystem::canonical(info.dli_fname, error);
  if (error) return {};
  return (library.parent_path() / VANKIEN_LIBRARY_TO_DATA_DIR).lexically_normal();
}

bool has_data(const std::filesystem::path& dir) {
  std::error_code error;
  return !dir.empty() && std::filesystem::exists(dir / "gazetteer.tsv", error);
}

}  // namespace

std::filesystem::path default_data_dir() {
  if (const char* from_env = std::getenv("VANKIEN_DATA_DIR"); from_env && *from_env) {
    return from_env;
  }
  for (const std::filesystem::path& dir : {data_dir_beside_library(),
                                           std::filesystem::path(VANKIEN_INSTALLED_DATA_DIR)}) {
    if (has_data(dir)) return dir;
  }
  return VANKIEN_SOURCE_DATA_DIR;
}

namespace metadata {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return parts;
    start = end + 1;
  }
}

std::vector<Row> read_tsv(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw Error("cannot read data file " + path.string());
  std::vector<Row> rows;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    rows.push_back({number, split(line, '\t')});
  }
  return rows;
}

void require_fields(const std::filesystem::path& path, const Row& row, std::size_t count) {
  if (row.fields.size() < count) {
    throw Error(path.string() + ":" + std::to_string(row.line) + ": expected " +
                std::to_string(count) + " tab-separated fields, found " +
                std::to_string(row.fields.size()));
  }
}

}  // namespace metadata
}  // namespace vankien
