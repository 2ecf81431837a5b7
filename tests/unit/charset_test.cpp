// Character sets: labels, declarations, detection of legacy Vietnamese
// encodings, and text misread as windows-1252 read again.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "indexer/readers/charset.hpp"
#include "support.hpp"

using vankien::readers::canonical_encoding;
using vankien::readers::declared_charset;
using vankien::readers::decode_text;

namespace {

// One sentence in each encoding; written here, not taken from any source.
const std::string sentence = "Nghị quyết của Ban Chấp hành Đảng bộ huyện về công tác xây dựng Đảng trong nhiệm kỳ mới";
const std::string tcvn3 =
    "Ngh\xDE quy\xD5t c\xF1" "a Ban Ch\xCAp h\xB5nh \xA7\xB6ng b\xE9 huy\xD6n v\xD2 c\xABng t\xB8"
    "c x\xA9y d\xF9ng \xA7\xB6ng trong nhi\xD6m k\xFA m\xEDi";
const std::string vni =
    "Ngh\xF2 quye\xE1t cu\xFB" "a Ban Cha\xE1p ha\xF8nh \xD1" "a\xFBng bo\xE4 huye\xE4n ve\xE0 co\xE2ng ta\xF9"
    "c xa\xE2y d\xF6\xEFng \xD1" "a\xFBng trong nhie\xE4m ky\xF8 m\xF4\xF9i";
const std::string viscii =
    "Ngh\xB8 quy\xAAt c\xFC" "a Ban Ch\xA4p h\xE0nh \xD0\xE4ng b\xB5 huy\xAEn v\xAB c\xF4ng t\xE1"
    "c x\xE2y d\xF1ng \xD0\xE4ng trong nhi\xAEm k\xCF m\xBEi";
const std::string windows_1258 =
    "Nghi\xF2 quy\xEA\xECt cu\xD2" "a Ban Ch\xE2\xECp ha\xCCnh \xD0" "a\xD2ng b\xF4\xF2 huy\xEA\xF2n v\xEA\xCC c\xF4ng ta\xEC"
    "c x\xE2y d\xFD\xF2ng \xD0" "a\xD2ng trong nhi\xEA\xF2m ky\xCC m\xF5\xECi";

}  // namespace

TEST_CASE("encoding names and their aliases") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"UTF-8", "utf-8"},           {"utf8", "utf-8"},
      {"ISO-8859-1", "windows-1252"}, {"latin1", "windows-1252"}, {"us-ascii", "windows-1252"},
      {"Windows-1258", "windows-1258"}, {"cp1258", "windows-1258"},
      {"TCVN3", "tcvn3"},           {"ABC", "tcvn3"},             {"tcvn", "tcvn3"},
      {"VNI", "vni-windows"},       {"vni_windows", "vni-windows"}, {"VISCII", "viscii"},
      {"\"utf-8\"", "utf-8"},
  };
  for (const auto& [label, name] : cases) {
    CAPTURE(label);
    CHECK(canonical_encoding(label) == name);
  }
  CHECK_FALSE(canonical_encoding("koi8-r"));
  CHECK_FALSE(canonical_encoding(""));
}

TEST_CASE("the charset a document declares in its first 1,024 bytes") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"<html><head><meta charset=\"windows-1258\">", "windows-1258"},
      {"<meta charset=utf-8>", "utf-8"},
      {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=TCVN3\">", "TCVN3"},
      {"<?xml version=\"1.0\" encoding=\"VISCII\"?><documents/>", "VISCII"},
      {"<html><body>no declaration</body></html>", ""},
      {std::string(1100, ' ') + "<meta charset=\"viscii\">", ""},
  };
  for (const auto& [head, charset] : cases) {
    CAPTURE(head.substr(0, 60));
    CHECK(declared_charset(head) == charset);
  }
}

TEST_CASE("each encoding is detected from the text, with or without a label") {
  struct Case {
    std::string behaviour;
    std::string bytes;
    std::string encoding;
    std::string how;
  };
  const std::string label_1252 = "<meta charset=\"windows-1252\">\n";
  const std::vector<Case> cases = {
      {"TCVN3 without a label", tcvn3, "tcvn3", "detected"},
      {"VNI-Windows without a label", vni, "vni-windows", "detected"},
      {"VISCII without a label", viscii, "viscii", "detected"},
      {"windows-1258 without a label", windows_1258, "windows-1258", "detected"},
      {"TCVN3 labelled windows-1252 (the usual mislabel)", label_1252 + tcvn3, "tcvn3", "detected"},
      {"VNI labelled iso-8859-1", "<meta charset=iso-8859-1>" + vni, "vni-windows", "detected"},
      {"a correct label", "<meta charset=\"VISCII\">" + viscii, "viscii", "declared"},
      {"French in windows-1252", "La soci\xE9t\xE9 g\xE9n\xE9rale \xE0 Paris, caf\xE9 cr\xE8me", "windows-1252", "detected"},
      {"UTF-8 labelled windows-1252", label_1252 + sentence, "utf-8", "utf-8"},
      {"TCVN3 misread as windows-1252 and saved as UTF-8",
       "NghÞ quyÕt cña Ban ChÊp hµnh §¶ng bé huyÖn vÒ c«ng t¸c x©y dùng §¶ng trong nhiÖm kú míi", "tcvn3", "repaired"},
      {"VNI misread as windows-1252 and saved as UTF-8",
       "Nghò quyeát cuûa Ban Chaáp haønh Ñaûng boä huyeän veà coâng taùc xaây döïng Ñaûng trong nhieäm kyø môùi",
       "vni-windows", "repaired"},
      {"Latin-1 letters that are Vietnamese stay UTF-8", "Hà Nam, Tây Ninh và Cà Mau", "utf-8", "utf-8"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.behaviour);
    const auto decoded = decode_text(c.bytes);
    CHECK(decoded.encoding == c.encoding);
    CHECK(decoded.how == c.how);
    CHECK(decoded.bad_offset == std::string::npos);
    const std::string text = decoded.text.empty() ? c.bytes : decoded.text;
    if (c.encoding != "utf-8" && c.encoding != "windows-1252") CHECK(text.ends_with(sentence));
  }
}

TEST_CASE("damaged UTF-8 is refused at its first bad byte, not read as a legacy encoding") {
  const auto damaged = decode_text("Nghị quyết \xFF của Đảng");
  CHECK(damaged.encoding == "utf-8");
  CHECK(damaged.bad_offset == 15);
  const auto forced = decode_text(tcvn3, "utf-8");
  CHECK(forced.how == "forced");
  CHECK(forced.bad_offset == 3);
}

TEST_CASE("a forced encoding is used as given") {
  const auto decoded = decode_text(tcvn3, "tcvn3");
  CHECK(decoded.how == "forced");
  CHECK(decoded.text == sentence);
  // Forced wrong, the text is what that encoding makes of the bytes.
  CHECK(decode_text(tcvn3, "windows-1252").text.starts_with("NghÞ"));
}

TEST_CASE("windows-1258 decodes to NFC, however long the text") {
  std::string bytes;
  for (int i = 0; i < 40000; ++i) bytes += windows_1258 + "\n";  // past one conversion piece
  const auto decoded = decode_text(bytes, "windows-1258");
  REQUIRE(decoded.text.size() == (sentence.size() + 1) * 40000);
  CHECK(decoded.text.substr(0, sentence.size()) == sentence);
  CHECK(decoded.text.substr(decoded.text.size() - sentence.size() - 1, sentence.size()) == sentence);
  CHECK(vankien::test::to_nfc(decoded.text) == decoded.text);
}

TEST_CASE("real data: every legacy vector file is detected and decoded") {
  const auto data = vankien::test::shared_data("legacy encoding detection");
  if (!data) return;
  const std::vector<std::pair<std::string, std::string>> encodings = {
      {"tcvn3", "tcvn3"}, {"vni-win", "vni-windows"}, {"viscii", "viscii"},
      {"windows-1258", "windows-1258"}, {"windows-1258-pre", "windows-1258"}};
  for (const auto& [suffix, name] : encodings) {
    CAPTURE(suffix);
    const auto dir = *data / "legacy-encodings";
    const std::string bytes = vankien::test::read_file(dir / ("sentences." + suffix + ".bin"));
    const std::string expected = vankien::test::read_file(dir / ("sentences.expected." + suffix + ".txt"));
    const auto decoded = decode_text(bytes);
    CHECK(decoded.encoding == name);
    CHECK(decoded.text == expected);
  }
}
