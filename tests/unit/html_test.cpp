// HTML: text layout, main content, page metadata, selectors and site rules,
// bounded nesting, and bad pages.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "indexer/readers/html/nesting.hpp"
#include "indexer/readers/html/page.hpp"
#include "indexer/readers/html/selector.hpp"
#include "indexer/readers/html/site_rules.hpp"
#include "indexer/readers/html/text.hpp"
#include "indexer/readers/readers.hpp"
#include "support.hpp"
#include "vankien/reader.hpp"

using vankien::Document;
using vankien::Problem;

namespace {

struct Read {
  std::vector<Document> documents;
  std::vector<Problem> problems;
};

Read read_html(const std::string& page, vankien::ReadOptions options = {}) {
  Read out;
  options.format = vankien::Format::html;
  vankien::read_documents(page, "page.html", options, [&](Document&& d) { out.documents.push_back(std::move(d)); },
                          [&](Problem&& p) { out.problems.push_back(std::move(p)); });
  return out;
}

Document page_document(const std::string& page, vankien::ReadOptions options = {}) {
  Read read = read_html(page, std::move(options));
  for (const Problem& problem : read.problems) CAPTURE(problem.to_string());
  REQUIRE(read.documents.size() == 1);
  return read.documents.front();
}

std::string paragraphs(int count, const std::string& text) {
  std::string out;
  for (int i = 0; i < count; ++i) out += "<p>" + text + " (" + std::to_string(i) + ")</p>\n";
  return out;
}

// A portal page: the article among a menu, a sidebar, related links, a
// comment form and a footer.
std::string portal_page(const std::string& article, const std::string& head = {}) {
  const std::string links =
      "<li><a href=\"/1\">Hội nghị sơ kết công tác dân vận</a></li><li><a href=\"/2\">Tổng kết phong trào thi đua</a></li>"
      "<li><a href=\"/3\">Triển khai nghị quyết của Tỉnh ủy</a></li>";
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head +
         "</head><body><div id=\"header\"><ul class=\"main-menu\"><li><a href=\"/\">Trang chủ</a></li>"
         "<li><a href=\"/gt\">Giới thiệu</a></li></ul></div><div class=\"wrap\"><div class=\"col\">" +
         article + "<div class=\"tin-lien-quan\"><h3>Tin liên quan</h3><ul>" + links +
         "</ul></div><div class=\"comment-box\"><h3>Ý kiến bạn đọc</h3><form><textarea>viết ý kiến</textarea>"
         "</form></div></div><div class=\"sidebar\"><h3>Văn bản mới</h3><ul>" + links +
         "</ul></div></div><div id=\"footer\">Bản quyền thuộc Cổng thông tin điện tử huyện, ghi rõ nguồn khi "
         "phát hành lại.</div></body></html>";
}

const std::string article_text =
    "Ban Thường vụ Huyện ủy Bạch Thông chỉ đạo các chi bộ đổi mới phương thức lãnh đạo, nâng cao chất lượng "
    "sinh hoạt, gắn với công tác cán bộ";

}  // namespace

TEST_CASE("HTML text is laid out in lines as the text readers expect") {
  struct Case {
    std::string behaviour;
    std::string html;
    std::string text;
  };
  const std::vector<Case> cases = {
      {"paragraphs are lines", "<p>Một</p><p>Hai</p>", "Một\nHai"},
      {"<br> ends a line", "Dòng một<br>dòng hai<br/>dòng ba", "Dòng một\ndòng hai\ndòng ba"},
      {"white space and &nbsp; collapse", "<p>  Huyện&nbsp;&nbsp;ủy \n\t Bạch   Thông </p>", "Huyện ủy Bạch Thông"},
      {"inline markup keeps its words apart only where the source does",
       "<p><strong>Huyện ủy</strong> Bạch <em>Th</em>ông</p>", "Huyện ủy Bạch Thông"},
      {"named and numeric entities", "<p>&agrave; &#7889; &#x1EC7; &amp; &lt;b&gt;</p>", "à ố ệ & <b>"},
      {"a tone mark after an entity composes", "<p>x&acirc;&#769;y d&#432;&#803;ng</p>", "xấy dựng"},
      {"scripts, styles, forms and hidden blocks give no text",
       "<p>A</p><script>var x='B';</script><style>p{}</style><button>C</button><div hidden>D</div>"
       "<div style=\"display: none\">E</div><p>F</p>",
       "A\nF"},
      {"preformatted text keeps its lines", "<pre>a  b\nc</pre>", "a  b\nc"},
      {"a table row's cells side by side, line for line",
       "<table><tr><td><p>HUYỆN ỦY NA RÌ</p><p>Số 21-TB/HU</p></td><td><p>ĐẢNG CỘNG SẢN VIỆT NAM</p>"
       "<p>Yến Lạc, ngày 20 tháng 11 năm 2018</p></td></tr></table>",
       "HUYỆN ỦY NA RÌ\tĐẢNG CỘNG SẢN VIỆT NAM\nSố 21-TB/HU\tYến Lạc, ngày 20 tháng 11 năm 2018"},
      {"rows are lines", "<table><tr><th>Chỉ tiêu</th><th>Kết quả</th></tr><tr><td>Đảng viên mới</td><td>120</td></tr></table>",
       "Chỉ tiêu\tKết quả\nĐảng viên mới\t120"},
      {"invalid code points become U+FFFD", "<p>a&#0;b&#xD800;c&#x110000;d</p>", "a\uFFFDb\uFFFDc\uFFFDd"},
      {"an unknown entity is kept as written", "<p>&zzzq; x</p>", "&zzzq; x"},
      {"a legacy entity without its semicolon, as browsers read it", "<p>&copy 2020</p>", "© 2020"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.behaviour);
    CHECK(vankien::readers::html_fragment_text(c.html) == c.text);
  }
}

TEST_CASE("the main content is the article, not the page around it") {
  const std::string article = "<div class=\"news-detail\"><h1>Đổi mới phương thức lãnh đạo</h1>" +
                              paragraphs(4, article_text) +
                              "<div class=\"share-bar\"><a href=\"#\">Facebook</a> <a href=\"#\">Zalo</a></div>"
                              "<ul class=\"other\"><li><a href=\"/9\">Bài cùng chuyên mục thứ nhất</a></li>"
                              "<li><a href=\"/8\">Bài cùng chuyên mục thứ hai</a></li></ul></div>";
  const Document d = page_document(portal_page(article));
  CHECK(d.title == "Đổi mới phương thức lãnh đạo");
  CHECK(d.body.find(article_text + " (0)") != std::string::npos);
  CHECK(d.body.find(article_text + " (3)") != std::string::npos);
  for (const char* boilerplate : {"Trang chủ", "Tin liên quan", "Ý kiến bạn đọc", "viết ý kiến", "Văn bản mới",
                                  "Bản quyền", "Facebook", "Bài cùng chuyên mục"}) {
    CAPTURE(boilerplate);
    CHECK(d.body.find(boilerplate) == std::string::npos);
  }
}

TEST_CASE("editors' <div> paragraphs and <article> are found too") {
  std::string divs;
  for (int i = 0; i < 3; ++i) divs += "<div>" + article_text + ", lần " + std::to_string(i) + ".</div>";
  const Document from_divs = page_document(portal_page("<div class=\"noidung\">" + divs + "</div>"));
  CHECK(from_divs.body.find("lần 2") != std::string::npos);
  CHECK(from_divs.body.find("Tin liên quan") == std::string::npos);
  const Document from_article = page_document(portal_page("<article>" + paragraphs(2, article_text) + "</article>"));
  CHECK(from_article.body.find(article_text + " (1)") != std::string::npos);
}

TEST_CASE("what a page says about itself: title, date, author, address") {
  struct Case {
    std::string behaviour;
    std::string head;     // inside <head>
    std::string article;  // inside the content
    std::string title, date, author, url;
  };
  const std::string body = paragraphs(3, article_text);
  const std::vector<Case> cases = {
      {"<title> when nothing else names it", "<title>Tin tức huyện</title>", body, "Tin tức huyện", "", "", ""},
      {"an <h1> before a <title> with the site's name", "<title>Hội nghị - Huyện ủy Bạch Thông</title>",
       "<h1>Hội nghị Ban Chấp hành</h1>" + body, "Hội nghị Ban Chấp hành", "", "", ""},
      {"og:title and article:published_time with a zone",
       "<title>x - y</title><meta property=\"og:title\" content=\"Hội nghị lần thứ 5\">"
       "<meta property=\"article:published_time\" content=\"2020-06-05T23:30:00+07:00\">",
       body, "Hội nghị lần thứ 5", "2020-06-05", "", ""},
      {"JSON-LD NewsArticle inside @graph",
       "<script type=\"application/ld+json\">{\"@graph\": [{\"@type\": \"WebPage\"}, {\"@type\": \"NewsArticle\", "
       "\"headline\": \"Đại hội Đảng bộ\", \"datePublished\": \"2021-09-03T10:30:00+07:00\", "
       "\"author\": [{\"@type\": \"Person\", \"name\": \"Lương Đức Tài\"}]}]}</script>",
       body, "Đại hội Đảng bộ", "2021-09-03", "Lương Đức Tài", ""},
      {"JSON-LD that does not parse is ignored", "<script type=\"application/ld+json\">{\"@type\": </script>"
       "<title>Trang</title>", body, "Trang", "", "", ""},
      {"a <time datetime> in the content", "", "<time datetime=\"2019-04-02\">2 tháng 4</time>" + body, "", "2019-04-02", "", ""},
      {"a byline with the weekday and time", "", "<div class=\"date\">Thứ Ba, 12/05/2020 - 08:15</div>" + body, "",
       "2020-05-12", "", ""},
      {"meta author and the canonical address",
       "<meta name=\"author\" content=\"Nông Thị Lan\"><link rel=\"canonical\" href=\"https://huyen.example/tin/1\">",
       body, "", "", "Nông Thị Lan", "https://huyen.example/tin/1"},
      {"an author byline in the content", "", body + "<p class=\"author\">Triệu Thu Hà</p>", "", "", "Triệu Thu Hà", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.behaviour);
    const Document d = page_document(portal_page("<div class=\"content\">" + c.article + "</div>", c.head));
    CHECK(d.title == c.title);
    CHECK(d.date == c.date);
    CHECK(d.author == c.author);
    CHECK(d.url == c.url);
  }
}

TEST_CASE("JSON-LD nested without end names no one, and costs no stack") {
  std::string deep = "{\"@type\": \"NewsArticle\", \"headline\": \"Tin\", \"author\": ";
  for (int i = 0; i < 200000; ++i) deep += '[';
  for (int i = 0; i < 200000; ++i) deep += ']';
  deep += "}";
  vankien::ReadOptions options;
  options.max_document_bytes = std::size_t{16} << 20;
  const Document d = page_document(
      portal_page("<div class=\"content\">" + paragraphs(3, article_text) + "</div>",
                  "<script type=\"application/ld+json\">" + deep + "</script>"),
      options);
  CHECK(d.title == "Tin");
  CHECK(d.author.empty());
}

TEST_CASE("a table row too tall to lay side by side keeps its cells one after another") {
  std::string tall;
  for (int i = 0; i < 200; ++i) tall += "dòng " + std::to_string(i) + "<br>";
  const std::string text =
      vankien::readers::html_fragment_text("<table><tr><td>" + tall + "</td><td>" + tall + "</td></tr></table>");
  CHECK(text.find("dòng 199\ndòng 0") != std::string::npos);  // the first cell ends, the second begins
  CHECK(text.find('\t') == std::string::npos);
}

TEST_CASE("the byline a date came from is not part of the text") {
  const Document d =
      page_document(portal_page("<div class=\"content\"><h1>Tin</h1><div class=\"date\">Thứ Ba, 12/05/2020 - 08:15</div>" +
                                paragraphs(3, article_text) + "</div>"));
  CHECK(d.date == "2020-05-12");
  CHECK(d.body.find("08:15") == std::string::npos);
}

TEST_CASE("the address of a saved page comes from the browser's comment") {
  const Document d = page_document("<!-- saved from url=(0041)https://huyenuy.example/tin/dai-hoi.html -->\n" +
                                   portal_page("<div class=\"content\">" + paragraphs(3, article_text) + "</div>"));
  CHECK(d.url == "https://huyenuy.example/tin/dai-hoi.html");
}

TEST_CASE("a site rule picks the content, title and date, and drops what it names") {
  vankien::test::TempDir dir;
  vankien::test::write_file(dir / "sites.tsv",
                            "# host\tcontent\ttitle\tdate\tdrop\n"
                            "portal.example\t.main-text\th2.headline\tspan.when\t.ads, #box\n");
  vankien::ReadOptions options;
  options.site_rules = dir / "sites.tsv";
  const std::string page = portal_page(
      "<h2 class=\"headline\">Tiêu đề theo quy tắc</h2><span class=\"when\">05/06/2020</span>"
      "<div class=\"main-text\"><p>Đoạn ngắn.</p><div class=\"ads\">Quảng cáo</div><p id=\"box\">Hộp</p></div>" +
          paragraphs(5, "Một bài khác dài hơn mà bộ chấm điểm sẽ chọn, có nhiều dấu phẩy, nhiều chữ, nhiều câu"),
      "<link rel=\"canonical\" href=\"https://www.portal.example/a/1.html\">");
  const Document d = page_document(page, options);
  CHECK(d.title == "Tiêu đề theo quy tắc");
  CHECK(d.date == "2020-06-05");
  CHECK(d.body == "Đoạn ngắn.");
  // Another host: the general scorer.
  std::string other = page;
  other.replace(other.find("www.portal.example"), 18, "elsewhere.example");
  CHECK(page_document(other, options).body.find("bộ chấm điểm") != std::string::npos);
}

TEST_CASE("site rules: hosts match themselves and their subdomains; bad selectors are errors") {
  vankien::test::TempDir dir;
  vankien::test::write_file(dir / "sites.tsv", "a.example\tdiv\n");
  const auto rules = vankien::readers::html::SiteRules::load(dir / "sites.tsv");
  CHECK(rules->find("https://a.example/x"));
  CHECK(rules->find("http://news.a.example:8080/x"));
  CHECK(rules->find("https://WWW.A.EXAMPLE/"));
  CHECK_FALSE(rules->find("https://ba.example/"));
  CHECK_FALSE(rules->find("not a url at all"));
  vankien::test::write_file(dir / "bad.tsv", "b.example\tdiv::before\n");
  CHECK_THROWS_WITH_AS(vankien::readers::html::SiteRules::load(dir / "bad.tsv"), doctest::Contains("bad.tsv:1"),
                       vankien::Error);
}

TEST_CASE("selectors: the subset site rules are written in") {
  const vankien::readers::html::Page page(
      "<div id=\"main\" class=\"news detail\"><section><p class=\"lead\" data-x=\"abc\">x</p></section></div>", true);
  const GumboNode* p = vankien::readers::html::find_element(
      page.root(), [](const GumboNode& e) { return vankien::readers::html::is_element(e, GUMBO_TAG_P); });
  REQUIRE(p);
  struct Case {
    std::string selector;
    bool matches;
  };
  const std::vector<Case> cases = {
      {"p", true},         {"P.lead", true},          {".lead", true},       {"#main p", true},
      {"div.news.detail p", true}, {"div > p", false}, {"section > p", true}, {"[data-x]", true},
      {"[data-x=abc]", true}, {"[data-x='abc']", true}, {"[data-x*=b]", true}, {"[data-x=ab]", false},
      {"span, p.lead", true}, {"article p", false},    {"*", true},           {".detail .lead", true},
  };
  for (const Case& c : cases) {
    CAPTURE(c.selector);
    const auto selector = vankien::readers::html::Selector::parse(c.selector);
    REQUIRE(selector);
    CHECK(selector->matches(*p) == c.matches);
  }
  for (const char* bad : {"", "p >", "a,", "p:first-child", "[x", "a ~ b", ".", "#"}) {
    CAPTURE(bad);
    CHECK_FALSE(vankien::readers::html::Selector::parse(bad));
  }
}

TEST_CASE("nesting deeper than the bound is flattened; the text stays") {
  using vankien::readers::html::flatten_deep_nesting;
  using vankien::readers::html::max_nesting;
  CHECK_FALSE(flatten_deep_nesting("<div><p>a<p>b<br><img src=x><div/></div>"));
  std::string deep;
  for (std::size_t i = 0; i < max_nesting + 10; ++i) deep += "<div class=\"x\">";
  deep += "Nghị quyết";
  const auto flat = flatten_deep_nesting(deep);
  REQUIRE(flat);
  CHECK(flat->size() == max_nesting * 15 + std::string("Nghị quyết").size());
  // Unclosed paragraphs, list items and cells do not nest.
  std::string flat_page;
  for (int i = 0; i < 5000; ++i) flat_page += "<p>a<li>b<td>c<br>";
  CHECK_FALSE(flatten_deep_nesting(flat_page));
  // Tags inside scripts and comments are not tags.
  CHECK_FALSE(flatten_deep_nesting("<script>" + deep + "</script><!-- " + deep + " -->"));
  // Ways a page nests deeply while a naive count sees no depth: each is flattened.
  const auto repeated = [](const std::string& piece, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i) out += piece;
    return out;
  };
  const std::size_t many = max_nesting + 50;
  const std::vector<std::pair<std::string, std::string>> deep_cases = {
      {"\"/>\" does not close a <div>", repeated("<div/>", many)},
      {"an end tag of nothing open closes nothing", repeated("<div></i>", many)},
      {"a quote outside an attribute value is text", "<div '>" + repeated("<div>", many)},
      {"a bogus comment ends at its first '>'", "<!x'>" + repeated("<div>", many)},
      {"\"<!-->\" is a whole comment", "<!-->" + repeated("<div>", many)},
      {"\"--!>\" ends a comment", "<!-- a --!>" + repeated("<div>", many)},
      {"<style> inside svg is not raw text", "<svg><style>" + repeated("<div>", many)},
      {"formatting elements left active", "<div>" + repeated("<b id=x>", 40) + "</div>" + repeated("<p>x</p>", 10)},
  };
  for (const auto& [behaviour, page] : deep_cases) {
    CAPTURE(behaviour);
    CHECK(flatten_deep_nesting(page));
  }
  // 100,000 levels read at once, with their text.
  std::string very_deep;
  for (int i = 0; i < 100000; ++i) very_deep += "<div>";
  const Document d = page_document("<html><body>" + very_deep + article_text + "</body></html>");
  CHECK(d.body == article_text);
}

TEST_CASE("bad pages are reported with file and position") {
  struct Case {
    std::string behaviour;
    std::string page;
    std::size_t documents;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"a page that is only scripts", "<html><head><script>var a = 1;</script></head><body><script>x()</script></body></html>",
       0, "no text in the page"},
      {"a page of markup only", "<html><body><div><span></span></div></body></html>", 0, "no text in the page"},
      {"a binary file named .html", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), 0, "not a text file: NUL byte"},
      {"a page over the limit for HTML", "<html><body><p>" + std::string(2000, 'a') + "</p></body></html>", 0,
       "limit for HTML"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.behaviour);
    vankien::ReadOptions options;
    options.max_document_bytes = 4096;
    const Read result = read_html(c.page, options);
    CHECK(result.documents.size() == c.documents);
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].message.find(c.message) != std::string::npos);
    CHECK(result.problems[0].where.file == "page.html");
  }
  // Truncated pages read as far as they go.
  const Document truncated = page_document("<html><body><div class=\"content\"><p>" + article_text + ", và nhiều");
  CHECK(truncated.body == article_text + ", và nhiều");
}

TEST_CASE("pages are recognised by extension or by their start") {
  struct Case {
    std::string name, content;
    bool html;
  };
  const std::string page = "<html><body><p>" + article_text + "</p></body></html>";
  const std::vector<Case> cases = {
      {"a.html", page, true}, {"a.HTM", page, true}, {"noext", page, true},
      {"noext", "<!DOCTYPE html>\n" + page, true},
      {"saved", "<!-- saved from url=(0020)https://a.example/ -->\n" + page, true},
      {"noext", "<documents><document id=\"x\"><body>b</body></document></documents>", false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CAPTURE(c.content.substr(0, 30));
    Read out;
    vankien::read_documents(c.content, c.name, {}, [&](Document&& d) { out.documents.push_back(std::move(d)); },
                            [&](Problem&& p) { out.problems.push_back(std::move(p)); });
    REQUIRE(out.documents.size() == 1);
    CHECK((out.documents[0].body == article_text) == c.html);
  }
  CHECK(vankien::parse_format("html") == vankien::Format::html);
  CHECK(vankien::parse_format("htm") == vankien::Format::html);
}
