#pragma once
// A folder's own settings: vankien.toml in a file's directory or any above
// it (the nearest wins), for sources whose files say little about themselves,
// such as the export of one district's portal:
//
//   district = "Đắk Song"     # the source's unit, for texts that name none
//   province = "Đắk Nông"
//   encoding = "tcvn3"        # the files' character set, when detection is not wanted

#include <filesystem>
#include <memory>
#include <string>

#include "vankien/reader.hpp"

namespace vankien::readers {

struct FolderConfig {
  std::filesystem::path file;  // the vankien.toml it came from
  std::string district, province, encoding;
};

inline constexpr std::string_view folder_config_name = "vankien.toml";

/// The settings that apply to `file`, or null when no vankien.toml is above
/// it. A file that does not parse, an unknown key or an unknown encoding is
/// reported once (each time the file changes); what can be read still applies.
std::shared_ptr<const FolderConfig> folder_config(const std::filesystem::path& file, const ProblemSink& on_problem);

}  // namespace vankien::readers
