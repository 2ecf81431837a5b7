// SQLite FTS5 as its documentation teaches for accented text: the unicode61
// tokenizer with remove_diacritics 2, bm25 order, snippet().
#include <sqlite3.h>

#include <stdexcept>

#include "engine.hpp"

namespace bench {

namespace {

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &statement_, nullptr) != SQLITE_OK) {
      throw std::runtime_error(std::string("SQLite: ") + sqlite3_errmsg(db));
    }
  }
  ~Statement() { sqlite3_finalize(statement_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  sqlite3_stmt* get() const { return statement_; }

 private:
  sqlite3_stmt* statement_ = nullptr;
};

class Fts5Engine : public Engine {
 public:
  ~Fts5Engine() override { sqlite3_close(db_); }

  std::size_t index(const std::filesystem::path& corpus, const std::filesystem::path& db) override {
    std::filesystem::remove(db);
    connect(db);
    execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
    execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, body, "
            "tokenize = 'unicode61 remove_diacritics 2')");
    Statement insert(db_, "INSERT INTO docs(id, body) VALUES (?, ?)");
    std::size_t count = 0;
    execute("BEGIN");
    read_corpus(corpus, [&](const std::string& id, const std::string& text) {
      sqlite3_bind_text(insert.get(), 1, id.data(), static_cast<int>(id.size()), SQLITE_STATIC);
      sqlite3_bind_text(insert.get(), 2, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
      if (sqlite3_step(insert.get()) != SQLITE_DONE) fail();
      sqlite3_reset(insert.get());
      if (++count % commit_every == 0) execute("COMMIT; BEGIN");
    });
    execute("COMMIT");
    execute("PRAGMA wal_checkpoint(TRUNCATE)");
    return count;
  }

  void open(const std::filesystem::path& db) override {
    connect(db);
    select_ = std::make_unique<Statement>(
        db_, "SELECT id, snippet(docs, 1, '<b>', '</b>', '...', 32) FROM docs "
             "WHERE docs MATCH ? ORDER BY rank LIMIT 10");
  }

  // Every word must match, as vankien asks first; when no document has them
  // all, any of them (vankien relaxes the same way).
  std::vector<std::string> search(const std::string& query) override {
    std::string all, any;
    for (const std::string& word : words(query)) {
      all += (all.empty() ? "" : " ") + word;
      any += (any.empty() ? "" : " OR ") + word;
    }
    if (all.empty()) return {};
    std::vector<std::string> ids = run(all);
    return ids.empty() ? run(any) : ids;
  }

 private:
  // The query's words as FTS5 strings: quoted, so that no character of a
  // user's query is read as FTS5 syntax.
  static std::vector<std::string> words(const std::string& query) {
    std::vector<std::string> out;
    std::string word;
    auto flush = [&] {
      if (!word.empty()) out.push_back("\"" + word + "\"");
      word.clear();
    };
    for (const char c : query) {
      if (c == ' ' || c == '\t') {
        flush();
      } else if (c == '"') {
        word += "\"\"";
      } else {
        word += c;
      }
    }
    flush();
    return out;
  }

  std::vector<std::string> run(const std::string& match) {
    sqlite3_stmt* select = select_->get();
    sqlite3_reset(select);
    sqlite3_bind_text(select, 1, match.data(), static_cast<int>(match.size()), SQLITE_TRANSIENT);
    std::vector<std::string> ids;
    int status;
    while ((status = sqlite3_step(select)) == SQLITE_ROW) {
      ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(select, 0)));
      (void)sqlite3_column_text(select, 1);  // the snippet
    }
    if (status != SQLITE_DONE) fail();
    return ids;
  }

  void connect(const std::filesystem::path& db) {
    if (sqlite3_open(db.c_str(), &db_) != SQLITE_OK) fail();
  }
  void execute(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail();
  }
  [[noreturn]] void fail() { throw std::runtime_error(std::string("SQLite: ") + sqlite3_errmsg(db_)); }

  sqlite3* db_ = nullptr;
  std::unique_ptr<Statement> select_;
};

}  // namespace

std::unique_ptr<Engine> make_fts5_engine() { return std::make_unique<Fts5Engine>(); }

}  // namespace bench
