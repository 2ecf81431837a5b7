#include "facets.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <utility>

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

namespace {

// Adds `count` documents to each value of one field's text; topics are
// several values, '\n'-separated, each counted once.
void add_values(std::string_view text, std::size_t count, std::unordered_map<std::string, std::size_t>& counts) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) counts[std::string(text.substr(start, end - start))] += count;
    start = end + 1;
  }
}

}  // namespace

// Counts each match's code in the column. A document the column has no
// place for (it cannot be: the column is of the revision searched) has its
// value read instead.
class FacetCounter::ColumnSpy : public Xapian::MatchSpy {
 public:
  explicit ColumnSpy(std::shared_ptr<const FacetColumn> column)
      : column_(std::move(column)), counts_(column_->values().size()) {}

  void operator()(const Xapian::Document& document, double) override {
    const Xapian::docid docid = document.get_docid();
    if (column_->covers(docid)) {
      ++counts_[column_->code(docid)];
    } else if (std::string value = document.get_value(schema::facets_slot); !value.empty()) {
      ++uncovered_[std::move(value)];
    }
  }

  /// Calls `add(value, documents)` for every facets value counted.
  template <typename Add>
  void for_each(Add add) const {
    const std::vector<std::string>& values = column_->values();
    for (std::size_t code = 1; code < values.size(); ++code) {
      if (counts_[code] > 0) add(values[code], counts_[code]);
    }
    for (const auto& [value, documents] : uncovered_) add(value, documents);
  }

 private:
  std::shared_ptr<const FacetColumn> column_;
  std::vector<std::size_t> counts_;  // by code
  std::unordered_map<std::string, std::size_t> uncovered_;
};

FacetCounter::FacetCounter(const std::vector<std::string>& names, std::shared_ptr<const FacetColumn> column) {
  std::vector<std::size_t> fields;
  for (const std::string& name : names) {
    const auto found = std::find(facet_names().begin(), facet_names().end(), name);
    if (found == facet_names().end()) {
      throw QueryError("unknown facet '" + name + "' (district, province, term, topic, type, year)");
    }
    fields.push_back(static_cast<std::size_t>(found - facet_names().begin()));
  }
  fields_ = std::move(fields);
  if (fields_.empty()) return;
  // Either counts each distinct facets value, which counts() splits into
  // fields. Xapian's own spy is the one a remote shard runs and merges itself.
  if (column) {
    column_spy_ = std::make_unique<ColumnSpy>(std::move(column));
  } else {
    value_spy_ = std::make_unique<Xapian::ValueCountMatchSpy>(schema::facets_slot);
  }
}

FacetCounter::~FacetCounter() = default;

void FacetCounter::attach(Xapian::Enquire& enquire) {
  if (value_spy_) enquire.add_matchspy(value_spy_.get());
  if (column_spy_) enquire.add_matchspy(column_spy_.get());
}

std::map<std::string, std::vector<FacetCount>> FacetCounter::counts() const {
  std::map<std::string, std::vector<FacetCount>> out;
  std::vector<std::unordered_map<std::string, std::size_t>> counts(facet_names().size());
  const auto add = [&](std::string_view values, std::size_t documents) {
    std::string_view rest(values);
    for (std::size_t field = 0; field < facet_names().size(); ++field) {
      const std::size_t end = rest.find(schema::facet_separator);
      add_values(rest.substr(0, end), documents, counts[field]);
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
  };
  if (value_spy_) {
    for (auto it = value_spy_->values_begin(); it != value_spy_->values_end(); ++it) add(*it, it.get_termfreq());
  } else if (column_spy_) {
    column_spy_->for_each(add);
  } else {
    return out;
  }
  for (std::size_t field : fields_) out[facet_names()[field]] = sorted(counts[field]);
  return out;
}

}  // namespace vankien::query
