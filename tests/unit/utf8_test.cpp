#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analysis/utf8.hpp"

using vankien::analysis::CodePoint;
using vankien::analysis::Utf8Reader;

namespace {

struct Decoded {
  std::vector<char32_t> values;
  std::vector<std::size_t> invalid_at;
};

Decoded decode(std::string_view bytes) {
  Decoded out;
  Utf8Reader reader(bytes);
  CodePoint cp;
  std::size_t expected_begin = 0;
  while (reader.next(cp)) {
    CHECK(cp.begin == expected_begin);  // code points tile the input
    expected_begin = cp.end;
    out.values.push_back(cp.value);
    if (cp.invalid) out.invalid_at.push_back(cp.begin);
  }
  CHECK(expected_begin == bytes.size());
  return out;
}

}  // namespace

TEST_CASE("UTF-8 decoding replaces each maximal invalid subpart with one U+FFFD") {
  struct Case {
    const char* name;
    std::string bytes;
    std::vector<char32_t> values;
    std::vector<std::size_t> invalid_at;
  };
  const std::vector<Case> cases = {
      {"empty", "", {}, {}},
      {"ascii", "ab", {'a', 'b'}, {}},
      {"two bytes", "\xC4\x91", {0x0111}, {}},
      {"three bytes", "\xE1\xBB\x87", {0x1EC7}, {}},
      {"four bytes", "\xF0\x9F\x98\x80", {0x1F600}, {}},
      {"lone continuation", "a\x80" "b", {'a', 0xFFFD, 'b'}, {1}},
      {"truncated at end", "a\xE1\xBB", {'a', 0xFFFD}, {1}},
      {"truncated before ascii", "\xE1\xBB" "a", {0xFFFD, 'a'}, {0}},
      {"overlong two bytes", "\xC0\xAF", {0xFFFD, 0xFFFD}, {0, 1}},
      {"overlong three bytes", "\xE0\x80\xAF", {0xFFFD, 0xFFFD, 0xFFFD}, {0, 1, 2}},
      {"surrogate", "\xED\xA0\x80", {0xFFFD, 0xFFFD, 0xFFFD}, {0, 1, 2}},
      {"above U+10FFFF", "\xF4\x90\x80\x80", {0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD}, {0, 1, 2, 3}},
      {"invalid lead byte", "\xFF" "x", {0xFFFD, 'x'}, {0}},
      {"latin-1 text", "Vi\xEAt", {'V', 'i', 0xFFFD, 't'}, {2}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const Decoded decoded = decode(c.bytes);
    CHECK(decoded.values == c.values);
    CHECK(decoded.invalid_at == c.invalid_at);
  }
}

TEST_CASE("append_utf8 round-trips through the reader") {
  for (char32_t cp : {char32_t{0x41}, char32_t{0x7FF}, char32_t{0x1EF9}, char32_t{0x10FFFF}}) {
    std::string bytes;
    vankien::analysis::append_utf8(bytes, cp);
    const Decoded decoded = decode(bytes);
    REQUIRE(decoded.values.size() == 1);
    CHECK(decoded.values[0] == cp);
    CHECK(decoded.invalid_at.empty());
  }
}
