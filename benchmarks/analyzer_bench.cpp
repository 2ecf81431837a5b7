// Analyzer throughput against an ICU baseline, in one run on the same text.
//
//   analyzer_bench CORPUS.txt [REPEATS]
//
// CORPUS is plain UTF-8, one document a line (benchmarks/make_corpus.py writes
// it). Each engine analyses every line REPEATS times (default 5); the best pass
// counts. The baseline is what a careful ICU user would write: NFC
// normalisation, the word BreakIterator for "vi", and case folding of each word.
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "vankien/analyzer.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Pass {
  double seconds = 0;
  std::size_t tokens = 0;
};

// One pass over every line; keeps it in `best` if it was the fastest so far.
template <typename Analyse>
void timed_pass(const std::vector<std::string>& lines, Analyse analyse, Pass& best) {
  const auto start = Clock::now();
  std::size_t tokens = 0;
  for (const std::string& line : lines) tokens += analyse(line);
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (best.tokens == 0 || seconds < best.seconds) best = {seconds, tokens};
}

std::size_t vankien_tokens(const vankien::Analyzer& analyzer, const std::string& line) {
  std::size_t count = 0;
  analyzer.analyze(line, [&](const vankien::Token& token) { count += token.text.size() > 0; });
  return count;
}

class IcuBaseline {
 public:
  IcuBaseline() {
    UErrorCode status = U_ZERO_ERROR;
    nfc_ = icu::Normalizer2::getNFCInstance(status);
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale("vi"), status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU initialisation failed");
  }

  std::size_t tokens(const std::string& line) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString text =
        nfc_->normalize(icu::UnicodeString::fromUTF8(line), status);
    words_->setText(text);
    std::size_t count = 0;
    int32_t start = words_->first();
    for (int32_t end = words_->next(); end != icu::BreakIterator::DONE;
         start = end, end = words_->next()) {
      if (words_->getRuleStatus() == UBRK_WORD_NONE) continue;
      icu::UnicodeString word(text, start, end - start);
      word.foldCase();
      scratch_.clear();
      word.toUTF8String(scratch_);
      count += !scratch_.empty();
    }
    return count;
  }

 private:
  const icu::Normalizer2* nfc_ = nullptr;
  std::unique_ptr<icu::BreakIterator> words_;
  std::string scratch_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: analyzer_bench CORPUS.txt [REPEATS]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "analyzer_bench: cannot read " << argv[1] << '\n';
    return 2;
  }
  const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  std::vector<std::string> lines;
  std::size_t bytes = 0;
  for (std::string line; std::getline(in, line);) {
    bytes += line.size() + 1;
    lines.push_back(std::move(line));
  }
  const double megabytes = static_cast<double>(bytes) / 1e6;

  // Passes alternate between the engines, so that a busy moment on a shared
  // machine slows both rather than one.
  const vankien::Analyzer analyzer;
  IcuBaseline icu;
  Pass ours, baseline;
  for (int r = 0; r < repeats; ++r) {
    timed_pass(lines, [&](const std::string& line) { return vankien_tokens(analyzer, line); },
               ours);
    timed_pass(lines, [&](const std::string& line) { return icu.tokens(line); }, baseline);
  }

  const double ours_rate = megabytes / ours.seconds;
  const double baseline_rate = megabytes / baseline.seconds;
  std::printf("corpus: %s, %.1f MB, %zu lines, best of %d passes\n", argv[1], megabytes,
              lines.size(), repeats);
  std::printf("%-34s %10s %12s %8s\n", "engine", "MB/s", "tokens", "ratio");
  std::printf("%-34s %10.1f %12zu %8.2f\n", "vankien Analyzer", ours_rate, ours.tokens,
              ours_rate / baseline_rate);
  std::printf("%-34s %10.1f %12zu %8.2f\n", "ICU NFC + word break + case fold", baseline_rate,
              baseline.tokens, 1.0);
  std::printf("{\"benchmark\":\"analyzer\",\"megabytes\":%.3f,\"vankien_mb_s\":%.2f,"
              "\"icu_mb_s\":%.2f,\"ratio\":%.3f}\n",
              megabytes, ours_rate, baseline_rate, ours_rate / baseline_rate);
  return 0;
}
