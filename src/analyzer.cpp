#include "vankien/analyzer.hpp"

#include "analysis/tokenizer.hpp"

namespace vankien {

DecodeReport Analyzer::analyze(std::string_view text, const TokenSink& sink) const {
  return analysis::Tokenizer(text, sink).run();
}

Analysis Analyzer::analyze(std::string_view text) const {
  Analysis result;
  result.decode = analyze(text, [&](const Token& token) { result.tokens.push_back(token); });
  return result;
}

}  // namespace vankien
