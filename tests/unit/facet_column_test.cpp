// The facet columns a searcher keeps: each revision read once, the two
// latest kept, and what a column holds.
#include <doctest/doctest.h>
#include <xapian.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "query/facet_column.hpp"
#include "support.hpp"
#include "vankien/schema.hpp"

using vankien::query::FacetColumn;
using vankien::query::FacetColumnCache;

namespace {

// Adds a document with `facets` as its facets value (none when empty) and commits.
void add(Xapian::WritableDatabase& db, const std::string& facets) {
  Xapian::Document document;
  if (!facets.empty()) document.add_value(vankien::schema::facets_slot, facets);
  db.add_document(document);
  db.commit();
}

}  // namespace

TEST_CASE("a facet column gives each document its value's code") {
  const vankien::test::TempDir dir;
  Xapian::WritableDatabase writer((dir / "db").string(), Xapian::DB_CREATE);
  for (const std::string facets : {"Na Rì", "", "Chợ Mới", "Na Rì"}) add(writer, facets);
  writer.delete_document(4);
  writer.commit();
  const Xapian::Database db((dir / "db").string());
  const FacetColumn column(db);
  CHECK(column.of(db));
  CHECK(column.values()[column.code(1)] == "Na Rì");
  CHECK(column.code(2) == 0);  // no value
  CHECK(column.values()[column.code(3)] == "Chợ Mới");
  CHECK(column.code(4) == 0);  // removed
  CHECK_FALSE(column.covers(5));
  CHECK(column.code(5) == 0);
}

TEST_CASE("the facet column cache reads a revision once and keeps the two latest") {
  const vankien::test::TempDir dir;
  Xapian::WritableDatabase writer((dir / "db").string(), Xapian::DB_CREATE);
  add(writer, "Na Rì");
  Xapian::Database first((dir / "db").string());
  FacetColumnCache cache;

  // Searches at once on one revision share one read.
  std::vector<std::shared_ptr<const FacetColumn>> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&, i] {
      Xapian::Database mine((dir / "db").string());
      seen[i] = cache.of(mine);
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const auto& column : seen) CHECK(column == seen.front());
  const auto at_first = cache.of(first);
  CHECK(at_first == seen.front());

  add(writer, "Chợ Mới");
  Xapian::Database second((dir / "db").string());
  const auto at_second = cache.of(second);
  CHECK(at_second != at_first);
  CHECK(at_second->of(second));
  CHECK(cache.of(first) == at_first);  // a handle not yet reopened keeps its own
  CHECK(cache.of(second) == at_second);

  add(writer, "Bạch Thông");
  Xapian::Database third((dir / "db").string());
  const auto at_third = cache.of(third);
  CHECK(cache.of(second) == at_second);
  CHECK(cache.of(third) == at_third);
  // The oldest is read again for a handle still on it, and not kept: the
  // two latest stay.
  const auto again = cache.of(first);
  CHECK(again != at_first);
  CHECK(again->of(first));
  CHECK(cache.of(second) == at_second);
  CHECK(cache.of(third) == at_third);
}
