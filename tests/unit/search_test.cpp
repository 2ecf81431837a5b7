// Searching: the ten behaviours of VIETNAMESE.md, filters, facets, sorting,
// snippets, access control and bad queries, on documents written here.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <limits>
#include <pthread.h>
#include <thread>
#include <set>
#include <string>
#include <vector>

#include "support.hpp"
#include "vankien/indexer.hpp"
#include "vankien/search.hpp"
#include "vankien/text.hpp"

using vankien::Access;
using vankien::Document;
using vankien::Results;
using vankien::SearchRequest;
using vankien::Searcher;

namespace {

Document doc(std::string id, std::string title, std::string body) {
  Document d;
  d.id = std::move(id);
  d.title = std::move(title);
  d.body = std::move(body);
  return d;
}

// The corpus: each document exists for one or two behaviours, named in its id.
std::vector<Document> corpus() {
  std::vector<Document> docs;
  docs.push_back(doc("ban-sell", "Chợ phiên", "Người dân mang nông sản ra chợ bán hàng mỗi sáng."));
  docs.push_back(doc("ban-table", "Đồ gỗ", "Xưởng mộc đóng bàn ghế cho trường học."));
  docs.push_back(doc("ban-friend", "Tình bạn", "Những người bạn cùng thôn giúp nhau làm nhà."));
  docs.push_back(doc("adjacent", "Tin huyện", "Huyện ủy tiếp tục đổi mới phương thức lãnh đạo đối với chính quyền."));
  docs.push_back(doc("scattered", "Tin xã",
                     "Phương án mới được bàn bạc. Chính thức triển khai từ tháng sau. Lãnh đạo xã "
                     "đồng ý. Công tác đạo đức được quan tâm."));
  docs.push_back(doc("dang-party", "Đảng bộ", "Đảng bộ xã tổ chức đại hội điểm."));
  docs.push_back(doc("dang-doing", "Công trình", "Công trình đang được thi công đúng tiến độ."));
  docs.push_back(doc("tone-styles", "Hoà giải", "Tổ hoà giải ở cơ sở giúp dân khoẻ mạnh và thuỷ lợi."));
  docs.push_back(doc("nfd", "Lý luận", vankien::test::to_nfd("Bồi dưỡng lý luận chính trị cho đảng viên.")));
  Document resolution = doc("nq-12", "Nghị quyết về phương thức lãnh đạo",
                            "Số 12-NQ/HU ngày 15/3/2019 của Ban Thường vụ Huyện ủy Bạch Thông.");
  resolution.number = "12-NQ/HU";
  resolution.type = "nghi_quyet";
  resolution.date = "2019-03-15";
  resolution.district = "Bạch Thông";
  resolution.province = "Bắc Kạn";
  resolution.issuer = "Huyện ủy Bạch Thông";
  docs.push_back(resolution);
  docs.push_back(doc("cites-nq-12", "Thực hiện nghị quyết",
                     "Các xã triển khai Nghị quyết 12-NQ/HU của Huyện ủy, BTV chỉ đạo sát sao."));
  Document decision = doc("qd-5", "Quyết định", "Quyết định 5-QĐ/TU về công tác cán bộ.");
  decision.number = "5-QĐ/TU";
  decision.date = "2021-07-01";
  decision.province = "Cao Bằng";
  docs.push_back(decision);
  Document secret = doc("secret", "Mật: phương án phòng thủ", "Phương án phòng thủ khu vực biên giới, BTV.");
  secret.access = Access::secret;
  secret.district = "Bạch Thông";
  secret.province = "Bắc Kạn";
  secret.date = "2019-05-01";
  docs.push_back(secret);
  Document old = doc("old", "Báo cáo năm 2016", "Báo cáo tổng kết công tác xây dựng Đảng năm 2016.");
  old.date = "2016-12-20";
  old.district = "Chợ Mới";
  old.province = "Bắc Kạn";
  docs.push_back(old);
  return docs;
}

// A searcher over `docs` indexed into a new database in `dir`.
Searcher searcher_over(const vankien::test::TempDir& dir, std::vector<Document> docs) {
  vankien::IndexerOptions options;
  options.data_dir = vankien::test::data_dir();
  {
    vankien::Indexer indexer(dir / "db", options);
    for (Document& d : docs) indexer.add(std::move(d));
  }
  vankien::SearchOptions search_options;
  search_options.data_dir = vankien::test::data_dir();
  return Searcher({dir / "db"}, search_options);
}

// A second searcher on the database searcher_over() wrote, that never shares
// its work with a helper thread.
Searcher searcher_without_helper(const vankien::test::TempDir& dir) {
  vankien::SearchOptions options;
  options.data_dir = vankien::test::data_dir();
  options.helper_thread = false;
  return Searcher({dir / "db"}, options);
}

const Searcher& searcher() {
  static vankien::test::TempDir dir;
  static const Searcher instance = [] {
    vankien::IndexerOptions options;
    options.data_dir = vankien::test::data_dir();
    {
      vankien::Indexer indexer(dir / "db", options);
      for (Document& d : corpus()) indexer.add(std::move(d));
      indexer.commit();
    }
    vankien::SearchOptions search_options;
    search_options.data_dir = vankien::test::data_dir();
    return Searcher({dir / "db"}, search_options);
  }();
  return instance;
}

Results search(SearchRequest request) { return searcher().search(request); }

Results search_in(const Searcher& local, const std::string& query) {
  SearchRequest request;
  request.query = query;
  return local.search(request);
}

Results search(const std::string& query) {
  SearchRequest request;
  request.query = query;
  request.limit = 50;
  return search(request);
}

std::vector<std::string> ids(const Results& results) {
  std::vector<std::string> out;
  for (const auto& hit : results.hits) out.push_back(hit.document.id);
  return out;
}

// One facet's counts as "value=count;" in order, largest first.
std::string facet_counts(const Results& results, const std::string& facet) {
  std::string out;
  for (const auto& count : results.facets.at(facet)) out += count.value + "=" + std::to_string(count.count) + ";";
  return out;
}

std::vector<std::string> sorted_ids(const Results& results) {
  auto out = ids(results);
  std::sort(out.begin(), out.end());
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

}  // namespace

TEST_CASE("1. a query without diacritics finds every document the accented query finds") {
  for (const std::string query : {"bán", "phương thức lãnh đạo", "Đảng bộ", "lý luận", "hòa giải",
                                  "nghị quyết", "Ban Thường vụ"}) {
    CAPTURE(query);
    const auto accented = ids(search(query));
    const auto folded = ids(search(vankien::fold(query)));
    REQUIRE(!accented.empty());
    for (const std::string& id : accented) CHECK(contains(folded, id));
  }
}

TEST_CASE("2. syllables typed with diacritics are respected") {
  const auto sell = ids(search("bán"));
  REQUIRE(!sell.empty());
  CHECK(sell.front() == "ban-sell");
  CHECK(contains(sell, "ban-table"));  // folded recall: bàn and bạn are still found
  CHECK(contains(sell, "ban-friend"));
  CHECK(ids(search("bàn")).front() == "ban-table");
  CHECK(ids(search("bạn")).front() == "ban-friend");
  // Mixed: lãnh exact, dao folded; the same documents as the accented query.
  CHECK(sorted_ids(search("lãnh dao")) == sorted_ids(search("lãnh đạo")));
}

TEST_CASE("3. Unicode forms, tone styles, Ð and case index and query alike") {
  const auto expected = ids(search("hòa giải"));
  REQUIRE(!expected.empty());
  const std::vector<std::string> spellings = {"hoà giải", "HOÀ GIẢI", vankien::test::to_nfd("hoà giải"),
                                             vankien::test::to_mixed("hòa giải")};
  for (const std::string& query : spellings) {
    CAPTURE(query);
    CHECK(ids(search(query)) == expected);
  }
  CHECK(ids(search("khỏe")) == ids(search("khoẻ")));
  CHECK(ids(search("thủy lợi")) == ids(search("thuỷ lợi")));
  CHECK(ids(search("\xC3\x90\xE1\xBA\xA3ng bộ")) == ids(search("Đảng bộ")));  // Ð for Đ
  CHECK(contains(ids(search("lý luận")), "nfd"));  // NFD document
}

TEST_CASE("4. d matches đ when folded; đ typed is respected") {
  const auto folded = ids(search("dang"));
  CHECK(contains(folded, "dang-party"));
  CHECK(contains(folded, "dang-doing"));
  CHECK(ids(search("đang")).front() == "dang-doing");
  CHECK(ids(search("Đảng")).front() == "dang-party");
}

TEST_CASE("5. phrases work with and without diacritics") {
  CHECK(sorted_ids(search("\"phuong thuc lanh dao\"")) == std::vector<std::string>{"adjacent", "nq-12"});
  CHECK(sorted_ids(search("\"phương thức lãnh đạo\"")) == std::vector<std::string>{"adjacent", "nq-12"});
  CHECK(ids(search("\"lanh dao phuong thuc\"")).empty());
}

TEST_CASE("6. adjacent syllables rank above scattered ones") {
  const auto hits = ids(search("phương thức lãnh đạo"));
  REQUIRE(contains(hits, "scattered"));
  const auto position = [&](const std::string& id) {
    return std::find(hits.begin(), hits.end(), id) - hits.begin();
  };
  CHECK(position("adjacent") < position("scattered"));
}

TEST_CASE("6b. an abbreviation's expansion typed out ranks where its words stand together") {
  // "báo cáo" is also BC: the words typed are matched as words, re-ranked by
  // adjacency like any other run, and documents writing BC are found too.
  vankien::test::TempDir dir;
  const Searcher local = searcher_over(
      dir, {doc("scattered", "Tin xã", "Báo chí đưa tin. Cáo trạng được đọc. Báo đài. Cáo phó. Tình hình năm."),
            doc("adjacent", "Tin huyện", "Huyện ủy nghe báo cáo tình hình năm."),
            doc("abbreviated", "Tin tỉnh", "Tỉnh ủy nghe BC tình hình năm.")});
  for (const std::string query : {"báo cáo tình hình", "bao cao tinh hinh"}) {
    CAPTURE(query);
    const auto hits = ids(search_in(local, query));
    REQUIRE(hits.size() == 3);
    CHECK(hits.front() == "adjacent");
    CHECK(contains(hits, "abbreviated"));
  }
}

TEST_CASE("a short document ranks above a long one mentioning the words as often") {
  // BM25's length normalisation, done at index time (schema.hpp): the same
  // count of a word weighs more in a short text, up to a point.
  std::string filler;
  for (int i = 0; i < 300; ++i) filler += "Cán bộ xã học tập về nông thôn mới. ";
  struct Case {
    const char* name;
    std::string shorter, longer;
  };
  const std::vector<Case> cases = {
      {"a news item and a long report", "Xã tổ chức hội nghị dân vận.", "Xã tổ chức hội nghị dân vận. " + filler},
      {"a long report and a longer one", filler + "Hội nghị dân vận.", filler + filler + "Hội nghị dân vận."},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    vankien::test::TempDir dir;
    const Searcher local = searcher_over(dir, {doc("longer", "Tin", c.longer), doc("shorter", "Tin", c.shorter)});
    const std::vector<std::string> expected = {"shorter", "longer"};
    CHECK(ids(search_in(local, "hội nghị dân vận")) == expected);
  }
}

TEST_CASE("7. highlights cover folded matches and map to bytes of the original text") {
  for (const std::string query : {"lanh dao", "lãnh đạo", "LÃNH ĐẠO"}) {
    CAPTURE(query);
    const Results results = search(query);
    const auto hit = std::find_if(results.hits.begin(), results.hits.end(),
                                  [](const auto& h) { return h.document.id == "adjacent"; });
    REQUIRE(hit != results.hits.end());
    const std::string& body = hit->document.body;
    REQUIRE(hit->snippet.highlights.size() == 2);
    std::vector<std::string> marked;
    for (const auto& h : hit->snippet.highlights) marked.push_back(body.substr(h.begin, h.end - h.begin));
    CHECK(marked == std::vector<std::string>{"lãnh", "đạo"});
    CHECK(hit->snippet.html.find("<mark>lãnh</mark> <mark>đạo</mark>") != std::string::npos);
  }
  // In an NFD body the range includes the combining marks.
  const Results nfd = search("ly luan");
  const auto hit = std::find_if(nfd.hits.begin(), nfd.hits.end(),
                                [](const auto& h) { return h.document.id == "nfd"; });
  REQUIRE(hit != nfd.hits.end());
  REQUIRE(!hit->snippet.highlights.empty());
  const auto& first = hit->snippet.highlights.front();
  CHECK(hit->document.body.substr(first.begin, first.end - first.begin) == vankien::test::to_nfd("lý"));
}

TEST_CASE("7b. snippets are HTML-escaped") {
  vankien::test::TempDir dir;
  const Searcher local = searcher_over(dir, {doc("html", "x", "Điều <b>lãnh đạo</b> & \"quản lý\"")});
  const Results results = search_in(local, "lanh dao");
  REQUIRE(results.hits.size() == 1);
  CHECK(results.hits[0].snippet.html ==
        "Điều &lt;b&gt;<mark>lãnh</mark> <mark>đạo</mark>&lt;/b&gt; &amp; &quot;quản lý&quot;");
}

TEST_CASE("7c. the snippet shows the passage holding every query word, however far into the body") {
  // Position lists say where the passage is; the body must be read as far as
  // that, past chunks holding one word only, with title and lead words before it.
  std::string filler;
  for (int i = 0; i < 400; ++i) filler += "Cán bộ xã học tập nghị quyết về nông thôn mới. ";
  struct Case {
    const char* name;
    std::string title, lead, body;
  };
  const std::vector<Case> cases = {
      {"passage at the end", "Tin xã", "", "Lãnh đạo xã. " + filler + "Đổi mới phương thức lãnh đạo của Đảng."},
      {"long title and lead with the query words", "Phương thức lãnh đạo, phương thức lãnh đạo",
       "Đổi mới phương thức lãnh đạo của Đảng đối với hệ thống chính trị. " + filler,
       filler + "Đổi mới phương thức lãnh đạo của Đảng."},
      {"passage in the middle", "Tin", "", filler + "Đổi mới phương thức lãnh đạo của Đảng. " + filler},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    vankien::test::TempDir dir;
    Document d = doc("long", c.title, c.body);
    d.lead = c.lead;
    const Searcher local = searcher_over(dir, {d});
    const Results results = search_in(local, "phuong thuc lanh dao");
    REQUIRE(results.hits.size() == 1);
    const vankien::Snippet& snippet = results.hits[0].snippet;
    CHECK(snippet.html.find("<mark>phương</mark> <mark>thức</mark> <mark>lãnh</mark> <mark>đạo</mark>") !=
          std::string::npos);
    REQUIRE(snippet.highlights.size() >= 4);
    CHECK(snippet.highlights.front().begin > 1000);
  }
}

TEST_CASE("8. document codes find their document first") {
  for (const std::string query : {"12-NQ/HU", "Số 12-NQ/HU", "12-nq/hu", "so 12 nq hu", "số:12-NQ/HU"}) {
    CAPTURE(query);
    const auto hits = ids(search(query));
    REQUIRE(!hits.empty());
    CHECK(hits.front() == "nq-12");
  }
  CHECK(contains(ids(search("12-NQ/HU")), "cites-nq-12"));
  CHECK(ids(search("5-QD/TU")).front() == "qd-5");  // QD matches QĐ
}

TEST_CASE("9. abbreviations find their expansions and back") {
  CHECK(contains(ids(search("BTV")), "nq-12"));           // BTV -> Ban Thường vụ
  CHECK(contains(ids(search("Ban Thường vụ")), "cites-nq-12"));  // Ban Thường vụ -> BTV
  CHECK(contains(ids(search("btv")), "nq-12"));           // typed in lower case
}

TEST_CASE("9b. a word typed with marks is that word, not an abbreviation") {
  // "hủ" folds to "hu", the key of HU (Huyện ủy); typed with its mark it means
  // itself and must not find every document about a Huyện ủy.
  struct Case {
    const char* query;
    const char* expanded_to;  // a document only the expansion finds
    bool expands;
  };
  const std::vector<Case> cases = {
      {"HU", "adjacent", true},
      {"hu", "adjacent", true},
      {"hủ", "adjacent", false},
      {"Hư", "adjacent", false},
      {"BTV", "nq-12", true},
  };
  for (const Case& c : cases) {
    CAPTURE(c.query);
    CHECK(contains(ids(search(c.query)), c.expanded_to) == c.expands);
  }
  // "tu" in small letters is usually từ, tự or tư here, so it is not TU (Tỉnh ủy)
  // unless typed in capitals; "btv" is no syllable and stays BTV.
  vankien::test::TempDir dir;
  const Searcher local = searcher_over(dir, {doc("tinh-uy", "Tin", "Tỉnh ủy và BTV họp bàn."),
                                             doc("tu-word", "Tin", "Triển khai từ tháng sau, tự làm."),
                                             doc("ban-thuong-vu", "Tin", "Ban Thường vụ họp.")});
  const std::vector<Case> small_letters = {
      {"TU", "tinh-uy", true},
      {"Tu", "tinh-uy", false},
      {"tu", "tinh-uy", false},
      {"btv", "ban-thuong-vu", true},
  };
  for (const Case& c : small_letters) {
    CAPTURE(c.query);
    CHECK(contains(ids(search_in(local, c.query)), c.expanded_to) == c.expands);
  }
}

TEST_CASE("10. spelling variants lí/lý find each other") {
  CHECK(contains(ids(search("lí luận")), "nfd"));
  CHECK(contains(ids(search("li luan")), "nfd"));
}

TEST_CASE("filters, in the request and in the query language") {
  struct Case {
    std::string behaviour;
    SearchRequest request;
    std::vector<std::string> expected;  // sorted
  };
  auto request = [](std::string query) {
    SearchRequest r;
    r.query = std::move(query);
    r.limit = 50;
    return r;
  };
  auto with = [&](std::string query, auto set) {
    SearchRequest r = request(std::move(query));
    set(r);
    return r;
  };
  const std::vector<Case> cases = {
      {"district", with("", [](auto& r) { r.district = "Bạch Thông"; }), {"nq-12"}},
      {"district typed without marks", with("", [](auto& r) { r.district = "bach thong"; }), {"nq-12"}},
      {"district with province", with("", [](auto& r) { r.district = "Chợ Mới, Bắc Kạn"; }), {"old"}},
      {"province", with("", [](auto& r) { r.province = "Bắc Kạn"; }), {"nq-12", "old"}},
      {"successor province", with("", [](auto& r) { r.province = "Thái Nguyên"; }), {"nq-12", "old"}},
      {"term", with("", [](auto& r) { r.term = "2015-2020"; }), {"nq-12", "old"}},
      {"type", with("", [](auto& r) { r.type = "nghị quyết"; }), {"nq-12"}},
      {"issuer prefix", with("", [](auto& r) { r.issuer = "huyện ủy"; }), {"nq-12"}},
      {"number", with("", [](auto& r) { r.number = "12-nq/hu"; }), {"nq-12"}},
      {"cites", with("", [](auto& r) { r.cites = "12-NQ/HU"; }), {"cites-nq-12"}},
      {"trích_dẫn: field", request("trích_dẫn:12-NQ/HU"), {"cites-nq-12"}},
      {"year", with("", [](auto& r) { r.year = "2021"; }), {"qd-5"}},
      {"date range", with("", [](auto& r) { r.date_from = "2019-01-01"; r.date_to = "31/12/2019"; }), {"nq-12"}},
      {"open date range", with("", [](auto& r) { r.date_from = "2020-01-01"; }), {"qd-5"}},
      {"huyện: field", request("huyện:\"Bạch Thông\""), {"nq-12"}},
      {"district: field", request("district:bach_thong"), {"nq-12"}},
      {"tỉnh: field", request("tinh:\"Cao Bằng\""), {"qd-5"}},
      {"nhiệm_kỳ: field", request("nhiệm_kỳ:2020-2025 quyết định"), {"qd-5"}},
      {"loại: field", request("loại:nghị_quyết"), {"nq-12"}},
      {"số: field", request("số:12-NQ/HU"), {"nq-12"}},
      {"năm: field", request("năm:2016"), {"old"}},
      {"date range in the query", request("2019-01-01..2019-06-30"), {"nq-12"}},
      {"ngày: field", request("ngày:15/3/2019"), {"nq-12"}},
      {"NOT", request("lãnh đạo NOT huyện"), {"scattered"}},
      {"minus", request("lãnh đạo -huyện"), {"scattered"}},
      // "cho" in "nfd" matches chợ folded; "bàn ghế ... cho" is excluded.
      {"OR and parentheses", request("(chợ OR nhà) -bàn"), {"ban-friend", "ban-sell", "nfd"}},
      {"minus a marked word excludes only that spelling", request("bán -bàn"),
       {"ban-friend", "ban-sell", "nq-12"}},
      // "bàn" and "người" together in no document; "bán" or "bạn" and "người" in two.
      {"a marked word inside an excluded group excludes only that spelling", request("bán -(bàn người)"),
       {"ban-friend", "ban-sell", "ban-table", "nq-12", "scattered"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.behaviour);
    const auto found = sorted_ids(search(c.request));
    std::string listed;
    for (const auto& id : found) listed += id + " ";
    CAPTURE(listed);
    CHECK(found == c.expected);
  }
}

TEST_CASE("sorting, paging and totals") {
  SearchRequest request;
  request.province = "Bắc Kạn";
  request.sort = vankien::Sort::date_ascending;
  CHECK(ids(search(request)) == std::vector<std::string>{"old", "nq-12"});
  request.sort = vankien::Sort::date_descending;
  CHECK(ids(search(request)) == std::vector<std::string>{"nq-12", "old"});
  request.limit = 1;
  request.offset = 1;
  const Results page = search(request);
  CHECK(ids(page) == std::vector<std::string>{"old"});
  CHECK(page.hits.front().rank == 2);
  CHECK(page.total == 2);
  CHECK(page.total_lower <= page.total);
  CHECK(page.total <= page.total_upper);
  // No page at all, of a query that proximity would re-rank: only the total.
  request = {};
  request.query = "phương thức lãnh đạo";
  request.limit = 0;
  const Results none = search(request);
  CHECK(none.hits.empty());
  CHECK(none.total >= 2);
}

TEST_CASE("a matcher that stops early returns the page it would return checking every match") {
  // Documents with every word in the title outweigh the rest, so the matcher
  // can stop once it has enough of them; facets make it check every match.
  // Half the documents have none of the words, so the total cannot be told
  // from the words' frequencies alone.
  std::vector<Document> docs;
  for (int i = 0; i < 1200; ++i) {
    const std::string n = std::to_string(i);
    if (i % 2 == 1) {
      docs.push_back(doc("other" + n, "Tin số " + n, "Bài " + n + " về nông nghiệp và thời tiết."));
    } else if (i % 20 == 0) {
      docs.push_back(doc("title" + n, "Huyện ủy đổi mới phương thức lãnh đạo", "Bài " + n + " về công tác."));
    } else {
      docs.push_back(doc("body" + n, "Tin số " + n,
                         "Bài " + n + (i % 3 == 0 ? " về lãnh đạo của huyện ủy." : " về phương thức lãnh đạo huyện.")));
    }
  }
  const vankien::test::TempDir dir;
  const Searcher local = searcher_over(dir, docs);
  for (const std::string query : {"lãnh đạo huyện", "phuong thuc lanh dao", "huyện ủy"}) {
    CAPTURE(query);
    SearchRequest request;
    request.query = query;
    const Results page = local.search(request);
    request.facets = {"type"};
    const Results checked = local.search(request);
    REQUIRE(checked.total_lower == checked.total_upper);
    CHECK(page.total_lower < checked.total);  // it did stop early
    CHECK(checked.total <= page.total_upper);
    CHECK(ids(page) == ids(checked));
    for (std::size_t i = 0; i < page.hits.size(); ++i) CHECK(page.hits[i].score == checked.hits[i].score);
  }
}

TEST_CASE("searches from many threads at once return what a searcher without a helper returns") {
  // Each search may share its hits with a helper thread that only one search
  // holds at a time; the others do all their work themselves. Either way the
  // results are those of a searcher that never shares.
  std::vector<Document> docs;
  for (int i = 0; i < 400; ++i) {
    const std::string n = std::to_string(i);
    docs.push_back(doc("d" + n, i % 4 == 0 ? "Đổi mới phương thức lãnh đạo" : "Tin số " + n,
                       "Bài " + n + (i % 3 == 0 ? " về lãnh đạo của huyện ủy, phương thức mới."
                                                : " về phương thức lãnh đạo huyện và công tác cán bộ.")));
  }
  const vankien::test::TempDir dir;
  const Searcher local = searcher_over(dir, docs);
  const Searcher without_helper = searcher_without_helper(dir);
  const std::vector<std::string> queries = {"phương thức lãnh đạo", "lanh dao huyen uy", "công tác cán bộ",
                                            "\"phuong thuc\" moi", "huyện ủy"};
  // The hits, snippets and suggestion; and the total, which is an estimate
  // unless its bounds meet, so it is compared with the other search's bounds.
  struct Outcome {
    std::string hits;
    std::size_t total, lower, upper;
  };
  auto outcome = [](const Searcher& searcher, const std::string& query) {
    SearchRequest request;
    request.query = query;
    request.limit = 20;
    if (query == "huyện ủy") request.facets = {"type", "year"};  // the facet columns are shared too
    const Results results = searcher.search(request);
    Outcome out{results.suggestion, results.total, results.total_lower, results.total_upper};
    for (const auto& hit : results.hits) {
      out.hits += "|" + hit.document.id + " " + std::to_string(hit.score) + " " + hit.snippet.html;
    }
    for (const auto& [facet, counts] : results.facets) {
      for (const auto& count : counts) out.hits += "|" + facet + ":" + count.value + "=" + std::to_string(count.count);
    }
    return out;
  };
  auto agree = [](const Outcome& a, const Outcome& b) {
    return a.hits == b.hits && a.lower <= b.upper && b.lower <= a.upper &&
           (a.lower != a.upper || (b.lower <= a.total && a.total <= b.upper));
  };
  std::vector<Outcome> alone;
  for (const auto& query : queries) alone.push_back(outcome(without_helper, query));
  CHECK(alone.back().hits.find("|type:") != std::string::npos);
  std::atomic<int> differences{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int round = 0; round < 25; ++round) {
        for (std::size_t q = 0; q < queries.size(); ++q) differences += !agree(outcome(local, queries[q]), alone[q]);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(differences.load() == 0);
}

TEST_CASE("equal weights come in id order on every page, with and without the helper thread") {
  // Two weights: documents saying "nghị quyết" twice, then the others; within
  // each, the order of the ids, not of the documents' numbers (the order they
  // were added in, here shuffled), whatever page is asked for.
  std::vector<std::string> all_ids;
  for (int i = 0; i < 90; ++i) all_ids.push_back("t" + std::string(i < 10 ? "0" : "") + std::to_string(i));
  std::vector<Document> docs;
  for (std::size_t k = 0; k < all_ids.size(); ++k) {
    const std::string& id = all_ids[(k * 37) % all_ids.size()];  // 37 and 90 coprime: each id once
    const bool twice = std::stoi(id.substr(1)) % 7 == 0;
    docs.push_back(doc(id, "Tin", twice ? "Nghị quyết, nghị quyết về công tác." : "Nghị quyết về công tác."));
  }
  std::vector<std::string> expected;
  for (const bool twice : {true, false}) {
    for (const std::string& id : all_ids) {
      if ((std::stoi(id.substr(1)) % 7 == 0) == twice) expected.push_back(id);
    }
  }
  const vankien::test::TempDir dir;
  const Searcher with_helper = searcher_over(dir, docs);
  const Searcher without_helper = searcher_without_helper(dir);
  for (const Searcher* searcher : {&with_helper, &without_helper}) {
    for (const std::string query : {"nghị", "nghi"}) {
      for (std::size_t offset = 0; offset < all_ids.size(); offset += 3) {
        CAPTURE(query);
        CAPTURE(offset);
        SearchRequest request;
        request.query = query;
        request.offset = offset;
        request.limit = 10;
        const std::vector<std::string> page = ids(searcher->search(request));
        const auto begin = expected.begin() + static_cast<std::ptrdiff_t>(offset);
        CHECK(page == std::vector<std::string>(begin, expected.begin() + static_cast<std::ptrdiff_t>(
                                                                  std::min(offset + 10, expected.size()))));
      }
    }
  }
}

TEST_CASE("facets count every match") {
  SearchRequest request;
  request.facets = {"district", "province", "term", "topic", "type", "year"};
  request.limit = 1;
  const Results results = search(request);
  auto count = [&](const std::string& facet, const std::string& value) -> std::size_t {
    for (const auto& c : results.facets.at(facet)) {
      if (c.value == value) return c.count;
    }
    return 0;
  };
  CHECK(count("district", "Bạch Thông, Bắc Kạn") == 1);  // the secret one is not counted
  CHECK(count("district", "Chợ Mới, Bắc Kạn") == 1);
  CHECK(count("province", "Bắc Kạn") == 2);
  CHECK(count("type", "Nghị quyết") == 1);
  CHECK(count("year", "2019") == 1);
  CHECK(count("term", "2015-2020") == 2);
  SearchRequest bad;
  bad.facets = {"colour"};
  CHECK_THROWS_AS(search(bad), vankien::QueryError);
}

TEST_CASE("a page re-ranked by proximity is the same whatever the page size") {
  // Re-ranking reads where the query's words are only in candidates that can
  // still reach the page; a bigger page reads them all. Documents of many
  // weights (words repeated) with the words side by side or apart, in a
  // scrambled order: the first page must not depend on how many are asked.
  std::vector<Document> docs;
  for (int i = 0; i < 48; ++i) {
    const int repeats = 1 + (i * 7) % 6;
    const bool together = (i * 5) % 3 != 0;
    std::string body;
    for (int r = 0; r < repeats; ++r) {
      body += together ? "Đổi mới phương thức lãnh đạo của Đảng. "
                       : "Phương án mới, chính thức giao cho lãnh đạo xã, đạo đức công vụ. ";
    }
    for (int filler = 0; filler < i % 7; ++filler) body += "Công tác cán bộ ở cơ sở. ";
    docs.push_back(doc("p" + std::to_string(i), "Tin " + std::to_string(i), body));
  }
  const vankien::test::TempDir dir;
  const Searcher searcher = searcher_over(dir, docs);
  for (const std::string query : {"phương thức lãnh đạo", "phuong thuc lanh dao", "lãnh đạo đổi mới"}) {
    CAPTURE(query);
    SearchRequest request;
    request.query = query;
    request.limit = 45;
    const std::vector<std::string> all = ids(searcher.search(request));
    REQUIRE(all.size() >= 30);
    for (const auto& [offset, limit] : std::vector<std::pair<std::size_t, std::size_t>>{{0, 10}, {0, 3}, {5, 5}, {10, 10}}) {
      CAPTURE(offset);
      request.offset = offset;
      request.limit = limit;
      CHECK(ids(searcher.search(request)) ==
            std::vector<std::string>(all.begin() + static_cast<std::ptrdiff_t>(offset),
                                     all.begin() + static_cast<std::ptrdiff_t>(offset + limit)));
    }
  }
}

TEST_CASE("facet counts follow the database once it reopens, with and without the helper thread") {
  // Over one database, facets are counted from each revision's values held
  // in memory: a document changed, added or removed counts as it now is.
  auto placed = [](std::string id, std::string district) {
    Document d = doc(std::move(id), "Tin", "Hội nghị cán bộ chủ chốt.");
    d.district = std::move(district);
    d.province = "Bắc Kạn";
    return d;
  };
  const vankien::test::TempDir dir;
  Searcher with_helper = searcher_over(dir, {placed("a", "Chợ Mới"), placed("b", "Na Rì"), placed("c", "Na Rì")});
  Searcher without_helper = searcher_without_helper(dir);
  const auto districts = [](const Searcher& searcher, const std::string& query) {
    SearchRequest request;
    request.query = query;
    request.facets = {"district"};
    return facet_counts(searcher.search(request), "district");
  };
  for (const Searcher* searcher : {&with_helper, &without_helper}) {
    CHECK(districts(*searcher, "hội nghị") == "Na Rì, Bắc Kạn=2;Chợ Mới, Bắc Kạn=1;");
    CHECK(districts(*searcher, "") == "Na Rì, Bắc Kạn=2;Chợ Mới, Bắc Kạn=1;");
  }
  {
    vankien::IndexerOptions options;
    options.data_dir = vankien::test::data_dir();
    vankien::Indexer indexer(dir / "db", options);
    indexer.add(placed("a", "Bạch Thông"));  // moved
    indexer.add(placed("d", "Bạch Thông"));  // added
    indexer.remove("c");
  }
  for (Searcher* searcher : {&with_helper, &without_helper}) {
    searcher->reopen();
    CHECK(districts(*searcher, "cán bộ") == "Bạch Thông, Bắc Kạn=2;Na Rì, Bắc Kạn=1;");
  }
}

TEST_CASE("a stub naming a stub is searched as the databases it names") {
  // The stub of `vankien index --shards` named in another: its shards are
  // read in its place (so facets, accents and faults are per shard).
  const vankien::test::TempDir dir;
  vankien::IndexerOptions options;
  options.data_dir = vankien::test::data_dir();
  const std::vector<std::pair<std::string, std::string>> placed = {
      {"a", "Chợ Mới"}, {"b", "Na Rì"}, {"c", "Na Rì"}, {"d", "Bạch Thông"}};
  for (std::size_t i = 0; i < placed.size(); ++i) {
    vankien::Indexer indexer(dir / (i % 2 == 0 ? "even" : "odd"), options);
    Document d = doc(placed[i].first, "Tin", "Hội nghị cán bộ chủ chốt.");
    d.district = placed[i].second;
    d.province = "Bắc Kạn";
    indexer.add(std::move(d));
  }
  vankien::test::write_file(dir / "inner", "auto even\nauto odd\n");
  vankien::test::write_file(dir / "outer", "auto inner\n");
  vankien::SearchOptions search_options;
  search_options.data_dir = vankien::test::data_dir();
  for (const bool helper : {true, false}) {
    search_options.helper_thread = helper;
    const Searcher searcher({dir / "outer"}, search_options);
    SearchRequest request;
    request.query = "hội nghị";
    request.facets = {"district"};
    const Results results = searcher.search(request);
    CHECK(facet_counts(results, "district") == "Na Rì, Bắc Kạn=2;Bạch Thông, Bắc Kạn=1;Chợ Mới, Bắc Kạn=1;");
    CHECK(results.total == 4);
  }
  vankien::test::write_file(dir / "loop", "auto loop\n");
  CHECK_THROWS_WITH_AS(Searcher({dir / "loop"}, search_options), doctest::Contains("name itself?"), vankien::Error);
}

TEST_CASE("documents above the caller's clearance never show") {
  for (const std::string query : {"phương án phòng thủ", "phong thu", "BTV", "biên giới"}) {
    CAPTURE(query);
    CHECK_FALSE(contains(ids(search(query)), "secret"));
  }
  SearchRequest request;
  request.query = "phong thu";
  request.facets = {"district"};
  const Results hidden = search(request);
  CHECK(hidden.total == 0);
  CHECK(hidden.facets.at("district").empty());
  CHECK(hidden.suggestion.empty());  // the secret text does not leak through suggestions
  request.clearance = Access::secret;
  const Results shown = search(request);
  CHECK(ids(shown) == std::vector<std::string>{"secret"});
  CHECK_FALSE(searcher().get("secret"));
  CHECK(searcher().get("secret", Access::top_secret));
  CHECK(searcher().get("nq-12"));
}

TEST_CASE("an unaccented query gets its diacritics back as a suggestion") {
  CHECK(search("phuong thuc lanh dao").suggestion == "phương thức lãnh đạo");
  CHECK(search("phương thức").suggestion.empty());
  CHECK(search("Phuong thuc LANH DAO").suggestion == "Phương thức LÃNH ĐẠO");  // the case typed
}

TEST_CASE("\"so\" before a number is suggested as \"số\", however often the index writes \"sở\"") {
  vankien::test::TempDir dir;
  std::vector<Document> docs;
  for (int i = 0; i < 5; ++i) docs.push_back(doc("office-" + std::to_string(i), "Sở", "Sở Nội vụ và sở Tài chính họp."));
  Document directive = doc("ct-11", "Chỉ thị", "Chỉ thị số 11-CT/HU của Huyện ủy.");
  directive.number = "11-CT/HU";
  docs.push_back(directive);
  const Searcher local = searcher_over(dir, docs);
  for (const auto& [query, expected] : std::vector<std::pair<std::string, std::string>>{
           {"so 11 ct hu", "số 11 ct hu"}, {"so 11-CT/HU", "số 11-CT/HU"}, {"so noi vu", "sở nội vụ"}}) {
    CAPTURE(query);
    CHECK(search_in(local, query).suggestion == expected);
  }
  CHECK(search_in(local, "so 11 ct hu").hits.at(0).document.id == "ct-11");
}

TEST_CASE("a run of words no document has entirely is relaxed") {
  const Results results = search("bán hàng đóng thuyền");
  CHECK(results.relaxed);
  REQUIRE(!results.hits.empty());
  CHECK(results.hits.front().document.id == "ban-sell");
  CHECK_FALSE(search("bán hàng").relaxed);
}

TEST_CASE("relaxing tries all words but one before any word") {
  vankien::test::TempDir dir;
  const Searcher local = searcher_over(dir, {doc("three-of-four", "Tin", "Nông dân trồng lúa nước ở đồng bằng."),
                                             doc("one-rare-word", "Tin", "Giống ST25 và ST25 nữa, ST25 khắp nơi."),
                                             doc("one-common-word", "Tin", "Nông sản vào mùa.")});
  struct Case {
    const char* query;
    std::vector<std::string> expected;  // sorted
    bool relaxed;
  };
  const std::vector<Case> cases = {
      {"nông dân trồng lúa", {"three-of-four"}, false},
      {"nông dân trồng st25", {"three-of-four"}, true},        // three of four words
      {"nông dân trồng lúa st25", {"three-of-four"}, true},    // four of five
      {"nông st25", {"one-common-word", "one-rare-word", "three-of-four"}, true},  // two words: any
      {"mùa st25 lúa bằng", {"one-common-word", "one-rare-word", "three-of-four"}, true},  // none has three
  };
  for (const Case& c : cases) {
    CAPTURE(c.query);
    const Results results = search_in(local, c.query);
    CHECK(sorted_ids(results) == c.expected);
    CHECK(results.relaxed == c.relaxed);
  }
}

TEST_CASE("bad queries: a clear error or a sensible parse, never a crash") {
  struct Case {
    std::string behaviour;
    std::string query;
    bool error;
    std::size_t warnings;
  };
  const std::vector<Case> cases = {
      {"unbalanced quote", "\"phương thức lãnh", false, 1},
      {"unbalanced parenthesis", "(bán OR bàn", false, 1},
      {"stray closing parenthesis", "bán)", false, 1},
      {"unknown field", "màu:đỏ bán", false, 1},
      {"field without value", "huyện: bán", false, 1},
      {"only punctuation: nothing matches, and a warning says why", "?!... ,,, --", false, 1},
      {"empty", "", false, 0},
      {"lone operators", "AND OR NOT", false, 2},
      {"invalid date", "ngày:31/2/2019", true, 0},
      {"reversed range", "2019-12-01..2019-01-01", true, 0},
      {"invalid term", "nhiệm_kỳ:2020-2015", true, 0},
      {"invalid year", "năm:19", true, 0},
      {"100 KB query", std::string(100 * 1024, 'a'), true, 0},
      {"too many words: the least common are searched, with a warning",
       [] { std::string q; for (int i = 0; i < 100; ++i) q += "bán "; return q; }(), false, 1},
      {"a phrase of too many words: a question (more than eight distinct words), searched by its words, with a warning",
       [] { std::string q = "\""; for (int i = 0; i < 100; ++i) q += "bán" + std::to_string(i) + " "; return q + "\""; }(),
       false, 1},
      {"a phrase of one word past the limit: not a question, and a phrase cannot lose words",
       [] { std::string q = "\""; for (int i = 0; i < 100; ++i) q += "bán "; return q + "\""; }(), true, 0},
      {"an excluded phrase of too many words: it cannot lose any",
       [] { std::string q = "bàn -\""; for (int i = 0; i < 100; ++i) q += "bán "; return q + "\""; }(), true, 0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.behaviour);
    if (c.error) {
      CHECK_THROWS_AS(search(c.query), vankien::QueryError);
    } else {
      const Results results = search(c.query);
      CHECK(results.warnings.size() == c.warnings);
    }
  }
  CHECK(search("?!... ,,, --").hits.empty());
  CHECK(search("").hits.size() == corpus().size() - 1);  // empty: every document the caller may see
}

TEST_CASE("a long question is answered by its least common words, never refused") {
  // 85 distinct words: a legal question, then what it is about.
  const std::string question =
      "Theo quy định của pháp luật hiện hành thì các cơ quan nhà nước có được phép làm những việc như vậy "
      "hay không, và nếu có thì cần phải tuân thủ những điều kiện gì trong trường hợp người dân gửi đơn "
      "khiếu nại tố cáo đến ủy ban nhân dân cấp xã phường thị trấn hoặc cấp huyện quận nơi cư trú để yêu "
      "cầu giải quyết kịp thời đúng thẩm quyền, đặc biệt khi liên quan tới đất đai nhà ở tài sản riêng "
      "chung vợ chồng con cái, đổi mới phương thức lãnh đạo đối với chính quyền?";
  const Results results = search(question);
  REQUIRE_FALSE(results.hits.empty());
  CHECK(results.hits.front().document.id == "adjacent");
  REQUIRE(results.warnings.size() == 1);
  const std::string& warning = results.warnings.front();
  CAPTURE(warning);
  CHECK(warning.find("more than 64 words: searched with the 64 least common, leaving out") != std::string::npos);
  CHECK(warning.find("leaving out cap, tran, hoac") != std::string::npos);  // words no document has, as typed
  CHECK(warning.find("phuong") == std::string::npos);  // what the question is about stays
  CHECK(warning.find("lanh") == std::string::npos);
  CHECK(warning.find("chinh") == std::string::npos);

  // An exclusion after it is searched on its own words, not the question's budget.
  const Results excluding = search(question + " -\"lãnh đạo\"");
  REQUIRE_FALSE(excluding.hits.empty());
  for (const vankien::Hit& hit : excluding.hits) CHECK(hit.document.id != "adjacent");

  // A question asked over and over: each word once, none left out.
  std::string repeated;
  for (int i = 0; i < 12; ++i) repeated += "các cơ quan có được làm việc đó hay không, ";
  const Results once = search(repeated + "đổi mới phương thức lãnh đạo đối với chính quyền?");
  REQUIRE(once.warnings.size() == 1);
  CHECK(once.warnings.front().find("searched with each of its 18 words once") != std::string::npos);
  REQUIRE_FALSE(once.hits.empty());
  CHECK(once.hits.front().document.id == "adjacent");
}

TEST_CASE("a question is answered by the passage with most of its rare words, not by one with all of them") {
  vankien::test::TempDir dir;
  // Other news, asking the question's stock words as questions do.
  std::vector<Document> docs;
  const std::vector<std::string> topics = {"Mùa lúa ở đồng bằng",    "Giá xăng tăng",          "Trường học khai giảng",
                                           "Bão vào miền Trung",     "Chợ hoa ngày tết",        "Đường cao tốc thông xe",
                                           "Bệnh viện mở khoa mới",  "Câu lạc bộ bóng đá",      "Hội chợ hàng Việt",
                                           "Cầu mới qua sông",       "Lễ hội làng nghề",        "Nước sạch về bản"};
  for (std::size_t i = 0; i < topics.size(); ++i) {
    docs.push_back(doc("news-" + std::to_string(i), topics[i],
                       topics[i] + ": theo quy định của pháp luật thì có được không, người dân hỏi."));
  }
  for (Document& d : std::vector<Document>{
           doc("answer", "Đảng viên đi nước ngoài",
                "Đảng viên đi nước ngoài vì việc riêng phải báo cáo chi bộ trước khi đi."),
            // Every word of the question, none of them together.
            doc("every-word", "Tổng hợp ý kiến",
                "Theo quy định thì việc này có được không, hỏi nhiều người. Pháp luật của nước ta. "
                "Đảng viên trẻ. Đi họp vì ngoài giờ làm việc riêng. Chi bộ báo cáo."),
            // The question's stock words in a title.
            doc("stock-title", "Theo quy định của pháp luật có được không",
                "Bài viết về thủ tục hành chính ở địa phương."),
            doc("one-stock-word", "Chi bộ", "Đảng viên của chi bộ họp."),
            // Three of "báo cáo chi bộ", not all four.
            doc("abroad-report", "Tin ngắn", "Đảng viên ở nước ngoài gửi báo cáo về chi hội.")}) {
    docs.push_back(std::move(d));
  }
  const Searcher local = searcher_over(dir, std::move(docs));
  struct Case {
    const char* question;
    const char* first;
  };
  const std::vector<Case> cases = {
      {"Theo quy định của pháp luật, đảng viên đi nước ngoài vì việc riêng có được không?", "answer"},
      {"theo quy dinh cua phap luat, dang vien di nuoc ngoai vi viec rieng co duoc khong?", "answer"},
      {"đảng viên đi nước ngoài", "answer"},  // a keyword search still needs every word
      // Pasted with the quotes and parentheses of its text: in a question
      // they group nothing, and its parts need not all be there.
      {"Theo quy định của pháp luật, đảng viên \"đi nước ngoài vì việc riêng có được không?", "answer"},
      {"Theo quy định (của pháp luật), đảng viên đi (nước ngoài) vì việc riêng có được không?", "answer"},
      {"Theo quy định, \"đảng viên đi ra nước ngoài\" vì việc riêng có được không?", "answer"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.question);
    const Results results = search_in(local, c.question);
    REQUIRE_FALSE(results.hits.empty());
    CHECK(results.hits.front().document.id == c.first);
    CHECK_FALSE(results.relaxed);
  }
  CHECK(sorted_ids(search_in(local, "đảng viên đi nước ngoài")) == std::vector<std::string>{"answer", "every-word"});
  // What is excluded is what has every word, however many.
  CHECK(sorted_ids(search_in(local, "đảng viên -(theo quy định của pháp luật thì có được không)")) ==
        std::vector<std::string>{"abroad-report", "answer", "one-stock-word"});
  // An abbreviation's expansion among the words excluded: built without
  // ranking's boosts, which libxapian (1.4.22) mis-evaluates under AND_NOT
  // from uninitialised memory (seen under AddressSanitizer).
  const Results excluded = search_in(local, "đảng viên nước ngoài -(báo cáo chi bộ)");
  CHECK(sorted_ids(excluded) == std::vector<std::string>{"abroad-report"});
  // ...and the words excluded are marked in no snippet.
  for (const vankien::Hit& hit : excluded.hits) {
    CAPTURE(hit.snippet.html);
    CHECK(hit.snippet.html.find("<mark>báo</mark>") == std::string::npos);
    CHECK(hit.snippet.html.find("<mark>Đảng</mark>") != std::string::npos);
  }
  // ...also when nothing has every word sought and the search is tried looser:
  // "every-word" has two of the three, and stays.
  const Results looser = search_in(local, "đảng viên nước ngoài xyzzy -(chi bộ trước)");
  CHECK(looser.relaxed);
  CHECK(sorted_ids(looser) == std::vector<std::string>{"abroad-report", "every-word"});

  // In a question, parentheses group nothing, but what they hold keeps its
  // meaning: an exclusion or a field holds for the whole question.
  const std::string asked = "Theo quy định, đảng viên đi nước ngoài vì việc riêng có được không";
  for (const vankien::Hit& hit : search_in(local, asked + " (báo -chi)").hits) CHECK(hit.document.id != "answer");
  REQUIRE_FALSE(search_in(local, asked + " (báo -chi)").hits.empty());
  CHECK(search_in(local, asked + " (huyện:\"Bạch Thông\" báo)").hits.empty());  // no document of that district
  CHECK(search_in(local, asked + " OR huyện:\"Bạch Thông\"").hits.size() > 1);  // OR keeps its meaning too
}

TEST_CASE("a long question's snippets mark the words that carry the match, not the common ones") {
  const vankien::test::TempDir dir;
  std::vector<Document> docs;
  for (int i = 0; i < 6; ++i) {
    docs.push_back(doc("common-" + std::to_string(i), "Tin " + std::to_string(i),
                       "Theo kế hoạch của xã, bà con được hướng dẫn, không bị thiệt hại khi làm đường số " +
                           std::to_string(i) + "."));
  }
  docs.push_back(doc("answer", "Đổi mới",
                     "Theo nghị quyết của huyện ủy, các chi bộ được giao giữ bí mật và đổi mới phương thức lãnh "
                     "đạo."));
  const Searcher local = searcher_over(dir, docs);
  const auto marked = [](const vankien::Hit& hit) {
    std::set<std::string> words;
    for (const vankien::Highlight& h : hit.snippet.highlights) {
      words.insert(vankien::fold(hit.document.body.substr(h.begin, h.end - h.begin)));
    }
    return words;
  };
  // A question: its common words are not marked.
  const Results long_question =
      search_in(local, "theo quy định của huyện ủy các chi bộ được giao đổi mới phương thức lãnh đạo không");
  REQUIRE_FALSE(long_question.hits.empty());
  REQUIRE(long_question.hits.front().document.id == "answer");
  const std::set<std::string> words = marked(long_question.hits.front());
  for (const char* carrying : {"huyen", "chi", "phuong", "thuc", "lanh", "dao"}) CHECK(words.contains(carrying));
  for (const char* common : {"theo", "cua", "duoc"}) CHECK_FALSE(words.contains(common));
  // Unmarked, the common words still count where the query's words are
  // written together: typed without diacritics, "bi" is "bí" beside "giữ"
  // and "mật", though the index most often writes it "bị".
  const std::string answer = "của huyện ủy các chi bộ được giao giữ bí mật và đổi mới phương thức lãnh đạo";
  CHECK(search_in(local, vankien::fold(answer)).suggestion == answer);
  // A short query marks every word it has.
  const Results short_query = search_in(local, "theo của phương thức");
  REQUIRE_FALSE(short_query.hits.empty());
  const std::set<std::string> short_words = marked(short_query.hits.front());
  for (const char* word : {"theo", "cua", "phuong", "thuc"}) CHECK(short_words.contains(word));
}

TEST_CASE("any snippet size is safe: none at 0, at most a word past the size otherwise") {
  for (const std::size_t bytes : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{3},
                                  std::size_t{7}, std::size_t{240}, std::size_t{1} << 40,
                                  std::numeric_limits<std::size_t>::max()}) {
    CAPTURE(bytes);
    for (const std::string query : {"lanh dao", "phương thức lãnh đạo", "\"lanh dao\""}) {
      CAPTURE(query);
      SearchRequest request;
      request.query = query;
      request.snippet_bytes = bytes;
      const Results results = search(request);
      REQUIRE(!results.hits.empty());
      for (const auto& hit : results.hits) {
        const vankien::Snippet& snippet = hit.snippet;
        if (bytes == 0) {
          CHECK(snippet.text.empty());
          CHECK(snippet.html.empty());
          CHECK(snippet.highlights.empty());
          continue;
        }
        CHECK(snippet.end <= hit.document.body.size());
        CHECK(snippet.text == hit.document.body.substr(snippet.begin, snippet.end - snippet.begin));
        // One word longer than the size is kept whole, so allow a word.
        CHECK(snippet.text.size() <= std::max<std::size_t>(bytes, 16));
      }
    }
  }
}

namespace {

// Runs `work` on a thread with a small stack, as servers and Python threads
// have: a search that recursed by the query's length would overflow it.
void on_small_stack(const std::function<void()>& work) {
  struct Call {
    const std::function<void()>* work;
    std::exception_ptr error;
  } call{&work, nullptr};
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setstacksize(&attributes, 256 * 1024);
  pthread_t thread;
  const int started = pthread_create(
      &thread, &attributes,
      [](void* argument) -> void* {
        auto* c = static_cast<Call*>(argument);
        try {
          (*c->work)();
        } catch (...) {
          c->error = std::current_exception();
        }
        return nullptr;
      },
      &call);
  pthread_attr_destroy(&attributes);
  REQUIRE(started == 0);
  pthread_join(thread, nullptr);
  if (call.error) std::rethrow_exception(call.error);
}

}  // namespace

TEST_CASE("deeply nested queries are flattened, not recursed into, on a small stack") {
  vankien::SearchOptions options;
  options.data_dir = vankien::test::data_dir();
  options.max_query_bytes = 1 << 20;
  vankien::test::TempDir dir;
  {
    vankien::Indexer indexer(dir / "db", vankien::test::indexer_options());
    indexer.add(vankien::test::article("a", "Người dân mang nông sản ra chợ bán hàng."));
  }
  const Searcher local({dir / "db"}, options);
  const auto repeat = [](std::string_view piece, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
  };
  struct Case {
    std::string behaviour;
    std::string query;
    std::size_t hits;
  };
  const std::vector<Case> cases = {
      {"20,000 open parentheses", repeat("(", 20000), 0},
      {"2,050 open parentheses", repeat("(", 2050), 0},
      {"nested around a word", repeat("(", 5000) + "bán" + repeat(")", 5000), 1},
      {"20,000 stray closing parentheses", "bán " + repeat(") ", 20000) + "chợ", 1},
      {"a run of 20,000 NOTs", repeat("NOT ", 20000) + "bán", 1},  // an even number: bán itself
      {"a run of 20,001 minus signs", repeat("-", 20001) + "bán", 0},
      {"NOT and parentheses alternating", repeat("NOT (", 5000) + "bán" + repeat(")", 5000), 1},
      {"OR nested 80 deep", repeat("(bán OR (", 40) + "chợ" + repeat("))", 40), 1},
  };
  for (const Case& c : cases) {
    CAPTURE(c.behaviour);
    on_small_stack([&] {
      SearchRequest request;
      request.query = c.query;
      const Results results = local.search(request);
      CHECK(results.hits.size() == c.hits);
      CHECK(results.warnings.size() <= 3);
    });
  }
}

TEST_CASE("limit and offset past the results a search may return are a QueryError") {
  for (const auto& [offset, limit] : std::vector<std::pair<std::size_t, std::size_t>>{
           {0, std::numeric_limits<std::size_t>::max()},
           {std::numeric_limits<std::size_t>::max(), 10},
           {std::numeric_limits<std::size_t>::max() - 5, 10},
           {9995, 10},
           {0, 10001}}) {
    CAPTURE(offset);
    CAPTURE(limit);
    SearchRequest request;
    request.query = "lanh dao";
    request.offset = offset;
    request.limit = limit;
    CHECK_THROWS_AS(search(request), vankien::QueryError);
  }
  SearchRequest last_page;
  last_page.query = "lanh dao";
  last_page.offset = 9990;
  last_page.limit = 10;
  CHECK(search(last_page).hits.empty());
}

TEST_CASE("snippets mark what matched: phrases and expansions as runs, typed marks exactly") {
  vankien::test::TempDir dir;
  const Searcher local = searcher_over(
      dir, {doc("btv", "Tin", "Ban Thường vụ Huyện ủy họp với bạn bè, thưởng cho thương binh, bản tin BTV."),
            doc("sell", "Chợ", "Người bán hàng đặt bàn trước cửa nhà bạn."),
            doc("friend", "Bạn", "Những người bạn cùng thôn."),
            doc("lead", "Tin", "Lãnh đạo xã gặp lãnh sự, bàn về đạo đức.")});
  struct Case {
    std::string behaviour;
    std::string query, id;
    std::vector<std::string> marked;
  };
  const std::vector<Case> cases = {
      {"an expansion typed out marks its run", "Ban Thường vụ", "btv", {"Ban", "Thường", "vụ", "BTV"}},
      {"an abbreviation marks itself and its expansion's run", "BTV", "btv", {"Ban", "Thường", "vụ", "BTV"}},
      {"a phrase marks its run", "\"Ban Thường vụ\"", "btv", {"Ban", "Thường", "vụ"}},
      {"a word typed with marks marks that form", "bán", "sell", {"bán"}},
      {"and, with none of that form, what matched", "bán", "friend", {"bạn"}},
      {"a word typed without marks marks every form", "ban", "sell", {"bán", "bàn", "bạn"}},
      {"an unaccented phrase marks only its run", "\"lanh dao\"", "lead", {"Lãnh", "đạo"}},
      {"unquoted words mark each word", "lanh dao", "lead", {"Lãnh", "đạo", "lãnh", "đạo"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.behaviour);
    SearchRequest request;
    request.query = c.query;
    request.limit = 10;
    const Results results = local.search(request);
    const auto hit = std::find_if(results.hits.begin(), results.hits.end(),
                                  [&](const auto& h) { return h.document.id == c.id; });
    REQUIRE(hit != results.hits.end());
    std::vector<std::string> marked;
    for (const auto& h : hit->snippet.highlights) marked.push_back(hit->document.body.substr(h.begin, h.end - h.begin));
    CHECK(marked == c.marked);
  }
}

TEST_CASE("a filter naming a value no document has says so, with the nearest value") {
  struct Case {
    std::string behaviour;
    std::string district, query;
    std::string warning;  // empty: none
  };
  const std::vector<Case> cases = {
      {"a known district", "Bạch Thông", "", ""},
      {"typed without marks, still known", "bach thong", "", ""},
      {"misspelt", "Bach Thon", "", "no district named 'Bach Thon' in the database; did you mean 'Bạch Thông, Bắc Kạn'?"},
      {"nothing near", "Điện Biên Đông", "", "no district named 'Điện Biên Đông' in the database"},
      {"in the query language", "", "huyện:\"Cho Moii\" báo cáo",
       "no district named 'Cho Moii' in the database; did you mean 'Chợ Mới, Bắc Kạn'?"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.behaviour);
    SearchRequest request;
    request.district = c.district;
    request.query = c.query;
    const Results results = search(request);
    if (c.warning.empty()) {
      CHECK(results.warnings.empty());
      CHECK(!results.hits.empty());
    } else {
      CHECK(results.warnings == std::vector<std::string>{c.warning});
    }
  }
}

TEST_CASE("a cited number written with spaces or another dash is found as the number") {
  vankien::test::TempDir dir;
  const Searcher local = searcher_over(
      dir, {vankien::test::article("spaced", "Thực hiện Nghị quyết số 35- NQ/TW của Bộ Chính trị về bảo vệ nền tảng tư tưởng."),
            vankien::test::article("dashed", "Quán triệt Nghị quyết 35–NQ/TW đến từng chi bộ."),
            vankien::test::article("other", "Thực hiện Nghị quyết số 36-NQ/TW về công tác người Việt Nam ở nước ngoài.")});
  for (const std::string query : {"35-NQ/TW", "35 - NQ/TW", "35–nq/tw"}) {
    CAPTURE(query);
    const auto found = sorted_ids(search_in(local, query));
    CAPTURE(found.size());
    CHECK(found == std::vector<std::string>{"dashed", "spaced"});
  }
}
