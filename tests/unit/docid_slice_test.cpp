#include <doctest/doctest.h>
#include <xapian.h>

#include <algorithm>
#include <vector>

#include "query/docid_slice.hpp"

using vankien::query::DocidSlice;

namespace {

// `count` documents with the term "x", every third one then deleted.
Xapian::WritableDatabase documents(int count) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 0; i < count; ++i) {
    Xapian::Document document;
    document.add_term("x");
    db.add_document(document);
  }
  for (Xapian::docid id = 3; id <= static_cast<Xapian::docid>(count); id += 3) db.delete_document(id);
  return db;
}

std::vector<Xapian::docid> matches(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount() + 1);
  std::vector<Xapian::docid> out(mset.begin(), mset.end());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("docid slices share a search's documents out, each exactly once") {
  const Xapian::WritableDatabase one = documents(100), other = documents(37);
  Xapian::Database shards;
  shards.add_database(one);
  shards.add_database(other);
  struct Case {
    const char* name;
    const Xapian::Database* db;
  };
  for (const Case c : {Case{"one database", &one}, Case{"two databases as one", &shards}}) {
    for (const unsigned slices : {1u, 2u, 3u}) {
      CAPTURE(c.name);
      CAPTURE(slices);
      const std::vector<Xapian::docid> all = matches(*c.db, Xapian::Query("x"));
      std::vector<Xapian::docid> together;
      for (unsigned i = 0; i < slices; ++i) {
        const Xapian::Query slice(Xapian::Query::OP_FILTER, Xapian::Query("x"),
                                  Xapian::Query((new DocidSlice(i, slices))->release()));
        const std::vector<Xapian::docid> part = matches(*c.db, slice);
        CHECK(part.size() <= all.size() / slices + 2);
        together.insert(together.end(), part.begin(), part.end());
      }
      std::sort(together.begin(), together.end());
      CHECK(together == all);
    }
  }
}

TEST_CASE("a docid slice skipped to before its first id starts at its first id") {
  const Xapian::WritableDatabase db = documents(10);
  DocidSlice second_half(1, 2);
  second_half.init(db);
  second_half.skip_to(2, 0);
  REQUIRE_FALSE(second_half.at_end());
  CHECK(second_half.get_docid() == 6);
  second_half.skip_to(11, 0);
  CHECK(second_half.at_end());
  // Ids 6 to 10, of which 6 and 9 have no document any more.
  CHECK(second_half.get_termfreq_min() == 2);
  CHECK(second_half.get_termfreq_max() == 5);
}
