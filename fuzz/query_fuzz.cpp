// Any query against a small database: a result or a QueryError, nothing else.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "vankien/indexer.hpp"
#include "vankien/search.hpp"

namespace {

std::unique_ptr<vankien::Searcher> searcher;

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
  searcher = std::make_unique<vankien::Searcher>(std::vector<std::filesystem::path>{db}, search_options);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  vankien::SearchRequest request;
  request.query.assign(reinterpret_cast<const char*>(data), size);
  request.facets = {"district", "topic"};
  try {
    searcher->search(request);
  } catch (const vankien::QueryError&) {
  }
  return 0;
}
