#include "analysis/tokenizer.hpp"

#include <unicode/uchar.h>

#include <algorithm>

namespace vankien::analysis {

namespace {

enum class CharClass { letter, digit, mark, joiner, ideograph, other };

// Chains longer than this cannot be document codes; they are cut so that text
// like "a-b-c-d-..." never buffers without bound.
constexpr std::size_t max_chain_runs = 16;

CharClass classify(char32_t cp) {
  if (cp < 0x80) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return CharClass::letter;
    if (cp >= '0' && cp <= '9') return CharClass::digit;
    if (cp == '-' || cp == '/') return CharClass::joiner;
    return CharClass::other;
  }
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

}  // namespace

DecodeReport Tokenizer::run() {
  DecodeReport report;
  Utf8Reader reader(text_);
  CodePoint cp;
  while (reader.next(cp)) {
    if (cp.invalid && report.invalid_utf8++ == 0) report.first_invalid_offset = cp.begin;
    switch (classify(cp.value)) {
      case CharClass::letter:
      case CharClass::digit:
        add_to_run(cp, false, cp.value >= '0' && cp.value <= '9');
        break;
      case CharClass::mark:
        if (in_run_) {
          add_to_run(cp, true, false);
        } else {  // a mark with no letter to sit on separates like punctuation
          pending_separator_ = 0;
          flush_chain();
        }
        break;
      case CharClass::joiner:
        if (in_run_) {
          end_run();
          pending_separator_ = static_cast<char>(cp.value);
        } else {
          pending_separator_ = 0;
          flush_chain();
        }
        break;
      case CharClass::ideograph:
        end_run();
        pending_separator_ = 0;
        flush_chain();
        emit_separate(cp);
        break;
      case CharClass::other:
        end_run();
        pending_separator_ = 0;
        flush_chain();
        break;
    }
  }
  end_run();
  flush_chain();
  return report;
}

void Tokenizer::add_to_run(const CodePoint& cp, bool is_mark, bool is_digit) {
  if (in_run_ && !is_mark && chain_.back().cp_count >= max_word_code_points) {
    end_run();
    flush_chain();
  }
  if (!in_run_) {
    if (pending_separator_ == 0 || chain_.size() >= max_chain_runs) flush_chain();
    Run run;
    run.begin = cp.begin;
    run.first_cp = code_points_.size();
    run.separator_before = chain_.empty() ? 0 : pending_separator_;
    run.starts_with_letter = !is_digit;
    chain_.push_back(run);
    pending_separator_ = 0;
    in_run_ = true;
  }
  Run& run = chain_.back();
  code_points_.push_back(cp.value);
  ++run.cp_count;
  run.end = cp.end;
  run.all_digits = run.all_digits && is_digit;
}

void Tokenizer::end_run() { in_run_ = false; }

void Tokenizer::flush_chain() {
  if (chain_.empty()) return;
  const bool has_slash = std::any_of(chain_.begin() + 1, chain_.end(),
                                     [](const Run& run) { return run.separator_before == '/'; });
  const bool has_letter_part = std::any_of(chain_.begin() + 1, chain_.end(),
                                           [](const Run& run) { return run.starts_with_letter; });
  const bool is_code = chain_.size() >= 2 && chain_.front().all_digits && has_slash &&
                       has_letter_part;
  if (is_code) emit_code();
  for (const Run& run : chain_) emit_word(run);
  chain_.clear();
  code_points_.clear();
}

void Tokenizer::emit_word(const Run& run) {
  word_.assign(code_points_.begin() + static_cast<std::ptrdiff_t>(run.first_cp),
               code_points_.begin() + static_cast<std::ptrdiff_t>(run.first_cp + run.cp_count));
  normalizer_.normalize(word_, token_.text, token_.folded);
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
    word_.assign(code_points_.begin() + static_cast<std::ptrdiff_t>(run.first_cp),
                 code_points_.begin() + static_cast<std::ptrdiff_t>(run.first_cp + run.cp_count));
    normalizer_.normalize(word_, token_.text, token_.folded);
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
  word_.assign(1, cp.value);
  normalizer_.normalize(word_, token_.text, token_.folded);
  token_.kind = TokenKind::word;
  token_.position = position_++;
  token_.begin = cp.begin;
  token_.end = cp.end;
  sink_(token_);
}

}  // namespace vankien::analysis
