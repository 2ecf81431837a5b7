// `vankien index PATH...`: reads files and directories into the database.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
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

  IndexerOptions indexer_options;
  indexer_options.batch_size = options.batch;
  Indexer indexer(options.db, indexer_options);

  std::unique_ptr<ProgressLine> progress;
  if (!options.quiet && isatty(STDERR_FILENO)) {
    progress = std::make_unique<ProgressLine>(total_size(paths, selection));
  }
  const IndexSummary summary = indexer.add_files(
      paths, selection, read, [&](const IndexSummary& so_far) {
        if (progress) progress->update(so_far);
      });
  if (progress) progress->finish();

  for (const Problem& problem : summary.problems) std::cerr << problem.to_string() << '\n';
  if (!options.quiet) {
    std::cerr << "indexed " << summary.files << " file(s) into " << options.db << ": "
              << summary.added << " added, " << summary.updated << " updated, "
              << summary.unchanged << " unchanged, " << summary.failed << " failed; "
              << indexer.document_count() << " documents in the database\n";
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
  command->add_option("--batch", options->batch, "Documents per commit")->capture_default_str();
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
      "  cat export.jsonl | vankien index --format jsonl -");
  return [options] { return run_index(*options); };
}

}  // namespace vankien::cli
