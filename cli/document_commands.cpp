// `vankien show ID`, `vankien delete ID...`, `vankien stats`.
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "options.hpp"
#include "output.hpp"
#include "vankien/indexer.hpp"
#include "vankien/search.hpp"

namespace vankien::cli {

namespace {

struct ShowOptions {
  std::string db;
  std::string id;
  std::string clearance = "public";
  bool json = false;
};

// The id a file's document got from `vankien index` (its canonical path),
// when `typed` names an existing file that is not an id; empty otherwise.
std::string id_of_file(const std::string& typed) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(typed, error)) return {};
  const std::string id = document_id_of(typed);
  return id == typed ? std::string() : id;
}

int run_show(const ShowOptions& options) {
  const Searcher searcher({options.db});
  const Access clearance = clearance_of(options.clearance);
  auto document = searcher.get(options.id, clearance);
  if (const std::string id = id_of_file(options.id); !document && !id.empty()) document = searcher.get(id, clearance);
  if (!document) {
    std::cerr << "vankien show: no document '" << options.id << "'\n";
    return 1;
  }
  const nlohmann::json json = document_json(*document, {.body = true});
  if (options.json) {
    std::cout << dump(json) << '\n';
    return 0;
  }
  for (const auto& [key, value] : json.items()) {
    if (key == "body") continue;
    std::cout << key << ": " << (value.is_string() ? value.get<std::string>() : dump(value)) << '\n';
  }
  std::cout << "\n" << document->body << '\n';
  return 0;
}

struct DeleteOptions {
  std::string db;
  std::vector<std::string> ids;
};

int run_delete(const DeleteOptions& options) {
  Indexer indexer(options.db);
  int status = 0;
  for (const std::string& id : options.ids) {
    const std::string file_id = id_of_file(id);
    if (!indexer.remove(id) && (file_id.empty() || !indexer.remove(file_id))) {
      std::cerr << "vankien delete: no document '" << id << "'\n";
      status = 1;
    }
  }
  indexer.commit();
  return status;
}

struct StatsOptions {
  std::string db;
  std::string clearance = "top_secret";
  bool json = false;
};

int run_stats(const StatsOptions& options) {
  const Searcher searcher({options.db});
  const DatabaseStats stats = searcher.stats(clearance_of(options.clearance));
  const std::uintmax_t bytes = stats.bytes_on_disk;
  if (options.json) {
    nlohmann::json json = {{"documents", stats.documents}, {"terms", stats.terms}, {"bytes", bytes}};
    json["counts"] = server::facets_json(stats.counts);
    std::cout << dump(json) << '\n';
    return 0;
  }
  std::cout << "documents: " << stats.documents << "\nterms: " << stats.terms
            << "\nsize on disk: " << bytes / 1024 << " KiB\n\n";
  Results as_results;
  as_results.facets = stats.counts;
  std::cout << facets_text(as_results);
  return 0;
}

}  // namespace

CommandRunner add_show_command(CLI::App& app) {
  auto options = std::make_shared<ShowOptions>();
  CLI::App* command = app.add_subcommand("show", "Show a document's stored fields and text");
  add_db_option(*command, options->db);
  command->add_option("id", options->id, "Document id (or the file it was read from)")->required();
  add_clearance_option(*command, options->clearance, "Access level of the reader");
  command->add_flag("--json", options->json, "One JSON object");
  command->footer(
      "Examples:\n"
      "  vankien show --db archive.db examples/corpus/articles/2013-bach-thong-xay_dung_dang.txt\n"
      "  vankien show --db archive.db --json jsonl-01");
  return [options] { return run_show(*options); };
}

CommandRunner add_delete_command(CLI::App& app) {
  auto options = std::make_shared<DeleteOptions>();
  CLI::App* command = app.add_subcommand("delete", "Remove documents by id");
  add_db_option(*command, options->db);
  command->add_option("ids", options->ids, "Document ids (or the files they were read from)")->required();
  command->footer("Exit status: 0 when every id was deleted, 1 when one was not there, 2 on error.\n"
                  "Example:\n  vankien delete --db archive.db jsonl-01 xml-2013-01");
  return [options] { return run_delete(*options); };
}

CommandRunner add_stats_command(CLI::App& app) {
  auto options = std::make_shared<StatsOptions>();
  CLI::App* command = app.add_subcommand("stats", "Documents, terms, size, and counts per district, term, topic, type");
  add_db_option(*command, options->db);
  add_clearance_option(*command, options->clearance, "Count only documents this level may see");
  command->add_flag("--json", options->json, "One JSON object");
  command->footer("Example:\n  vankien stats --db archive.db");
  return [options] { return run_stats(*options); };
}

}  // namespace vankien::cli
