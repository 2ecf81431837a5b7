#pragma once
// Every document's facets value (schema::facets_slot) of one local database,
// read once into memory as a code per document id, as search engines keep
// doc values for faceting: counting a match is then a lookup, where reading
// its value from the database took most of a faceted search's time
// (benchmarks/README.md, Facets from memory). A column holds one revision and
// is read again for the next: 4 bytes for every document number up to the
// last (those of removed documents too).
//
// One database only: Xapian 1.4 gives a match spy the document's number in
// its own shard, not which shard it is in, so over several shards the value
// is read (by Xapian's spy, which remote shards run too).

#include <xapian.h>

#include <cstdint>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace vankien::query {

class FacetColumn {
 public:
  /// Reads the column of `db`, one local database, at the revision it is
  /// open at. Throws Xapian::Error (DatabaseModifiedError among them).
  explicit FacetColumn(const Xapian::Database& db);

  /// Whether `db` is the database the column was read from, at the same revision.
  bool of(const Xapian::Database& db) const { return db.get_revision() == revision_ && db.get_uuid() == uuid_; }
  /// A document's code; 0 when it has no facets value or is past the column.
  std::uint32_t code(Xapian::docid docid) const { return docid < codes_.size() ? codes_[docid] : 0; }
  /// Whether the column has a place for a document (none for one added later).
  bool covers(Xapian::docid docid) const { return docid < codes_.size(); }
  /// The value each code stands for; code 0 stands for none.
  const std::vector<std::string>& values() const { return values_; }

 private:
  std::string uuid_;
  Xapian::rev revision_;
  std::vector<std::uint32_t> codes_;  // by document id
  std::vector<std::string> values_;
};

// The columns of the latest revisions read, shared by the handles of a pool
// so that a revision's column is read once, not once a handle: searches that
// want a column being read wait for it, and read it themselves if that read
// failed. The two latest revisions are kept, so that handles on either side
// of a commit (one reopened, one not yet) do not evict each other's.
class FacetColumnCache {
 public:
  /// The column of `db` (one database) at the revision it is open at.
  /// Throws what reading it throws; the next call reads it again.
  std::shared_ptr<const FacetColumn> of(const Xapian::Database& db);

 private:
  using Column = std::shared_ptr<const FacetColumn>;
  struct Entry {
    std::string uuid;
    Xapian::rev revision;
    std::uint64_t ticket;  // which read made it
    std::shared_future<Column> column;
  };
  static constexpr std::size_t kept = 2;

  std::mutex mutex_;
  std::vector<Entry> entries_;  // all of one database
  std::uint64_t tickets_ = 0;
  unsigned fork_generation_ = 0;
};

}  // namespace vankien::query
