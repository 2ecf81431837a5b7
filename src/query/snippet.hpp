#pragma once
// Snippets: the part of a document's body where the query's words gather,
// with every match marked. Matches are found on folded words, so "lanh dao"
// marks "lãnh đạo", and are given as byte ranges of the stored body, which
// always fall on word boundaries (never inside a UTF-8 sequence or before a mark).

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "query/accents.hpp"
#include "vankien/search.hpp"

namespace vankien::query {

/// With `votes`, also counts how the query's neighbouring words are written
/// where they stand together in the body (`sequence`: the query's folded words).
/// The body is read until a passage holds every term, and never past body
/// position `scan_until` (words counted from 0): a caller that knows from the
/// index where the best passage ends saves reading the rest.
Snippet make_snippet(std::string_view body, const std::set<std::string>& folded_terms,
                     std::size_t length, const std::vector<std::string>& sequence = {},
                     AccentVotes* votes = nullptr, std::uint32_t scan_until = UINT32_MAX);

/// Text with &, <, >, " and ' escaped for HTML.
std::string html_escape(std::string_view text);

}  // namespace vankien::query
