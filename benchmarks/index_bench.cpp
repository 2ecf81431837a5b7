// Indexing throughput of vankien against plain Xapian (TermGenerator, positions
// on, no folding, no metadata) on the same documents, in the same run.
//
//   index_bench CORPUS.jsonl WORKDIR [DOCUMENTS] [SHARDS]
//
// CORPUS is JSON Lines with a "text" field (VNTC) or "body"; the first
// DOCUMENTS (default all) are indexed by each engine into WORKDIR. With
// SHARDS, vankien also indexes them into that many shards at once
// (ShardedIndexer, as `vankien index --shards`).
#include <sys/resource.h>
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "vankien/indexer.hpp"

namespace {

using Clock = std::chrono::steady_clock;

std::uintmax_t directory_bytes(const std::filesystem::path& dir) {
  std::uintmax_t total = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) total += entry.file_size();
  }
  return total;
}

struct Figures {
  double seconds = 0;
  std::uintmax_t bytes_on_disk = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: index_bench CORPUS.jsonl WORKDIR [DOCUMENTS] [SHARDS]\n";
    return 2;
  }
  const std::filesystem::path workdir = argv[2];
  const std::size_t limit = argc > 3 ? std::stoul(argv[3]) : static_cast<std::size_t>(-1);
  const std::size_t shard_count = argc > 4 ? std::stoul(argv[4]) : 0;
  std::vector<std::pair<std::string, std::string>> documents;  // id, text
  std::size_t text_bytes = 0;
  std::ifstream in(argv[1]);
  for (std::string line; documents.size() < limit && std::getline(in, line);) {
    const auto json = nlohmann::json::parse(line, nullptr, false);
    if (!json.is_object()) continue;
    std::string text = json.value("text", json.value("body", ""));
    text_bytes += text.size();
    documents.emplace_back(json.value("id", std::to_string(documents.size())), std::move(text));
  }
  std::filesystem::remove_all(workdir);
  std::filesystem::create_directories(workdir);

  Figures plain;
  {
    const auto start = Clock::now();
    Xapian::WritableDatabase db((workdir / "xapian").string(), Xapian::DB_CREATE);
    Xapian::TermGenerator generator;
    for (const auto& [id, text] : documents) {
      Xapian::Document doc;
      generator.set_document(doc);
      generator.index_text(text);
      doc.set_data(text);
      doc.add_boolean_term("Q" + id);
      db.replace_document("Q" + id, doc);
    }
    db.commit();
    plain.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  }
  plain.bytes_on_disk = directory_bytes(workdir / "xapian");

  // vankien reads the same documents from a JSON Lines file, as `vankien
  // index` does: reading and analysis then run beside the Xapian writer.
  const std::filesystem::path input = workdir / "input.jsonl";
  {
    std::ofstream out(input);
    for (const auto& [id, text] : documents) out << nlohmann::json{{"id", id}, {"body", text}}.dump() << '\n';
  }
  Figures ours;
  {
    const auto start = Clock::now();
    vankien::Indexer indexer(workdir / "vankien");
    const vankien::IndexSummary summary = indexer.add_files({input});
    indexer.commit();
    ours.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (summary.failed != 0) std::cerr << summary.failed << " documents failed\n";
  }
  ours.bytes_on_disk = directory_bytes(workdir / "vankien");
  Figures sharded;
  if (shard_count > 0) {
    std::vector<std::filesystem::path> shards;
    for (std::size_t k = 0; k < shard_count; ++k) shards.push_back(workdir / ("shard" + std::to_string(k)));
    const auto start = Clock::now();
    {
      vankien::ShardedIndexer indexer(shards);
      const vankien::IndexSummary summary = indexer.add_files({input});
      if (summary.failed != 0) std::cerr << summary.failed << " documents failed\n";
    }  // committed
    sharded.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    for (const auto& shard : shards) sharded.bytes_on_disk += directory_bytes(shard);
  }

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double n = static_cast<double>(documents.size()), mb = static_cast<double>(text_bytes) / 1e6;
  std::printf("%zu documents, %.1f MB of text\n", documents.size(), mb);
  std::printf("%-36s %9s %8s %10s %9s\n", "engine", "docs/s", "MB/s", "size MB", "ratio");
  std::printf("%-36s %9.0f %8.2f %10.1f %9.2f\n", "vankien Indexer (with metadata)", n / ours.seconds,
              mb / ours.seconds, static_cast<double>(ours.bytes_on_disk) / 1e6, plain.seconds / ours.seconds);
  if (shard_count > 0) {
    const std::string label = "vankien ShardedIndexer, " + std::to_string(shard_count) + " shards";
    std::printf("%-36s %9.0f %8.2f %10.1f %9.2f\n", label.c_str(), n / sharded.seconds, mb / sharded.seconds,
                static_cast<double>(sharded.bytes_on_disk) / 1e6, plain.seconds / sharded.seconds);
  }
  std::printf("%-36s %9.0f %8.2f %10.1f %9.2f\n", "plain Xapian TermGenerator", n / plain.seconds,
              mb / plain.seconds, static_cast<double>(plain.bytes_on_disk) / 1e6, 1.0);
  std::printf("size ratio vankien/xapian: %.2f; peak RSS of the run: %ld MB\n",
              static_cast<double>(ours.bytes_on_disk) / static_cast<double>(plain.bytes_on_disk),
              usage.ru_maxrss / 1024);
  return 0;
}
