#include "matching.hpp"

#include <algorithm>

#include "docid_slice.hpp"
#include "facets.hpp"
#include "vankien/schema.hpp"

namespace vankien::query {

namespace {

// One Enquire over `db`: matches first .. first + count - 1.
Matches enquire(Xapian::Database& db, const Xapian::Query& query, const MatchRequest& request,
                Xapian::doccount first, Xapian::doccount count) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  // Stored wdfs are already length-normalised (schema.hpp): BM25 at b = 0
  // ranks as BM25 at b = 0.5 would, without reading each match's length.
  enquire.set_weighting_scheme(Xapian::BM25Weight(schema::bm25_k1 * schema::wdf_scale, /*k2=*/0,
                                                  /*k3=*/1, /*b=*/0, /*min_normlen, unused at b = 0=*/0.5));
  // Ties are broken by the document's id, not by Xapian's document number,
  // which depends on how the documents are sharded: so any set of shards
  // gives the order one database gives. By date, documents of one date are
  // in the order of their ids (reversed with the dates).
  switch (request.sort) {
    case Sort::relevance: enquire.set_sort_by_relevance_then_value(schema::id_slot, false); break;
    case Sort::date_ascending: enquire.set_sort_by_value(schema::date_order_slot, false); break;
    case Sort::date_descending: enquire.set_sort_by_value(schema::date_order_slot, true); break;
  }
  FacetCounter facets(request.facets);
  facets.attach(enquire);
  const Xapian::MSet mset = enquire.get_mset(first, count, request.check_at_least);
  Matches out;
  out.estimated = mset.get_matches_estimated();
  out.lower = mset.get_matches_lower_bound();
  out.upper = mset.get_matches_upper_bound();
  out.facets = facets.counts();
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    out.ranked.push_back({*it, it.get_weight(), it.get_sort_key()});
  }
  return out;
}

// The order enquire() asks Xapian for: by relevance, the weight then the id;
// by date, the date and id.
bool comes_before(const Ranked& a, const Ranked& b, Sort sort) {
  if (sort == Sort::relevance && a.weight != b.weight) return a.weight > b.weight;
  if (a.sort_key != b.sort_key) return sort == Sort::date_descending ? a.sort_key > b.sort_key : a.sort_key < b.sort_key;
  return a.docid < b.docid;
}

Matches merged(std::vector<Matches> slices, const MatchRequest& request) {
  Matches out;
  for (Matches& slice : slices) {
    out.estimated += slice.estimated;
    out.lower += slice.lower;
    out.upper += slice.upper;
    out.facets = merge_facet_counts(out.facets, slice.facets);
    out.ranked.insert(out.ranked.end(), std::make_move_iterator(slice.ranked.begin()),
                       std::make_move_iterator(slice.ranked.end()));
  }
  std::sort(out.ranked.begin(), out.ranked.end(),
            [&](const Ranked& a, const Ranked& b) { return comes_before(a, b, request.sort); });
  const auto begin = std::min<std::size_t>(request.first, out.ranked.size());
  const auto end = std::min<std::size_t>(std::size_t{request.first} + request.count, out.ranked.size());
  out.ranked = std::vector<Ranked>(std::make_move_iterator(out.ranked.begin() + static_cast<std::ptrdiff_t>(begin)),
                                   std::make_move_iterator(out.ranked.begin() + static_cast<std::ptrdiff_t>(end)));
  return out;
}

}  // namespace

Matches find_matches(const HelperClaim& helper, Xapian::Database& db, const MatchRequest& request) {
  if (!helper.active()) return enquire(db, request.query, request, request.first, request.count);
  // Two slices, one a thread: three or four (so that a helper that wakes late
  // takes less) measured slower, each slice opening every posting list again.
  constexpr unsigned slices = 2;
  // Each slice is its own query object: Xapian's queries share their parts
  // without locking, so one may not be used on two threads.
  const std::string serialised = request.query.serialise();
  std::vector<Matches> found(slices);
  helper.for_each(db, slices, [&](std::size_t i, Xapian::Database& reader) {
    const Xapian::Query slice(Xapian::Query::OP_FILTER, Xapian::Query::unserialise(serialised),
                              Xapian::Query((new DocidSlice(static_cast<unsigned>(i), slices))->release()));
    found[i] = enquire(reader, slice, request, 0, request.first + request.count);
  });
  return merged(std::move(found), request);
}

}  // namespace vankien::query
