// Stored records compressed with a dictionary of the database (format 7):
// what a search reads is what was indexed, in one database, over shards each
// with its own dictionary and merged; damaged frames are errors; a format-6
// database is read as it is and written on as format 7.
#include <doctest/doctest.h>

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

#include "indexer/record_compressor.hpp"
#include "storage/record_compression.hpp"
#include "support.hpp"
#include "vankien/error.hpp"
#include "vankien/indexer.hpp"
#include "vankien/schema.hpp"
#include "vankien/search.hpp"

using vankien::Document;
using vankien::storage::RecordDictionaries;
using vankien::storage::RecordDictionary;

namespace {

// Articles alike in their wording, different in their details, as a
// portal's news are: what a dictionary learns from.
std::vector<Document> articles(int count, const std::string& prefix = "a") {
  static const std::vector<std::string> places = {"Bạch Thông", "Chợ Mới", "Na Rì", "Ba Bể", "Pác Nặm", "Ngân Sơn"};
  static const std::vector<std::string> topics = {"công tác cán bộ", "xây dựng nông thôn mới", "kiểm tra, giám sát",
                                                  "dân vận", "cải cách hành chính", "quốc phòng, an ninh"};
  std::vector<Document> out;
  std::uint32_t seed = 2026;
  const auto next = [&seed](std::size_t n) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) % n;
  };
  for (int i = 0; i < count; ++i) {
    const std::string& place = places[next(places.size())];
    const std::string& topic = topics[next(topics.size())];
    std::string body = "Ngày " + std::to_string(1 + next(28)) + "/" + std::to_string(1 + next(12)) +
                       "/2019, Ban Thường vụ Huyện ủy " + place + " tổ chức hội nghị về " + topic + ".\n";
    for (int paragraph = 0; paragraph < 4; ++paragraph) {
      body += "Đồng chí Bí thư Huyện ủy " + place + " đề nghị các cấp ủy, tổ chức đảng tiếp tục quán triệt, " +
              "thực hiện nghiêm Nghị quyết số " + std::to_string(next(90)) + "-NQ/HU về " +
              topics[next(topics.size())] + "; nâng cao chất lượng sinh hoạt chi bộ, năm " +
              std::to_string(2015 + next(10)) + " có " + std::to_string(next(500)) + " đảng viên mới.\n";
    }
    Document doc = vankien::test::article(prefix + std::to_string(i), body);
    doc.title = "Huyện ủy " + place + " bàn về " + topic + " (" + std::to_string(i) + ")";
    out.push_back(std::move(doc));
  }
  return out;
}

vankien::IndexerOptions compressing_after(std::size_t samples) {
  vankien::IndexerOptions options = vankien::test::indexer_options();
  options.dictionary_samples = samples;
  return options;
}

void index(const std::filesystem::path& db, const std::vector<Document>& docs, std::size_t samples) {
  vankien::Indexer indexer(db, compressing_after(samples));
  for (const Document& doc : docs) indexer.add(doc);
  indexer.commit();
}

// The stored data of every document, in docid order.
std::vector<std::string> stored_data(const std::filesystem::path& db) {
  Xapian::Database xapian(db.string());
  std::vector<std::string> out;
  for (auto it = xapian.postlist_begin(""); it != xapian.postlist_end(""); ++it) {
    out.push_back(xapian.get_document(*it).get_data());
  }
  return out;
}

bool compressed(const std::string& data) {
  return !data.empty() && data.front() == vankien::storage::compressed_record_marker;
}

// What a reader sees of each document, and of one search.
std::vector<std::string> seen(const std::vector<std::filesystem::path>& dbs, const std::vector<Document>& docs) {
  const vankien::Searcher searcher(dbs);
  std::vector<std::string> out;
  for (const Document& doc : docs) {
    const auto found = searcher.get(doc.id);
    REQUIRE(found);
    out.push_back(found->id + "|" + found->title + "|" + found->body);
  }
  vankien::SearchRequest request;
  request.query = "nghi quyet dang vien moi";
  request.limit = 20;
  for (const vankien::Hit& hit : searcher.search(request).hits) {
    out.push_back(hit.document.id + "|" + hit.snippet.html);
  }
  return out;
}

RecordDictionary trained_dictionary() {
  vankien::index::RecordCompressor compressor(nullptr, 40);
  for (const Document& doc : articles(40)) compressor.compress(doc.title + "\n" + doc.body);
  const auto result = compressor.compress(articles(1, "z").front().body);
  REQUIRE(result.dictionary);
  return RecordDictionary(result.dictionary->bytes());
}

}  // namespace

TEST_CASE("records after the first samples are compressed, and read back as indexed") {
  const vankien::test::TempDir dir;
  const std::vector<Document> docs = articles(120);
  index(dir / "compressed.db", docs, 30);
  index(dir / "plain.db", docs, 100000);

  const std::vector<std::string> data = stored_data(dir / "compressed.db");
  REQUIRE(data.size() == docs.size());
  for (std::size_t i = 0; i < data.size(); ++i) {
    CAPTURE(i);
    CHECK(compressed(data[i]) == (i >= 30));  // the first 30 are the samples, kept as they are
  }
  for (const std::string& plain : stored_data(dir / "plain.db")) CHECK_FALSE(compressed(plain));

  Xapian::Database xapian((dir / "compressed.db").string());
  const std::string id = xapian.get_metadata(std::string(vankien::storage::current_dictionary_key));
  REQUIRE_FALSE(id.empty());
  CHECK_FALSE(xapian.get_metadata(std::string(vankien::storage::dictionary_key_prefix) + id).empty());
  CHECK(xapian.get_metadata(std::string(vankien::schema::format_key)) == "7");

  std::size_t compressed_bytes = 0, plain_bytes = 0;
  const std::vector<std::string> plain_data = stored_data(dir / "plain.db");
  for (std::size_t i = 30; i < data.size(); ++i) {
    compressed_bytes += data[i].size();
    plain_bytes += plain_data[i].size();
  }
  CHECK(compressed_bytes * 2 < plain_bytes);

  CHECK(seen({dir / "compressed.db"}, docs) == seen({dir / "plain.db"}, docs));
}

TEST_CASE("a later run compresses with the database's dictionary; a searcher open meanwhile reads them") {
  const vankien::test::TempDir dir;
  const std::vector<Document> docs = articles(80);
  const std::vector<Document> first(docs.begin(), docs.begin() + 10), second(docs.begin() + 10, docs.end());
  index(dir / "db", first, 20);  // too few to train
  for (const std::string& data : stored_data(dir / "db")) CHECK_FALSE(compressed(data));

  vankien::Searcher searcher({dir / "db"});
  index(dir / "db", std::vector<Document>(second.begin(), second.begin() + 30), 20);
  Xapian::Database xapian((dir / "db").string());
  const std::string trained = xapian.get_metadata(std::string(vankien::storage::current_dictionary_key));
  REQUIRE_FALSE(trained.empty());
  index(dir / "db", std::vector<Document>(second.begin() + 30, second.end()), 20);
  xapian.reopen();
  CHECK(xapian.get_metadata(std::string(vankien::storage::current_dictionary_key)) == trained);
  std::size_t dictionaries = 0;
  const std::string prefix(vankien::storage::dictionary_key_prefix);
  for (auto key = xapian.metadata_keys_begin(prefix); key != xapian.metadata_keys_end(prefix); ++key) ++dictionaries;
  CHECK(dictionaries == 1);

  searcher.reopen();
  for (const Document& doc : docs) {
    CAPTURE(doc.id);
    const auto found = searcher.get(doc.id);
    REQUIRE(found);
    CHECK(found->body == doc.body);
  }
}

TEST_CASE("the dictionary is trained on the database's first records, whichever runs wrote them") {
  const vankien::test::TempDir dir;
  const std::vector<Document> docs = articles(60);
  index(dir / "whole.db", docs, 20);
  index(dir / "resumed.db", std::vector<Document>(docs.begin(), docs.begin() + 13), 20);
  index(dir / "resumed.db", docs, 20);  // the first 13 unchanged, then the rest
  CHECK(stored_data(dir / "resumed.db") == stored_data(dir / "whole.db"));
}

TEST_CASE("shards each train their own dictionary; searched as one and merged, every record reads back") {
  const vankien::test::TempDir dir;
  const std::vector<Document> docs = articles(160);
  const std::vector<std::filesystem::path> shards = {dir / "s0", dir / "s1"};
  {
    vankien::ShardedIndexer indexer(shards, compressing_after(20));
    for (const Document& doc : docs) indexer.add(doc);
  }
  std::vector<std::string> ids;
  for (const auto& shard : shards) {
    Xapian::Database xapian(shard.string());
    ids.push_back(xapian.get_metadata(std::string(vankien::storage::current_dictionary_key)));
    REQUIRE_FALSE(ids.back().empty());
  }
  CHECK(ids[0] != ids[1]);

  index(dir / "one.db", docs, 100000);
  const std::vector<std::string> expected = seen({dir / "one.db"}, docs);
  CHECK(seen(shards, docs) == expected);

  vankien::merge_shards(shards, dir / "merged.db");
  Xapian::Database merged((dir / "merged.db").string());
  for (const std::string& id : ids) {
    CHECK_FALSE(merged.get_metadata(std::string(vankien::storage::dictionary_key_prefix) + id).empty());
  }
  CHECK(seen({dir / "merged.db"}, docs) == expected);
}

TEST_CASE("a format-6 database is searched as it is, and becomes format 7 when written to") {
  const vankien::test::TempDir dir;
  const std::vector<Document> docs = articles(60);
  index(dir / "db", std::vector<Document>(docs.begin(), docs.begin() + 20), 100000);
  {
    Xapian::WritableDatabase xapian((dir / "db").string());
    xapian.set_metadata(std::string(vankien::schema::format_key), "6");
    xapian.commit();
  }
  {
    const vankien::Searcher searcher({dir / "db"});
    CHECK(searcher.get(docs[3].id)->body == docs[3].body);
  }
  {
    // Committed as the writer opens it, before any record: a change that
    // fails later cannot leave compressed records in a database marked 6.
    const vankien::Indexer writer(dir / "db", compressing_after(20));
    CHECK(Xapian::Database((dir / "db").string()).get_metadata(std::string(vankien::schema::format_key)) == "7");
  }
  index(dir / "db", std::vector<Document>(docs.begin() + 20, docs.end()), 20);
  Xapian::Database xapian((dir / "db").string());
  CHECK(xapian.get_metadata(std::string(vankien::schema::format_key)) == "7");
  const std::vector<std::string> data = stored_data(dir / "db");
  CHECK_FALSE(compressed(data.front()));
  CHECK(compressed(data.back()));
  const vankien::Searcher searcher({dir / "db"});
  for (const Document& doc : docs) CHECK(searcher.get(doc.id)->body == doc.body);
}

TEST_CASE("a record is compressed only when that makes it smaller, and expands to itself") {
  const RecordDictionary dictionary = trained_dictionary();
  RecordDictionaries none;
  std::string buffer;
  const std::string record = "id\nHuyện ủy Bạch Thông tổ chức hội nghị về công tác cán bộ, đảng viên mới.";
  const std::string data = dictionary.compress(record);
  REQUIRE(compressed(data));
  CHECK(data.size() < record.size());
  CHECK(dictionary.expand(std::string_view(data).substr(1)) == record);

  const std::string tiny = "ab";
  CHECK(dictionary.compress(tiny) == tiny);
  // A plain record is given back as it is, without a copy.
  const std::string_view plain = none.plain(record, buffer);
  CHECK(plain.data() == record.data());
}

TEST_CASE("damaged compressed records are errors naming what is wrong, never a crash") {
  const RecordDictionary dictionary = trained_dictionary();
  const std::string record = "id\n" + articles(1, "q").front().body;
  const std::string data = dictionary.compress(record);
  REQUIRE(compressed(data));
  RecordDictionaries none;
  std::string buffer;

  SUBCASE("its dictionary is not in the database") {
    const std::string key = vankien::storage::dictionary_key(dictionary.id());
    CHECK_THROWS_WITH_AS(none.plain(data, buffer), doctest::Contains(key.c_str()), vankien::Error);
  }
  SUBCASE("truncated") {
    CHECK_THROWS_AS(dictionary.expand(std::string_view(data).substr(1, data.size() / 2)), vankien::Error);
  }
  SUBCASE("a bit flipped, anywhere: an error or the very record, never another text") {
    // The frame's checksum, if nothing else, tells. A few bits change
    // nothing (an unused flag, padding of an entropy table).
    std::size_t errors = 0, trials = 0;
    for (std::size_t at = 0; at + 1 < data.size(); ++at) {
      for (const int bit : {0x01, 0x10, 0x80}) {
        std::string flipped = data.substr(1);
        flipped[at] = static_cast<char>(flipped[at] ^ bit);
        CAPTURE(at);
        CAPTURE(bit);
        ++trials;
        std::string expanded;
        try {
          expanded = dictionary.expand(flipped);
        } catch (const vankien::Error&) {
          ++errors;
          continue;
        }
        CHECK(expanded == record);
      }
    }
    CHECK(errors * 10 > trials * 9);
  }
  SUBCASE("the marker then no frame, or a frame claiming far more than it holds") {
    CHECK_THROWS_AS(none.plain(std::string(1, '\0'), buffer), vankien::Error);
    CHECK_THROWS_AS(none.plain(std::string(1, '\0') + "not a frame", buffer), vankien::Error);
    // A frame header (magic, then a frame content size of 2^32 - 1 in 4 bytes) and nothing else.
    const std::string claims_4gb("\0\x28\xb5\x2f\xfd\xa0\xff\xff\xff\xff", 10);
    CHECK_THROWS_WITH_AS(none.plain(claims_4gb, buffer), doctest::Contains("claiming 4294967295 bytes"),
                         vankien::Error);
  }
  SUBCASE("not a dictionary") {
    CHECK_THROWS_AS(RecordDictionary("just text"), vankien::Error);
  }
}

TEST_CASE("a damaged dictionary is named when its records are read; the other records read as ever") {
  const vankien::test::TempDir dir;
  const std::vector<Document> docs = articles(50);
  index(dir / "db", docs, 20);
  {
    Xapian::WritableDatabase xapian((dir / "db").string());
    const std::string id = xapian.get_metadata(std::string(vankien::storage::current_dictionary_key));
    std::string bytes = xapian.get_metadata(vankien::storage::dictionary_key(static_cast<std::uint32_t>(std::stoul(id))));
    REQUIRE(bytes.size() > 200);
    bytes.resize(bytes.size() / 2);  // its entropy tables cut short
    xapian.set_metadata(std::string(vankien::storage::dictionary_key_prefix) + id, bytes);
    xapian.commit();
  }
  const vankien::Searcher searcher({dir / "db"});
  CHECK(searcher.get(docs[5].id)->body == docs[5].body);  // one of the samples, plain
  CHECK_THROWS_WITH_AS(searcher.get(docs[40].id), doctest::Contains("is damaged"), vankien::Error);
}
