// Readers: every format, derived ids, and each kind of bad input.
#include <doctest/doctest.h>

#include <string>
#include <vector>

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

Read read(std::string_view content, const std::string& name,
          vankien::Format format = vankien::Format::automatic) {
  Read out;
  vankien::ReadOptions options;
  options.format = format;
  options.max_document_bytes = 4096;
  vankien::read_documents(content, name, options,
                          [&](Document&& d) { out.documents.push_back(std::move(d)); },
                          [&](Problem&& p) { out.problems.push_back(std::move(p)); });
  return out;
}

Read read_fixture(std::string_view name) {
  return read(vankien::test::read_file(vankien::test::fixture(name)), std::string(name));
}

}  // namespace

TEST_CASE("each format yields its documents with derived ids") {
  struct Case {
    const char* fixture;
    std::vector<std::string> ids;
  };
  const std::vector<Case> cases = {
      {"article_cho_moi.txt", {"article_cho_moi.txt"}},
      {"directive_secret.md", {"directive_secret.md"}},
      {"documents.xml", {"xml-1", "xml-2"}},
      {"documents.jsonl", {"jl-1", "2"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.fixture);
    const Read result = read_fixture(c.fixture);
    CHECK(result.problems.empty());
    std::vector<std::string> ids;
    for (const Document& d : result.documents) ids.push_back(d.id);
    CHECK(ids == c.ids);
  }
}

TEST_CASE("XML and JSON Lines fields") {
  const Read xml = read_fixture("documents.xml");
  REQUIRE(xml.documents.size() == 2);
  CHECK(xml.documents[0].title == "Kết luận của Ban Thường vụ Tỉnh ủy về công tác dân vận");
  CHECK(xml.documents[0].number == "45-KL/TU");
  CHECK(xml.documents[0].topics == std::vector<std::string>{"dan_van"});
  CHECK(xml.documents[0].url == "https://example.org/kl-45");
  CHECK(xml.documents[1].access == vankien::Access::internal);
  CHECK(xml.documents[1].source.line == 14);

  const Read jsonl = read_fixture("documents.jsonl");
  REQUIRE(jsonl.documents.size() == 2);
  CHECK(jsonl.documents[0].district == "Sơn La");
  CHECK(jsonl.documents[1].topics == std::vector<std::string>{"thi_dua"});
  CHECK(jsonl.documents[1].source.line == 2);
}

TEST_CASE("Markdown markup is removed, escaped characters kept") {
  const std::string text = vankien::readers::strip_markdown(
      "  ---- ----\n**BAN CHẤP HÀNH\\\n\\***\n\\- Báo cáo _kèm theo_ <br>x\n## Phụ lục");
  CHECK(text == "\nBAN CHẤP HÀNH\n*\n- Báo cáo kèm theo  x\n Phụ lục");
}

TEST_CASE("documents without ids: file for text, file and line otherwise") {
  CHECK(read("Tiêu đề\n\nnội dung", "a/b.txt").documents.at(0).id == "a/b.txt");
  const Read jsonl = read("\n{\"title\": \"x\", \"body\": \"y\"}\n", "c.jsonl");
  CHECK(jsonl.documents.at(0).id == "c.jsonl:2");
  CHECK(read("Tiêu đề", "-").documents.at(0).id.empty());  // the indexer derives it
}

TEST_CASE("bad input is reported with file and position; the rest goes in") {
  struct Case {
    std::string behaviour;
    std::string content;
    std::string name;
    std::size_t documents;
    std::string message;    // part of the first problem's message
    std::size_t line;       // of the first problem
    bool warning;
  };
  const std::vector<Case> cases = {
      {"invalid UTF-8 in text", "Tiêu đề\nnội \xFF dung", "a.txt", 0, "invalid UTF-8 at byte 18", 2, false},
      {"not a text file", std::string("PK\x03\x04\0\0binary", 12), "a.txt", 0, "not a text file", 1, false},
      // A byte order mark says UTF-8: bad bytes are refused, at their offset in the file.
      {"bad bytes after a UTF-8 byte order mark", "\xEF\xBB\xBFTiêu đề \xFF\xFE\xFD\xFC", "a.txt", 0,
       "invalid UTF-8 at byte 15", 1, false},
      {"empty text file", " \n\n ", "a.txt", 0, "empty document", 1, false},
      {"text file too large", std::string(5000, 'a'), "a.txt", 0, "larger than the 4096-byte limit", 1, false},
      {"malformed XML", "<documents>\n<document id=\"1\"><title>x</title>\n</documents>", "a.xml", 0,
       "malformed XML", 3, false},
      {"wrong XML root", "<html><body/></html>", "a.xml", 0, "expected <documents> or <document>", 1, false},
      {"unknown XML field", "<documents>\n<document id=\"1\"><colour>red</colour><body>x</body></document>\n</documents>",
       "a.xml", 1, "unknown field 'colour'", 2, true},
      {"bad XML access", "<documents><document id=\"1\"><access>very</access></document></documents>",
       "a.xml", 0, "unknown access level", 1, false},
      {"malformed XML after a document: the document before it goes in",
       "<documents>\n<document id=\"1\"><body>a</body></document>\n<document id=\"2\"><body>b</body>\n</documents>",
       "a.xml", 1, "malformed XML", 4, false},
      {"invalid UTF-8 in XML after a document",
       "<documents>\n<document id=\"1\"><body>a</body></document>\n<document id=\"2\"><body>\xC3</body></document></documents>",
       "a.xml", 1, "invalid UTF-8 at byte 78", 3, false},
      {"XML entity declaration", "<!DOCTYPE documents [<!ENTITY x \"y\">]>\n<documents/>", "a.xml", 0,
       "entity declarations are not accepted", 1, false},
      {"XML document over the size limit, between two that go in",
       "<documents>\n<document id=\"1\"><body>a</body></document>\n<document id=\"2\"><body>" +
           std::string(5000, 'x') + "</body></document>\n<document id=\"3\"><body>c</body></document></documents>",
       "a.xml", 2, "larger than the 4096-byte limit", 3, false},
      {"JSON line that does not parse", "{\"id\": \"1\", \"body\": \"x\"}\n{\"id\": \"2\", \"body\": \n{\"id\": \"3\", \"body\": \"z\"}",
       "a.jsonl", 2, "JSON does not parse", 2, false},
      // Found by fuzz_jsonl: a number too large for a double threw past the reader.
      {"JSON number out of range", "{\"id\": 1e999999}\n{\"id\": \"b\"}", "a.jsonl", 1, "JSON cannot be read", 1, false},
      {"JSON line that is not an object", "[1, 2]\n{\"id\": \"3\"}", "a.jsonl", 1, "expected a JSON object", 1, false},
      {"JSON field of the wrong type", "{\"id\": \"1\", \"title\": {\"a\": 1}}", "a.jsonl", 0, "must be a string", 1, false},
      {"unknown JSON field", "{\"id\": \"1\", \"colour\": \"red\", \"body\": \"x\"}", "a.jsonl", 1, "unknown field 'colour'", 1, true},
      {"invalid UTF-8 in a JSON line", "{\"id\": \"1\"}\n{\"id\": \"2\", \"body\": \"\xC3\"}", "a.jsonl", 1, "invalid UTF-8", 2, false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.behaviour);
    const Read result = read(c.content, c.name);
    CHECK(result.documents.size() == c.documents);
    REQUIRE(!result.problems.empty());
    const Problem& problem = result.problems.front();
    CAPTURE(problem.message);
    CHECK(problem.message.find(c.message) != std::string::npos);
    CHECK(problem.where.file == c.name);
    CHECK(problem.where.line == c.line);
    CHECK(problem.warning == c.warning);
  }
}

TEST_CASE("XML fed in pieces of any size reads as when fed whole") {
  const std::string content = vankien::test::read_file(vankien::test::fixture("documents.xml"));
  const auto read_in_pieces = [](std::string_view xml, std::size_t piece_bytes) {
    Read out;
    vankien::ReadOptions options;
    options.max_document_bytes = 4096;
    std::vector<std::string> reported;
    const vankien::DocumentSink on_document = [&](Document&& d) { out.documents.push_back(std::move(d)); };
    const vankien::ProblemSink on_problem = [&](Problem&& p) { out.problems.push_back(std::move(p)); };
    const std::string name = "documents.xml";
    const vankien::readers::Input input{{}, name, options, on_document, on_problem, reported};
    vankien::readers::XmlStream stream(input);
    for (std::size_t at = 0; at < xml.size(); at += piece_bytes) {
      if (!stream.feed(xml.substr(at, piece_bytes), at + piece_bytes >= xml.size())) break;
    }
    return out;
  };
  const Read whole = read_fixture("documents.xml");
  REQUIRE(whole.documents.size() == 2);
  for (const std::size_t piece_bytes : {1, 2, 3, 7, 64}) {
    CAPTURE(piece_bytes);
    const Read pieces = read_in_pieces(content, piece_bytes);
    CHECK(pieces.problems.empty());
    REQUIRE(pieces.documents.size() == whole.documents.size());
    for (std::size_t i = 0; i < whole.documents.size(); ++i) {
      CHECK(pieces.documents[i].title == whole.documents[i].title);
      CHECK(pieces.documents[i].body == whole.documents[i].body);
      CHECK(pieces.documents[i].number == whole.documents[i].number);
      CHECK(pieces.documents[i].source.line == whole.documents[i].source.line);
      CHECK(pieces.documents[i].source.offset == whole.documents[i].source.offset);
    }
  }
  // What the parser holds of a tag it has not finished counts against the
  // size limit: a tag that never ends stops the file once past it.
  const std::string endless = "<documents><document id=\"1\" title=\"" + std::string(5000, 'a');
  const Read stopped = read_in_pieces(endless + endless, 1000);
  CHECK(stopped.documents.empty());
  REQUIRE(stopped.problems.size() == 1);
  CHECK(stopped.problems[0].message == "document larger than the 4096-byte limit");
}

TEST_CASE("an unknown field is reported once per file") {
  const Read result = read("{\"id\": \"1\", \"colour\": \"red\"}\n{\"id\": \"2\", \"colour\": \"blue\"}",
                           "a.jsonl");
  CHECK(result.documents.size() == 2);
  CHECK(result.problems.size() == 1);
}

// A file is read from disk in blocks of 1 MB; these lines span several
// blocks, one line is larger than a block, and the results must be those of
// reading the whole text at once.
TEST_CASE("a JSON Lines file read in blocks reads as if whole") {
  std::string content;
  for (int line = 1; line <= 3000; ++line) {
    if (line == 1500) {
      content += "{\"id\": \"huge\", \"body\": \"" + std::string(3 << 20, 'a') + "\"}\n";
    } else if (line == 2500) {
      content += "{\"id\": \"bad\", \"body\": \"\xC3\"}\n";
    } else {
      content += "{\"id\": \"" + std::to_string(line) + "\", \"colour\": \"red\", \"body\": \"" +
                 std::string(1000, 'b') + "\"}\n";
    }
  }
  content += "{\"id\": \"last\", \"body\": \"no newline at the end\"}";
  vankien::test::TempDir dir;
  vankien::test::write_file(dir / "big.jsonl", content);

  vankien::ReadOptions options;
  options.max_document_bytes = 100000;
  Read whole, blocks;
  const std::string name = (dir / "big.jsonl").string();
  vankien::read_documents(content, name, options,
                          [&](Document&& d) { whole.documents.push_back(std::move(d)); },
                          [&](Problem&& p) { whole.problems.push_back(std::move(p)); });
  vankien::read_file(dir / "big.jsonl", options,
                     [&](Document&& d) { blocks.documents.push_back(std::move(d)); },
                     [&](Problem&& p) { blocks.problems.push_back(std::move(p)); });

  REQUIRE(whole.documents.size() == 2999);
  REQUIRE(blocks.documents.size() == whole.documents.size());
  for (std::size_t i = 0; i < whole.documents.size(); ++i) {
    CHECK(blocks.documents[i].id == whole.documents[i].id);
    CHECK(blocks.documents[i].source.line == whole.documents[i].source.line);
    CHECK(blocks.documents[i].source.offset == whole.documents[i].source.offset);
  }
  CHECK(blocks.documents.back().source.line == 3001);
  // The unknown field once, the huge line, the invalid UTF-8.
  REQUIRE(whole.problems.size() == 3);
  REQUIRE(blocks.problems.size() == 3);
  for (std::size_t i = 0; i < whole.problems.size(); ++i) {
    CHECK(blocks.problems[i].to_string() == whole.problems[i].to_string());
    CHECK(blocks.problems[i].where.offset == whole.problems[i].where.offset);
  }
  CHECK(blocks.problems[1].where.line == 1500);
  CHECK(blocks.problems[2].where.line == 2500);
}

TEST_CASE("format detection and parse_format") {
  CHECK(read("<documents><document id=\"q\"><body>x</body></document></documents>", "noext").documents.at(0).id == "q");
  CHECK(read("{\"id\": \"j\", \"body\": \"x\"}", "noext").documents.at(0).id == "j");
  CHECK(read("\xEF\xBB\xBFTiêu đề", "bom.txt").documents.at(0).body == "Tiêu đề");
  CHECK(vankien::parse_format("jsonl") == vankien::Format::jsonl);
  CHECK(vankien::parse_format("md") == vankien::Format::markdown);
  CHECK_FALSE(vankien::parse_format("pdf"));
}

TEST_CASE("collect_files walks directories with include and exclude globs") {
  vankien::test::TempDir dir;
  for (const char* name : {"a.txt", "b.xml", "sub/c.txt", "sub/d.jsonl", ".hidden.txt"}) {
    vankien::test::write_file(dir / name, "x");
  }
  std::vector<Problem> problems;
  auto names = [&](const vankien::FileSelection& selection) {
    std::vector<std::string> out;
    for (const auto& path : vankien::collect_files({dir.path(), dir / "missing"}, selection,
                                                   [&](Problem&& p) { problems.push_back(p); })) {
      out.push_back(path.lexically_relative(dir.path()).generic_string());
    }
    return out;
  };
  CHECK(names({}) == std::vector<std::string>{"a.txt", "b.xml", "sub/c.txt", "sub/d.jsonl"});
  CHECK(names({{"*.txt"}, {}}) == std::vector<std::string>{"a.txt", "sub/c.txt"});
  CHECK(names({{}, {"sub/*"}}) == std::vector<std::string>{"a.txt", "b.xml"});
  REQUIRE(!problems.empty());
  CHECK(problems.front().message == "no such file or directory");
}

TEST_CASE("XML markup inside fields keeps its text: inline in place, blocks as paragraphs") {
  struct Case {
    std::string behaviour;
    std::string fields;  // inside <document>
    std::string title, body;
  };
  const std::vector<Case> cases = {
      {"paragraphs", "<body><p>Một.</p><p>Hai.</p></body>", "", "Một.\nHai.\n"},
      {"inline bold", "<body>Trước <b>giữa</b> sau</body>", "", "Trước giữa sau"},
      {"nested inline", "<body>A <span><i>b <u>c</u></i> d</span> e</body>", "", "A b c d e"},
      {"line break", "<body>dòng một<br/>dòng hai</body>", "", "dòng một\ndòng hai"},
      {"table cells", "<body><table><tr><td>Ô 1</td><td>Ô 2</td></tr><tr><td>Ô 3</td></tr></table></body>", "",
       "Ô 1 Ô 2\nÔ 3\n"},
      {"CDATA", "<body><![CDATA[x < y & z]]> sau</body>", "", "x < y & z sau"},
      {"entities", "<body>&lt;Số&gt; &amp; &#7889;</body>", "", "<Số> & ố"},
      {"title with markup, on one line", "<title>Nghị quyết <b>số 12</b><br/>về cán bộ</title>",
       "Nghị quyết số 12 về cán bộ", ""},
      {"text before and after blocks", "<body>Mở <div>giữa</div> đóng</body>", "", "Mở \ngiữa\n đóng"},
      {"an undeclared entity stays as written", "<body>a&nbsp;b &eacute;</body>", "", "a&nbsp;b &eacute;"},
      {"comments and whitespace between tags are not text", "<body><p>Một.</p>\n  <!-- x -->\n<p>Hai.</p></body>", "",
       "Một.\nHai.\n"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.behaviour);
    const Read result = read("<document id=\"x\">" + c.fields + "</document>", "a.xml");
    CHECK(result.problems.empty());
    REQUIRE(result.documents.size() == 1);
    CHECK(result.documents[0].title == c.title);
    CHECK(result.documents[0].body == c.body);
  }
  // A hundred thousand nested elements are walked, not recursed into.
  std::string deep = "<document id=\"deep\"><body>";
  for (int i = 0; i < 100000; ++i) deep += "<i>";
  deep += "sâu";
  for (int i = 0; i < 100000; ++i) deep += "</i>";
  deep += "</body></document>";
  vankien::ReadOptions options;
  std::vector<Document> documents;
  vankien::read_documents(deep, "deep.xml", options, [&](Document&& d) { documents.push_back(std::move(d)); },
                          [](Problem&&) {});
  REQUIRE(documents.size() == 1);
  CHECK(documents[0].body == "sâu");
}

TEST_CASE("JSON Lines: unknown fields of any type are a warning; numbers are kept as written") {
  struct Case {
    std::string behaviour;
    std::string line;
    std::string id, number;
    std::vector<std::string> topics;
    std::size_t warnings;
  };
  const std::vector<Case> cases = {
      {"unknown object", R"({"id": "a", "meta": {"x": [1, {"y": 2}]}, "body": "x"})", "a", "", {}, 1},
      {"unknown array", R"({"id": "a", "labels": ["x", "y"], "body": "x"})", "a", "", {}, 1},
      {"tags are a known list", R"({"id": "a", "tags": ["x", "y"], "body": "x"})", "a", "", {}, 0},
      {"unknown boolean", R"({"id": "a", "published": true, "body": "x"})", "a", "", {}, 1},
      {"unknown float", R"({"id": "a", "score": 0.5, "body": "x"})", "a", "", {}, 1},
      {"three unknown fields", R"({"id": "a", "labels": [], "published": false, "meta": null, "body": "x"})", "a", "",
       {}, 3},
      {"a float where a number is accepted", R"({"id": 12.50, "number": 1e3, "body": "x"})", "12.50", "1e3", {}, 0},
      {"past the largest signed integer", R"({"id": 9223372036854775808, "body": "x"})", "9223372036854775808", "",
       {}, 0},
      {"the largest unsigned integer", R"({"id": "a", "number": 18446744073709551615, "body": "x"})", "a",
       "18446744073709551615", {}, 0},
      {"past every integer", R"({"id": 18446744073709551616, "number": -9223372036854775809, "body": "x"})",
       "18446744073709551616", "-9223372036854775809", {}, 0},
      {"topics of strings and numbers", R"({"id": "a", "topics": ["dan_van", 7], "body": "x"})", "a", "",
       {"dan_van", "7"}, 0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.behaviour);
    const Read result = read(c.line + "\n" + c.line, "a.jsonl");
    REQUIRE(result.documents.size() == 2);
    CHECK(result.documents[0].id == c.id);
    CHECK(result.documents[0].number == c.number);
    CHECK(result.documents[0].topics == c.topics);
    CHECK(result.problems.size() == c.warnings);  // once per file, not per line
    for (const Problem& problem : result.problems) CHECK(problem.warning);
  }
  // A known field of the wrong kind still fails its document, and names the kind.
  for (const std::string line : {R"({"id": "a", "title": true})", R"({"id": "a", "body": ["x"]})",
                                 R"({"id": "a", "access": {"level": 1}})"}) {
    CAPTURE(line);
    const Read result = read(line, "a.jsonl");
    CHECK(result.documents.empty());
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].message.find("must be a string") != std::string::npos);
  }
}

namespace {

// A document's words, then that document written in one format with the
// markup the format allows around them.
struct Generated {
  std::vector<std::string> words;
  std::string content;
};

Generated generate(vankien::Format format, std::uint32_t seed) {
  static const std::vector<std::string> vocabulary = {
      "Đảng", "bộ", "huyện", "ủy", "lãnh", "đạo", "nghị", "quyết", "12-NQ/HU", "năm", "2019", "cán",
      "hòa", "thuỷ", "khỏe", "Ban", "Thường", "vụ", "xã", "nông", "thôn", "mới", "Bạch", "Thông"};
  std::uint32_t state = seed * 2654435761u + 1;
  const auto next = [&](std::uint32_t below) {
    state = state * 1664525u + 1013904223u;
    return (state >> 8) % below;
  };
  Generated out;
  const std::size_t count = 5 + next(60);
  for (std::size_t i = 0; i < count; ++i) {
    out.words.push_back(vocabulary[next(static_cast<std::uint32_t>(vocabulary.size()))]);
  }
  std::string text;
  switch (format) {
    case vankien::Format::html:  // a site export: front matter and an editor's HTML body
    case vankien::Format::xml: {
      static const char* inline_tags[] = {"b", "i", "span", "strong", "a", "em"};
      static const char* block_tags[] = {"p", "div", "li", "h2", "td"};
      std::vector<std::string> open;
      for (const std::string& word : out.words) {
        const std::uint32_t markup = next(6);
        if (markup <= 1) {
          open.emplace_back(markup == 0 ? inline_tags[next(6)] : block_tags[next(5)]);
          text += "<" + open.back() + ">";
        } else if (markup == 2 && !open.empty()) {
          text += "</" + open.back() + ">";
          open.pop_back();
        } else if (markup == 3) {
          text += "<br/>";
        }
        text += word + (next(4) == 0 ? "" : " ");
        if (next(5) == 0) text += "&amp; ";
      }
      while (!open.empty()) {
        text += "</" + open.back() + ">";
        open.pop_back();
      }
      if (format == vankien::Format::html) {
        out.content = "---\ntitle: x\n---\n" + text;
        break;
      }
      out.content = "<documents><document id=\"g\"><title>" + out.words.front() + " <b>" + out.words.back() +
                    "</b></title><body>" + text + "</body></document></documents>";
      out.words.push_back(out.words.front());  // the title's words, checked after the body's
      out.words.push_back(out.words[out.words.size() - 2]);
      break;
    }
    case vankien::Format::jsonl:
      for (const std::string& word : out.words) {
        text += word + (next(3) == 0 ? "\\n" : next(5) == 0 ? "\\\"" : " ");  // escapes between words
      }
      out.content = "{\"id\": \"g\", \"tags\": [1], \"body\": \"" + text + "\"}\n";
      break;
    case vankien::Format::markdown:
      for (const std::string& word : out.words) {
        text += (next(4) == 0 ? "**" + word + "**" : word) + (next(6) == 0 ? "\n\n" : " ");
      }
      out.content = "# " + text;
      break;
    default:
      for (const std::string& word : out.words) text += word + (next(6) == 0 ? "\n\n" : " ");
      out.content = text;
  }
  return out;
}

// True when `words` appear in `text` in this order.
bool in_order(const std::vector<std::string>& words, std::string_view text) {
  std::size_t at = 0;
  for (const std::string& word : words) {
    at = text.find(word, at);
    if (at == std::string_view::npos) return false;
    at += word.size();
  }
  return true;
}

}  // namespace

TEST_CASE("property: every character of text in an input document reaches its fields, for every reader") {
  // (HTML pages leave boilerplate out by design; an export's HTML body keeps all.)
  const std::vector<std::pair<vankien::Format, std::string>> formats = {
      {vankien::Format::text, "g.txt"}, {vankien::Format::markdown, "g.md"},
      {vankien::Format::xml, "g.xml"}, {vankien::Format::jsonl, "g.jsonl"},
      {vankien::Format::html, "g-export.md"}};
  for (const auto& [format, name] : formats) {
    CAPTURE(name);
    for (std::uint32_t seed = 0; seed < 300; ++seed) {
      CAPTURE(seed);
      const Generated generated = generate(format, seed);
      CAPTURE(generated.content);
      Read result = read(generated.content, name);
      REQUIRE(result.documents.size() == 1);
      const Document& d = result.documents[0];
      CHECK(in_order(generated.words, d.body + "\n" + d.title));
    }
  }
}

TEST_CASE("site exports: front matter maps to fields and an editor's HTML body becomes text") {
  struct Case {
    std::string behaviour;
    std::string content;
    std::string title, date, author, lead, body;
    std::vector<std::string> tags;
    std::size_t warnings;
  };
  const std::string html_body = "<p><strong>Chợ Mới</strong> &ndash; Hội nghị Ban Chấp h&agrave;nh&nbsp;Đảng bộ</p>\n"
                                "<p>Lần thứ 5</p>\n";
  const std::string text_body = "Chợ Mới – Hội nghị Ban Chấp hành Đảng bộ\nLần thứ 5";
  const std::vector<Case> cases = {
      {"JSON front matter, HTML body",
       "---json\n{\"title\": \"Hội nghị\", \"date\": \"2020-06-05T15:02:00+07:00\", \"categories\": [\"Tin tức\"], "
       "\"tags\": [\"đại hội\", \"Chợ Mới\"], \"author\": \"Lê Thị Mai\", \"slug\": \"hoi-nghi\", \"views\": 12}\n---\n" +
           html_body,
       "Hội nghị", "2020-06-05", "Lê Thị Mai", "", text_body, {"Tin tức", "đại hội", "Chợ Mới"}, 0},
      {"YAML front matter with lists, quoted and plain values",
       "---\ntitle: \"Hội nghị: lần thứ 5\"\ndate: 2021-03-12 08:15:00 +07:00\ntags: [đại hội, Chợ Mới]\n"
       "categories:\n  - Tin tức\ndescription: Tóm tắt\nlayout: post\ndraft: false\n---\n" + html_body,
       "Hội nghị: lần thứ 5", "2021-03-12", "", "Tóm tắt", text_body, {"đại hội", "Chợ Mới", "Tin tức"}, 0},
      {"an issuing date wins over the post's date",
       "---\ntitle: Nghị quyết\ndate: 2020-01-05\nngay_ban_hanh: 20/12/2019\nso_hieu: 12-NQ/HU\n---\nNội dung", "Nghị quyết",
       "2019-12-20", "", "", "Nội dung", {}, 0},
      {"a Markdown body stays Markdown", "---\ntitle: T\n---\n**Đậm** và \\- gạch", "T", "", "", "", "Đậm và - gạch", {}, 0},
      {"a date that is not one is a warning, and left to extraction", "---\ntitle: T\ndate: hôm qua\n---\nNội dung", "T",
       "", "", "", "Nội dung", {}, 1},
      {"YAML that does not parse is a warning; the body goes in", "---\ntitle: [unclosed\nauthor: x\n---\nNội dung", "", "",
       "", "", "Nội dung", {}, 1},
      {"JSON that does not parse is a warning; the body goes in", "---json\n{\"title\": }\n---\nNội dung", "", "", "",
       "", "Nội dung", {}, 1},
      {"a YAML list where a mapping should be", "---\n- a\n- b\n---\nNội dung", "", "", "", "", "Nội dung", {}, 1},
      {"no closing line: not front matter (and a Markdown rule)", "---\ntitle: T\nNội dung", "", "", "", "",
       "\ntitle: T\nNội dung", {}, 0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.behaviour);
    const Read result = read(c.content, "post.md");
    REQUIRE(result.documents.size() == 1);
    const Document& d = result.documents[0];
    CHECK(d.title == c.title);
    CHECK(d.date == c.date);
    CHECK(d.author == c.author);
    CHECK(d.lead == c.lead);
    CHECK(d.body == c.body);
    CHECK(d.tags == c.tags);
    CHECK(result.problems.size() == c.warnings);
    for (const Problem& problem : result.problems) {
      CAPTURE(problem.message);
      CHECK(problem.warning);
      CHECK(problem.message.find("front matter") != std::string::npos);
    }
  }
  const Read numbered = read("---\ntitle: Nghị quyết\nso_hieu: 12-NQ/HU\ndistrict: Chợ Mới\n---\nNội dung", "n.md");
  REQUIRE(numbered.documents.size() == 1);
  CHECK(numbered.documents[0].number == "12-NQ/HU");
  CHECK(numbered.documents[0].district == "Chợ Mới");
}

TEST_CASE("a YAML error names its line in the file") {
  const Read result = read("---\ntitle: ok\nauthor: [unclosed\n---\nNội dung", "post.md");
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].where.line >= 3);
}
