#pragma once
// A boolean filter matching one of K equal slices of each database's document
// ids, so that one search can be run as K smaller ones on several threads with
// the same statistics, and so the same weights, as the whole.

#include <xapian.h>

#include <string>

namespace vankien::query {

class DocidSlice : public Xapian::PostingSource {
 public:
  /// Slice `index` (from 0) of `slices`.
  DocidSlice(unsigned index, unsigned slices);

  // Xapian::PostingSource. Ids in the slice that no document has are matched
  // too: the filter is only ever used beside a query that has documents. Its
  // frequencies count documents, so that the matcher's bounds on the total
  // are as tight as without the filter.
  void init(const Xapian::Database& db) override;
  Xapian::doccount get_termfreq_min() const override { return documents_min_; }
  Xapian::doccount get_termfreq_est() const override { return documents_est_; }
  Xapian::doccount get_termfreq_max() const override { return documents_max_; }
  Xapian::docid get_docid() const override { return current_; }
  void next(double min_weight) override;
  void skip_to(Xapian::docid docid, double min_weight) override;
  bool at_end() const override { return current_ > last_; }
  DocidSlice* clone() const override { return new DocidSlice(index_, slices_); }
  std::string get_description() const override;

 private:
  unsigned index_, slices_;
  // The slice, and the id the source is on (first_ - 1 before the first next()).
  Xapian::docid first_ = 1, last_ = 0, current_ = 0;
  Xapian::doccount documents_min_ = 0, documents_est_ = 0, documents_max_ = 0;
};

}  // namespace vankien::query
