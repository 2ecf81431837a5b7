// Any bytes: the analyzer never crashes, and its tokens keep their promises.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "vankien/analyzer.hpp"
#include "vankien/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const vankien::Analysis analysis = vankien::Analyzer().analyze(text);
  for (const vankien::Token& token : analysis.tokens) {
    if (token.begin >= token.end || token.end > text.size() || token.text.empty()) std::abort();
  }
  const std::string once = vankien::normalize(text);
  if (vankien::normalize(once) != once) std::abort();
  const std::string folded = vankien::fold(text);
  if (vankien::fold(folded) != folded) std::abort();
  return 0;
}
