#pragma once
// Per-site rules for portals whose layout is known: data/sites.tsv, one line a
// site, tab-separated: host, then CSS selectors (selector.hpp) for the main
// content, the title and the date, and for what to drop inside the content
// (share bars, related links). An empty cell leaves that part to the general
// extraction. A host matches itself and its subdomains.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "selector.hpp"

namespace vankien::readers::html {

struct SiteRule {
  std::string host;
  std::optional<Selector> content, title, date, drop;
};

class SiteRules {
 public:
  /// Reads `file`; a missing file is no rules, a bad line an Error naming it.
  static std::shared_ptr<const SiteRules> load(const std::filesystem::path& file);

  /// The rule for a page's URL ("https://www.huyenuy.example/tin/1.html"), or null.
  const SiteRule* find(std::string_view url) const;

 private:
  std::vector<SiteRule> rules_;
};

/// The host of a URL, lower case, without "www."; empty when it has none.
std::string host_of(std::string_view url);

}  // namespace vankien::readers::html
