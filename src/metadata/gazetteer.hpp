#pragma once
// Provinces and districts (data/gazetteer.tsv) and finding them in text.
//
// A district is named in text after a unit word: "huyện Bạch Thông",
// "Huyện ủy Bạch Thông", "Đảng bộ huyện Bạch Thông", "HUYỆN ỦY BẠCH THÔNG",
// "quận", "thị xã", "thành phố", "thị ủy", "thành ủy". Former names count. Many
// districts share a name ("Châu Thành"): a mention is resolved by the provinces
// the text names, and left unresolved when they do not decide it. A unit must be
// named more than all the others together to be the one a text is about.
// Central Highlands names match in any of their spellings (Đắk/Đăk/Đak Song);
// the gazetteer's is the one stored.

#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "metadata/analyzed_text.hpp"

namespace vankien::metadata {

struct Place {
  std::string code;
  std::string name;       // current name, proper case: "Bạch Thông"
  std::string type;       // "Huyện", "Tỉnh" ...
  std::string province;   // a district's province code
  std::string successor;  // a province's successor's name after 1 July 2025
  std::vector<std::string> names;  // name and former names, proper case
};

struct FoundPlaces {
  const Place* district = nullptr;
  const Place* province = nullptr;
};

class Gazetteer {
 public:
  explicit Gazetteer(const std::filesystem::path& file);

  const Place* province(const std::string& code) const;
  /// Districts and provinces a normalised name may mean ("bạch thông").
  std::vector<const Place*> districts_named(const std::string& normalized) const;
  std::vector<const Place*> provinces_named(const std::string& normalized) const;

  /// The district and province the text is about. `place_line_name` is the
  /// place of a place-and-date line ("Bạch Thông, ngày ..."), which counts more.
  FoundPlaces find(const AnalyzedText& text, const std::string& place_line_name) const;

  /// A district by its name and, optionally, its province's name (given fields).
  const Place* district(const std::string& name, const std::string& province_name) const;

 private:
  std::vector<Place> places_;
  std::unordered_map<std::string, std::size_t> province_by_code_;
  std::unordered_multimap<std::string, std::size_t> districts_by_name_;
  std::unordered_multimap<std::string, std::size_t> provinces_by_name_;
  std::size_t longest_name_ = 1;  // in syllables
};

}  // namespace vankien::metadata
