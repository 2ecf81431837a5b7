#include "snippet.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "vankien/analyzer.hpp"

namespace vankien::query {

namespace {

// Matches are looked for in this much of the body: enough for any real
// document's best passage, bounded for a pathological one.
constexpr std::size_t max_scanned_bytes = 256 * 1024;
constexpr std::size_t max_matches = 512;
// The body is analysed in pieces of about this size (cut at a space).
constexpr std::size_t chunk_bytes = 512;
// Context kept before the first match of the chosen passage, at most a
// quarter of the snippet.
constexpr std::size_t lead_in_bytes = 40;

struct Match {
  std::size_t begin, end;
  const std::string* term;  // the folded query word it matches
  std::uint32_t position;
  std::string text;         // as the body writes it, normalised
};

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Moves `offset` back to just after a space (or to `floor`), so the excerpt
// starts on a word; spaces are ASCII, so UTF-8 is never split.
std::size_t word_start_before(std::string_view text, std::size_t offset, std::size_t floor) {
  while (offset > floor && !is_space(text[offset - 1])) --offset;
  return offset;
}

std::size_t word_end_before(std::string_view text, std::size_t offset, std::size_t floor) {
  if (offset >= text.size()) return text.size();
  while (offset > floor && !is_space(text[offset])) --offset;
  return offset;
}

// True when some window of `length` bytes holds `wanted` distinct terms.
bool window_has_all(const std::vector<Match>& matches, std::size_t wanted, std::size_t length) {
  for (std::size_t first = 0; first < matches.size(); ++first) {
    std::set<const std::string*> distinct;
    for (std::size_t k = first; k < matches.size() && matches[k].end - matches[first].begin <= length; ++k) {
      distinct.insert(matches[k].term);
    }
    if (distinct.size() >= wanted) return true;
  }
  return false;
}

// True when `first` then `second` are neighbours in the query's word sequence.
bool neighbours(const std::vector<std::string>& sequence, const std::string& first,
                const std::string& second) {
  for (std::size_t k = 0; k + 1 < sequence.size(); ++k) {
    if (sequence[k] == first && sequence[k + 1] == second) return true;
  }
  return false;
}

// Whether the run of words starting at matches[first] is `run`, and whether
// every word typed with diacritics has that exact form there.
struct RunMatch {
  bool found = false, exact = false;
  std::vector<std::size_t> members;
};

RunMatch run_at(const std::vector<Match>& matches, std::size_t first, const std::vector<HighlightWord>& run) {
  RunMatch out;
  out.exact = true;
  const std::uint32_t start = matches[first].position;
  std::size_t next = first;
  for (std::size_t k = 0; k < run.size(); ++k) {
    // Matches are in position order; several may share one (a code and its first part).
    while (next < matches.size() && matches[next].position < start + k) ++next;
    std::size_t found = next;
    while (found < matches.size() && matches[found].position == start + k && *matches[found].term != run[k].folded) {
      ++found;
    }
    if (found >= matches.size() || matches[found].position != start + k) return {};
    out.members.push_back(found);
    out.exact = out.exact && (run[k].exact.empty() || matches[found].text == run[k].exact);
  }
  out.found = true;
  return out;
}

// The matches to mark: those in some run of the highlighting, preferring,
// run by run, the places written exactly as typed; then, where a code and its
// parts overlap, the longest.
std::vector<Match> marked(std::vector<Match> matches, const Highlighting& highlighting) {
  std::vector<bool> keep(matches.size(), false);
  for (const std::vector<HighlightWord>& run : highlighting.runs()) {
    std::vector<RunMatch> exact, folded;
    for (std::size_t first = 0; first < matches.size(); ++first) {
      if (*matches[first].term != run.front().folded) continue;
      RunMatch found = run_at(matches, first, run);
      if (found.found) (found.exact ? exact : folded).push_back(std::move(found));
    }
    for (const RunMatch& found : exact.empty() ? folded : exact) {
      for (const std::size_t member : found.members) keep[member] = true;
    }
  }
  std::vector<Match> kept;
  for (std::size_t i = 0; i < matches.size(); ++i) {
    if (keep[i]) kept.push_back(std::move(matches[i]));
  }
  std::sort(kept.begin(), kept.end(), [](const Match& a, const Match& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<Match> out;
  for (Match& match : kept) {
    if (out.empty() || match.begin >= out.back().end) out.push_back(std::move(match));
  }
  return out;
}

}  // namespace

void Highlighting::add_run(std::vector<HighlightWord> run) {
  if (run.empty()) return;
  for (const HighlightWord& word : run) folded_terms_.insert(word.folded);
  if (std::find_if(runs_.begin(), runs_.end(), [&](const auto& known) {
        return std::equal(known.begin(), known.end(), run.begin(), run.end(), [](const auto& a, const auto& b) {
          return a.folded == b.folded && a.exact == b.exact;
        });
      }) == runs_.end()) {
    runs_.push_back(std::move(run));
  }
}

Highlighting Highlighting::of_words(const std::set<std::string>& folded) {
  Highlighting out;
  for (const std::string& word : folded) out.add_word({word, ""});
  return out;
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

Snippet make_snippet(std::string_view body, const Highlighting& highlighting,
                     std::size_t length, const std::vector<std::string>& sequence,
                     AccentVotes* votes, const ScanRange& range) {
  const std::set<std::string>& terms = highlighting.folded_terms();
  std::vector<Match> matches;
  const std::uint32_t scan_until = range.last_position;
  const std::string_view scanned = body.substr(0, std::min(body.size(), range.first_byte + max_scanned_bytes));
  std::set<const std::string*> distinct_terms_found;
  // The last query word seen, for votes on how neighbouring words are written.
  const std::string* previous_term = nullptr;
  std::string previous_text;
  std::uint32_t previous_position = 0;
  // The body is read a piece at a time, from a checkpoint to the first one
  // at least chunk_bytes further, and reading stops once a passage holding
  // every query word has been seen: the best snippet is usually near the
  // top, and long documents need not be analysed to the end. Analysis
  // restarted at a checkpoint numbers the words as analysis from the start
  // does, and no word spans one: not even a code holding a space ("35-
  // NQ/TW"), which a piece cut at any other space could split.
  std::size_t chunk_start = range.first_byte;
  std::uint32_t chunk_first_position = range.first_position;
  bool complete = false;
  while (!terms.empty() && chunk_start < scanned.size() && !complete && matches.size() < max_matches &&
         chunk_first_position <= scan_until) {
    std::size_t chunk_end = scanned.size();
    std::uint32_t next_position = 0;
    if (range.checkpoints) {
      const auto next = std::lower_bound(range.checkpoints->begin(), range.checkpoints->end(),
                                         chunk_start + chunk_bytes,
                                         [](const storage::Checkpoint& c, std::size_t byte) { return c.byte < byte; });
      if (next != range.checkpoints->end() && next->byte < scanned.size()) {
        chunk_end = next->byte;
        next_position = next->position;
      }
    }
    const std::size_t base = chunk_start;
    const std::uint32_t first_position = chunk_first_position;
    Analyzer().analyze(scanned.substr(chunk_start, chunk_end - chunk_start), [&](const Token& token) {
      if (matches.size() >= max_matches || first_position + token.position > scan_until) return;
      const auto found = terms.find(token.folded);
      if (found == terms.end()) {
        previous_term = nullptr;
        return;
      }
      if (votes && token.kind != TokenKind::code) {
        if (previous_term && previous_position + 1 == token.position &&
            neighbours(sequence, *previous_term, *found)) {
          ++(*votes)[*previous_term][previous_text];
          ++(*votes)[*found][token.text];
        }
        previous_term = &*found;
        previous_text = token.text;
        previous_position = token.position;
      }
      // Codes and their parts are all kept here; marked() keeps the longest.
      matches.push_back({base + token.begin, base + token.end, &*found,
                         first_position + static_cast<std::uint32_t>(token.position), token.text});
      distinct_terms_found.insert(&*found);
    });
    previous_term = nullptr;
    chunk_start = chunk_end;
    chunk_first_position = next_position;
    complete = distinct_terms_found.size() == terms.size() && window_has_all(matches, terms.size(), length);
  }
  matches = marked(std::move(matches), highlighting);

  // The window of `length` bytes holding the most distinct terms, then the most matches.
  std::size_t best_first = 0, best_last = 0;
  std::size_t best_distinct = 0, best_count = 0;
  for (std::size_t first = 0, last = 0; first < matches.size(); ++first) {
    last = std::max(last, first);
    while (last + 1 < matches.size() && matches[last + 1].end - matches[first].begin <= length) {
      ++last;
    }
    std::set<const std::string*> distinct;
    for (std::size_t k = first; k <= last; ++k) distinct.insert(matches[k].term);
    const std::size_t count = last - first + 1;
    if (distinct.size() > best_distinct || (distinct.size() == best_distinct && count > best_count)) {
      best_distinct = distinct.size();
      best_count = count;
      best_first = first;
      best_last = last;
    }
  }

  Snippet snippet;
  std::size_t start = 0;
  if (!matches.empty()) {
    const std::size_t anchor = matches[best_first].begin;
    const std::size_t lead_in = std::min(lead_in_bytes, length / 4);
    start = word_start_before(body, anchor > lead_in ? anchor - lead_in : 0, 0);
    if (start > anchor) start = anchor;
  }
  while (start < body.size() && is_space(body[start])) ++start;
  std::size_t end = std::min(body.size(), start + length);
  end = std::max(word_end_before(body, end, start), matches.empty() ? start : matches[best_last].end);
  if (end <= start) {  // one word longer than the snippet: cut it on a code point
    end = std::min(body.size(), start + length);
    while (end > start && end < body.size() &&
           (static_cast<unsigned char>(body[end]) & 0xC0) == 0x80) {
      --end;
    }
  }
  while (end > start && is_space(body[end - 1])) --end;

  snippet.begin = start;
  snippet.end = end;
  snippet.text = std::string(body.substr(start, end - start));
  std::size_t cursor = start;
  if (start > 0) snippet.html += "…";
  for (const Match& match : matches) {
    if (match.begin < start || match.end > end) continue;
    snippet.highlights.push_back({match.begin, match.end});
    snippet.html += html_escape(body.substr(cursor, match.begin - cursor));
    snippet.html += "<mark>" + html_escape(body.substr(match.begin, match.end - match.begin)) + "</mark>";
    cursor = match.end;
  }
  snippet.html += html_escape(body.substr(cursor, end - cursor));
  if (end < body.size()) snippet.html += "…";
  return snippet;
}

}  // namespace vankien::query
