// Any search request against a small database: a result or a QueryError,
// nothing else. Every field of the request comes from the input, not only the
// query text, and each search runs on a thread with a small stack, as in a
// server's worker pool or a Python thread: what recursed by input size, or
// read past an array for an odd snippet size, crashes here. One such thread
// serves every input, as a pool's worker would (a new thread per input spent
// most of the run building the analyzer's per-thread word cache).
#include <fuzzer/FuzzedDataProvider.h>
#include <pthread.h>
#include <unistd.h>

#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <limits>
#include <memory>
#include <string>

#include "vankien/indexer.hpp"
#include "vankien/search.hpp"

namespace {

std::unique_ptr<vankien::Searcher> searcher;

// Sanitizers grow stack frames several times; this is still far below the
// 8 MB of a main thread.
constexpr std::size_t stack_bytes = 512 * 1024;

// A size from the ones that break code most (0, 1, the largest) or any.
std::size_t any_size(FuzzedDataProvider& input) {
  switch (input.ConsumeIntegralInRange<int>(0, 4)) {
    case 0: return 0;
    case 1: return 1;
    case 2: return std::numeric_limits<std::size_t>::max() - input.ConsumeIntegralInRange<std::size_t>(0, 20);
    case 3: return input.ConsumeIntegralInRange<std::size_t>(0, 20000);
    default: return input.ConsumeIntegral<std::size_t>();
  }
}

std::string any_filter(FuzzedDataProvider& input) {
  static const char* values[] = {"", "Bạch Thông", "bach thong", "Bạch Thông, Bắc Kạn", "2015-2020", "2019",
                                 "19", "xay_dung_dang", "nghị quyết", "12-NQ/HU", "31/2/2019", "2019-01-01"};
  return input.ConsumeBool() ? values[input.ConsumeIntegralInRange<std::size_t>(0, std::size(values) - 1)]
                             : input.ConsumeRandomLengthString(32);
}

vankien::SearchRequest request_from(FuzzedDataProvider& input) {
  vankien::SearchRequest request;
  request.snippet_bytes = any_size(input);
  request.limit = input.ConsumeBool() ? input.ConsumeIntegralInRange<std::size_t>(0, 40) : any_size(input);
  request.offset = input.ConsumeBool() ? input.ConsumeIntegralInRange<std::size_t>(0, 40) : any_size(input);
  request.sort = static_cast<vankien::Sort>(input.ConsumeIntegralInRange<int>(0, 2));
  request.clearance = static_cast<vankien::Access>(input.ConsumeIntegralInRange<int>(0, 4));
  static const char* facets[] = {"district", "province", "term", "topic", "type", "year", "colour"};
  const unsigned chosen = input.ConsumeIntegral<std::uint8_t>();
  for (std::size_t k = 0; k < std::size(facets); ++k) {
    if (chosen & (1u << k)) request.facets.emplace_back(facets[k]);
  }
  std::string* filters[] = {&request.district, &request.province, &request.term,     &request.topic,
                            &request.type,     &request.issuer,   &request.number,   &request.year,
                            &request.date_from, &request.date_to};
  const unsigned set = input.ConsumeIntegral<std::uint16_t>();
  for (std::size_t k = 0; k < std::size(filters); ++k) {
    if (set & (1u << k)) *filters[k] = any_filter(input);
  }
  request.query = input.ConsumeRemainingBytesAsString();
  return request;
}

// The worker: takes one request at a time from LLVMFuzzerTestOneInput. The
// mutex and condition are never destroyed: the worker waits on them still
// when the process exits.
std::mutex& handover = *new std::mutex;
std::condition_variable& changed = *new std::condition_variable;
const vankien::SearchRequest* pending = nullptr;

void* serve_searches(void*) {
  std::unique_lock lock(handover);
  for (;;) {
    changed.wait(lock, [] { return pending != nullptr; });
    try {
      searcher->search(*pending);
    } catch (const vankien::QueryError&) {
    }
    pending = nullptr;
    changed.notify_all();
  }
  return nullptr;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const auto db = std::filesystem::temp_directory_path() / ("vankien-fuzz-" + std::to_string(getpid()));
  std::filesystem::remove_all(db);
  vankien::IndexerOptions options;
  options.data_dir = VANKIEN_FUZZ_DATA_DIR;
  {
    vankien::Indexer indexer(db, options);
    const char* bodies[] = {"Số 12-NQ/HU Huyện ủy Bạch Thông lãnh đạo phương thức mới, BTV.",
                            "Bán hàng, bàn ghế, bạn bè ở huyện Chợ Mới, tỉnh Bắc Kạn năm 2019.",
                            "MẬT\n\nTIÊU ĐỀ\n\nPhương án phòng thủ biên giới."};
    int n = 0;
    for (const char* body : bodies) {
      vankien::Document document;
      document.id = "d" + std::to_string(n++);
      document.body = body;
      indexer.add(document);
    }
  }
  vankien::SearchOptions search_options;
  search_options.data_dir = VANKIEN_FUZZ_DATA_DIR;
  search_options.max_query_bytes = 1 << 20;  // deep nesting within reach of -max_len
  searcher = std::make_unique<vankien::Searcher>(std::vector<std::filesystem::path>{db}, search_options);
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setstacksize(&attributes, stack_bytes);
  pthread_t worker;
  if (pthread_create(&worker, &attributes, serve_searches, nullptr) != 0) std::abort();
  pthread_detach(worker);
  pthread_attr_destroy(&attributes);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider input(data, size);
  const vankien::SearchRequest request = request_from(input);
  std::unique_lock lock(handover);
  pending = &request;
  changed.notify_all();
  changed.wait(lock, [] { return pending == nullptr; });
  return 0;
}
