// `vankien index PATH...`: reads files and directories into the database.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "options.hpp"
#include "vankien/indexer.hpp"

namespace vankien::cli {

namespace {

struct IndexOptions {
  std::string db;
  std::vector<std::string> paths;
  std::vector<std::string> include, exclude;
  std::string format = "auto";
  std::string encoding;
  std::string site_rules;
  std::string district, province;
  std::string root;
  std::size_t batch = 1000;
  std::size_t dictionary_samples = 1000;
  std::size_t shards = 0;  // 0: one database
  bool merge = false;
  std::size_t max_document_mb = ReadOptions{}.max_document_bytes >> 20;
  bool quiet = false;
};

// One line on stderr, rewritten in place: documents, MB, docs/s, ETA by bytes.
class ProgressLine {
 public:
  explicit ProgressLine(std::uintmax_t total_bytes) : total_bytes_(total_bytes) {}

  void update(const IndexSummary& summary) {
    const double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
    const std::size_t documents = summary.added + summary.updated + summary.unchanged;
    const double rate = seconds > 0 ? static_cast<double>(documents) / seconds : 0;
    std::string eta = "?";
    if (summary.bytes > 0 && total_bytes_ >= summary.bytes) {
      const double left = seconds * static_cast<double>(total_bytes_ - summary.bytes) /
                          static_cast<double>(summary.bytes);
      eta = std::to_string(static_cast<long>(left)) + "s";
    }
    std::fprintf(stderr, "\r\033[K%zu documents, %.1f MB, %.0f docs/s, ETA %s", documents,
                 static_cast<double>(summary.bytes) / 1e6, rate, eta.c_str());
  }
  void finish() { std::fputs("\r\033[K", stderr); }

 private:
  using Clock = std::chrono::steady_clock;
  std::uintmax_t total_bytes_;
  Clock::time_point start_ = Clock::now();
};

// A stub file that `--shards` wrote (write_stub's first line).
bool is_shards_stub(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string first;
  std::getline(in, first);
  return first.rfind("# vankien shards", 0) == 0;
}

// The shards of `db` with `--shards N`: DB.shards/0 ... N-1, beside the
// stub file DB that names them. A DB that is already a stub must name N.
std::vector<std::filesystem::path> shard_paths(const std::filesystem::path& db, std::size_t count) {
  std::error_code error;
  if (std::filesystem::is_directory(db, error)) {
    throw Error(db.string() + ": already one database: index into it without --shards, or name another");
  }
  if (std::filesystem::exists(db, error) && !is_shards_stub(db)) {
    throw Error(db.string() + ": a file that is not the stub of earlier shards: name another");
  }
  std::vector<std::filesystem::path> shards;
  const std::filesystem::path folder = db.string() + ".shards";
  for (std::size_t k = 0; k < count; ++k) shards.push_back(folder / std::to_string(k));
  std::size_t existing = 0;
  while (std::filesystem::exists(folder / std::to_string(existing), error)) ++existing;
  if (existing != 0 && existing != count) {
    throw Error(db.string() + " has " + std::to_string(existing) + " shards, not " + std::to_string(count) +
                ": documents are routed by the number of shards, so a set of shards keeps its number");
  }
  std::filesystem::create_directories(folder, error);
  return shards;
}

// --merge: the shards compacted into one database at DB, which replaces the
// stub; the shards are removed once the merged database is in place.
void merge_into(const std::filesystem::path& db, const std::vector<std::filesystem::path>& shards) {
  const std::filesystem::path merging = db.string() + ".merging";
  std::filesystem::remove_all(merging);
  merge_shards(shards, merging);
  std::filesystem::remove(db);  // the stub of an earlier run, if any
  std::filesystem::rename(merging, db);
  std::filesystem::remove_all(db.string() + ".shards");
}

std::uintmax_t total_size(const std::vector<std::filesystem::path>& paths,
                          const FileSelection& selection) {
  std::uintmax_t total = 0;
  for (const auto& file : collect_files(paths, selection, [](Problem&&) {})) {
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    if (!error) total += size;
  }
  return total;
}

int run_index(const IndexOptions& options) {
  ReadOptions read;
  const auto format = parse_format(options.format);
  if (!format) {
    std::cerr << "vankien index: unknown format '" << options.format
              << "' (auto, text, markdown, html, xml, jsonl)\n";
    return 2;
  }
  if (!options.encoding.empty()) {
    const auto encoding = parse_encoding(options.encoding);
    if (!encoding) {
      std::cerr << "vankien index: unknown encoding '" << options.encoding
                << "' (utf-8, tcvn3, vni-windows, viscii, windows-1258, windows-1252)\n";
      return 2;
    }
    read.encoding = *encoding;
  }
  std::error_code error;
  if (!options.site_rules.empty() && !std::filesystem::is_regular_file(options.site_rules, error)) {
    std::cerr << "vankien index: no site rules file '" << options.site_rules << "'\n";
    return 2;
  }
  read.site_rules = options.site_rules;
  read.default_district = options.district;
  read.default_province = options.province;
  read.format = *format;
  read.id_root = options.root;
  read.max_document_bytes = options.max_document_mb << 20;
  const FileSelection selection{options.include, options.exclude};
  const std::vector<std::filesystem::path> paths(options.paths.begin(), options.paths.end());

  if (options.merge && options.shards == 0) {
    std::cerr << "vankien index: --merge merges the shards of --shards N\n";
    return 2;
  }
  IndexerOptions indexer_options;
  indexer_options.batch_size = options.batch;
  indexer_options.dictionary_samples = options.dictionary_samples;

  std::unique_ptr<ProgressLine> progress;
  if (!options.quiet && isatty(STDERR_FILENO)) {
    progress = std::make_unique<ProgressLine>(total_size(paths, selection));
  }
  const auto on_progress = [&](const IndexSummary& so_far) {
    if (progress) progress->update(so_far);
  };
  IndexSummary summary;
  std::size_t documents = 0;
  if (options.shards == 0) {
    Indexer indexer(options.db, indexer_options);
    summary = indexer.add_files(paths, selection, read, on_progress);
    documents = indexer.document_count();
  } else {
    const std::vector<std::filesystem::path> shards = shard_paths(options.db, options.shards);
    {
      ShardedIndexer indexer(shards, indexer_options);
      summary = indexer.add_files(paths, selection, read, on_progress);
      documents = indexer.document_count();
    }
    if (options.merge) {
      merge_into(options.db, shards);
    } else {
      write_stub(options.db, shards);
    }
  }
  if (progress) progress->finish();

  for (const Problem& problem : summary.problems) std::cerr << problem.to_string() << '\n';
  if (!options.quiet) {
    std::cerr << "indexed " << summary.files << " file(s) into " << options.db;
    if (options.shards != 0) std::cerr << " (" << options.shards << " shards" << (options.merge ? ", merged)" : ")");
    std::cerr << ": " << summary.added << " added, " << summary.updated << " updated, " << summary.unchanged
              << " unchanged, " << summary.failed << " failed; " << documents << " documents in the database\n";
  }
  return summary.failed == 0 ? 0 : 2;
}

}  // namespace

CommandRunner add_index_command(CLI::App& app) {
  auto options = std::make_shared<IndexOptions>();
  CLI::App* command = app.add_subcommand(
      "index", "Add files and directories (text, Markdown, HTML, site exports, XML, JSON Lines) to the database");
  add_db_option(*command, options->db);
  command->add_option("paths", options->paths, "Files, directories (recursive), '-' for stdin")
      ->required();
  command->add_option("--include", options->include, "Only files matching this glob (repeatable)")
      ->allow_extra_args(false);
  command->add_option("--exclude", options->exclude, "Skip files matching this glob (repeatable)")
      ->allow_extra_args(false);
  command->add_option("--format", options->format, "auto, text, markdown, html, xml or jsonl")
      ->capture_default_str();
  command->add_option("--encoding", options->encoding,
                      "Character set of text, Markdown and HTML files: utf-8, tcvn3 (abc), vni-windows, viscii, "
                      "windows-1258, windows-1252 (default: detected per file)");
  command->add_option("--district", options->district,
                      "The source's district, for texts that name no unit (a district portal's export)");
  command->add_option("--province", options->province, "The source's province, likewise");
  command->add_option("--site-rules", options->site_rules,
                      "Per-site rules for HTML pages (a sites.tsv; default: the data directory's)");
  command->add_option("--root", options->root,
                      "Ids of files are their paths relative to this directory (default: the current one)");
  command->add_option("--batch", options->batch,
                      "Documents per commit (below XAPIAN_FLUSH_THRESHOLD, 10000 unless set, "
                      "where Xapian commits by itself)")
      ->capture_default_str();
  command->add_option("--dictionary-samples", options->dictionary_samples,
                      "A new database compresses stored records with a dictionary trained on its first N")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  command->add_option("--shards", options->shards,
                      "Write N shards in parallel (DB.shards/0..N-1, one writer each) and DB as a stub file "
                      "naming them; documents are routed by their id, so re-indexing finds the same shard")
      ->check(CLI::Range(1, 256));
  command->add_flag("--merge", options->merge, "With --shards: compact the shards into one database at DB at the end");
  command->add_option("--max-document-mb", options->max_document_mb,
                      "Larger documents are refused (and reported)")
      ->capture_default_str()
      ->check(CLI::Range(1, 4096));
  command->add_flag("-q,--quiet", options->quiet, "No progress line and no summary");
  command->footer(
      "Exit status: 0 when every document went in, 2 when any failed or the run could not start.\n"
      "Examples:\n"
      "  vankien index --db archive.db examples/corpus\n"
      "  vankien index --include '*.xml' --exclude 'drafts/*' archive/\n"
      "  vankien index --db archive --shards 2 corpus/     # archive names archive.shards/0 and 1\n"
      "  cat export.jsonl | vankien index --format jsonl -");
  return [options] { return run_index(*options); };
}

}  // namespace vankien::cli
