#include "candidates.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <string_view>

#include "vankien/analyzer.hpp"
#include "vankien/schema.hpp"

namespace vankien::query {

namespace {

// A candidate whose neighbouring query words all stand next to each other
// doubles its weight; one with none of them together keeps it.
constexpr double adjacency_boost = 1.0;

bool adjacent_in(const std::vector<Xapian::termpos>& first, const std::vector<Xapian::termpos>& second) {
  // Both sorted: walk them together looking for p in first, p + 1 in second.
  std::size_t i = 0, j = 0;
  while (i < first.size() && j < second.size()) {
    if (first[i] + 1 == second[j]) return true;
    if (first[i] + 1 < second[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return false;
}

// How many neighbouring pairs of `runs` stand side by side in each of the
// first `count` candidates, from their position lists.
std::vector<std::size_t> adjacent_pairs_from_positions(const HelperClaim& helper, Xapian::Database& db,
                                                       const std::vector<std::vector<std::string>>& runs,
                                                       std::vector<Candidate>& candidates, std::size_t count) {
  std::vector<std::size_t> adjacent(count, 0);
  helper.for_each(db, count, [&](std::size_t i, Xapian::Database& reader) {
    for (const auto& run : runs) {
      for (std::size_t k = 0; k + 1 < run.size(); ++k) {
        adjacent[i] += adjacent_in(candidates[i].positions_of(reader, run[k]),
                                   candidates[i].positions_of(reader, run[k + 1]));
      }
    }
  });
  return adjacent;
}

// The same from the shards in one query, instead of a round trip per
// position list: each pair a two-word phrase with a window of two ("p in
// the first, p + 1 in the second") filtered to the candidates by their ids,
// the pairs ORed. Weighed by coordinate matching, each word matched scores
// one: a candidate's weight is twice the pairs it holds side by side. Each
// pair is filtered on its own: under one filter over their OR, Xapian 1.4
// weighs a phrase whose words are there but not side by side.
std::vector<std::size_t> adjacent_pairs_from_shards(Xapian::Database& db,
                                                    const std::vector<std::vector<std::string>>& runs,
                                                    const std::vector<Candidate>& candidates, std::size_t count) {
  std::vector<Xapian::Query> ids;
  std::unordered_map<Xapian::docid, std::size_t> index;
  for (std::size_t i = 0; i < count; ++i) {
    ids.emplace_back(schema::id_term(candidates[i].id));
    index.emplace(candidates[i].docid, i);
  }
  const Xapian::Query only(Xapian::Query::OP_OR, ids.begin(), ids.end());
  std::vector<Xapian::Query> pairs;
  for (const auto& run : runs) {
    for (std::size_t k = 0; k + 1 < run.size(); ++k) {
      const Xapian::Query words[] = {Xapian::Query(run[k]), Xapian::Query(run[k + 1])};
      pairs.emplace_back(Xapian::Query::OP_FILTER,
                         Xapian::Query(Xapian::Query::OP_PHRASE, std::begin(words), std::end(words), 2), only);
    }
  }
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::CoordWeight());
  enquire.set_docid_order(Xapian::Enquire::DONT_CARE);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end()));
  // One more than the candidates: the page never fills, so the matcher
  // never skips a pair for a weight the page no longer needs.
  const Xapian::MSet holding = enquire.get_mset(0, static_cast<Xapian::doccount>(count + 1));
  std::vector<std::size_t> adjacent(count, 0);
  for (auto it = holding.begin(); it != holding.end(); ++it) {
    if (const auto found = index.find(*it); found != index.end()) {
      adjacent[found->second] = static_cast<std::size_t>(std::lround(it.get_weight() / 2));
    }
  }
  return adjacent;
}

// The end of the first stretch of `span` positions holding the most distinct
// terms, fed the matches in position order. A later stretch must hold more
// to take its place, so once one holds every term, no match that follows can
// change the answer: a caller reading the body may stop there.
class DensestStretch {
 public:
  DensestStretch(std::size_t terms, std::uint32_t span) : terms_(terms), span_(span) {}

  void add(Xapian::termpos position, const std::string* term) {
    window_.emplace_back(position, term);
    ++in_window_[term];
    while (position - window_.front().first >= span_) {
      if (--in_window_[window_.front().second] == 0) in_window_.erase(window_.front().second);
      window_.pop_front();
    }
    if (in_window_.size() > best_distinct_) {
      best_distinct_ = in_window_.size();
      best_end_ = position;
    }
  }
  bool holds_every_term() const { return best_distinct_ == terms_; }
  std::uint32_t end() const { return static_cast<std::uint32_t>(best_end_); }  // 0 with no match

 private:
  std::size_t terms_;
  std::uint32_t span_;
  std::deque<std::pair<Xapian::termpos, const std::string*>> window_;
  std::unordered_map<const std::string*, std::size_t> in_window_;
  std::size_t best_distinct_ = 0;
  Xapian::termpos best_end_ = 0;
};

}  // namespace

const std::vector<Xapian::termpos>& Candidate::positions_of(Xapian::Database& db, const std::string& term) {
  auto [it, inserted] = positions.try_emplace(term);
  if (inserted) {
    for (auto p = db.positionlist_begin(docid, term); p != db.positionlist_end(docid, term); ++p) {
      it->second.push_back(*p);
    }
  }
  return it->second;
}

// A candidate whose doubled weight cannot pass the `wanted`th weight before
// re-ranking is not looked at: it stays below the page, whose weights only
// rise. Reading a few dozen candidates' positions is cheap, unlike a phrase
// query over every match; over remote shards the phrase queries are asked
// of those candidates only.
void add_proximity(const HelperClaim& helper, Xapian::Database& db, bool remote,
                   const std::vector<std::vector<std::string>>& runs, std::size_t wanted,
                   std::vector<Candidate>& candidates) {
  std::size_t pairs = 0;
  for (const auto& run : runs) pairs += run.size() - 1;
  if (pairs == 0 || wanted == 0) return;
  const double lowest_on_page = candidates.size() > wanted ? candidates[wanted - 1].weight : 0.0;
  std::size_t reachable = 0;
  while (reachable < candidates.size() &&
         candidates[reachable].weight * (1.0 + adjacency_boost) > lowest_on_page) {
    ++reachable;
  }
  const bool ids_known = std::all_of(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(reachable),
                                     [](const Candidate& c) { return !c.id.empty(); });
  const std::vector<std::size_t> adjacent = remote && ids_known
                                                ? adjacent_pairs_from_shards(db, runs, candidates, reachable)
                                                : adjacent_pairs_from_positions(helper, db, runs, candidates, reachable);
  for (std::size_t i = 0; i < reachable; ++i) {
    Candidate& candidate = candidates[i];
    candidate.weight += candidate.weight * adjacency_boost * static_cast<double>(adjacent[i]) / static_cast<double>(pairs);
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.weight > b.weight; });
}

std::uint32_t best_passage_end(Xapian::Database& db, Candidate& candidate, const std::set<std::string>& terms,
                               Xapian::termpos body_first, std::uint32_t span) {
  std::vector<std::pair<Xapian::termpos, const std::string*>> matches;
  for (const std::string& term : terms) {
    for (const Xapian::termpos position : candidate.positions_of(db, term)) {
      if (position >= body_first) matches.emplace_back(position - body_first, &term);
    }
  }
  std::sort(matches.begin(), matches.end());
  DensestStretch stretch(terms.size(), span);
  for (const auto& [position, term] : matches) stretch.add(position, term);
  return stretch.end();
}

std::uint32_t best_passage_end(std::string_view body, const storage::BodyIndex& body_index,
                               const std::set<std::string>& terms, std::uint32_t span) {
  DensestStretch stretch(terms.size(), span);
  // From checkpoint to checkpoint: analysis restarted at one numbers the
  // words as analysis from the start does, and no word spans one.
  const std::vector<storage::Checkpoint>& checkpoints = body_index.checkpoints;
  for (std::size_t k = 0; k <= checkpoints.size() && !stretch.holds_every_term(); ++k) {
    const storage::Checkpoint from = k == 0 ? storage::Checkpoint{} : checkpoints[k - 1];
    const std::size_t to = k < checkpoints.size() ? checkpoints[k].byte : body.size();  // in order: decode_record checks
    Analyzer().analyze(body.substr(from.byte, to - from.byte), [&](const Token& token) {
      if (token.folded.size() > schema::max_term_bytes) return;  // never indexed
      if (const auto term = terms.find(token.folded); term != terms.end()) {
        stretch.add(from.position + token.position, &*term);
      }
    });
  }
  return stretch.end();
}

}  // namespace vankien::query
