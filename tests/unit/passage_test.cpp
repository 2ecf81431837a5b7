// The snippet passage of a hit read over remote shards: found in its stored
// body, analysed from checkpoint to checkpoint, exactly where the index's
// position lists would put it.
#include <doctest/doctest.h>

#include <xapian.h>

#include <set>
#include <string>
#include <vector>

#include "indexer/document_builder.hpp"
#include "query/candidates.hpp"
#include "storage/document_record.hpp"
#include "support.hpp"
#include "vankien/analyzer.hpp"
#include "vankien/schema.hpp"
#include "vntc.hpp"

namespace {

using vankien::storage::BodyIndex;
using vankien::storage::Checkpoint;

struct Word {
  std::size_t begin;
  std::uint32_t position;
  std::string folded;
  bool operator==(const Word&) const = default;
};

BodyIndex body_index_of(const std::string& body) {
  vankien::Document document;
  document.id = "passage";
  document.body = body;
  return vankien::storage::decode_record(vankien::index::build_document(std::move(document), "hash").get_data())
      .body_index;
}

std::vector<Word> whole_analysis(const std::string& body) {
  std::vector<Word> words;
  vankien::Analyzer().analyze(body, [&](const vankien::Token& t) {
    words.push_back({t.begin, static_cast<std::uint32_t>(t.position), t.folded});
  });
  return words;
}

// The end of the first stretch of `span` positions with the most distinct
// terms, worked out the slow way from the whole analysis.
std::uint32_t expected_passage_end(const std::vector<Word>& words, const std::set<std::string>& terms,
                                   std::uint32_t span) {
  std::vector<const Word*> matches;
  for (const Word& word : words) {
    if (terms.count(word.folded) && word.folded.size() <= vankien::schema::max_term_bytes) matches.push_back(&word);
  }
  std::size_t best = 0;
  std::uint32_t end = 0;
  for (std::size_t last = 0; last < matches.size(); ++last) {
    std::set<std::string> distinct;
    for (std::size_t first = 0; first <= last; ++first) {
      if (matches[last]->position - matches[first]->position < span) distinct.insert(matches[first]->folded);
    }
    if (distinct.size() > best) {
      best = distinct.size();
      end = matches[last]->position;
    }
  }
  return end;
}

// Every body checks the same two things: analysed checkpoint to checkpoint,
// its words are the whole analysis's; and the passage found that way, for
// term sets drawn from its own words (and one it lacks), is the slow answer.
void check_body(const std::string& body) {
  const BodyIndex index = body_index_of(body);
  const std::vector<Word> whole = whole_analysis(body);
  std::vector<Word> pieced;
  for (std::size_t k = 0; k <= index.checkpoints.size(); ++k) {
    const Checkpoint from = k == 0 ? Checkpoint{} : index.checkpoints[k - 1];
    const std::size_t to = k < index.checkpoints.size() ? index.checkpoints[k].byte : body.size();
    vankien::Analyzer().analyze(std::string_view(body).substr(from.byte, to - from.byte), [&](const vankien::Token& t) {
      pieced.push_back({from.byte + t.begin, from.position + static_cast<std::uint32_t>(t.position), t.folded});
    });
  }
  CHECK(pieced == whole);

  if (whole.size() < 8) return;
  const std::vector<std::set<std::string>> term_sets = {
      {whole[whole.size() / 2].folded},
      {whole[1].folded, whole[whole.size() - 2].folded},
      {whole[whole.size() / 3].folded, whole[whole.size() / 3 + 1].folded, whole[whole.size() / 3 + 3].folded},
      {whole[whole.size() / 4].folded, "khongcotrongbai"},
  };
  for (const std::set<std::string>& terms : term_sets) {
    CAPTURE(*terms.begin());
    for (const std::uint32_t span : {1u, 8u, 120u}) {
      CAPTURE(span);
      CHECK(vankien::query::best_passage_end(body, index, terms, span) == expected_passage_end(whole, terms, span));
    }
  }
}

}  // namespace

TEST_CASE("a passage found in the body analysed checkpoint to checkpoint is where the index puts it") {
  std::string codes;
  for (int i = 0; i < 60; ++i) {
    codes += "Thực hiện Nghị quyết số " + std::to_string(i) + "-NQ/TU và số 35- NQ/TW, BTV Huyện ủy chỉ đạo.\n";
    codes += "Cán bộ, đảng viên học tập\tlý luận chính trị; HĐND xã giám sát 15/3/2019.\r\n";
  }
  const std::string cases[] = {
      "",
      "Một từ.",
      codes,
      std::string(3000, 'a') + " " + codes,  // a word longer than any term
  };
  for (const std::string& body : cases) {
    CAPTURE(body.size());
    check_body(body);
  }
}

TEST_CASE("real data: passages found checkpoint to checkpoint in VNTC articles are where the index puts them") {
  const auto data = vankien::test::shared_data("VNTC passages");
  if (!data) return;
  for (const auto& article : vankien::test::read_vntc(*data / "vntc" / "vntc_test_full.jsonl.gz", 300)) {
    CAPTURE(article.id);
    check_body(article.text);
  }
}
