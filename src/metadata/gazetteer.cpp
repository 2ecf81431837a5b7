#include "metadata/gazetteer.hpp"

#include <algorithm>
#include <map>

#include "metadata/data_files.hpp"
#include "vankien/text.hpp"

namespace vankien::metadata {

namespace {

// Words that put a district name after them, and those for a province.
const std::vector<std::vector<std::string>>& district_words() {
  static const std::vector<std::vector<std::string>> words = {
      phrase_words("huyện ủy"), phrase_words("quận ủy"), phrase_words("thị ủy"),
      phrase_words("thành ủy"), phrase_words("huyện"),   phrase_words("quận"),
      phrase_words("thị xã"),   phrase_words("thành phố")};
  return words;
}

const std::vector<std::vector<std::string>>& province_words() {
  static const std::vector<std::vector<std::string>> words = {
      phrase_words("tỉnh ủy"), phrase_words("thành ủy"), phrase_words("tỉnh"),
      phrase_words("thành phố")};
  return words;
}

// Names in the languages of the Central Highlands are written with marks that
// vary from post to post: Đắk/Đăk/Đak/Dak Song, Krông/Krong, Cư/Cu, Chư/Chu,
// M'Đrắk/M'Drắk, and Ea/Ia before a second word. Such names are looked up
// without marks, Ia read as Ea; every other name as written (normalised).
// Apostrophes inside names (M'Đrắk, Đắk R'Lấp, typed ' or ’) separate words,
// as the analyzer splits them.
std::string name_key(const std::string& normalized) {
  std::string words;
  for (std::size_t i = 0; i < normalized.size(); ++i) {
    const bool apostrophe = normalized[i] == '\'' || normalized.compare(i, 3, "\u2019") == 0;
    if (apostrophe && normalized[i] != '\'') i += 2;
    const char c = apostrophe ? ' ' : normalized[i];
    if (c != ' ' || (!words.empty() && words.back() != ' ')) words += c;
  }
  if (!words.empty() && words.back() == ' ') words.pop_back();
  const std::string folded = fold(words);
  const std::size_t end = folded.find(' ');
  if (end == std::string::npos) return words;
  const std::string first = folded.substr(0, end);
  static const std::vector<std::string> prefixes = {"dak", "krong", "cu", "chu", "kong", "ea", "ia", "m"};
  if (std::find(prefixes.begin(), prefixes.end(), first) == prefixes.end()) return words;
  return first == "ia" ? "ea" + folded.substr(2) : folded;
}

template <typename Map>
std::vector<const Place*> lookup(const Map& map, const std::vector<Place>& places,
                                 const std::string& normalized) {
  std::vector<const Place*> out;
  const auto [first, last] = map.equal_range(name_key(normalized));
  for (auto it = first; it != last; ++it) {
    const Place* place = &places[it->second];
    if (std::find(out.begin(), out.end(), place) == out.end()) out.push_back(place);
  }
  return out;
}

}  // namespace

Gazetteer::Gazetteer(const std::filesystem::path& file) {
  for (const Row& row : read_tsv(file)) {
    require_fields(file, row, 8);
    Place place;
    place.code = row.fields[1];
    place.name = row.fields[2];
    place.type = row.fields[3];
    place.province = row.fields[4];
    place.successor = row.fields[7];
    place.names.push_back(place.name);
    for (const std::string& alias : split(row.fields[5], '|')) {
      if (!alias.empty()) place.names.push_back(alias);
    }
    const bool is_province = row.fields[0] == "province";
    const std::size_t index = places_.size();
    for (const std::string& name : place.names) {
      const auto words = phrase_words(name);
      longest_name_ = std::max(longest_name_, words.size());
      (is_province ? provinces_by_name_ : districts_by_name_).emplace(name_key(normalize(name)), index);
    }
    if (is_province) province_by_code_.emplace(place.code, index);
    places_.push_back(std::move(place));
  }
}

const Place* Gazetteer::province(const std::string& code) const {
  const auto found = province_by_code_.find(code);
  return found == province_by_code_.end() ? nullptr : &places_[found->second];
}

std::vector<const Place*> Gazetteer::districts_named(const std::string& normalized) const {
  return lookup(districts_by_name_, places_, normalized);
}

std::vector<const Place*> Gazetteer::provinces_named(const std::string& normalized) const {
  return lookup(provinces_by_name_, places_, normalized);
}

const Place* Gazetteer::district(const std::string& name, const std::string& province_name) const {
  const auto candidates = districts_named(normalize(name));
  const auto provinces = provinces_named(normalize(province_name));
  for (const Place* district : candidates) {
    for (const Place* province : provinces) {
      if (district->province == province->code) return district;
    }
  }
  return candidates.size() == 1 ? candidates.front() : nullptr;
}

FoundPlaces Gazetteer::find(const AnalyzedText& text, const std::string& place_line_name) const {
  // Mentions: each is the set of units one name may mean, with a weight.
  struct Mention {
    std::vector<const Place*> candidates;
    int weight;
  };
  std::vector<Mention> districts, provinces;
  const auto& words = text.words();

  for (std::size_t i = 0; i < words.size(); ++i) {
    auto scan = [&](const std::vector<std::vector<std::string>>& unit_words, bool for_district) {
      for (const auto& unit : unit_words) {
        if (!text.matches(i, unit)) continue;
        const std::size_t start = i + unit.size();
        for (std::size_t length = std::min(longest_name_, words.size() - start); length > 0;
             --length) {
          auto found = for_district ? districts_named(text.joined(start, length))
                                    : provinces_named(text.joined(start, length));
          if (!found.empty()) {
            (for_district ? districts : provinces).push_back({std::move(found), 1});
            return;
          }
        }
      }
    };
    scan(district_words(), true);
    scan(province_words(), false);
  }
  if (!place_line_name.empty()) {
    // "Cao Bằng, ngày ..." names the province when a province has that name;
    // a provincial committee signs with its province's name.
    const std::string name = normalize(place_line_name);
    if (auto found = provinces_named(name); !found.empty()) {
      provinces.push_back({found, 3});
    } else if (auto districts_found = districts_named(name); !districts_found.empty()) {
      districts.push_back({districts_found, 3});
    }
  }

  std::map<const Place*, int> province_score;
  for (const Mention& mention : provinces) {
    for (const Place* place : mention.candidates) province_score[place] += mention.weight;
  }
  // A district decided by its name alone also names its province.
  std::map<const Place*, int> district_score;
  for (const Mention& mention : districts) {
    std::vector<const Place*> kept;
    for (const Place* place : mention.candidates) {
      if (mention.candidates.size() == 1 || province_score.count(province(place->province))) {
        kept.push_back(place);
      }
    }
    if (kept.size() == 1) district_score[kept.front()] += mention.weight;
  }

  // A text about one district names it more than all others together; a text
  // that lists many (a national resolution) is about none of them.
  FoundPlaces found;
  int best = 0, total = 0;
  for (const auto& [place, score] : district_score) {
    total += score;
    if (score > best) best = score, found.district = place;
  }
  if (found.district && best * 2 > total) {
    found.province = province(found.district->province);
    return found;
  }
  found.district = nullptr;
  best = total = 0;
  for (const auto& [place, score] : province_score) {
    total += score;
    if (score > best) best = score, found.province = place;
  }
  if (best * 2 <= total) found.province = nullptr;
  return found;
}

}  // namespace vankien::metadata
