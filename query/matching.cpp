#include "matching.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "docid_slice.hpp"
#include "facets.hpp"
#include "vankien/schema.hpp"

namespace vankien::query {

namespace {

// How matches of equal weight are put in id order when ranking by relevance.
enum class Ties {
  // By Xapian, which reads the id (the sort value) of every match that could
  // still enter the page as it matches. Over remote shards the ids come back
  // with the matches.
  in_xapian,
  // Afterwards: Xapian ranks by weight alone (equal weights by document
  // number, which it need not read), and the ids of the equal weights at hand
  // are read once it is done. A quarter of the matcher's time on VNTC
  // (benchmarks/README.md, The matcher's floor); local shards only, where an
  // id is a value read, not a round trip.
  afterwards,
};

// One Enquire over `db`: matches first .. first + count - 1.
Matches enquire(Xapian::Database& db, const Xapian::Query& query, const MatchRequest& request,
                Xapian::doccount first, Xapian::doccount count, Ties ties) {
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
    case Sort::relevance:
      if (ties == Ties::in_xapian) enquire.set_sort_by_relevance_then_value(schema::id_slot, false);
      break;
    case Sort::date_ascending: enquire.set_sort_by_value(schema::date_order_slot, false); break;
    case Sort::date_descending: enquire.set_sort_by_value(schema::date_order_slot, true); break;
  }
  FacetCounter facets(request.facets, request.facet_column);
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

// Weights of the same document statistics may differ in their last bits
// when shards sum a query's terms in another order: those are equal here,
// and the id decides, as it does for equal weights.
bool same_weight(double a, double b) { return std::abs(a - b) <= 1e-9 * std::max(std::abs(a), std::abs(b)); }

// The order enquire() asks Xapian for: by relevance, the weight then the id;
// by date, the date and id.
bool comes_before(const Ranked& a, const Ranked& b, Sort sort) {
  if (sort == Sort::relevance && !same_weight(a.weight, b.weight)) return a.weight > b.weight;
  if (a.sort_key != b.sort_key) return sort == Sort::date_descending ? a.sort_key > b.sort_key : a.sort_key < b.sort_key;
  return a.docid < b.docid;
}

// Over several shards, one match on each side of the page is fetched too,
// and more while the page's edge splits weights equal but for their last
// bits, so that those are put in id order across it. (One database sums
// every document's terms in one order: equal statistics, equal weights.) A
// margin wider than needed would keep Xapian from stopping early.
constexpr Xapian::doccount tie_margin = 1, widest_tie_margin = 256;

// `found` holds the matches from `start` on, in Xapian's order: the wanted
// ones, in the order above.
Matches cut_in_order(Matches found, const MatchRequest& request, Xapian::doccount start) {
  std::stable_sort(found.ranked.begin(), found.ranked.end(),
                   [&](const Ranked& a, const Ranked& b) { return comes_before(a, b, request.sort); });
  const auto begin = std::min<std::size_t>(request.first - start, found.ranked.size());
  const auto end = std::min<std::size_t>(begin + request.count, found.ranked.size());
  found.ranked = std::vector<Ranked>(std::make_move_iterator(found.ranked.begin() + static_cast<std::ptrdiff_t>(begin)),
                                     std::make_move_iterator(found.ranked.begin() + static_cast<std::ptrdiff_t>(end)));
  return found;
}

// Whether the matches fetched from `start` end (or, after the first, begin)
// within a run of equal weights that may go on past them.
bool edge_splits_a_tie(const Matches& found, const MatchRequest& request, Xapian::doccount start,
                       Xapian::doccount margin) {
  const auto& ranked = found.ranked;
  if (request.sort != Sort::relevance || ranked.size() < 2) return false;
  const bool at_end = ranked.size() == request.first - start + request.count + margin &&
                      same_weight(ranked[ranked.size() - 1].weight, ranked[ranked.size() - 2].weight);
  const bool at_start = start > 0 && same_weight(ranked[0].weight, ranked[1].weight);
  return at_end || at_start;
}

// Whether every match of a weight equal to that of the last wanted one
// (`wanted_end` - 1) is among the `fetched` asked for: the matches go on past
// it to a lower weight, or they ended.
bool ties_end_within(const Matches& found, std::size_t wanted_end, Xapian::doccount fetched) {
  const auto& ranked = found.ranked;
  if (ranked.size() < fetched || wanted_end == 0 || ranked.size() < wanted_end) return true;
  return !same_weight(ranked[wanted_end - 1].weight, ranked.back().weight);
}

// Ties ordered afterwards: the margin asked for past the page. The wider, the
// rarer a run of equal weights running past it (which sends the search back
// to Xapian's own order); single words, whose weights often tie, need a few.
constexpr Xapian::doccount afterwards_margin = 8;

// The ids of the matches whose weight equals a neighbour's (in weight order),
// read from the id slot, for cut_in_order to put in id order.
void read_tied_ids(Xapian::Database& db, Matches& found) {
  auto& ranked = found.ranked;
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) { return a.weight > b.weight; });
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    const bool tied = (i > 0 && same_weight(ranked[i - 1].weight, ranked[i].weight)) ||
                      (i + 1 < ranked.size() && same_weight(ranked[i].weight, ranked[i + 1].weight));
    if (tied && ranked[i].sort_key.empty()) {
      ranked[i].sort_key = db.get_document(ranked[i].docid, Xapian::DOC_ASSUME_VALID).get_value(schema::id_slot);
    }
  }
}

// The page by weight alone, its ties put in id order afterwards; none when a
// run of equal weights crosses the margin on either side, where a match
// past it may have a smaller id.
std::optional<Matches> page_with_ties_afterwards(Xapian::Database& db, const MatchRequest& request) {
  const Xapian::doccount start = request.first > afterwards_margin ? request.first - afterwards_margin : 0;
  const Xapian::doccount fetched = request.first - start + request.count + afterwards_margin;
  Matches found = enquire(db, request.query, request, start, fetched, Ties::afterwards);
  const std::size_t first_wanted = request.first - start;
  const bool start_within = start == 0 || found.ranked.size() <= first_wanted ||
                            !same_weight(found.ranked.front().weight, found.ranked[first_wanted].weight);
  if (!start_within || !ties_end_within(found, first_wanted + request.count, fetched)) return std::nullopt;
  read_tied_ids(db, found);
  return cut_in_order(std::move(found), request, start);
}

// One Enquire for the request's matches, with the margin around them.
Matches enquire_page(Xapian::Database& db, const MatchRequest& request, Ties ties) {
  if (ties == Ties::afterwards) {
    if (std::optional<Matches> page = page_with_ties_afterwards(db, request)) return std::move(*page);
  }
  if (db.size() == 1) return enquire(db, request.query, request, request.first, request.count, Ties::in_xapian);
  for (Xapian::doccount margin = tie_margin;; margin *= 4) {
    const Xapian::doccount start = request.first > margin ? request.first - margin : 0;
    Matches found = enquire(db, request.query, request, start, request.first - start + request.count + margin,
                            Ties::in_xapian);
    if (margin < widest_tie_margin && edge_splits_a_tie(found, request, start, margin)) continue;
    return cut_in_order(std::move(found), request, start);
  }
}

// The slices' matches as one, in no order.
Matches combined(std::vector<Matches> slices) {
  Matches out;
  for (Matches& slice : slices) {
    out.estimated += slice.estimated;
    out.lower += slice.lower;
    out.upper += slice.upper;
    out.facets = merge_facet_counts(out.facets, slice.facets);
    out.ranked.insert(out.ranked.end(), std::make_move_iterator(slice.ranked.begin()),
                      std::make_move_iterator(slice.ranked.end()));
  }
  return out;
}

// Facet counts, shard by shard. Xapian 1.4 runs a match spy on each remote
// shard and then again on the remote matches it merges, so over several
// shards with a remote one, a spy on the whole counts some documents twice.
std::map<std::string, std::vector<FacetCount>> facets_by_shard(const Handle& handle, const MatchRequest& request) {
  std::map<std::string, std::vector<FacetCount>> counts;
  for (const Xapian::Database& shard : handle.shards) {
    Xapian::Enquire enquire(shard);
    enquire.set_query(request.query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    FacetCounter facets(request.facets);
    facets.attach(enquire);
    enquire.get_mset(0, 0, shard.get_doccount());
    counts = merge_facet_counts(counts, facets.counts());
  }
  return counts;
}

}  // namespace

Matches find_matches(const HelperClaim& helper, Handle& handle, const MatchRequest& asked) {
  Xapian::Database& db = handle.all;
  MatchRequest request = asked;
  if (!request.facets.empty()) request.facet_column = handle.facet_column();
  if (!handle.all_local && handle.shards.size() > 1 && !request.facets.empty()) {
    MatchRequest without_facets = request;
    without_facets.facets.clear();
    without_facets.check_at_least = 0;  // the facets' own pass checks every match
    Matches found = enquire_page(db, without_facets, Ties::in_xapian);
    found.facets = facets_by_shard(handle, request);
    return found;
  }
  const Ties ties = handle.all_local && request.sort == Sort::relevance ? Ties::afterwards : Ties::in_xapian;
  if (!helper.active()) return enquire_page(db, request, ties);
  // Two slices, one a thread: three or four (so that a helper that wakes late
  // takes less) measured slower, each slice opening every posting list again.
  constexpr unsigned slices = 2;
  // Each slice is its own query object: Xapian's queries share their parts
  // without locking, so one may not be used on two threads.
  const std::string serialised = request.query.serialise();
  const auto search_slices = [&](Ties slice_ties, Xapian::doccount margin) {
    std::vector<Matches> found(slices);
    helper.for_each(db, slices, [&](std::size_t i, Xapian::Database& reader) {
      const Xapian::Query slice(Xapian::Query::OP_FILTER, Xapian::Query::unserialise(serialised),
                                Xapian::Query((new DocidSlice(static_cast<unsigned>(i), slices))->release()));
      found[i] = enquire(reader, slice, request, 0, request.first + request.count + margin, slice_ties);
    });
    return found;
  };
  if (ties == Ties::afterwards) {
    // A slice's match past those it gave can be on the page only if its
    // weight equals the page's last: the slices are asked for no more than
    // the page, and if one that gave a full page ends on that weight, Xapian
    // orders the ties itself after all.
    const Xapian::doccount wanted_end = request.first + request.count;
    std::vector<Matches> found = search_slices(Ties::afterwards, 0);
    std::vector<double> last_weights;  // of the slices that may have more
    for (const Matches& slice : found) {
      if (wanted_end > 0 && slice.ranked.size() == wanted_end) last_weights.push_back(slice.ranked.back().weight);
    }
    Matches whole = combined(std::move(found));
    read_tied_ids(db, whole);  // in weight order now
    const bool complete =
        whole.ranked.size() < wanted_end ||
        std::none_of(last_weights.begin(), last_weights.end(),
                     [&](double weight) { return same_weight(weight, whole.ranked[wanted_end - 1].weight); });
    if (complete) return cut_in_order(std::move(whole), request, 0);
  }
  return cut_in_order(combined(search_slices(Ties::in_xapian, db.size() > 1 ? tie_margin : 0)), request, 0);
}

}  // namespace vankien::query
