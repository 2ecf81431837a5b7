#pragma once
// The search page's files (web/ in the source tree), built into the server
// so an installed `vankien serve` needs nothing beside it.

#include <span>
#include <string_view>

namespace vankien::server {

struct WebFile {
  std::string_view path;  ///< "/index.html"
  std::string_view content_type;
  std::string_view content;
};

std::span<const WebFile> built_in_web_files();

/// The content type the page's files are served with, by extension.
std::string_view content_type_of(std::string_view path);

}  // namespace vankien::server
