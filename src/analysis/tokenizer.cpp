#include "analysis/tokenizer.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <string>

namespace vankien::analysis {

namespace {

bool is_ascii_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }

// Hangul vowel and final jamo (conjoining), which NFC composes with the
// initial (or syllable) before them into one letter.
bool is_conjoining_jamo(char32_t cp) {
  return (cp >= 0x1160 && cp <= 0x11FF) || (cp >= 0xD7B0 && cp <= 0xD7FF);
}

enum class CharClass { letter, digit, mark, joiner, ideograph, other };

// Chains longer than this cannot be document codes; they are cut so that text
// like "a-b-c-d-..." never buffers without bound.
constexpr std::size_t max_chain_runs = 16;

constexpr std::array<CharClass, 128> ascii_classes = [] {
  std::array<CharClass, 128> classes{};
  classes.fill(CharClass::other);
  for (char c = 'a'; c <= 'z'; ++c) classes[static_cast<std::size_t>(c)] = CharClass::letter;
  for (char c = 'A'; c <= 'Z'; ++c) classes[static_cast<std::size_t>(c)] = CharClass::letter;
  for (char c = '0'; c <= '9'; ++c) classes[static_cast<std::size_t>(c)] = CharClass::digit;
  classes['-'] = classes['/'] = CharClass::joiner;
  return classes;
}();

// Dashes that join as '-' does: hyphen, non-breaking hyphen, figure dash,
// en dash, em dash, minus.
bool is_dash(char32_t cp) { return (cp >= 0x2010 && cp <= 0x2014) || cp == 0x2212; }

CharClass classify_non_ascii(char32_t cp) {
  if (is_dash(cp)) return CharClass::joiner;
  Letter letter;
  MarkEffect mark;
  if (decompose_letter(cp, letter)) return CharClass::letter;
  if (decompose_mark(cp, mark)) return CharClass::mark;
  const auto uc = static_cast<UChar32>(cp);
  const int8_t type = u_charType(uc);
  if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
      type == U_ENCLOSING_MARK) {
    return CharClass::mark;
  }
  if (u_hasBinaryProperty(uc, UCHAR_IDEOGRAPHIC) || (cp >= 0x3040 && cp <= 0x30FF)) {
    return CharClass::ideograph;
  }
  if (u_isalpha(uc)) return CharClass::letter;
  if (u_isdigit(uc)) return CharClass::digit;
  return CharClass::other;
}

inline CharClass classify(char32_t cp) {
  return cp < 0x80 ? ascii_classes[cp] : classify_non_ascii(cp);
}

// File extensions that end a file name in a path or an image's address.
bool is_file_extension(std::string_view text) {
  static constexpr std::array<std::string_view, 18> extensions = {
      "jpg", "jpeg", "png", "gif", "webp", "bmp", "svg", "tif", "tiff",
      "pdf", "doc", "docx", "xls", "xlsx", "htm", "html", "zip", "rar"};
  std::string lower;
  for (char c : text) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return std::find(extensions.begin(), extensions.end(), lower) != extensions.end();
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

bool Tokenizer::is_path_part(std::size_t begin, std::size_t end) const {
  // "/uploads/2020/06/12-nq.jpg": a chain right after a '/' or '\\' it did
  // not join, or one followed by a file extension, names a file.
  if (begin > 0 && (text_[begin - 1] == '/' || text_[begin - 1] == '\\')) return true;
  if (end >= text_.size() || text_[end] != '.') return false;
  std::size_t after = end + 1;
  while (after < text_.size() && is_ascii_letter(text_[after])) ++after;
  return is_file_extension(text_.substr(end + 1, after - end - 1));
}

DecodeReport Tokenizer::run() {
  DecodeReport report;
  Utf8Reader reader(text_);
  CodePoint cp;
  bool have_cp = reader.next(cp);
  while (have_cp) {
    if (cp.invalid && report.invalid_utf8++ == 0) report.first_invalid_offset = cp.begin;
    switch (classify(cp.value)) {
      case CharClass::letter:
      case CharClass::digit:
        // Reads the whole run and stops on the first character after it.
        have_cp = read_run(reader, cp);
        continue;
      case CharClass::mark:  // a mark with no letter to sit on separates like punctuation
      case CharClass::other: {
        // "35 - NQ/TW": one space before the dash after a leading number, one after.
        const bool number_alone = chain_.size() == 1 && chain_.front().all_digits;
        if (cp.value == ' ' && number_alone && (pending_separator_ == '-' ? spaces_ < 2 : spaces_ == 0 && pending_separator_ == 0)) {
          ++spaces_;
          break;
        }
        pending_separator_ = 0;
        flush_chain();
        break;
      }
      case CharClass::joiner: {
        // Joins only if a run ended right here and another starts right after
        // (or, after a leading number, across the spaces read above).
        const char separator = cp.value == '/' ? '/' : '-';
        const bool adjacent = last_run_end_ == cp.begin && !chain_.empty();
        const bool spaced = spaces_ == 1 && pending_separator_ == 0 && separator == '-';
        pending_separator_ = adjacent || spaced ? separator : 0;
        if (pending_separator_ == 0) flush_chain();
        break;
      }
      case CharClass::ideograph:
        pending_separator_ = 0;
        flush_chain();
        emit_separate(cp);
        break;
    }
    have_cp = reader.next(cp);
  }
  flush_chain();
  return report;
}

bool Tokenizer::read_run(Utf8Reader& reader, CodePoint& cp) {
  // Across spaces, only a code's type ("NQ") joins its number.
  const bool spaced_number = spaces_ > 0 && is_ascii_digit(cp.value);
  if (pending_separator_ == 0 || chain_.size() >= max_chain_runs || spaced_number) flush_chain();
  spaces_ = 0;
  Run run;
  run.begin = cp.begin;
  run.separator_before = chain_.empty() ? 0 : pending_separator_;
  pending_separator_ = 0;
  run.starts_with_letter = !is_ascii_digit(cp.value);

  bool have_cp = true;
  while (have_cp) {
    const CharClass kind = classify(cp.value);
    const bool is_mark = kind == CharClass::mark;
    if (!is_mark && kind != CharClass::letter && kind != CharClass::digit) break;
    // Marks do not count, so NFC and NFD text are cut at the same letter; nor
    // do Hangul vowel and final jamo, which NFC joins to the letter before.
    const bool counts = !is_mark && !is_conjoining_jamo(cp.value);
    if (counts && run.letters >= max_word_letters) {
      // Too long: cut here, before a letter, and go on with a new run.
      run.end = cp.begin;
      chain_.push_back(run);
      last_run_end_ = run.end;
      flush_chain();
      run = Run{};
      run.begin = cp.begin;
      run.starts_with_letter = !is_ascii_digit(cp.value);
    }
    if (counts) ++run.letters;
    run.all_digits = run.all_digits && is_ascii_digit(cp.value);
    run.end = cp.end;
    have_cp = reader.next(cp);
  }
  chain_.push_back(run);
  last_run_end_ = run.end;
  return have_cp;
}

void Tokenizer::flush_chain() {
  spaces_ = 0;
  if (chain_.empty()) return;
  if (chain_.size() == 1) {
    emit_word(chain_.front());
    chain_.clear();
    return;
  }
  const bool has_slash = std::any_of(chain_.begin() + 1, chain_.end(),
                                     [](const Run& run) { return run.separator_before == '/'; });
  const bool has_letter_part = std::any_of(chain_.begin() + 1, chain_.end(),
                                           [](const Run& run) { return run.starts_with_letter; });
  const bool is_code = chain_.size() >= 2 && chain_.front().all_digits && has_slash &&
                       has_letter_part && !is_path_part(chain_.front().begin, chain_.back().end);
  if (is_code) emit_code();
  for (const Run& run : chain_) emit_word(run);
  chain_.clear();
}

void Tokenizer::emit_word(const Run& run) {
  normalizer_.normalize(raw(run), token_.text, token_.folded);
  token_.kind = run.all_digits ? TokenKind::number : TokenKind::word;
  token_.position = position_++;
  token_.begin = run.begin;
  token_.end = run.end;
  sink_(token_);
}

void Tokenizer::emit_code() {
  code_.text.clear();
  code_.folded.clear();
  for (const Run& run : chain_) {
    if (run.separator_before != 0) {
      code_.text.push_back(run.separator_before);
      code_.folded.push_back(run.separator_before);
    }
    normalizer_.normalize(raw(run), token_.text, token_.folded);
    code_.text += token_.text;
    code_.folded += token_.folded;
  }
  code_.kind = TokenKind::code;
  code_.position = position_;  // the position its first part is about to take
  code_.begin = chain_.front().begin;
  code_.end = chain_.back().end;
  sink_(code_);
}

void Tokenizer::emit_separate(const CodePoint& cp) {
  normalizer_.normalize(text_.substr(cp.begin, cp.end - cp.begin), token_.text, token_.folded);
  token_.kind = TokenKind::word;
  token_.position = position_++;
  token_.begin = cp.begin;
  token_.end = cp.end;
  sink_(token_);
}

}  // namespace vankien::analysis
