#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "engine.hpp"

namespace bench {

void read_corpus(const std::filesystem::path& corpus,
                 const std::function<void(const std::string&, const std::string&)>& each) {
  std::ifstream in(corpus);
  if (!in) throw std::runtime_error("cannot read " + corpus.string());
  for (std::string line; std::getline(in, line);) {
    const auto json = nlohmann::json::parse(line, nullptr, false);
    if (!json.is_object()) continue;
    each(json.value("id", ""), json.value("text", ""));
  }
}

std::unique_ptr<Engine> make_engine(const std::string& name) {
  if (name == "vankien") return make_vankien_engine();
  if (name == "xapian") return make_xapian_engine();
  if (name == "fts5") return make_fts5_engine();
  throw std::runtime_error("unknown engine '" + name + "' (vankien, xapian, fts5)");
}

}  // namespace bench
