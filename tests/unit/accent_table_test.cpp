// The accent table the indexer stores: what it holds, that it follows the
// documents, and that searching gives the same answers with or without it.
#include <doctest/doctest.h>

#include <xapian.h>

#include <string>
#include <vector>

#include "storage/accent_table.hpp"
#include "support.hpp"
#include "vankien/indexer.hpp"
#include "vankien/schema.hpp"
#include "vankien/search.hpp"

using vankien::Document;
using vankien::Indexer;

namespace {

using vankien::test::article;

vankien::IndexerOptions options() { return vankien::test::indexer_options(); }

std::string stored(const std::filesystem::path& db_path, const std::string& folded) {
  const Xapian::Database db(db_path.string());
  return vankien::storage::stored_accent(db, folded).value_or("(no table)");
}

}  // namespace

TEST_CASE("indexing stores the usual accented form of each syllable") {
  vankien::test::TempDir dir;
  {
    Indexer indexer(dir / "db", options());
    indexer.add_files({vankien::test::fixture("")});
  }
  const Xapian::Database db((dir / "db").string());
  REQUIRE_FALSE(db.get_metadata(std::string(vankien::schema::accents_key)).empty());
  struct Case {
    const char* folded;
    const char* expected;
  };
  const std::vector<Case> cases = {
      {"lanh", "lãnh"}, {"dao", "đạo"}, {"huyen", "huyện"}, {"uy", "ủy"}, {"xyzzy", ""}};
  const vankien::storage::AccentTable computed = vankien::storage::compute_accent_table(db);
  for (const Case& c : cases) {
    CAPTURE(c.folded);
    CHECK(vankien::storage::stored_accent(db, c.folded) == std::optional<std::string>(c.expected));
    const auto found = computed.find(c.folded);
    CHECK((found == computed.end() ? std::string() : found->second) == c.expected);
  }
  // Several databases searched as one have no single table to consult.
  Xapian::Database both((dir / "db").string());
  both.add_database(Xapian::Database((dir / "db").string()));
  CHECK_FALSE(vankien::storage::stored_accent(both, "lanh").has_value());
}

TEST_CASE("the stored table follows the documents as they change") {
  vankien::test::TempDir dir;
  Indexer indexer(dir / "db", options());
  indexer.add(article("sell", "Chợ bán hàng."));
  indexer.commit();
  CHECK(stored(dir / "db", "ban") == "bán");
  // More documents write it "bàn": the usual form changes with them.
  indexer.add(article("table-1", "Cái bàn gỗ."));
  indexer.add(article("table-2", "Bàn ghế mới."));
  indexer.commit();
  CHECK(stored(dir / "db", "ban") == "bàn");
  CHECK(stored(dir / "db", "cho") == "chợ");
  // A syllable no document has any more leaves the table.
  indexer.remove("sell");
  indexer.commit();
  CHECK(stored(dir / "db", "cho") == "");
}

TEST_CASE("an unaccented query is restored alike with the stored table and without it") {
  vankien::test::TempDir dir;
  {
    Indexer indexer(dir / "db", options());
    indexer.add_files({vankien::test::fixture("")});
  }
  auto suggestion = [&](const std::string& query) {
    vankien::SearchOptions search_options;
    search_options.data_dir = vankien::test::data_dir();
    const vankien::Searcher searcher({dir / "db"}, search_options);
    vankien::SearchRequest request;
    request.query = query;
    return searcher.search(request).suggestion;
  };
  const std::vector<std::string> queries = {"lanh dao huyen uy", "phuong thuc lanh dao", "dang bo"};
  std::vector<std::string> with_table;
  for (const std::string& query : queries) with_table.push_back(suggestion(query));
  CHECK(with_table[0] == "lãnh đạo huyện ủy");
  {
    // A database whose indexing run never finished has no table.
    Xapian::WritableDatabase db((dir / "db").string());
    db.set_metadata(std::string(vankien::schema::accents_key), "");
    db.commit();
  }
  for (std::size_t i = 0; i < queries.size(); ++i) {
    CAPTURE(queries[i]);
    CHECK(suggestion(queries[i]) == with_table[i]);
  }
}

TEST_CASE("a searcher's accent guesses follow the database once it reopens") {
  vankien::test::TempDir dir;
  {
    Indexer indexer(dir / "db", options());
    indexer.add(article("sell", "Chợ bán hàng."));
  }
  vankien::SearchOptions search_options;
  search_options.data_dir = vankien::test::data_dir();
  vankien::Searcher searcher({dir / "db"}, search_options);
  vankien::SearchRequest request;
  request.query = "ban";
  CHECK(searcher.search(request).suggestion == "bán");
  {
    Indexer indexer(dir / "db", options());
    indexer.add(article("table-1", "Cái bàn gỗ."));
    indexer.add(article("table-2", "Bàn ghế mới."));
  }
  searcher.reopen();
  CHECK(searcher.search(request).suggestion == "bàn");
}
