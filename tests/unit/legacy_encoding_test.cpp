// Legacy 8-bit encodings: TCVN3, VNI-Windows, VISCII and windows-1252 decoded to UTF-8.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "indexer/readers/legacy_encodings.hpp"
#include "support.hpp"

using vankien::readers::decode_legacy;
using vankien::readers::LegacyEncoding;
using vankien::readers::vietnamese_letters;

namespace {

constexpr LegacyEncoding windows_1252 = LegacyEncoding::windows_1252;
constexpr LegacyEncoding tcvn3 = LegacyEncoding::tcvn3;
constexpr LegacyEncoding vni = LegacyEncoding::vni_windows;
constexpr LegacyEncoding viscii = LegacyEncoding::viscii;

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t end = std::min(text.find('\n', begin), text.size());
    out.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return out;
}

std::size_t replacements(const std::string& text) {
  std::size_t count = 0;
  for (std::size_t at = text.find("\uFFFD"); at != std::string::npos; at = text.find("\uFFFD", at + 1)) ++count;
  return count;
}

}  // namespace

// Note: a hex escape runs on over hex digits, so "\xD1" "A" is split in two.
TEST_CASE("legacy encodings decode hand-written cases") {
  struct Case {
    const char* name;
    LegacyEncoding encoding;
    std::string bytes;
    std::string text;
  };
  const std::vector<Case> cases = {
      {"1252 ascii", windows_1252, "abc 123\n", "abc 123\n"},
      {"1252 quotes", windows_1252, "\x93quoted\x94 \x96 it\x92s\x85", "“quoted” – it’s…"},
      {"1252 latin-1", windows_1252, "caf\xE9 \xC0 la carte", "café À la carte"},
      {"1252 euro", windows_1252, "\x80" "5", "€5"},
      {"1252 undefined", windows_1252, "\x81\x8D\x8F\x90\x9D", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"},
      {"1252 high end", windows_1252, "\xA0\xFF", "\u00A0ÿ"},

      {"tcvn3 lowercase", tcvn3, "Ngh\xDE quy\xD5t", "Nghị quyết"},
      {"tcvn3 phrase", tcvn3, "\xA7\xB6ng b\xE9 huy\xD6n", "Đảng bộ huyện"},
      {"tcvn3 horn letters", tcvn3, "tr\xAD\xEAng", "trường"},
      {"tcvn3 untoned capitals", tcvn3, "\xA1 \xA2 \xA3 \xA4 \xA5 \xA6 \xA7", "Ă Â Ê Ô Ơ Ư Đ"},
      {"tcvn3 toned capitals are lost", tcvn3, "\xA7\xB6NG B\xE9 HUY\xD6N", "ĐảNG Bộ HUYệN"},
      {"tcvn3 first letter", tcvn3, "\xB8o d\xB5i", "áo dài"},
      {"tcvn3 1252 punctuation", tcvn3, "\x93\xA7\xE9" "c l\xCBp\x94 \x96 \x85", "“Độc lập” – …"},
      {"tcvn3 no-break space", tcvn3, "a\xA0" "b", "a\u00A0b"},
      {"tcvn3 unassigned", tcvn3, "\xAF\xB0\xC0\xFF\x81", "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"},

      {"vni word", vni, "Vie\xE4t Nam", "Việt Nam"},
      {"vni lowercase", vni, "Ngh\xF2 quye\xE1t", "Nghị quyết"},
      {"vni phrase", vni, "\xD1" "a\xFBng bo\xE4 huye\xE4n", "Đảng bộ huyện"},
      {"vni capitals", vni, "\xD1" "A\xDBNG BO\xC4 HUYE\xC4N", "ĐẢNG BỘ HUYỆN"},
      {"vni horn letters", vni, "ng\xF6\xF4\xF8i TR\xD6\xD4\xD8NG", "người TRƯỜNG"},
      {"vni breve", vni, "na\xEAm kho\xF9" "a", "năm khóa"},
      {"vni one-byte letters", vni, "t\xEDn \xEC\xE6\xF3\xF2\xEE \xCC\xCD\xC6\xD3\xD2\xCE", "tín ìỉĩịỵ ÌÍỈĨỊỴ"},
      {"vni pair at the end", vni, "Vie\xE4", "Việ"},
      {"vni lone diacritic", vni, "\xE4", "ä"},
      {"vni diacritic after a consonant", vni, "b\xF9", "bù"},
      {"vni diacritic after i", vni, "i\xF9", "iù"},
      {"vni capital base, small mark", vni, "A\xF9", "Aù"},
      {"vni mark the base does not take", vni, "u\xE2", "uâ"},
      {"vni diacritic first", vni, "\xE1" "a", "áa"},
      {"vni 1252 punctuation", vni, "\x93Vie\xE4t\x94 \x96 \x85", "“Việt” – …"},
      {"vni undefined", vni, "\x81", "\uFFFD"},

      {"viscii word", viscii, "Vi\xAEt Nam", "Việt Nam"},
      {"viscii lowercase", viscii, "Ngh\xB8 quy\xAAt", "Nghị quyết"},
      {"viscii phrase", viscii, "\xD0\xE4ng b\xB5 huy\xAEn", "Đảng bộ huyện"},
      {"viscii capitals", viscii, "\xD0\xC4NG B\x93 HUY\x8EN", "ĐẢNG BỘ HUYỆN"},
      {"viscii horn letters", viscii, "tr\xDF\xB6ng", "trường"},
      {"viscii C0 letters", viscii, "\x02\x05\x06\x14\x19\x1E", "ẲẴẪỶỸỴ"},
      {"viscii 0xA0", viscii, "\xA0", "Õ"},
      {"viscii other C0 codes", viscii, "\x01\t\x1B\n", "\x01\t\x1B\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CHECK(decode_legacy(c.bytes, c.encoding) == c.text);
  }
}

TEST_CASE("legacy encodings give NFC, with U+FFFD only for undefined bytes") {
  std::string all;
  for (int byte = 0; byte < 256; ++byte) all += static_cast<char>(byte);
  // windows-1252: 81 8D 8F 90 9D; TCVN3 adds the 21 codes VN3 leaves free; VNI reads pairs.
  const std::pair<LegacyEncoding, std::size_t> expected[] = {
      {windows_1252, 5}, {tcvn3, 26}, {vni, 5}, {viscii, 0}};
  for (const auto& [encoding, undefined] : expected) {
    const int encoding_number = static_cast<int>(encoding);
    CAPTURE(encoding_number);
    const std::string text = decode_legacy(all, encoding);
    CHECK(text == vankien::test::to_nfc(text));
    CHECK(replacements(text) == undefined);
  }
  CHECK(decode_legacy("", vni).empty());
}

TEST_CASE("legacy encodings decode the shared test vectors") {
  const auto data = vankien::test::shared_data("legacy encoding vectors");
  if (!data) return;
  const std::filesystem::path dir = *data / "legacy-encodings";
  const std::pair<const char*, LegacyEncoding> encodings[] = {{"tcvn3", tcvn3}, {"vni-win", vni}, {"viscii", viscii}};
  std::size_t files = 0;
  for (const auto& [name, encoding] : encodings) {
    for (const std::string stem : {"sentences", "coverage", "symbols"}) {
      const std::filesystem::path input = dir / (stem + "." + name + ".bin");
      if (!std::filesystem::exists(input)) continue;  // symbols has no VISCII file
      ++files;
      const std::string file = input.filename().string();
      CAPTURE(file);
      const auto decoded = lines(decode_legacy(vankien::test::read_file(input), encoding));
      const auto expected = lines(vankien::test::read_file(dir / (stem + ".expected." + name + ".txt")));
      CHECK(decoded.size() == expected.size());
      for (std::size_t i = 0; i < std::min(decoded.size(), expected.size()); ++i) {
        const std::size_t line = i + 1;
        CAPTURE(line);
        CHECK(decoded[i] == expected[i]);
      }
    }
  }
  CHECK(files == 8);
}

TEST_CASE("vietnamese_letters counts the letters with diacritics") {
  struct Case {
    const char* name;
    LegacyEncoding encoding;
    std::string bytes;
    std::size_t letters;
  };
  const std::vector<Case> cases = {
      {"1252 latin-1 letter", windows_1252, "caf\xE9", 1},
      {"1252 punctuation and eth", windows_1252, "\x93quoted\x94 \xD0", 0},
      {"tcvn3 phrase", tcvn3, "\xA7\xB6ng b\xE9 huy\xD6n", 4},
      {"tcvn3 no letters", tcvn3, "\x93\x94 \xA0\xAF plain", 0},
      {"vni phrase", vni, "\xD1" "a\xFBng bo\xE4 huye\xE4n", 4},
      {"vni two-byte letter counts once", vni, "ng\xF6\xF4\xF8i", 2},
      {"vni lone diacritic", vni, "b\xF9", 0},
      {"vni ascii", vni, "Viet Nam", 0},
      {"viscii phrase", viscii, "\xD0\xE4ng b\xB5 huy\xAEn", 4},
      {"viscii C0 letters are below 0x80", viscii, "\x02\x05", 0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CHECK(vietnamese_letters(c.bytes, c.encoding) == c.letters);
  }
}
