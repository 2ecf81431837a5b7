// Any bytes read in one format (VANKIEN_FUZZ_FORMAT: xml, jsonl, text or html), then
// completed by the metadata extractor: problems are reported, documents come
// out, nothing crashes.
#include <cstdint>
#include <string>

#include "vankien/error.hpp"
#include "vankien/metadata.hpp"
#include "vankien/reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const vankien::MetadataExtractor extractor(VANKIEN_FUZZ_DATA_DIR);
  vankien::ReadOptions options;
  options.format = vankien::Format::VANKIEN_FUZZ_FORMAT;
  options.site_rules = VANKIEN_FUZZ_DATA_DIR "/sites.tsv";
  const std::string content(reinterpret_cast<const char*>(data), size);
  vankien::read_documents(content, "fuzz", options,
                          [](vankien::Document&& document) {
                            try {
                              extractor.complete(document);
                            } catch (const vankien::Error&) {
                            }
                          },
                          [](vankien::Problem&&) {});
  return 0;
}
