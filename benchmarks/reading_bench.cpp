// What reading a query typed without diacritics costs: the parse alone
// (the baseline, measured in the same run) against the parse and the accent
// reading (usual forms, syllable pairs, best path, plausible forms), on
// keyword queries and on long questions with their marks removed.
//   reading_bench DB QUERIES.freq [COUNT] [SEED]
#include <algorithm>
#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "latency.hpp"
#include "query/accents.hpp"
#include "query/database_pool.hpp"
#include "query/query_builder.hpp"
#include "query/query_parser.hpp"
#include "query/vocabulary.hpp"
#include "vankien/metadata.hpp"
#include "vankien/text.hpp"

namespace {

// Long questions: a stock frame around a run of the keyword queries, as a
// question pasted from a document reads.
std::vector<std::string> questions_from(const std::vector<std::string>& keywords) {
  std::vector<std::string> questions;
  for (std::size_t i = 0; i + 3 < keywords.size(); i += 4) {
    questions.push_back("theo quy dinh cua phap luat hien hanh " + keywords[i] + " " + keywords[i + 1] + " " +
                        keywords[i + 2] + " " + keywords[i + 3] + " co dung hay sai");
  }
  return questions;
}

// The reading's p50 in ms the first time a query is read: each with a
// vocabulary of its own, which has kept no answers yet (each is a metadata
// read); made before the clock starts.
double first_sight_p50_ms(const std::vector<std::string>& queries, vankien::query::Handle& handle,
                          const vankien::query::ClearanceLimit& clearance) {
  std::vector<double> ms;
  for (const std::string& query : queries) {
    const vankien::query::Vocabulary fresh(vankien::default_data_dir());
    vankien::query::ParsedQuery parsed = vankien::query::parse_query(query);
    const auto begin = std::chrono::steady_clock::now();
    vankien::query::read_accents(parsed.root, query, handle, fresh, clearance);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count());
  }
  std::nth_element(ms.begin(), ms.begin() + static_cast<std::ptrdiff_t>(ms.size() / 2), ms.end());
  return ms.empty() ? 0 : ms[ms.size() / 2];
}

}  // namespace

namespace {

int run(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: reading_bench DB QUERIES.freq [COUNT] [SEED]\n";
    return 2;
  }
  const std::size_t count = argc > 3 ? std::stoul(argv[3]) : 1000;
  const unsigned seed = argc > 4 ? static_cast<unsigned>(std::stoul(argv[4])) : 2026;
  std::vector<std::string> keywords = bench::sample_queries(argv[2], count, seed);
  for (std::string& query : keywords) query = vankien::fold(query);
  const std::vector<std::string> questions = questions_from(keywords);

  vankien::query::Handle handle(vankien::storage::shard_locations(argv[1]), {});
  const vankien::query::Vocabulary vocabulary(vankien::default_data_dir());
  const vankien::query::ClearanceLimit clearance(vankien::Access::public_, handle.access_counts(),
                                                 handle.all.get_doccount());
  std::size_t read_words = 0;  // kept, so the work is not optimised away
  const auto parse = [&](const std::string& query, bool) {
    read_words += vankien::query::parse_query(query).root.children.size();
  };
  const auto parse_and_read = [&](const std::string& query, bool) {
    vankien::query::ParsedQuery parsed = vankien::query::parse_query(query);
    vankien::query::read_accents(parsed.root, query, handle, vocabulary, clearance);
    read_words += parsed.root.children.size();
  };
  std::cout << "database: " << argv[1] << " (" << handle.all.get_doccount() << " documents); " << keywords.size()
            << " keyword queries and " << questions.size() << " questions, typed without diacritics, seed " << seed
            << "; the vocabulary's answers kept from the warm-up pass, as in a running searcher\n";
  std::cout << "queries      parse p50 ms   parse + reading p50 ms   the difference   p99 ms (with reading)   "
               "reading p50 ms, first sight\n";
  using Set = std::pair<const char*, const std::vector<std::string>*>;
  for (const auto& [name, queries] : {Set{"keywords", &keywords}, Set{"questions", &questions}}) {
    const bench::Latency alone = bench::measure_latency(*queries, parse, 3);
    const bench::Latency read = bench::measure_latency(*queries, parse_and_read, 3);
    std::cout << name << "    " << alone.p50_ms << "    " << read.p50_ms << "    " << read.p50_ms - alone.p50_ms
              << "    " << read.p99_ms << "    " << first_sight_p50_ms(*queries, handle, clearance) << "\n";
  }
  return read_words == 0 ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::logic_error&) {  // std::stoul's invalid_argument and out_of_range
    std::cerr << "reading_bench: COUNT and SEED must be whole numbers\n";
    return 2;
  } catch (const std::exception& error) {  // a missing database, an unreadable query file
    std::cerr << "reading_bench: " << error.what() << "\n";
    return 1;
  }
}
