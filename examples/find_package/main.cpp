// Prints the tokens of its arguments (or of a sample sentence): the smallest
// program that links vankien.
#include <iostream>
#include <string>

#include <vankien/vankien.hpp>

int main(int argc, char** argv) {
  std::string text = "Huyện uỷ Bạch Thông ban hành Nghị quyết số 12-NQ/HU";
  if (argc > 1) {
    text.clear();
    for (int i = 1; i < argc; ++i) text += std::string(i > 1 ? " " : "") + argv[i];
  }
  const vankien::Analysis analysis = vankien::Analyzer().analyze(text);
  for (const vankien::Token& token : analysis.tokens) {
    std::cout << token.position << '\t' << token.text << '\t' << token.folded << '\n';
  }
  std::cout << "vankien " << vankien::version_string << '\n';
  return 0;
}
