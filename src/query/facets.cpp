#include "query/facets.hpp"

#include <algorithm>
#include <unordered_map>

#include "vankien/schema.hpp"

namespace vankien::query {

namespace {

Xapian::valueno slot_of(const std::string& name) {
  if (name == "district") return schema::district_slot;
  if (name == "province") return schema::province_slot;
  if (name == "term") return schema::term_slot;
  if (name == "topic") return schema::topics_slot;
  if (name == "type") return schema::type_slot;
  if (name == "year") return schema::year_slot;
  throw QueryError("unknown facet '" + name + "' (district, province, term, topic, type, year)");
}

std::vector<FacetCount> sorted(std::vector<FacetCount> counts) {
  std::sort(counts.begin(), counts.end(), [](const FacetCount& a, const FacetCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  });
  return counts;
}

}  // namespace

// Topics are several values in one slot, '\n'-separated: each counts once.
class FacetCounter::MultiValueSpy : public Xapian::MatchSpy {
 public:
  explicit MultiValueSpy(Xapian::valueno slot) : slot_(slot) {}
  void operator()(const Xapian::Document& document, double) override {
    const std::string values = document.get_value(slot_);
    std::size_t start = 0;
    while (start < values.size()) {
      std::size_t end = values.find('\n', start);
      if (end == std::string::npos) end = values.size();
      if (end > start) ++counts_[values.substr(start, end - start)];
      start = end + 1;
    }
  }
  std::vector<FacetCount> counts() const {
    std::vector<FacetCount> out;
    for (const auto& [value, count] : counts_) out.push_back({value, count});
    return out;
  }

 private:
  Xapian::valueno slot_;
  std::unordered_map<std::string, std::size_t> counts_;
};

const std::vector<std::string>& facet_names() {
  static const std::vector<std::string> names = {"district", "province", "term",
                                                 "topic",    "type",     "year"};
  return names;
}

FacetCounter::FacetCounter(const std::vector<std::string>& names) {
  for (const std::string& name : names) {
    const Xapian::valueno slot = slot_of(name);
    std::unique_ptr<Xapian::MatchSpy> spy;
    if (name == "topic") {
      spy = std::make_unique<MultiValueSpy>(slot);
    } else {
      spy = std::make_unique<Xapian::ValueCountMatchSpy>(slot);
    }
    spies_.emplace_back(name, spy.get());
    owned_.push_back(std::move(spy));
  }
}

void FacetCounter::attach(Xapian::Enquire& enquire) {
  for (const auto& [name, spy] : spies_) enquire.add_matchspy(spy);
}

std::map<std::string, std::vector<FacetCount>> FacetCounter::counts() const {
  std::map<std::string, std::vector<FacetCount>> out;
  for (const auto& [name, spy] : spies_) {
    std::vector<FacetCount> counts;
    if (const auto* multi = dynamic_cast<const MultiValueSpy*>(spy)) {
      counts = multi->counts();
    } else {
      const auto* values = static_cast<const Xapian::ValueCountMatchSpy*>(spy);
      for (auto it = values->values_begin(); it != values->values_end(); ++it) {
        counts.push_back({*it, static_cast<std::size_t>(it.get_termfreq())});
      }
    }
    out[name] = sorted(std::move(counts));
  }
  return out;
}

}  // namespace vankien::query
