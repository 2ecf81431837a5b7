// Metadata extraction: one fixture or one rule per case.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support.hpp"
#include "vankien/error.hpp"
#include "vankien/metadata.hpp"
#include "vankien/reader.hpp"
#include "vankien/schema.hpp"
#include "vankien/text.hpp"

using vankien::Access;
using vankien::Document;

namespace {

const vankien::MetadataExtractor& extractor() {
  static const vankien::MetadataExtractor instance(vankien::test::data_dir());
  return instance;
}

Document completed(std::string body) {
  Document document;
  document.body = std::move(body);
  extractor().complete(document);
  return document;
}

// A post whose title was given apart from its body, as portal exports give it.
Document completed_post(std::string title, std::string body, std::string date = {}) {
  Document document;
  document.title = std::move(title);
  document.body = std::move(body);
  document.date = std::move(date);
  extractor().complete(document);
  return document;
}

Document completed_fixture(std::string_view name) {
  std::vector<Document> documents;
  vankien::read_file(vankien::test::fixture(name), {},
                     [&](Document&& d) { documents.push_back(std::move(d)); },
                     [](vankien::Problem&& p) { FAIL(p.to_string()); });
  REQUIRE(documents.size() == 1);
  extractor().complete(documents[0]);
  return documents[0];
}

}  // namespace

TEST_CASE("metadata of the project's fixtures") {
  struct Expected {
    const char* fixture;
    std::string title, type, number, numbering, issuer, date, district, province, successor,
        term;
    bool term_inferred;
    std::string author;
    Access access;
    std::string first_topic;
  };
  const std::vector<Expected> cases = {
      {"article_cho_moi.txt", "HUYỆN CHỢ MỚI NÂNG CAO CHẤT LƯỢNG SINH HOẠT CHI BỘ", "Bài viết", "",
       "", "", "", "Chợ Mới", "Bắc Kạn", "Thái Nguyên", "2020-2025", false, "Nông Văn Tuấn",
       Access::public_, "Xây dựng Đảng, tổ chức cán bộ"},
      {"resolution_bach_thong.txt",
       "NGHỊ QUYẾT về đổi mới phương thức lãnh đạo của cấp ủy cơ sở", "Nghị quyết", "12-NQ/HU",
       "party", "Huyện ủy Bạch Thông", "2019-03-15", "Bạch Thông", "Bắc Kạn", "Thái Nguyên",
       "2015-2020", true, "", Access::public_, "Xây dựng Đảng, tổ chức cán bộ"},
      {"directive_secret.md",
       "CHỈ THỊ về tăng cường công tác quốc phòng, an ninh khu vực biên giới", "Chỉ thị",
       "07-CT/TU", "party", "Tỉnh ủy Cao Bằng", "2018-02-03", "", "Cao Bằng", "", "2015-2020",
       true, "", Access::confidential, "Quốc phòng - an ninh"},
      {"state_plan.txt", "KẾ HOẠCH Triển khai chương trình xây dựng nông thôn mới năm 2021",
       "Kế hoạch", "155/KH-UBND", "state", "Ủy ban nhân dân huyện Na Rì", "2021-05-20", "Na Rì",
       "Bắc Kạn", "Thái Nguyên", "", false, "", Access::public_, "Kinh tế - xã hội"},
  };
  for (const Expected& e : cases) {
    CAPTURE(e.fixture);
    const Document d = completed_fixture(e.fixture);
    CHECK(d.title == e.title);
    CHECK(d.type == e.type);
    CHECK(d.number == e.number);
    CHECK(d.numbering == e.numbering);
    CHECK(d.issuer == e.issuer);
    CHECK(d.date == e.date);
    CHECK(d.district == e.district);
    CHECK(d.province == e.province);
    CHECK(d.successor_province == e.successor);
    CHECK(d.term == e.term);
    CHECK(d.term_inferred == e.term_inferred);
    CHECK(d.author == e.author);
    CHECK(d.access == e.access);
    REQUIRE(!d.topics.empty());
    CHECK(d.topics.front() == e.first_topic);
  }
}

TEST_CASE("a district is found however its committee is written") {
  const std::vector<std::string> spellings = {
      "Huyện ủy Bạch Thông họp phiên thường kỳ.",
      "Hội nghị tại huyện Bạch Thông đã diễn ra.",
      "HUYỆN ỦY BẠCH THÔNG TỔ CHỨC HỘI NGHỊ",
      "Huyện uỷ Bạch Thông họp phiên thường kỳ.",
      "Đảng bộ huyện Bạch Thông tổng kết năm.",
      vankien::test::to_nfd("Huyện ủy Bạch Thông họp phiên thường kỳ."),
  };
  for (const std::string& text : spellings) {
    CAPTURE(text);
    const Document d = completed(text);
    CHECK(d.district == "Bạch Thông");
    CHECK(d.province == "Bắc Kạn");
  }
}

TEST_CASE("same-name districts are told apart by their province") {
  struct Case {
    std::string text, district, province;
  };
  const std::vector<Case> cases = {
      {"Huyện ủy Châu Thành, tỉnh Tiền Giang tổng kết công tác năm.", "Châu Thành", "Tiền Giang"},
      {"Huyện ủy Châu Thành (tỉnh Bến Tre) tổng kết công tác năm.", "Châu Thành", "Bến Tre"},
      // No province named: the mention stays unresolved rather than guessed.
      {"Huyện ủy Châu Thành tổng kết công tác năm.", "", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const Document d = completed(c.text);
    CHECK(d.district == c.district);
    CHECK(d.province == c.province);
  }
}

TEST_CASE("former district names resolve to the unit") {
  const Document d = completed("Huyện ủy Từ Liêm, thành phố Hà Nội họp bàn công tác cán bộ.");
  CHECK(d.district == "Nam Từ Liêm");
  CHECK(d.province == "Hà Nội");
}

TEST_CASE("congress terms: stated, en dash, khóa, inferred") {
  struct Case {
    std::string text, term;
    bool inferred;
  };
  const std::vector<Case> cases = {
      {"Tiêu đề\n\nnhiệm kỳ 2015-2020 đã qua.", "2015-2020", false},
      {"Tiêu đề\n\nnhiệm kỳ 2015 - 2020 đã qua.", "2015-2020", false},
      {"Tiêu đề\n\nnhiệm kỳ 2020\xE2\x80\x93" "2025 đã qua.", "2020-2025", false},
      // Shorter terms (a branch's, an association's) are read as written; longer or reversed ones are none.
      {"Tiêu đề\n\nChi bộ nhiệm kỳ 2020-2022 đã qua.", "2020-2022", false},
      {"Tiêu đề\n\nnhiệm kỳ 2015-2025 là sai.", "", false},
      {"Tiêu đề\n\nnhiệm kỳ 2020-2015 là sai.", "", false},
      // Typed with i for y, or with a mark missing.
      {"Tiêu đề\n\nĐại hội Đảng bộ huyện nhiệm kì 2020-2025.", "2020-2025", false},
      {"Tiêu đề\n\nĐại hội Đảng bộ huyện nhiêm kỳ 2020-2025.", "2020-2025", false},
      // Passing mentions of other bodies' terms are not the document's.
      {"Tiêu đề\n\nBầu cử đại biểu HĐND các cấp nhiệm kỳ 2021-2026.", "", false},
      {"Tiêu đề\n\nĐại hội Đoàn Thanh niên huyện nhiệm kỳ 2022-2027.", "", false},
      {"Tiêu đề\n\nSau Đại hội đại biểu MTTQ Việt Nam huyện lần thứ V, nhiệm kỳ 2019-2024, Mặt trận đổi mới.", "", false},
      {"Tiêu đề\n\nTiến tới Đại hội đại biểu Đoàn TNCS Hồ Chí Minh huyện, nhiệm kỳ 2022-2027.", "", false},
      {"Tiêu đề\n\nBầu cử HĐND nhiệm kỳ 2021-2026; Đại hội Đảng bộ nhiệm kỳ 2020-2025.", "2020-2025", false},
      {"Tiêu đề\n\nĐại hội Đảng bộ Ủy ban nhân dân tỉnh nhiệm kỳ 2020-2025.", "2020-2025", false},
      {"Tiêu đề\n\nHội nghị của UBND huyện. Nhiệm kỳ 2020-2025 của Đảng bộ đạt nhiều kết quả.", "2020-2025", false},
      {"Số 05-KL/TW    Hà Nội, ngày 10 tháng 3 năm 2022\n\nKẾT LUẬN\nvề công tác\n\nBộ Chính trị khóa XIII kết luận.",
       "2021-2026", false},
      {"Số 05-KL/TW    Hà Nội, ngày 10 tháng 3 năm 2017\n\nKẾT LUẬN\nvề công tác\n\nnội dung", "2016-2021", true},
      {"Số 05-KL/HU    Bạch Thông, ngày 10 tháng 3 năm 2017\n\nKẾT LUẬN\nvề công tác\n\nnội dung", "2015-2020", true},
      // A congress year: the committee in office before its congress, the new one after.
      {"Số 05-KL/HU    Bạch Thông, ngày 10 tháng 3 năm 2020\n\nKẾT LUẬN\nvề công tác\n\nnội dung", "2015-2020", true},
      {"Số 05-KL/HU    Bạch Thông, ngày 10 tháng 8 năm 2020\n\nKẾT LUẬN\nvề công tác\n\nnội dung", "2020-2025", true},
      {"Số 05-KL/TW    Hà Nội, ngày 10 tháng 1 năm 2021\n\nKẾT LUẬN\nvề công tác\n\nnội dung", "2016-2021", true},
      {"Số 05-KL/TW    Hà Nội, ngày 10 tháng 3 năm 2021\n\nKẾT LUẬN\nvề công tác\n\nnội dung", "2021-2026", true},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const Document d = completed(c.text);
    CHECK(d.term == c.term);
    CHECK(d.term_inferred == c.inferred);
  }
}

TEST_CASE("parse_date reads the date forms of Party texts") {
  struct Case {
    std::string text;
    std::string iso;  // empty: not a date
  };
  const std::vector<Case> cases = {
      {"2019-03-15", "2019-03-15"},
      {"ngày 15 tháng 3 năm 2019", "2019-03-15"},
      {"ngày 03 tháng 02 năm 2018", "2018-02-03"},
      {"15/3/2019", "2019-03-15"},
      {"01-10-1997", "1997-10-01"},
      {"28.10.2020", "2020-10-28"},
      {"29/2/2020", "2020-02-29"},
      {"29/2/2019", ""},
      {"30/02/2019", ""},
      {"2019-02-30", ""},
      {"31/4/2019", ""},
      {"15/13/2019", ""},
      {"15/3/19", ""},
      {"15/3-2019", ""},
      {"tháng 3 năm 2019", ""},
      {"hôm qua", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(vankien::parse_date(c.text).value_or("") == c.iso);
  }
}

TEST_CASE("given fields win and are checked") {
  Document d;
  d.body = "Huyện ủy Bạch Thông họp. Số 12-NQ/HU";
  d.district = "Cao Lộc";
  d.province = "Lạng Sơn";
  d.date = "20/06/2020";
  d.type = "nghi_quyet";
  d.topics = {"dan_van"};
  extractor().complete(d);
  CHECK(d.district == "Cao Lộc");
  CHECK(d.province == "Lạng Sơn");
  CHECK(d.date == "2020-06-20");
  CHECK(d.type == "Nghị quyết");
  CHECK(d.topics == std::vector<std::string>{"Dân vận"});

  Document impossible;
  impossible.body = "nội dung";
  impossible.date = "2019-02-30";
  CHECK_THROWS_AS(extractor().complete(impossible), vankien::Error);

  Document bad_term;
  bad_term.body = "nội dung";
  bad_term.term = "2015-2025";  // longer than a term (a shorter one is read as written)
  CHECK_THROWS_AS(extractor().complete(bad_term), vankien::Error);
  Document short_term;
  short_term.body = "nội dung";
  short_term.term = "2020 - 2022";
  extractor().complete(short_term);
  CHECK(short_term.term == "2020-2022");

  Document empty;
  empty.body = " \n ";
  CHECK_THROWS_AS(extractor().complete(empty), vankien::Error);
}

TEST_CASE("access marks only raise the level, and only when alone") {
  struct Case {
    std::string text;
    Access access;
  };
  const std::vector<Case> cases = {
      {"TIÊU ĐỀ\n\nBài viết về bảo vệ bí mật nhà nước.", Access::public_},
      {"MẬT\n\nTIÊU ĐỀ\n\nnội dung", Access::confidential},
      {"TỐI MẬT\n\nTIÊU ĐỀ\n\nnội dung", Access::secret},
      {"TUYỆT MẬT\n\nTIÊU ĐỀ\n\nnội dung", Access::top_secret},
      {"TIÊU ĐỀ\n\nnội dung\n\nLƯU HÀNH NỘI BỘ", Access::internal},
      {"Số 1-TB/HU     MẬT\n\nTHÔNG BÁO\nvề việc\n\nnội dung", Access::confidential},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(completed(c.text).access == c.access);
  }
  Document given;
  given.body = "MẬT\n\nTIÊU ĐỀ\n\nnội dung";
  given.access = Access::top_secret;
  extractor().complete(given);
  CHECK(given.access == Access::top_secret);
}

TEST_CASE("parse_access and facet_key") {
  CHECK(vankien::parse_access("Tối mật") == Access::secret);
  CHECK(vankien::parse_access("toi_mat") == Access::secret);
  CHECK(vankien::parse_access("LƯU HÀNH NỘI BỘ") == Access::internal);
  CHECK(vankien::parse_access("confidential") == Access::confidential);
  CHECK_FALSE(vankien::parse_access("very secret"));
  CHECK(vankien::schema::facet_key("Bạch Thông") == "bach_thong");
  CHECK(vankien::schema::facet_key("nghị_quyết") == "nghi_quyet");
  CHECK(vankien::schema::facet_key("Xây dựng Đảng, tổ chức cán bộ") ==
        "xay_dung_dang_to_chuc_can_bo");
  CHECK(vankien::schema::facet_key(" -- ") == "");
}

TEST_CASE("an access mark reads among its decoration, and a paragraph is never one") {
  struct Case {
    const char* name;
    std::string text;
    std::optional<Access> access;
  };
  const std::string long_tail(70, 'x');
  const Case cases[] = {
      {"stars around", "*** MẬT ***", Access::confidential},
      {"brackets and a colon", "[Lưu hành nội bộ]:", Access::internal},
      {"dashes and dots", "-- tối mật ..", Access::secret},
      {"decomposed, in capitals", vankien::test::to_nfd("TUYỆT MẬT"), Access::top_secret},
      {"decoration alone", " *** ", std::nullopt},
      {"a sentence starting with the word", "Mật độ dân số tăng nhanh trong những năm gần đây.", std::nullopt},
      {"a mark then a long tail", "MẬT " + long_tail, std::nullopt},
      {"long decoration around a mark", std::string(80, '*') + " MẬT " + std::string(80, '*'), Access::confidential},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CHECK(vankien::parse_access(c.text) == c.access);
  }
}

TEST_CASE("topics count diacritic and tone-style variants") {
  const Document styled = completed("TIÊU ĐỀ\n\nCông tác tuyên truyền, quán triệt và học tập nghị quyết.");
  const Document decomposed = completed(vankien::test::to_nfd(
      "TIÊU ĐỀ\n\nCông tác tuyên truyền, quán triệt và học tập nghị quyết."));
  REQUIRE(!styled.topics.empty());
  CHECK(styled.topics.front() == "Tuyên giáo");
  CHECK(decomposed.topics == styled.topics);
  CHECK(completed("TIÊU ĐỀ\n\nTrời hôm nay nắng.").topics.empty());
}

TEST_CASE("a very long first line makes a title cut between words") {
  std::string line;
  while (line.size() < 2000) line += "Đảng bộ huyện lãnh đạo ";
  const Document d = completed(line + "\n\nnội dung");
  CHECK(d.title.size() < 420);
  CHECK(d.title.ends_with("…"));
  CHECK(vankien::normalize(d.title).find("\xEF\xBF\xBD") == std::string::npos);  // no U+FFFD
}

TEST_CASE("the author is a capitalised name alone on the last line") {
  struct Case {
    std::string last_line, author;
  };
  const std::vector<Case> cases = {
      {"Hoàng Sim", "Hoàng Sim"},
      {"Đặng Thị Ánh Tuyết", "Đặng Thị Ánh Tuyết"},
      {"đặng thị tuyết", ""},
      {"Theo Báo Bắc Kạn.", ""},
      {"Năm 2019", ""},
      {"Một Hai Ba Bốn Năm Sáu", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.last_line);
    CHECK(completed("TIÊU ĐỀ\n\nĐoạn mở đầu.\n\nNội dung bài.\n\n" + c.last_line).author == c.author);
  }
}

TEST_CASE("Central Highlands names match in every spelling; the gazetteer's is stored") {
  struct Case {
    std::string text, district, province;
  };
  const std::vector<Case> cases = {
      {"Huyện ủy Đắk Song tổ chức hội nghị.", "Đắk Song", "Đắk Nông"},
      {"Huyện ủy Đăk Song tổ chức hội nghị.", "Đắk Song", "Đắk Nông"},
      {"Huyện ủy Đak Song tổ chức hội nghị.", "Đắk Song", "Đắk Nông"},
      {"Huyện ủy Dak Song tổ chức hội nghị.", "Đắk Song", "Đắk Nông"},
      {"Huyện ủy Đắk Glong tổ chức hội nghị.", "Đăk Glong", "Đắk Nông"},
      {"Đảng bộ huyện Krong Nô tổ chức đại hội.", "Krông Nô", "Đắk Nông"},
      {"Huyện ủy Cu Jút chỉ đạo.", "Cư Jút", "Đắk Nông"},
      {"Huyện ủy Ea Grai chỉ đạo.", "Ia Grai", "Gia Lai"},
      {"Huyện ủy M'Đrắk chỉ đạo.", "M'Đrắk", "Đắk Lắk"},
      {"Huyện ủy M'Drắk chỉ đạo.", "M'Đrắk", "Đắk Lắk"},
      {"Huyện ủy Cư M’gar chỉ đạo.", "Cư M'gar", "Đắk Lắk"},
      {"Huyện ủy M’Đrắk chỉ đạo.", "M'Đrắk", "Đắk Lắk"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const Document d = completed(c.text);
    CHECK(d.district == c.district);
    CHECK(d.province == c.province);
  }
}

TEST_CASE("a source's district applies only when the text names no other unit") {
  struct Case {
    std::string behaviour, body, district, province;
  };
  const std::vector<Case> cases = {
      {"no unit in the text", "Hội nghị sơ kết công tác dân vận sáu tháng đầu năm.", "Đắk Song", "Đắk Nông"},
      {"the source's province in passing", "Huyện ủy chỉ đạo các cấp ủy.\nTheo kế hoạch của Tỉnh ủy Đắk Nông.",
       "Đắk Song", "Đắk Nông"},
      {"another province in passing", "Huyện ủy chỉ đạo các cấp ủy.\nĐoàn công tác tỉnh Đắk Lắk đến thăm.",
       "Đắk Song", "Đắk Nông"},
      {"a post about the source's province", "Tỉnh ủy Đắk Nông chỉ đạo các cấp ủy.", "", "Đắk Nông"},
      {"another district: the text's", "Huyện ủy Bạch Thông tổ chức hội nghị. Huyện ủy Bạch Thông chỉ đạo.",
       "Bạch Thông", "Bắc Kạn"},
      {"another province: the text's, without a district", "Tỉnh ủy Bắc Kạn chỉ đạo các cấp ủy.", "", "Bắc Kạn"},
      {"a central document is about the country",
       "BAN CHẤP HÀNH TRUNG ƯƠNG\nSố 35-NQ/TW\nNGHỊ QUYẾT\nvề công tác xây dựng Đảng", "", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.behaviour);
    Document d;
    d.body = c.body;
    d.default_district = "Đăk Song";
    d.default_province = "Đắk Nông";
    extractor().complete(d);
    CHECK(d.district == c.district);
    CHECK(d.province == c.province);
  }
  Document only_province;
  only_province.body = "Hội nghị sơ kết công tác dân vận.";
  only_province.default_province = "Đắk Nông";
  extractor().complete(only_province);
  CHECK(only_province.district.empty());
  CHECK(only_province.province == "Đắk Nông");
}

TEST_CASE("the title and lead count as evidence for places and topics") {
  Document d;
  d.title = "Huyện ủy Na Rì tổng kết công tác dân vận";
  d.body = "Hội nghị đánh giá kết quả năm qua và đề ra nhiệm vụ năm tới.";
  extractor().complete(d);
  CHECK(d.district == "Na Rì");
  CHECK(std::find(d.topics.begin(), d.topics.end(), "Dân vận") != d.topics.end());
}

TEST_CASE("ISO timestamps are dates: the day where they were written") {
  const std::vector<std::pair<std::string, std::optional<std::string>>> cases = {
      {"2020-06-05T15:02:00+07:00", "2020-06-05"}, {"2020-06-05T23:59:59.123Z", "2020-06-05"},
      {"2020-06-05 08:15", "2020-06-05"},          {"2020-06-05T08:15:00-0500", "2020-06-05"},
      {"2020-06-05 08:15:00 +07:00", "2020-06-05"}, {"2020-02-30T10:00:00+07:00", std::nullopt},
      {"2020-06-05T25", std::nullopt},             {"2020-06-05 and more", std::nullopt},
  };
  for (const auto& [text, date] : cases) {
    CAPTURE(text);
    CHECK(vankien::parse_date(text) == date);
  }
}

TEST_CASE("numbers written with spaces or any dash are stored as numbers are written") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"BAN CHẤP HÀNH TRUNG ƯƠNG\nSố 35- NQ/TW\nNGHỊ QUYẾT\nvề công tác xây dựng Đảng", "35-NQ/TW"},
      {"HUYỆN ỦY BẠCH THÔNG\nSố 12 – NQ/HU\nNGHỊ QUYẾT\nvề công tác dân vận", "12-NQ/HU"},
      {"HỘI ĐỒNG NHÂN DÂN\nSố: 06/NQ\u2011HĐND\nNGHỊ QUYẾT\nvề ngân sách", "06/NQ-HĐND"},
  };
  for (const auto& [body, number] : cases) {
    CAPTURE(body);
    CHECK(completed(body).number == number);
  }
  Document given;
  given.body = "Nội dung";
  given.number = "158/2007/NĐ – CP";
  extractor().complete(given);
  CHECK(given.number == "158/2007/NĐ-CP");
}

TEST_CASE("periods and ranges give their first day and say how much is known") {
  struct Case {
    std::string text, iso, precision;  // iso empty: not a date
  };
  const std::vector<Case> cases = {
      {"15/3/2019", "2019-03-15", "day"},
      {"ngày 15 tháng 3 năm 2019", "2019-03-15", "day"},
      {"2020-06-05T15:02:00+07:00", "2020-06-05", "day"},
      {"tháng 5/2020", "2020-05-01", "month"},
      {"tháng 5 năm 2020", "2020-05-01", "month"},
      {"Tháng 12-2019", "2019-12-01", "month"},
      {"2020-05", "2020-05-01", "month"},
      {"quý I/2025", "2025-01-01", "quarter"},
      {"Quý IV năm 2024", "2024-10-01", "quarter"},
      {"quý 3/2023", "2023-07-01", "quarter"},
      {"năm 2020", "2020-01-01", "year"},
      {"2020", "2020-01-01", "year"},
      {"19-23/1/2026", "2026-01-19", "range"},
      {"10/4 - 12/4/2025", "2025-04-10", "range"},
      {"từ ngày 10/4 đến ngày 12/4/2025", "2025-04-10", "range"},
      {"từ ngày 28/12/2024 đến ngày 2/1/2025", "2024-12-28", "range"},
      {"tháng 13/2020", "", ""},
      {"quý V/2025", "", ""},
      {"30-31/2/2026", "", ""},
      {"từ ngày 10/4 đến hôm nay", "", ""},
      {"năm ngoái", "", ""},
      {"từ ngày 28/12 đến ngày 3/1/2026", "2025-12-28", "range"},
      {"23-19/1/2026", "", ""},
      {"19-23/x/2026", "", ""},
      {"19-23/12345/2026", "", ""},
      {"quý I/1900", "", ""},
      {"quý 4/2150", "", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const auto value = vankien::parse_date_value(c.text);
    CHECK(value.has_value() == !c.iso.empty());
    if (!value) continue;
    CHECK(value->iso == c.iso);
    CHECK(value->precision == c.precision);
  }
  // A given period is stored with its precision.
  Document given;
  given.body = "Nội dung";
  given.date = "quý II/2025";
  extractor().complete(given);
  CHECK(given.date == "2025-04-01");
  CHECK(given.date_precision == "quarter");
}

TEST_CASE("a date attached to a cited number is not the document's date") {
  const Document cited = completed(
      "Hội nghị triển khai Nghị định 158/2007/NĐ-CP ngày 27/10/2007 của Chính phủ\n"
      "Huyện ủy Bạch Thông tổ chức hội nghị quán triệt các văn bản mới.");
  CHECK(cited.date.empty());
  const Document own = completed("HUYỆN ỦY BẠCH THÔNG\tĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-NQ/HU\tPhủ Thông, ngày 15 tháng 3 năm 2019\n"
                                 "NGHỊ QUYẾT\nvề công tác dân vận");
  CHECK(own.date == "2019-03-15");
  CHECK(own.date_precision == "day");
}

TEST_CASE("a place and date line ends with its date within its first words") {
  struct Case {
    std::string name;
    std::string place;
    std::string date;  // empty: not read as the document's
  };
  const Case cases[] = {
      {"a place of eight words", "Phủ Thông Bạch Thông Bắc Kạn xã Cẩm", "2019-03-15"},
      {"a place of nine words", "Phủ Thông Bạch Thông Bắc Kạn xã Cẩm Giàng", ""},
      {"a sentence of forty words", std::string("Huyện ủy ") + [] {
         std::string words;
         for (int i = 0; i < 20; ++i) words += "chỉ đạo ";
         return words;
       }() + "các xã", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const Document document = completed("HUYỆN ỦY BẠCH THÔNG\tĐẢNG CỘNG SẢN VIỆT NAM\nSố 12-NQ/HU\t" + c.place +
                                        ", ngày 15 tháng 3 năm 2019\nNGHỊ QUYẾT\nvề công tác dân vận");
    CHECK(document.date == c.date);
  }
}

TEST_CASE("only the word Số before a number starts a number line") {
  struct Case {
    std::string first_lines;
    bool formal;
  };
  const std::vector<Case> cases = {
      {"Số 12-NQ/HU\nNGHỊ QUYẾT\nvề công tác dân vận", true},
      {"HUYỆN ỦY BẠCH THÔNG\nSố: 155/KH-HU\nKẾ HOẠCH\nthực hiện", true},
      {"So 12-NQ/HU\nNGHI QUYET\nve cong tac dan van", true},  // an unaccented document
      {"Sơn La đẩy mạnh công tác dân vận\nHuyện ủy tổ chức hội nghị.", false},
      {"Song Mã tổ chức hội nghị\nHuyện ủy chỉ đạo các chi bộ.", false},
      {"Sở Nội vụ hướng dẫn sắp xếp bộ máy\nCác cơ quan thực hiện.", false},
      {"Số lượng đảng viên mới tăng\nHuyện ủy kết nạp 120 đảng viên.", false},
      {"So voi nam truoc\nKet qua tot hon.", false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.first_lines);
    const Document d = completed(c.first_lines);
    CHECK((d.type != "Bài viết") == c.formal);
  }
}

TEST_CASE("a post's own date, in order of evidence") {
  struct Case {
    std::string behaviour, title, body, date;
  };
  const std::vector<Case> cases = {
      {"a place-and-date line wins over the lead", "",
       "HUYỆN ỦY ĐẮK SONG\tĐẢNG CỘNG SẢN VIỆT NAM\nSố 120-KH/HU\tĐắk Song, ngày 27 tháng 5 năm 2020\n"
       "KẾ HOẠCH\ntriển khai\nNgày 3/6/2020, các chi bộ tổ chức sinh hoạt.",
       "2020-05-27"},
      {"a signature block's place-and-date line", "Báo cáo",
       "Kết quả công tác dân vận quý I.\nCác chi bộ thực hiện tốt.\nĐắk Song, ngày 2 tháng 4 năm 2021\nT/M BAN THƯỜNG VỤ",
       "2021-04-02"},
      {"a byline above the lead", "Hội nghị sơ kết",
       "Thứ Sáu, 05/06/2020 - 15:02\nHuyện ủy tổ chức hội nghị sơ kết vào ngày 3/6/2020.\nNội dung.", "2020-06-05"},
      {"a byline at the end", "Hội nghị sơ kết",
       "Huyện ủy tổ chức hội nghị sơ kết.\nNội dung hội nghị.\n(Cập nhật: 12/05/2020 08:15)", "2020-05-12"},
      {"a date that starts the lead", "Hội nghị",
       "Sáng 13/12/2019, Ban Thường vụ Huyện ủy tổ chức hội nghị.\nNội dung.", "2019-12-13"},
      {"the lead's date beside a cited number is skipped", "Hội nghị",
       "Thực hiện Kế hoạch 120-KH/HU ngày 5/5/2020, sáng 12/6/2020 Huyện ủy tổ chức hội nghị.\nNội dung.",
       "2020-06-12"},
      {"a cited document's date after its issuer", "Hội nghị",
       "Triển khai Chỉ thị 05-CT/TW của Bộ Chính trị ngày 15/5/2016, Huyện ủy tổ chức hội nghị.\nNội dung.", ""},
      {"a cited decree's date", "",
       "Hội nghị triển khai Nghị định 158/2007/NĐ-CP ngày 27/10/2007 của Chính phủ\nHuyện ủy tổ chức hội nghị.", ""},
      {"a day without a year takes the year the post names", "Tổng kết",
       "Ngày 13/12, Huyện ủy tổng kết công tác năm 2019, triển khai nhiệm vụ năm 2020.\nNội dung.",
       "2019-12-13"},
      {"in January the year named last", "Triển khai nhiệm vụ",
       "Ngày 15/1, Huyện ủy triển khai nhiệm vụ năm 2020 sau khi tổng kết năm 2019.\nNội dung.", "2020-01-15"},
      {"a full date elsewhere gives the year", "Kỷ niệm",
       "Chiều 30/1, Huyện ủy kỷ niệm 90 năm Ngày thành lập Đảng (3/2/1930 - 3/2/2020).\nNội dung.",
       "2020-01-30"},
      {"a day whose year cannot be told is no date", "Hội nghị",
       "Ngày 13/12, Huyện ủy tổ chức hội nghị.\nNội dung.", ""},
      {"a fraction is no date", "Nông thôn mới",
       "Đến nay, 3/5 xã đạt chuẩn nông thôn mới năm 2020.\nNội dung.", ""},
      {"a date further into the body is not the post's", "Hội nghị",
       "Huyện ủy tổ chức hội nghị.\nNội dung thứ hai.\nHội nghị kết thúc ngày 5/6/2020.", ""},
      {"a range in the lead gives its first day", "Đại hội",
       "Từ ngày 10/4 đến ngày 12/4/2025, các chi bộ tổ chức đại hội.\nNội dung.", "2025-04-10"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.behaviour);
    CHECK(completed_post(c.title, c.body).date == c.date);
  }
}

TEST_CASE("a post whose title was given apart: its first paragraph is the lead, bylines are neither") {
  const Document post = completed_post(
      "Huyện ủy sơ kết công tác dân vận",
      "Thứ Sáu, 05/06/2020 - 15:02\nSáng 5/6, Huyện ủy sơ kết công tác dân vận.\nNội dung.\nHoàng Sim");
  CHECK(post.lead == "Sáng 5/6, Huyện ủy sơ kết công tác dân vận.");
  CHECK(post.author == "Hoàng Sim");
  CHECK(post.date == "2020-06-05");
  // A body that starts with its title keeps the paragraph after it as the lead.
  const Document titled = completed_post("Huyện ủy sơ kết công tác dân vận",
                                         "Huyện ủy sơ kết công tác dân vận\nHuyện ủy sơ kết sáu tháng.\nNội dung.");
  CHECK(titled.lead == "Huyện ủy sơ kết sáu tháng.");
}

TEST_CASE("a term is inferred from the date only for what Party bodies issue or do") {
  struct Case {
    std::string behaviour, title, body, term;
  };
  const std::vector<Case> cases = {
      {"a district committee's news", "Huyện ủy Đắk Song sơ kết công tác dân vận",
       "Huyện ủy sơ kết.\nNội dung.", "2015-2020"},
      {"a branch's activity named in the lead", "Sinh hoạt chuyên đề",
       "Chi bộ thôn 3 tổ chức sinh hoạt chuyên đề.\nNội dung.", "2015-2020"},
      {"the People's Committee's news", "UBND huyện triển khai sản xuất vụ Đông Xuân",
       "Ủy ban nhân dân huyện tổ chức hội nghị triển khai sản xuất.\nNội dung.", ""},
      {"an association's training", "Hội Nông dân tập huấn kỹ thuật trồng cà phê",
       "Hội Nông dân huyện phối hợp tổ chức tập huấn.\nNội dung.", ""},
      {"a Party body named only deep in the body", "Tập huấn kỹ thuật trồng cà phê",
       "Trạm khuyến nông tổ chức tập huấn.\nNội dung.\nĐại diện Huyện ủy dự.", ""},
      {"a post typed without diacritics", "Huyen uy Dak Song so ket cong tac dan van",
       "Huyen uy so ket.\nNoi dung.", "2015-2020"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.behaviour);
    const Document document = completed_post(c.title, c.body, "2019-06-05");
    CHECK(document.term == c.term);
    CHECK(document.term_inferred == !c.term.empty());
  }
}

TEST_CASE("a text typed without diacritics has its topics and terms read") {
  const Document d = completed(
      "Huyen uy to chuc hoi nghi\n\nDai hoi Dang bo huyen nhiem ky 2020-2025 bau Ban Chap hanh, "
      "ket nap dang vien moi, nang cao chat luong sinh hoat chi bo.");
  CHECK(d.term == "2020-2025");
  CHECK(d.topics == std::vector<std::string>{"Đại hội, nhiệm kỳ", "Xây dựng Đảng, tổ chức cán bộ"});
}

TEST_CASE("every number a text cites is kept, as numbers are written") {
  struct Case {
    std::string behaviour, body;
    std::vector<std::string> cited;
  };
  const std::vector<Case> cases = {
      {"in order, each once", "Tin\n\nThực hiện Nghị quyết 35-NQ/TW và Chỉ thị 05-CT/TW; Nghị quyết 35-NQ/TW nêu rõ.",
       {"35-NQ/TW", "05-CT/TW"}},
      {"typed with spaces or another dash", "Tin\n\nQuán triệt Nghị quyết 35- NQ/TW, Kết luận 01 – KL/TW.",
       {"35-NQ/TW", "01-KL/TW"}},
      {"state numbers", "Tin\n\nTheo Nghị định 158/2007/NĐ-CP và Kế hoạch 45/KH-UBND.", {"158/2007/NĐ-CP", "45/KH-UBND"}},
      {"a law's number", "Tin\n\nLuật Phòng, chống tham nhũng số 36/2018/QH14 có hiệu lực.", {"36/2018/QH14"}},
      {"a year then more than an assembly", "Tin\n\nMã 10/2020/QH14/x và 5/2019/12.", {}},
      {"a file's path is none", "Tin\n\nẢnh: /uploads/2020/06/12-nq.jpg và IMG_2020/12-NQ.JPG", {}},
      {"the own number is not cited",
       "HUYỆN ỦY ĐẮK SONG\tĐẢNG CỘNG SẢN VIỆT NAM\nSố 120-KH/HU\tĐắk Song, ngày 27 tháng 5 năm 2020\n"
       "KẾ HOẠCH\nthực hiện Chỉ thị 05-CT/TW\nCăn cứ Chỉ thị 05-CT/TW, Kế hoạch 120-KH/HU ban hành.",
       {"05-CT/TW"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.behaviour);
    CHECK(completed(c.body).cited_numbers == c.cited);
  }
}

TEST_CASE("topics: the title and lead weigh more than the body, and a passing mention is no topic") {
  struct Case {
    std::string behaviour, title, body;
    std::vector<std::string> topics;
  };
  const std::vector<Case> cases = {
      {"the title's topic first", "Sơ kết công tác dân vận",
       "Hội nghị đánh giá kết quả.\nCác xã đẩy mạnh phát triển kinh tế, sản xuất nông nghiệp.\nCác đoàn thể tham gia.",
       {"Dân vận", "Kinh tế - xã hội"}},
      {"a congress named in passing", "Học tập, quán triệt nghị quyết",
       "Hội nghị học tập, quán triệt Nghị quyết Đại hội XIII, tuyên truyền sâu rộng trong cán bộ, đảng viên.\nNội dung.",
       {"Tuyên giáo"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.behaviour);
    CHECK(completed_post(c.title, c.body).topics == c.topics);
  }
}
