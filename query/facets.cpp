#include "facets.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "vankien/schema.hpp"

namespace vankien::query {

namespace {

std::vector<FacetCount> sorted(const std::unordered_map<std::string, std::size_t>& counts) {
  std::vector<FacetCount> out;
  for (const auto& [value, count] : counts) out.push_back({value, count});
  std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  return out;
}

}  // namespace

const std::vector<std::string>& facet_names() {
  static const std::vector<std::string> names = {"district", "province", "term",
                                                 "topic",    "type",     "year"};
  return names;
}

std::map<std::string, std::vector<FacetCount>> merge_facet_counts(
    const std::map<std::string, std::vector<FacetCount>>& a, const std::map<std::string, std::vector<FacetCount>>& b) {
  std::map<std::string, std::unordered_map<std::string, std::size_t>> sums;
  for (const auto* counts : {&a, &b}) {
    for (const auto& [facet, values] : *counts) {
      auto& sum = sums[facet];
      for (const FacetCount& value : values) sum[value.value] += value.count;
    }
  }
  std::map<std::string, std::vector<FacetCount>> out;
  for (const auto& [facet, sum] : sums) out[facet] = sorted(sum);
  return out;
}

// Reads the facets slot once per document and counts the requested fields.
class FacetCounter::Spy : public Xapian::MatchSpy {
 public:
  explicit Spy(std::vector<std::size_t> fields) : fields_(std::move(fields)), counts_(facet_names().size()) {}

  void operator()(const Xapian::Document& document, double) override {
    const std::string values = document.get_value(schema::facets_slot);
    std::string_view rest(values);
    for (std::size_t field = 0; field < facet_names().size(); ++field) {
      const std::size_t end = rest.find(schema::facet_separator);
      const std::string_view value = rest.substr(0, end);
      if (wanted(field) && !value.empty()) count(field, value);
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
  }

  std::map<std::string, std::vector<FacetCount>> counts() const {
    std::map<std::string, std::vector<FacetCount>> out;
    for (std::size_t field : fields_) out[facet_names()[field]] = sorted(counts_[field]);
    return out;
  }

 private:
  bool wanted(std::size_t field) const {
    return std::find(fields_.begin(), fields_.end(), field) != fields_.end();
  }

  // Topics are several values, '\n'-separated: each counts once.
  void count(std::size_t field, std::string_view value) {
    std::size_t start = 0;
    while (start < value.size()) {
      std::size_t end = value.find('\n', start);
      if (end == std::string_view::npos) end = value.size();
      if (end > start) ++counts_[field][std::string(value.substr(start, end - start))];
      start = end + 1;
    }
  }

  std::vector<std::size_t> fields_;
  std::vector<std::unordered_map<std::string, std::size_t>> counts_;
};

FacetCounter::FacetCounter(const std::vector<std::string>& names) {
  std::vector<std::size_t> fields;
  for (const std::string& name : names) {
    const auto found = std::find(facet_names().begin(), facet_names().end(), name);
    if (found == facet_names().end()) {
      throw QueryError("unknown facet '" + name + "' (district, province, term, topic, type, year)");
    }
    fields.push_back(static_cast<std::size_t>(found - facet_names().begin()));
  }
  if (!fields.empty()) spy_ = std::make_unique<Spy>(std::move(fields));
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire) {
  if (spy_) enquire.add_matchspy(spy_.get());
}

std::map<std::string, std::vector<FacetCount>> FacetCounter::counts() const {
  return spy_ ? spy_->counts() : std::map<std::string, std::vector<FacetCount>>{};
}

}  // namespace vankien::query
