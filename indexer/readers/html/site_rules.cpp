#include "site_rules.hpp"

#include <fstream>
#include <map>
#include <mutex>

#include "../readers.hpp"
#include "vankien/error.hpp"

namespace vankien::readers::html {

namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    cells.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return cells;
    start = tab + 1;
  }
}

std::optional<Selector> selector_cell(const std::vector<std::string>& cells, std::size_t i,
                                      const std::string& where) {
  if (i >= cells.size() || cells[i].find_first_not_of(' ') == std::string::npos) return std::nullopt;
  auto selector = Selector::parse(cells[i]);
  if (!selector) throw Error(where + ": unsupported selector '" + cells[i] + "'");
  return selector;
}

}  // namespace

std::shared_ptr<const SiteRules> SiteRules::load(const std::filesystem::path& file) {
  // Read once a process: every page of a batch consults the same rules.
  static std::mutex mutex;
  static std::map<std::filesystem::path, std::shared_ptr<const SiteRules>> cache;
  const std::lock_guard lock(mutex);
  if (const auto found = cache.find(file); found != cache.end()) return found->second;

  auto rules = std::make_shared<SiteRules>();
  std::ifstream in(file);
  std::error_code error;
  if (!in && std::filesystem::exists(file, error)) throw Error(file.string() + ": cannot be read");
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> cells = split_tabs(line);
    const std::string where = file.string() + ":" + std::to_string(number);
    SiteRule rule;
    rule.host = host_of(cells[0]);
    if (rule.host.empty()) throw Error(where + ": no host in '" + cells[0] + "'");
    rule.content = selector_cell(cells, 1, where);
    rule.title = selector_cell(cells, 2, where);
    rule.date = selector_cell(cells, 3, where);
    rule.drop = selector_cell(cells, 4, where);
    rules->rules_.push_back(std::move(rule));
  }
  cache.emplace(file, rules);
  return rules;
}

const SiteRule* SiteRules::find(std::string_view url) const {
  const std::string host = host_of(url);
  if (host.empty()) return nullptr;
  for (const SiteRule& rule : rules_) {
    if (host == rule.host ||
        (host.size() > rule.host.size() && host.ends_with(rule.host) &&
         host[host.size() - rule.host.size() - 1] == '.')) {
      return &rule;
    }
  }
  return nullptr;
}

std::string host_of(std::string_view url) {
  if (const std::size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    url.remove_prefix(scheme + 3);
  }
  url = url.substr(0, url.find_first_of("/?#"));
  if (const std::size_t at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  url = url.substr(0, url.find(':'));
  std::string host = ascii_lower(url);
  if (host.starts_with("www.")) host.erase(0, 4);
  if (host.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.-") != std::string::npos) return {};
  return host;
}

}  // namespace vankien::readers::html
