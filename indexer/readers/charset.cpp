#include "charset.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

#include "analysis/letters.hpp"
#include "analysis/syllable.hpp"
#include "analysis/utf8.hpp"
#include "legacy_encodings.hpp"
#include "readers.hpp"

namespace vankien::readers {

namespace {

struct Alias {
  std::string_view label, name;
};
constexpr Alias aliases[] = {
    {"utf-8", "utf-8"},          {"utf8", "utf-8"},
    {"windows-1252", "windows-1252"}, {"cp1252", "windows-1252"}, {"iso-8859-1", "windows-1252"},
    {"iso8859-1", "windows-1252"}, {"latin1", "windows-1252"},  {"latin-1", "windows-1252"},
    {"us-ascii", "windows-1252"}, {"ascii", "windows-1252"},
    {"windows-1258", "windows-1258"}, {"cp1258", "windows-1258"},
    {"tcvn3", "tcvn3"},          {"tcvn", "tcvn3"},           {"abc", "tcvn3"},
    {"tcvn-3", "tcvn3"},         {"vn3", "tcvn3"},
    {"vni-windows", "vni-windows"}, {"vni-win", "vni-windows"}, {"vni", "vni-windows"},
    {"viscii", "viscii"},
};

std::optional<LegacyEncoding> legacy(std::string_view name) {
  if (name == "windows-1252") return LegacyEncoding::windows_1252;
  if (name == "tcvn3") return LegacyEncoding::tcvn3;
  if (name == "vni-windows") return LegacyEncoding::vni_windows;
  if (name == "viscii") return LegacyEncoding::viscii;
  return std::nullopt;
}

// windows-1258 writes tones as combining marks after the letter: ICU decodes
// it, and composition makes the letters whole. Converted a piece at a time,
// cut at white space (never between a letter and its marks), so that ICU's
// 32-bit lengths hold for any file.
std::string decode_windows_1258(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<UConverter, void (*)(UConverter*)> converter(ucnv_open("windows-1258", &status), ucnv_close);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw Error("windows-1258 is not available in this ICU");
  constexpr std::size_t piece_bytes = std::size_t{1} << 20;
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  while (!bytes.empty()) {
    std::size_t cut = std::min(bytes.size(), piece_bytes);
    if (cut < bytes.size()) {
      const std::size_t space = bytes.find_last_of(" \n", cut);
      if (space != std::string_view::npos && space > 0) cut = space;
    }
    const icu::UnicodeString decoded(bytes.data(), static_cast<int32_t>(cut), converter.get(), status);
    nfc->normalize(decoded, status).toUTF8String(out);
    if (U_FAILURE(status)) throw Error("windows-1258 text cannot be decoded");
    bytes.remove_prefix(cut);
  }
  return out;
}

std::string decode_as(std::string_view bytes, std::string_view name) {
  if (name == "windows-1258") return decode_windows_1258(bytes);
  if (const auto encoding = legacy(name)) return decode_legacy(bytes, *encoding);
  return std::string(bytes);  // utf-8
}

// Separators between words: ASCII other than letters, and general punctuation.
bool is_separator(char32_t cp) {
  if (cp < 0x80) return !((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
  return (cp >= 0x2000 && cp <= 0x206F) || cp == 0xA0;
}

// Words with a letter beyond ASCII: +1 for each that is one well-formed
// Vietnamese syllable, -1 for each that is not (a symbol inside a word, two
// tones, a vowel where none can be). A wrong decoding of Vietnamese text
// gives many of the second kind, the right one almost none.
long vietnamese_score(std::string_view utf8) {
  long score = 0;
  analysis::Utf8Reader reader(utf8);
  std::vector<analysis::Letter> letters;
  bool beyond_ascii = false, well_formed = true;
  const auto end_word = [&] {
    if (beyond_ascii) score += well_formed && analysis::place_tone(letters) ? 1 : -1;
    letters.clear();
    beyond_ascii = false;
    well_formed = true;
  };
  for (analysis::CodePoint cp; reader.next(cp);) {
    if (is_separator(cp.value)) {
      end_word();
      continue;
    }
    analysis::Letter letter;
    if (cp.value >= 0x80) beyond_ascii = true;
    if (analysis::decompose_letter(cp.value, letter)) letters.push_back(letter);
    else well_formed = false;
  }
  end_word();
  return score;
}

// The bytes windows-1252 would have encoded `utf8` from, when every
// character is one it has.
std::optional<std::string> windows_1252_bytes(std::string_view utf8) {
  static const std::array<char32_t, 32> high = [] {
    std::array<char32_t, 32> table{};
    for (unsigned byte = 0x80; byte < 0xA0; ++byte) {
      const std::string decoded = decode_legacy(std::string(1, static_cast<char>(byte)), LegacyEncoding::windows_1252);
      analysis::Utf8Reader reader(decoded);
      analysis::CodePoint cp;
      table[byte - 0x80] = reader.next(cp) ? cp.value : 0;
    }
    return table;
  }();
  std::string bytes;
  bytes.reserve(utf8.size());
  analysis::Utf8Reader reader(utf8);
  for (analysis::CodePoint cp; reader.next(cp);) {
    if (cp.value < 0x80 || (cp.value >= 0xA0 && cp.value <= 0xFF)) {
      bytes += static_cast<char>(cp.value);
      continue;
    }
    const auto found = std::find(high.begin(), high.end(), cp.value);
    if (found == high.end() || cp.value == analysis::replacement_char) return std::nullopt;
    bytes += static_cast<char>(0x80 + (found - high.begin()));
  }
  return bytes;
}

constexpr std::size_t sample_bytes = std::size_t{64} << 10;

// UTF-8 with a few bad bytes (a damaged file) rather than a legacy encoding:
// as many well-formed multi-byte sequences as invalid ones, or more. Legacy
// Vietnamese text forms such sequences only by chance.
bool is_broken_utf8(std::string_view bytes) {
  std::size_t multibyte = 0, invalid = 0;
  analysis::Utf8Reader reader(bytes);
  for (analysis::CodePoint cp; reader.next(cp);) {
    if (cp.invalid) ++invalid;
    else if (cp.value >= 0x80) ++multibyte;
  }
  return multibyte >= invalid;
}

struct Candidate {
  std::string_view name;
  long score = 0;
};

// The candidates' scores on the start of `bytes`, best first (ties keep the order given).
std::vector<Candidate> rank(std::string_view bytes, std::vector<std::string_view> names) {
  const std::string_view sample = bytes.substr(0, sample_bytes);
  std::vector<Candidate> ranked;
  for (std::string_view name : names) ranked.push_back({name, vietnamese_score(decode_as(sample, name))});
  std::stable_sort(ranked.begin(), ranked.end(), [](const Candidate& a, const Candidate& b) { return a.score > b.score; });
  return ranked;
}

}  // namespace

void to_nfc(std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || nfc->isNormalizedUTF8(utf8, status) || U_FAILURE(status)) return;
  std::string out;
  out.reserve(utf8.size());
  icu::StringByteSink<std::string> sink(&out);
  status = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, utf8, sink, nullptr, status);
  if (U_SUCCESS(status)) utf8 = std::move(out);
}

std::optional<std::string> canonical_encoding(std::string_view label) {
  std::string key = ascii_lower(label);
  key.erase(std::remove_if(key.begin(), key.end(), [](char c) { return c == ' ' || c == '"' || c == '\''; }), key.end());
  std::replace(key.begin(), key.end(), '_', '-');
  for (const Alias& alias : aliases) {
    if (alias.label == key) return std::string(alias.name);
  }
  return std::nullopt;
}

std::string declared_charset(std::string_view head) {
  const std::string text = ascii_lower(head.substr(0, 1024));
  const auto value_after = [&](std::size_t at) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '"' || text[at] == '\'')) ++at;
    const std::size_t end = text.find_first_of(" \"';>/\r\n\t", at);
    return std::string(head.substr(at, (end == std::string::npos ? text.size() : end) - at));
  };
  for (std::size_t at = text.find("charset"); at != std::string::npos; at = text.find("charset", at + 1)) {
    std::size_t next = text.find_first_not_of(' ', at + 7);
    if (next != std::string::npos && text[next] == '=') return value_after(next + 1);
  }
  if (text.starts_with("<?xml")) {
    const std::size_t end = text.find("?>");
    const std::size_t at = text.find("encoding", 5);
    if (at != std::string::npos && at < end) {
      const std::size_t equals = text.find('=', at);
      if (equals != std::string::npos && equals < end) return value_after(equals + 1);
    }
  }
  return {};
}

DecodedText decode_text(std::string_view bytes, std::string_view forced) {
  DecodedText out;
  if (!forced.empty()) {
    out.encoding = std::string(forced);
    out.how = "forced";
    if (forced == "utf-8") {
      out.bad_offset = first_invalid_utf8(bytes);
      return out;  // the text is `bytes` itself
    }
    out.text = decode_as(bytes, forced);
    return out;
  }
  const std::optional<std::string> declared = canonical_encoding(declared_charset(bytes));
  static const std::vector<std::string_view> vietnamese = {"tcvn3", "vni-windows", "viscii", "windows-1258"};
  if (first_invalid_utf8(bytes) == std::string::npos) {
    out.encoding = "utf-8";
    out.how = "utf-8";
    // Legacy text that was read as windows-1252 and saved as UTF-8.
    std::string_view sample = bytes.substr(0, sample_bytes);
    while (sample.size() < bytes.size() && !sample.empty() &&
           (static_cast<unsigned char>(bytes[sample.size()]) & 0xC0) == 0x80) {
      sample.remove_suffix(1);  // never cut inside a character
    }
    if (std::any_of(sample.begin(), sample.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
      const auto original_sample = windows_1252_bytes(sample);
      const long as_is = original_sample ? vietnamese_score(sample) : 0;
      const Candidate best = original_sample ? rank(*original_sample, {"tcvn3", "vni-windows"}).front() : Candidate{};
      if (best.score >= 3 && best.score > 2 * std::max(as_is, 0L)) {
        if (const auto original = windows_1252_bytes(bytes)) {
          out.text = decode_as(*original, best.name);
          out.encoding = std::string(best.name);
          out.how = "repaired";
          return out;
        }
      }
    }
    return out;  // the text is `bytes` itself
  }
  if (is_broken_utf8(bytes)) {
    out.encoding = "utf-8";
    out.how = "utf-8";
    out.bad_offset = first_invalid_utf8(bytes);
    return out;
  }
  std::vector<std::string_view> names;
  if (declared && *declared != "utf-8") names.push_back(*declared);  // first: it wins ties
  for (std::string_view name : vietnamese) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  if (std::find(names.begin(), names.end(), "windows-1252") == names.end()) names.push_back("windows-1252");
  const std::vector<Candidate> ranked = rank(bytes, names);
  Candidate chosen = ranked.front();
  if (chosen.score <= 0) chosen = {declared && *declared != "utf-8" ? std::string_view(names.front()) : "windows-1252", 0};
  out.encoding = std::string(chosen.name);
  out.how = declared && *declared == out.encoding ? "declared" : "detected";
  out.text = decode_as(bytes, chosen.name);
  return out;
}

}  // namespace vankien::readers
