// How neighbouring syllables are written together: the table the indexer
// stores, and the reading of a whole unaccented query it gives.
#include <doctest/doctest.h>

#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "storage/accent_table.hpp"
#include "storage/syllable_pairs.hpp"
#include "support.hpp"
#include "vankien/indexer.hpp"
#include "vankien/schema.hpp"
#include "vankien/search.hpp"

using vankien::Access;
using vankien::Document;
using vankien::Indexer;

namespace {

Document titled(std::string id, std::string title, std::string body, Access access = Access::public_) {
  Document document = vankien::test::article(std::move(id), std::move(body));
  document.title = std::move(title);
  document.access = access;
  return document;
}

// "giám", "giá" and "về" are each syllable's usual form; "giảm giá vé" is how
// the three stand together.
void index_prices(const std::filesystem::path& db, Access fares_access = Access::public_) {
  Indexer indexer(db, vankien::test::indexer_options());
  for (int i = 0; i < 6; ++i) {
    indexer.add(titled("director-" + std::to_string(i), "Giám đốc sở về dự họp",
                       "Giám đốc về thăm cơ sở. Giá cả ổn định về lâu dài."));
  }
  for (int i = 0; i < 3; ++i) {
    indexer.add(titled("fares-" + std::to_string(i), "Hãng bay giảm giá vé dịp tết",
                       "Các hãng hàng không giảm giá vé máy bay.", fares_access));
  }
}

// The suggestion of a search that fetches no hits: the reading alone, with
// no passages to correct it.
std::string reading(const std::filesystem::path& db, const std::string& query) {
  vankien::SearchOptions options;
  options.data_dir = vankien::test::data_dir();
  const vankien::Searcher searcher({db}, options);
  vankien::SearchRequest request;
  request.query = query;
  request.limit = 0;
  return searcher.search(request).suggestion;
}

}  // namespace

TEST_CASE("an unaccented query is read as its words are written together") {
  vankien::test::TempDir dir;
  index_prices(dir / "db");
  struct Case {
    const char* query;
    const char* expected;
  };
  const std::vector<Case> cases = {
      {"giam gia ve", "giảm giá vé"},          // the pairs outvote each syllable's usual form
      {"giam gia ve may bay", "giảm giá vé máy bay"},
      {"giam doc ve tham", "giám đốc về thăm"},  // the usual forms where the pairs agree
      {"Giam Gia Ve", "Giảm Giá Vé"},          // in the case typed
      {"giam, gia ve", "giám, giá vé"},        // a comma parts the words: no pair across it
      {"giam gia ve giam doc ve tham", "giảm giá vé giám đốc về thăm"},  // each time in its own context
  };
  for (const Case& c : cases) {
    CAPTURE(c.query);
    CHECK(reading(dir / "db", c.query) == c.expected);
  }
  {
    // A question: the pairs at its end are read too.
    std::string question, expected;
    for (int i = 0; i < 6; ++i) question += "giam doc ve tham ", expected += "giám đốc về thăm ";
    CHECK(reading(dir / "db", question + "giam gia ve") == expected + "giảm giá vé");
  }
  {
    // Without the table, each syllable's usual form alone.
    Xapian::WritableDatabase db((dir / "db").string());
    const std::string prefix(vankien::schema::pair_key_prefix);
    std::vector<std::string> keys(db.metadata_keys_begin(prefix), db.metadata_keys_end(prefix));
    REQUIRE_FALSE(keys.empty());
    for (const std::string& key : keys) db.set_metadata(key, {});
    db.commit();
  }
  CHECK(reading(dir / "db", "giam gia ve") == "giám giá về");
}

TEST_CASE("the table holds the pairs not written as their syllables' usual forms") {
  vankien::test::TempDir dir;
  index_prices(dir / "db");
  const Xapian::Database db((dir / "db").string());
  const vankien::storage::PairReadings fares = vankien::storage::stored_pair_readings(db, "giam", "gia");
  REQUIRE_FALSE(fares.readings.empty());
  CHECK(fares.readings.front().first == "giảm");
  CHECK(fares.readings.front().second == "giá");
  CHECK(fares.readings.front().count == 6);  // three titles, three bodies
  CHECK(fares.total == 6);
  // "giám đốc" is written the usual way: no entry.
  CHECK(vankien::storage::stored_pair_readings(db, "giam", "doc").readings.empty());
  CHECK(vankien::storage::stored_pair_readings(db, "xyzzy", "gia").readings.empty());
}

TEST_CASE("a run too small to refresh the table adds to open entries and opens none") {
  vankien::test::TempDir dir;
  {
    Indexer indexer(dir / "db", vankien::test::indexer_options());
    for (int i = 0; i < 150; ++i) {
      indexer.add(titled("weather-" + std::to_string(i), "Thời tiết", "Trời nắng đẹp, gió nhẹ."));
    }
  }
  index_prices(dir / "db");  // 9 of 159: a refresh, which opens "giảm giá"
  const auto readings = [&](const char* first, const char* second) {
    const Xapian::Database db((dir / "db").string());
    return vankien::storage::stored_pair_readings(db, first, second);
  };
  REQUIRE(readings("giam", "gia").total == 6);
  {
    // One document more: under 1% of the collection.
    Indexer indexer(dir / "db", vankien::test::indexer_options());
    indexer.add(titled("one-more", "Giảm giá điện", "Giảm giá điện và giảm thuế. Giảm thuế nữa."));
  }
  CHECK(readings("giam", "gia").total == 8);          // an open entry counts on
  CHECK(readings("giam", "thue").readings.empty());   // two sightings in one document open nothing
}

TEST_CASE("restricted documents add nothing to the table") {
  vankien::test::TempDir dir;
  index_prices(dir / "db", Access::secret);
  const Xapian::Database db((dir / "db").string());
  CHECK(vankien::storage::stored_pair_readings(db, "giam", "gia").readings.empty());
  CHECK(vankien::storage::stored_pair_readings(db, "gia", "ve").readings.empty());
}

TEST_CASE("merged shards hold the sum of the shards' pairs") {
  vankien::test::TempDir dir;
  index_prices(dir / "a");
  index_prices(dir / "b");
  vankien::merge_shards({dir / "a", dir / "b"}, dir / "merged");
  const Xapian::Database merged((dir / "merged").string());
  const vankien::storage::PairReadings fares = vankien::storage::stored_pair_readings(merged, "giam", "gia");
  REQUIRE_FALSE(fares.readings.empty());
  CHECK(fares.readings.front().count == 12);
  CHECK(reading(dir / "merged", "giam gia ve") == "giảm giá vé");
}

TEST_CASE("only words side by side make a pair: not across punctuation, a line break or a field") {
  vankien::test::TempDir dir;
  index_prices(dir / "db");
  {
    Indexer indexer(dir / "db", vankien::test::indexer_options());
    for (int i = 0; i < 4; ++i) {
      Document apart = titled("apart-" + std::to_string(i), "Tin giảm", "Giảm, giá cao.\nGiảm\ngiá thấp. Giảm. Giá.");
      apart.lead = "giá tăng";
      indexer.add(std::move(apart));
    }
    indexer.commit();
  }
  const Xapian::Database db((dir / "db").string());
  const vankien::storage::PairReadings fares = vankien::storage::stored_pair_readings(db, "giam", "gia");
  REQUIRE_FALSE(fares.readings.empty());
  CHECK(fares.total == 6);  // the fares' six, none from the documents above
}

TEST_CASE("a form only restricted documents hold now is not read for a lower clearance") {
  vankien::test::TempDir dir;
  index_prices(dir / "db");
  // The fares become secret: their pairs stay counted (statistics are not
  // subtracted), but no public document holds "giảm" or "vé" any more.
  {
    Indexer indexer(dir / "db", vankien::test::indexer_options());
    for (int i = 0; i < 3; ++i) {
      indexer.add(titled("fares-" + std::to_string(i), "Hãng bay giảm giá vé dịp tết",
                         "Các hãng hàng không giảm giá vé máy bay.", Access::secret));
    }
  }
  vankien::SearchOptions options;
  options.data_dir = vankien::test::data_dir();
  const vankien::Searcher searcher({dir / "db"}, options);
  struct Case {
    Access clearance;
    const char* expected;
  };
  for (const Case& c : {Case{Access::public_, "giám giá về"}, Case{Access::secret, "giảm giá vé"}}) {
    CAPTURE(vankien::access_name(c.clearance));
    vankien::SearchRequest request;
    request.query = "giam gia ve";
    request.limit = 0;
    request.clearance = c.clearance;
    CHECK(searcher.search(request).suggestion == c.expected);
  }
}

TEST_CASE("a full counter drops its rarest pairs, however often the others were seen") {
  vankien::test::TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE_OR_OPEN);
  db.set_metadata(std::string(vankien::schema::accents_key), "1");
  db.set_metadata(std::string(vankien::schema::accent_key_prefix) + "giam", "giám");
  vankien::storage::PairCounter counter(8192);
  // More pairs seen 70 times each than the table holds...
  for (int round = 0; round < 70; ++round) {
    for (int i = 0; i < 6000; ++i) counter.add("w" + std::to_string(i), "v");
  }
  // ...then one pair, over and over: it must be kept as it grows.
  for (int i = 0; i < 1000; ++i) counter.add("giảm", "giá");
  vankien::storage::store_syllable_pairs(db, counter);
  const vankien::storage::PairReadings fares = vankien::storage::stored_pair_readings(db, "giam", "gia");
  REQUIRE(fares.readings.size() == 1);
  CHECK(fares.readings.front().count == 1000);
}

TEST_CASE("damaged stored counts never make a share above one") {
  vankien::test::TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE_OR_OPEN);
  const std::string key = std::string(vankien::schema::pair_key_prefix) + "giam gia";
  struct Case {
    const char* value;
    std::uint64_t total;
    std::size_t readings;
  };
  const std::vector<Case> cases = {
      {"0\ngiảm giá\t5", 5, 1},          // a total below its counts
      {"-3\ngiảm giá\t-5", 0, 0},        // negative numbers count nothing
      {"x\ngiảm giá\t2\ngiám\t4", 2, 1},  // a reading without its pair is skipped
      {"7\ngiảm giá", 7, 0},              // a reading without a count
  };
  for (const Case& c : cases) {
    CAPTURE(c.value);
    db.set_metadata(key, c.value);
    const vankien::storage::PairReadings read = vankien::storage::stored_pair_readings(db, "giam", "gia");
    CHECK(read.total == c.total);
    CHECK(read.readings.size() == c.readings);
  }
}

TEST_CASE("the counter keeps frequent pairs when rare ones overflow it") {
  vankien::test::TempDir dir;
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE_OR_OPEN);
  db.set_metadata(std::string(vankien::schema::accents_key), "1");
  db.set_metadata(std::string(vankien::schema::accent_key_prefix) + "giam", "giám");
  vankien::storage::PairCounter counter;
  // 1.69 million distinct pairs seen once: more than the counter holds.
  for (int i = 0; i < 1300; ++i) {
    const std::string first = "w" + std::to_string(i);
    for (int j = 0; j < 1300; ++j) {
      counter.add(first, "v" + std::to_string(j));
      if (j == 0) counter.add("giảm", "giá");
    }
  }
  vankien::storage::store_syllable_pairs(db, counter);
  CHECK(counter.empty());
  const vankien::storage::PairReadings fares = vankien::storage::stored_pair_readings(db, "giam", "gia");
  REQUIRE(fares.readings.size() == 1);
  CHECK(fares.readings.front().count == 1300);
}

TEST_CASE("an unaccented word ranks by every form likely where it stands, not by the reading's alone") {
  vankien::test::TempDir dir;
  index_prices(dir / "db");  // "gia ve" is most often "giá vé"; "về" is the usual "ve"
  {
    Indexer indexer(dir / "db", vankien::test::indexer_options());
    for (int i = 0; i < 2; ++i) {
      indexer.add(titled("easel-" + std::to_string(i), "Họa sĩ", "Mua giá vẽ tranh sơn dầu."));
    }
    // Both words twice, side by side but parted by commas: more weight from
    // the folded words than the easels have, and no pair counted.
    indexer.add(titled("back", "Thị trường", "Giá, về nhà. Giá, về quê. Mua tranh."));
  }
  vankien::SearchOptions options;
  options.data_dir = vankien::test::data_dir();
  const vankien::Searcher searcher({dir / "db"}, options);
  vankien::SearchRequest request;
  request.query = "gia ve";
  request.limit = 20;
  const vankien::Results found = searcher.search(request);
  CHECK(found.suggestion == "giá vé");  // the reading: the commonest way the two stand together
  std::map<std::string, std::size_t> rank;
  for (const vankien::Hit& hit : found.hits) rank[hit.document.id] = hit.rank;
  REQUIRE(rank.count("back"));
  REQUIRE(rank.count("easel-0"));
  REQUIRE(rank.count("fares-0"));
  CHECK(rank["fares-0"] < rank["easel-0"]);
  // "giá vẽ" is a quarter of how the two are written together: likely
  // enough to rank as if typed, where "giá về" is not.
  CHECK(rank["easel-0"] < rank["back"]);
  CHECK(rank["easel-1"] < rank["back"]);
}
