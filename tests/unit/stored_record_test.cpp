// What a document stores in the database (schema format 4): its fields and
// word index, the checkpoints snippets start from, and length-normalised wdfs.
#include <doctest/doctest.h>

#include <xapian.h>

#include <string>
#include <vector>

#include "indexer/document_builder.hpp"
#include "storage/document_record.hpp"
#include "query/snippet.hpp"
#include "vankien/analyzer.hpp"
#include "vankien/error.hpp"
#include "vankien/schema.hpp"

using vankien::Document;
using vankien::storage::BodyIndex;
using vankien::storage::Checkpoint;
using vankien::storage::decode_record;
using vankien::storage::encode_record;

namespace {

Document full_document() {
  Document d;
  d.id = "nq-12";
  d.title = "Nghị quyết về phương thức lãnh đạo";
  d.lead = "Đổi mới phương thức lãnh đạo của Đảng.";
  d.body = "Số 12-NQ/HU ngày 15/3/2019.\nBan Thường vụ Huyện ủy Bạch Thông.";
  d.date = "2019-03-15";
  d.type = "Nghị quyết";
  d.number = "12-NQ/HU";
  d.numbering = "party";
  d.issuer = "Huyện ủy Bạch Thông";
  d.district = "Bạch Thông";
  d.province = "Bắc Kạn";
  d.successor_province = "Thái Nguyên";
  d.term = "2015-2020";
  d.term_inferred = true;
  d.topics = {"Xây dựng Đảng", "Dân vận"};
  d.author = "Nông Văn Tuấn";
  d.url = "https://example.org/nq-12";
  d.access = vankien::Access::confidential;
  d.source.file = "nq.txt";
  d.source.line = 3;
  return d;
}

// A long body of varied text: codes, numbers, line breaks, abbreviations.
std::string long_body() {
  std::string body;
  for (int i = 0; i < 60; ++i) {
    body += "Thực hiện Nghị quyết số " + std::to_string(i) + "-NQ/TU, BTV Huyện ủy chỉ đạo các xã.\n";
    body += "Cán bộ, đảng viên học tập\tlý luận chính trị; HĐND xã giám sát 15/3/2019.\r\n";
  }
  return body;
}

}  // namespace

TEST_CASE("a stored record gives back every field, the body and its word index") {
  const Document original = full_document();
  const BodyIndex index{205, {{3, 12}, {8, 28}}};
  const vankien::storage::Record record = decode_record(encode_record(original, index));
  const Document& d = record.document;
  CHECK(d.id == original.id);
  CHECK(d.title == original.title);
  CHECK(d.lead == original.lead);
  CHECK(d.body == original.body);
  CHECK(d.date == original.date);
  CHECK(d.type == original.type);
  CHECK(d.number == original.number);
  CHECK(d.numbering == original.numbering);
  CHECK(d.issuer == original.issuer);
  CHECK(d.district == original.district);
  CHECK(d.province == original.province);
  CHECK(d.successor_province == original.successor_province);
  CHECK(d.term == original.term);
  CHECK(d.term_inferred == original.term_inferred);
  CHECK(d.topics == original.topics);
  CHECK(d.author == original.author);
  CHECK(d.url == original.url);
  CHECK(d.access == original.access);
  CHECK(d.source.file == "nq.txt:3");
  CHECK(record.body_index.first_position == 205);
  REQUIRE(record.body_index.checkpoints.size() == 2);
  CHECK(record.body_index.checkpoints[1].position == 8);
  CHECK(record.body_index.checkpoints[1].byte == 28);
}

TEST_CASE("damaged stored data is an error naming where it broke, never a crash") {
  const std::string good = encode_record(full_document(), {205, {{32, 10}}});
  struct Case {
    const char* name;
    std::string data;
  };
  std::string huge_length = good;
  huge_length[0] = '\xff';  // the id's length now runs past the end
  const std::vector<Case> cases = {
      {"empty", ""},
      {"a length past the end", huge_length},
      {"cut inside the fields", good.substr(0, 20)},
      {"a number that never ends", std::string(20, '\x80')},
      {"a checkpoint past the body", encode_record(full_document(), {205, {{32, 100000}}})},
      {"checkpoints going backwards", encode_record(full_document(), {205, {{32, 10}, {20, 5}}})},
      {"a checkpoint's byte going backwards", encode_record(full_document(), {205, {{32, 10}, {64, 5}}})},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CHECK_THROWS_WITH_AS(decode_record(c.data), doctest::Contains("stored document data"), vankien::Error);
  }
  // Every cut of a good record either decodes or says it is damaged.
  for (std::size_t cut = 0; cut < good.size(); ++cut) {
    try {
      decode_record(good.substr(0, cut));
    } catch (const vankien::Error&) {
    }
  }
}

TEST_CASE("a record of an access level this version does not know is hidden") {
  // The access level is the one byte where a confidential and a public record differ.
  Document public_document = full_document();
  public_document.access = vankien::Access::public_;
  const std::string confidential = encode_record(full_document(), {});
  const std::string published = encode_record(public_document, {});
  REQUIRE(confidential.size() == published.size());
  std::size_t at = 0;
  while (at < published.size() && published[at] == confidential[at]) ++at;
  REQUIRE(at < published.size());
  std::string unknown_level = confidential;
  unknown_level[at] = 9;
  CHECK(decode_record(confidential).document.access == vankien::Access::confidential);
  CHECK(decode_record(unknown_level).document.access == vankien::Access::top_secret);
}

TEST_CASE("analysis restarted at a checkpoint numbers the body's words as analysis from the start") {
  Document d = full_document();
  d.body = long_body();
  const Xapian::Document built = vankien::index::build_document(Document(d), "hash");
  const BodyIndex index = decode_record(built.get_data()).body_index;
  REQUIRE(index.checkpoints.size() > 20);
  std::vector<std::pair<std::size_t, std::size_t>> whole;  // byte, position
  vankien::Analyzer().analyze(d.body, [&](const vankien::Token& t) { whole.emplace_back(t.begin, t.position); });
  for (const Checkpoint& checkpoint : index.checkpoints) {
    CAPTURE(checkpoint.byte);
    CHECK(std::string_view(" \n\t\r").find(d.body[checkpoint.byte - 1]) != std::string_view::npos);
    std::vector<std::pair<std::size_t, std::size_t>> restarted;
    vankien::Analyzer().analyze(std::string_view(d.body).substr(checkpoint.byte), [&](const vankien::Token& t) {
      restarted.emplace_back(checkpoint.byte + t.begin, checkpoint.position + t.position);
    });
    const std::vector<std::pair<std::size_t, std::size_t>> tail(
        std::find_if(whole.begin(), whole.end(), [&](const auto& w) { return w.first >= checkpoint.byte; }),
        whole.end());
    CHECK(restarted == tail);
  }
  // The body's first word is at the position the record says.
  const std::string first_body_term = "thuc";  // "Thực", the body's first word
  bool found = false;
  for (auto p = built.termlist_begin(); p != built.termlist_end(); ++p) {
    if (*p != first_body_term) continue;
    for (auto pos = p.positionlist_begin(); pos != p.positionlist_end(); ++pos) {
      found = found || *pos == index.first_position;
    }
  }
  CHECK(found);
}

TEST_CASE("a snippet read from the checkpoint before its passage is the one read from the start") {
  const std::string body = long_body() + "Đổi mới phương thức lãnh đạo của Đảng. " + long_body();
  Document d = full_document();
  d.body = body;
  const BodyIndex index = decode_record(vankien::index::build_document(Document(d), "hash").get_data()).body_index;
  const std::vector<std::set<std::string>> queries = {
      {"phuong", "thuc", "lanh", "dao"}, {"hdnd", "giam", "sat"}, {"59-nq/tu"}, {"ly", "luan"}};
  for (const auto& words : queries) {
    CAPTURE(*words.begin());
    const auto terms = vankien::query::Highlighting::of_words(words);
    const vankien::Snippet whole = vankien::query::make_snippet(body, terms, 240);
    REQUIRE(!whole.highlights.empty());
    // Where the snippet's passage starts, in words, from the whole analysis.
    std::uint32_t passage_position = 0;
    vankien::Analyzer().analyze(body, [&](const vankien::Token& t) {
      if (t.begin < whole.highlights.front().begin) passage_position = static_cast<std::uint32_t>(t.position);
    });
    const Checkpoint start = vankien::storage::checkpoint_before(index, passage_position);
    CHECK(start.position + vankien::storage::checkpoint_interval + 1 >= passage_position);
    const vankien::Snippet restarted =
        vankien::query::make_snippet(body, terms, 240, {}, nullptr, {start.byte, start.position});
    CHECK(restarted.text == whole.text);
    CHECK(restarted.html == whole.html);
  }
}

TEST_CASE("a code holding a space is marked wherever the snippet's reading pieces fall") {
  // The pieces a snippet reads the body in end at checkpoints; cut at any
  // space, one fell between "35-" and "NQ/TW" and the code went unmarked.
  for (std::size_t pad = 440; pad < 600; ++pad) {
    CAPTURE(pad);
    std::string body(pad, 'x');
    for (std::size_t i = 5; i < pad; i += 6) body[i] = ' ';
    body += " theo Nghị quyết số 35- NQ/TW của Bộ Chính trị. " + long_body();
    Document d = full_document();
    d.body = body;
    const BodyIndex index = decode_record(vankien::index::build_document(Document(d), "hash").get_data()).body_index;
    const auto terms = vankien::query::Highlighting::of_words({"35-nq/tw"});
    const vankien::Snippet snippet =
        vankien::query::make_snippet(body, terms, 240, {}, nullptr, {0, 0, UINT32_MAX, &index.checkpoints});
    REQUIRE(snippet.highlights.size() == 1);
    CHECK(body.substr(snippet.highlights[0].begin, snippet.highlights[0].end - snippet.highlights[0].begin) ==
          "35- NQ/TW");
  }
}

TEST_CASE("stored wdfs are BM25's length-normalised frequencies") {
  struct Case {
    unsigned raw, length, stored;
  };
  // norm = 0.5 + 0.5 * max(length / 500, 0.5); stored = round(16 * raw / norm), at least 1.
  const std::vector<Case> cases = {
      {0, 500, 0},     // a boolean term stays boolean
      {1, 500, 16},    // the reference length: scaled only
      {3, 500, 48},
      {1, 1000, 11},   // twice as long: 16 / 1.5
      {1, 100, 21},    // a short document counts as half the reference: 16 / 0.75
      {1, 0, 21},
      {5, 250, 107},   // 80 / 0.75
      {1, 100000, 1},  // never rounded away
  };
  for (const Case& c : cases) {
    CAPTURE(c.raw);
    CAPTURE(c.length);
    CHECK(vankien::schema::stored_wdf(c.raw, c.length) == c.stored);
  }
}

TEST_CASE("a document's terms carry their stored wdfs, and keep their positions, at any length") {
  struct Case {
    std::string name;
    int sentences;  // of 12 words each
  };
  // Past about 15,500 words a stored wdf is smaller than the raw count.
  const std::vector<Case> cases = {{"a short item", 3}, {"an article", 60}, {"a very long report", 3000}};
  for (const Case& c : cases) {
    CAPTURE(c.name);
    Document d;
    d.id = "long";
    d.title = "Báo cáo";
    for (int i = 0; i < c.sentences; ++i) d.body += "Huyện ủy lãnh đạo cán bộ xã học tập nghị quyết mới. ";
    const Xapian::Document built = vankien::index::build_document(Document(d), "hash");
    const unsigned words = 2 + 12 * static_cast<unsigned>(c.sentences);  // title and body words
    struct Expected {
      std::string term;
      unsigned raw;
      std::size_t positions;
    };
    const std::vector<Expected> expected = {
        {"lanh", static_cast<unsigned>(c.sentences), static_cast<std::size_t>(c.sentences)},
        {"XElãnh", static_cast<unsigned>(c.sentences), 0},
        {"bao", vankien::schema::title_wdf, 1},
        {"Sbao", 1, 0},
    };
    for (const Expected& e : expected) {
      CAPTURE(e.term);
      auto it = built.termlist_begin();
      it.skip_to(e.term);
      REQUIRE(it != built.termlist_end());
      REQUIRE(*it == e.term);
      CHECK(it.get_wdf() == vankien::schema::stored_wdf(e.raw, words));
      CHECK(it.positionlist_count() == e.positions);
    }
  }
}
