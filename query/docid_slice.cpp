#include "docid_slice.hpp"

#include <algorithm>
#include <cstdint>

namespace vankien::query {

DocidSlice::DocidSlice(unsigned index, unsigned slices) : index_(index), slices_(slices) {}

void DocidSlice::init(const Xapian::Database& db) {
  // `db` is one database of those searched: its ids are its own, from 1.
  const std::uint64_t last_id = db.get_lastdocid();
  first_ = static_cast<Xapian::docid>(last_id * index_ / slices_ + 1);
  last_ = static_cast<Xapian::docid>(last_id * (index_ + 1) / slices_);
  current_ = first_ - 1;
  // Of its ids, at most as many as the database's unused ones have no document.
  const std::uint64_t ids = last_ - first_ + 1;
  const std::uint64_t documents = db.get_doccount();
  const std::uint64_t unused = last_id - documents;
  documents_min_ = static_cast<Xapian::doccount>(ids > unused ? ids - unused : 0);
  documents_max_ = static_cast<Xapian::doccount>(std::min(ids, documents));
  documents_est_ = static_cast<Xapian::doccount>(last_id == 0 ? 0 : ids * documents / last_id);
}

void DocidSlice::next(double) { ++current_; }

// Xapian may skip before the first next(): never to an id below the slice.
void DocidSlice::skip_to(Xapian::docid docid, double) { current_ = std::max({current_, docid, first_}); }

std::string DocidSlice::get_description() const {
  return "DocidSlice(" + std::to_string(index_) + " of " + std::to_string(slices_) + ")";
}

}  // namespace vankien::query
