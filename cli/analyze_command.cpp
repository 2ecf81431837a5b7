// `vankien analyze TEXT`: shows the analyzer's tokens, for debugging queries
// and documents that do not match the way one expects.
#include <iostream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "vankien/analyzer.hpp"

namespace vankien::cli {

namespace {

const char* kind_name(TokenKind kind) {
  switch (kind) {
    case TokenKind::word: return "word";
    case TokenKind::number: return "number";
    case TokenKind::code: return "code";
  }
  return "word";
}

struct AnalyzeOptions {
  std::vector<std::string> words;
  bool json = false;
};

int run_analyze(const AnalyzeOptions& options) {
  std::string text;
  if (options.words.empty() || (options.words.size() == 1 && options.words[0] == "-")) {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    for (std::size_t i = 0; i < options.words.size(); ++i) {
      if (i != 0) text += ' ';
      text += options.words[i];
    }
  }

  const Analysis analysis = Analyzer().analyze(text);
  if (options.json) {
    for (const Token& token : analysis.tokens) {
      nlohmann::json line = {{"position", token.position}, {"kind", kind_name(token.kind)},
                             {"text", token.text},         {"folded", token.folded},
                             {"begin", token.begin},       {"end", token.end}};
      std::cout << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
  } else {
    std::cout << "pos\tkind\tbytes\ttext\tfolded\n";
    for (const Token& token : analysis.tokens) {
      std::cout << token.position << '\t' << kind_name(token.kind) << '\t' << token.begin << '-'
                << token.end << '\t' << token.text << '\t' << token.folded << '\n';
    }
  }
  if (analysis.decode) {
    std::cerr << "vankien analyze: " << analysis.decode.invalid_utf8
              << " invalid UTF-8 sequence(s), the first at byte "
              << analysis.decode.first_invalid_offset << ", replaced by U+FFFD\n";
  }
  return 0;
}

}  // namespace

CommandRunner add_analyze_command(CLI::App& app) {
  auto options = std::make_shared<AnalyzeOptions>();
  CLI::App* command = app.add_subcommand(
      "analyze", "Show the tokens vankien makes of TEXT (normalised, folded, byte offsets)");
  command->add_option("text", options->words, "Text to analyse; '-' or nothing reads stdin");
  command->add_flag("--json", options->json, "One JSON object per token");
  command->footer(
      "Examples:\n"
      "  vankien analyze 'Huyện uỷ Bạch Thông'\n"
      "  vankien analyze --json 'Số 12-NQ/HU'\n"
      "  echo 'lãnh đạo' | vankien analyze -");
  return [options] { return run_analyze(*options); };
}

}  // namespace vankien::cli
