// Plain Xapian as its documentation teaches: TermGenerator with positions, no
// stemmer and no folding; QueryParser (default OR) and MSet::snippet().
#include <xapian.h>

#include <optional>

#include "engine.hpp"

namespace bench {

namespace {

class XapianEngine : public Engine {
 public:
  std::size_t index(const std::filesystem::path& corpus, const std::filesystem::path& db) override {
    Xapian::WritableDatabase database(db.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    std::size_t count = 0;
    read_corpus(corpus, [&](const std::string& id, const std::string& text) {
      Xapian::Document document;
      generator.set_document(document);
      generator.index_text(text);
      document.set_data(text);
      document.add_boolean_term("Q" + id);
      database.replace_document("Q" + id, document);
      if (++count % commit_every == 0) database.commit();
    });
    database.commit();
    return count;
  }

  void open(const std::filesystem::path& db) override {
    database_.emplace(db.string());
    parser_.set_database(*database_);
  }

  std::vector<std::string> search(const std::string& query) override {
    Xapian::Enquire enquire(*database_);
    enquire.set_query(parser_.parse_query(query, Xapian::QueryParser::FLAG_DEFAULT));
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    std::vector<std::string> ids;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const Xapian::Document document = it.get_document();
      (void)mset.snippet(document.get_data(), snippet_bytes);
      Xapian::TermIterator id = document.termlist_begin();
      id.skip_to("Q");
      ids.push_back(id != document.termlist_end() ? (*id).substr(1) : std::string());
    }
    return ids;
  }

 private:
  std::optional<Xapian::Database> database_;
  Xapian::QueryParser parser_;
};

}  // namespace

std::unique_ptr<Engine> make_xapian_engine() { return std::make_unique<XapianEngine>(); }

}  // namespace bench
