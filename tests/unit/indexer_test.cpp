// The Indexer: what it writes, re-indexing, deletion, locking, bad documents.
#include <doctest/doctest.h>

#include <xapian.h>

#include <string>
#include <vector>

#include "support.hpp"
#include "vankien/error.hpp"
#include "vankien/indexer.hpp"
#include "vankien/schema.hpp"
#include "vankien/search.hpp"

using vankien::Document;
using vankien::Indexer;
using vankien::Outcome;

namespace {

using vankien::test::article;

vankien::IndexerOptions options() { return vankien::test::indexer_options(); }

bool has_term(const Xapian::Database& db, const std::string& term) {
  return db.get_termfreq(term) > 0;
}

}  // namespace

TEST_CASE("indexing the fixtures writes the documented terms and values") {
  vankien::test::TempDir dir;
  {
    Indexer indexer(dir / "db", options());
    const auto summary = indexer.add_files({vankien::test::fixture("")});
    CHECK(summary.failed == 0);
    CHECK(summary.added == 8);
    CHECK(summary.files == 6);
  }
  const Xapian::Database db((dir / "db").string());
  CHECK(db.get_doccount() == 8);
  const std::vector<std::string> terms = {
      // folded, positional text; exact forms of marked syllables
      "lanh", "dao", "XElãnh", "XEđạo", "12-nq/hu",
      // metadata
      "XDbac_kan/bach_thong", "XDNbach_thong", "XPbac_kan", "XPthai_nguyen", "XN2015-2020",
      "XLnghi_quyet", "XS12-nq/hu", "Y2019", "M201903", "D20190315", "XIhuyen_uy_bach_thong",
      "XAconfidential", "XAinternal", "XApublic", "Kdan_van", "Anong_van_tuan"};
  for (const std::string& term : terms) {
    CAPTURE(term);
    CHECK(has_term(db, term));
  }
  // Positions on folded terms make folded phrases possible.
  Xapian::Enquire enquire(db);
  const std::vector<std::string> phrase = {"phuong", "thuc", "lanh", "dao"};
  enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, phrase.begin(), phrase.end()));
  CHECK(enquire.get_mset(0, 10).size() >= 1);
  // Abbreviations are synonyms, both ways.
  CHECK(db.synonyms_begin("btv") != db.synonyms_end("btv"));
  CHECK(*db.synonyms_begin("btv") == "ban thuong vu");
  CHECK(*db.synonyms_begin("ban thuong vu") == "btv");
}

TEST_CASE("re-indexing: unchanged skipped, changed replaced, delete by id") {
  vankien::test::TempDir dir;
  Indexer indexer(dir / "db", options());
  CHECK(indexer.add(article("a", "Tiêu đề\n\nnội dung một")) == Outcome::added);
  CHECK(indexer.add(article("a", "Tiêu đề\n\nnội dung một")) == Outcome::unchanged);
  CHECK(indexer.add(article("a", "Tiêu đề\n\nnội dung hai")) == Outcome::updated);
  CHECK(indexer.add(article("b", "Tiêu đề\n\nnội dung ba")) == Outcome::added);
  CHECK(indexer.document_count() == 2);
  CHECK(indexer.remove("a"));
  CHECK_FALSE(indexer.remove("a"));
  CHECK_FALSE(indexer.remove("never-there"));
  indexer.commit();
  const Xapian::Database db((dir / "db").string());
  CHECK(db.get_doccount() == 1);
  CHECK(db.get_termfreq("Qb") == 1);
}

TEST_CASE("a document without an id gets one from its content") {
  vankien::test::TempDir dir;
  Indexer indexer(dir / "db", options());
  CHECK(indexer.add(article("", "Tiêu đề\n\nnội dung")) == Outcome::added);
  CHECK(indexer.add(article("", "Tiêu đề\n\nnội dung")) == Outcome::unchanged);
  CHECK(indexer.document_count() == 1);
}

TEST_CASE("a second writer gets a clear lock error") {
  vankien::test::TempDir dir;
  Indexer first(dir / "db", options());
  try {
    Indexer second(dir / "db", options());
    FAIL("a second writer opened the database");
  } catch (const vankien::DatabaseLockedError& error) {
    CHECK(std::string(error.what()).find("locked") != std::string::npos);
  }
}

TEST_CASE("a directory that is not a vankien database is refused") {
  vankien::test::TempDir dir;
  {
    Xapian::WritableDatabase other((dir / "other").string(), Xapian::DB_CREATE_OR_OPEN);
    Xapian::Document doc;
    doc.add_term("x");
    other.add_document(doc);
    other.commit();
  }
  CHECK_THROWS_AS(Indexer(dir / "other", options()), vankien::Error);
}

TEST_CASE("a database of another format version is refused by name, for writing and reading") {
  vankien::test::TempDir dir;
  {
    Xapian::WritableDatabase older((dir / "older").string(), Xapian::DB_CREATE_OR_OPEN);
    older.set_metadata(std::string(vankien::schema::format_key), "2");
    older.add_document(Xapian::Document());
    older.commit();
  }
  const std::string expected = "(it has format 2: index into a new database)";
  try {
    Indexer writer(dir / "older", options());
    FAIL("a database of format 2 was opened for writing");
  } catch (const vankien::Error& error) {
    CHECK(std::string(error.what()).find(expected) != std::string::npos);
  }
  try {
    vankien::Searcher reader({dir / "older"});
    FAIL("a database of format 2 was opened for reading");
  } catch (const vankien::DatabaseNotFoundError& error) {
    CHECK(std::string(error.what()).find(expected) != std::string::npos);
  }
}

TEST_CASE("bad documents fail alone; the batch and earlier commits survive") {
  vankien::test::TempDir dir;
  vankien::test::write_file(dir / "in/good.txt", "Tiêu đề\n\nHuyện ủy Bạch Thông họp.");
  vankien::test::write_file(dir / "in/bad-utf8.txt", "Tiêu đề\n\xC3\x28");
  vankien::test::write_file(dir / "in/docs.jsonl",
                            "{\"id\": \"ok\", \"body\": \"x\"}\n"
                            "{\"id\": \"date\", \"body\": \"x\", \"date\": \"31/2/2019\"}\n"
                            "{\"id\": \"empty\", \"body\": \"\"}\n"
                            "not json\n");
  Indexer indexer(dir / "db", options());
  const auto summary = indexer.add_files({dir / "in"});
  CHECK(summary.added == 2);
  CHECK(summary.failed == 4);
  std::vector<std::string> where;
  for (const auto& problem : summary.problems) where.push_back(problem.where.to_string());
  const std::string jsonl = (dir / "in/docs.jsonl").string();
  CHECK(where == std::vector<std::string>{(dir / "in/bad-utf8.txt").string() + ":2",
                                          jsonl + ":2", jsonl + ":3", jsonl + ":4"});
  CHECK(summary.problems[1].message.find("impossible or unreadable date '31/2/2019'") !=
        std::string::npos);
  CHECK(summary.problems[2].message.find("empty document") != std::string::npos);
}

TEST_CASE("the same id twice in one run: the last version wins") {
  vankien::test::TempDir dir;
  vankien::test::write_file(dir / "a.jsonl", "{\"id\": \"x\", \"body\": \"phiên bản A\"}\n");
  vankien::test::write_file(dir / "b.jsonl", "{\"id\": \"x\", \"body\": \"phiên bản B\"}\n"
                                             "{\"id\": \"x\", \"body\": \"phiên bản A\"}\n");
  Indexer indexer(dir / "db", options());
  CHECK(indexer.add_files({dir / "a.jsonl"}).added == 1);
  const auto summary = indexer.add_files({dir / "b.jsonl"});
  CHECK(summary.updated == 2);
  CHECK(summary.failed == 0);
  indexer.commit();
  const Xapian::Database db((dir / "db").string());
  CHECK(db.get_doccount() == 1);
  CHECK(db.get_document(*db.postlist_begin("Qx")).get_data().find("phiên bản A") != std::string::npos);
}

TEST_CASE("a new id twice in one batch: added once, then replaced") {
  vankien::test::TempDir dir;
  vankien::test::write_file(dir / "a.jsonl", "{\"id\": \"x\", \"body\": \"phiên bản B\"}\n"
                                             "{\"id\": \"y\", \"body\": \"tài liệu khác\"}\n"
                                             "{\"id\": \"x\", \"body\": \"phiên bản A\"}\n");
  Indexer indexer(dir / "db", options());
  const auto summary = indexer.add_files({dir / "a.jsonl"});
  CHECK(summary.added == 2);
  CHECK(summary.updated == 1);
  indexer.commit();
  const Xapian::Database db((dir / "db").string());
  CHECK(db.get_doccount() == 2);
  CHECK(db.get_termfreq("Qx") == 1);
  CHECK(db.get_document(*db.postlist_begin("Qx")).get_data().find("phiên bản A") != std::string::npos);
}

TEST_CASE("a document's shard is a stable hash of its id") {
  // FNV-1a of "abc" is 0xe71fa2190541574b: the same on every machine and run.
  CHECK(vankien::ShardedIndexer::shard_of("abc", 4) == 3);
  CHECK(vankien::ShardedIndexer::shard_of("abc", 1) == 0);
  std::vector<std::size_t> per_shard(4);
  for (int i = 0; i < 4000; ++i) ++per_shard[vankien::ShardedIndexer::shard_of("doc-" + std::to_string(i), 4)];
  for (std::size_t count : per_shard) CHECK(count > 800);  // spread evenly
}
