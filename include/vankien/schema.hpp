#pragma once
// The Xapian database layout: the one place that says which terms, values and
// data a vankien document has. The indexer writes it and the query side reads
// it; nothing else spells a prefix or a slot number.
//
// Terms. Text is indexed in two forms (VIETNAMESE.md, option c):
//   - folded syllables, UNPREFIXED and WITH positions ("lanh", "dao", "12-nq/hu"):
//     every search, phrase and proximity query runs on these, so a query typed
//     without diacritics finds everything, and folded phrases work;
//   - exact (normalised) syllables under XE, WITHOUT positions ("XElãnh"),
//     only for syllables that have marks: they let a query's accented syllables
//     rank exact matches first, for a fraction of the size positions would cost.
// Title and lead words are indexed again with a higher within-document
// frequency (title_wdf, lead_wdf), which is how BM25 ranks them above the body.
// Title words are indexed once more, folded under S without positions: a
// document whose title has every word of a query ranks first (a title typed
// from memory finds its document).
// Boolean filter terms (no positions, wdf 0) carry the metadata, values keyed
// by facet_key(); the number term alone has weight, to rank a document first for
// its own number.
//
// Length normalisation is done at index time (format 4): the wdf stored is
// stored_wdf(raw wdf, document length), BM25's normalised term frequency
// scaled to an integer. The query side then ranks with BM25 at b = 0
// (k1 scaled by wdf_scale), which needs no document length per match: that
// read was a third of the matcher's time. Ranking is BM25's (b = 0.5), with a
// fixed reference length instead of the database's average, so documents
// added later do not change the weight of those already indexed.
//
// Values hold what is sorted or counted; the document data holds the stored
// fields, the body's word index and the body (src/storage/document_record.hpp).

#include <string>
#include <string_view>

#include <cstddef>
#include <cstdint>

namespace vankien::schema {

// Term prefixes, after Xapian's Omega conventions where one exists.
inline constexpr std::string_view id = "Q";               // unique id, as given
inline constexpr std::string_view exact = "XE";           // exact syllable, no positions
inline constexpr std::string_view title_word = "S";       // folded title word, no positions
inline constexpr std::string_view district = "XD";        // "bac_kan/bach_thong"
inline constexpr std::string_view district_name = "XDN";  // "bach_thong", any province
inline constexpr std::string_view province = "XP";        // "bac_kan"; also the successor
inline constexpr std::string_view term = "XN";            // nhiệm kỳ "2015-2020"
inline constexpr std::string_view topic = "K";            // "xay_dung_dang"
inline constexpr std::string_view type = "XL";            // loại "nghi_quyet"
inline constexpr std::string_view issuer = "XI";          // "huyen_uy_bach_thong"
inline constexpr std::string_view number = "XS";          // số, folded "12-nq/hu"
inline constexpr std::string_view cited = "XC";           // a number the text cites, folded
inline constexpr std::string_view year = "Y";             // "2019"
inline constexpr std::string_view month = "M";            // "201903"
inline constexpr std::string_view date = "D";             // "20190315"
inline constexpr std::string_view access = "XA";          // "public", "internal" ...
inline constexpr std::string_view author = "A";           // "hoang_sim"

/// Terms longer than this are not indexed (Xapian refuses terms over 245
/// bytes), so no word that long is searchable or highlighted as a match.
inline constexpr std::size_t max_term_bytes = 240;

/// The unique-id term of a document id.
std::string id_term(std::string_view document_id);

// Within-document frequency added per occurrence, by field.
inline constexpr unsigned body_wdf = 1;
inline constexpr unsigned lead_wdf = 2;
inline constexpr unsigned title_wdf = 5;

// BM25 at index time: a document of `length` words (positions) has its
// term frequencies divided by (1 - b) + b * max(length / reference_length,
// min_length_ratio), then multiplied by wdf_scale and rounded (at least 1).
inline constexpr double length_b = 0.5;
inline constexpr double reference_length = 500;  // words: a typical news article
inline constexpr double min_length_ratio = 0.5;
inline constexpr double wdf_scale = 16;
inline constexpr double bm25_k1 = 1.0;  // at query time, BM25's k1 times wdf_scale

/// The wdf stored for a term that occurs with weight `raw_wdf` (the sum of
/// the field wdfs above) in a document of `length` words.
unsigned stored_wdf(unsigned raw_wdf, unsigned length);

// Value slots.
enum Slot : unsigned {
  date_slot = 0,      // "20190315", sorts by date
  district_slot = 1,  // "Bạch Thông, Bắc Kạn" (display form, for facets)
  province_slot = 2,  // "Bắc Kạn"
  term_slot = 3,      // "2015-2020"
  topics_slot = 4,    // topic labels, '\n'-separated
  type_slot = 5,      // "Nghị quyết"
  issuer_slot = 6,    // "Huyện ủy Bạch Thông"
  year_slot = 7,      // "2019"
  hash_slot = 8,      // content hash: re-indexing an unchanged document is skipped
  id_slot = 9,        // the id, readable without the termlist (re-ranking filters by it)
  facets_slot = 10,   // slots 1, 2, 3, 4, 5, 7 joined by facet_separator: one read counts all facets
  date_order_slot = 11,  // the date, facet_separator, the id: sorts by date, ties by id, on any shards
};

inline constexpr char facet_separator = '\x1f';

/// The key of a metadata value inside a term: folded, with every run of
/// characters other than letters and digits turned into one '_'
/// ("Bạch Thông" -> "bach_thong", "nghị_quyết" -> "nghi_quyet").
std::string facet_key(std::string_view value);

/// Metadata keys stored in the database itself (Xapian user metadata).
inline constexpr std::string_view format_key = "vankien.format";
inline constexpr std::string_view format_version = "7";
/// Format 6 differs only in never compressing a record: read as it is, and
/// made format 7 by the first writer to open it.
inline constexpr std::string_view older_readable_format = "6";
/// The usual accented form of each folded syllable, stored by the indexer
/// when a run ends (src/storage/accent_table.hpp): one key per syllable,
/// "vankien.accent:lanh" -> "lãnh", and this key once the table is stored.
inline constexpr std::string_view accents_key = "vankien.accents";
inline constexpr std::string_view accent_key_prefix = "vankien.accent:";
/// How neighbouring syllables are written together, where that is not each
/// one's usual form (src/storage/syllable_pairs.hpp):
/// "vankien.pair:giam gia" -> "12\ngiảm giá\t9\n…" (total, then readings).
inline constexpr std::string_view pair_key_prefix = "vankien.pair:";
inline constexpr std::size_t max_metadata_key_bytes = 240;  // Xapian refuses longer keys

}  // namespace vankien::schema
