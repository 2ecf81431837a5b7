// Any HTTP API request (server/api.hpp) against a small database: a method,
// a request target and an Authorization header, all from the input. Each
// must get a JSON answer with a known status: never a crash, never an
// exception out of Api::handle, never a document above the caller's
// clearance (one document, d/2, is MẬT).
#include <fuzzer/FuzzedDataProvider.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "server/api.hpp"
#include "server/keys.hpp"
#include "vankien/indexer.hpp"

namespace {

std::unique_ptr<vankien::Searcher> searcher;
std::unique_ptr<vankien::server::Api> api;
std::shared_ptr<const vankien::server::KeyRing> keys;
std::string key;  // grants confidential

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const auto dir = std::filesystem::temp_directory_path() / ("vankien-fuzz-api-" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  vankien::IndexerOptions options;
  options.data_dir = VANKIEN_FUZZ_DATA_DIR;
  {
    vankien::Indexer indexer(dir / "db", options);
    const char* bodies[] = {"Số 12-NQ/HU Huyện ủy Bạch Thông lãnh đạo phương thức mới, BTV.",
                            "Bán hàng, bàn ghế, bạn bè ở huyện Chợ Mới, tỉnh Bắc Kạn năm 2019.",
                            "MẬT\n\nTIÊU ĐỀ\n\nPhương án phòng thủ biên giới."};
    int n = 0;
    for (const char* body : bodies) {
      vankien::Document document;
      document.id = "d/" + std::to_string(n++);
      document.body = body;
      indexer.add(document);
    }
  }
  key = vankien::server::add_key(dir / "keys", vankien::Access::confidential, "fuzz");
  keys = std::make_shared<vankien::server::KeyRing>(vankien::server::KeyRing::load(dir / "keys"));
  vankien::SearchOptions search_options;
  search_options.data_dir = VANKIEN_FUZZ_DATA_DIR;
  searcher = std::make_unique<vankien::Searcher>(std::vector<std::filesystem::path>{dir / "db"}, search_options);
  api = std::make_unique<vankien::server::Api>(*searcher, [] { return keys; });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider input(data, size);
  static const char* methods[] = {"GET", "HEAD", "POST", "OPTIONS", ""};
  vankien::server::ApiRequest request;
  request.method = methods[input.ConsumeIntegralInRange<std::size_t>(0, std::size(methods) - 1)];
  switch (input.ConsumeIntegralInRange<int>(0, 3)) {
    case 0: break;
    case 1: request.authorization = "Bearer " + key; break;
    case 2: request.authorization = input.ConsumeRandomLengthString(80); break;
    default: request.authorization = "Bearer " + input.ConsumeRandomLengthString(80); break;
  }
  static const char* paths[] = {"/search?", "/suggest?", "/documents/", "/stats?", "/health?", ""};
  request.target = paths[input.ConsumeIntegralInRange<std::size_t>(0, std::size(paths) - 1)] +
                   input.ConsumeRemainingBytesAsString();
  const vankien::server::ApiResponse response = api->handle(request);
  switch (response.status) {
    case 200: case 400: case 401: case 404: case 405: break;
    default: std::abort();  // 500 is a defect; 503 cannot happen on a local database
  }
  if (!response.body.is_object()) std::abort();
  // The MẬT document is only ever seen with the key.
  if (request.authorization != "Bearer " + key) {
    if (response.body.value("id", "") == "d/2") std::abort();
    if (response.body.contains("hits")) {
      for (const auto& hit : response.body["hits"]) {
        if (hit.value("id", "") == "d/2") std::abort();
      }
    }
  }
  return 0;
}
