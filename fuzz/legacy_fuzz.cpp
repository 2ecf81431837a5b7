// Any bytes through the legacy decoders and charset detection: the output is
// always valid UTF-8, and a legacy decoding is NFC.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "indexer/readers/charset.hpp"
#include "indexer/readers/legacy_encodings.hpp"
#include "indexer/readers/readers.hpp"

namespace {

void require_utf8(const std::string& text) {
  if (vankien::readers::first_invalid_utf8(text) != std::string::npos) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using vankien::readers::LegacyEncoding;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  for (const LegacyEncoding encoding :
       {LegacyEncoding::windows_1252, LegacyEncoding::tcvn3, LegacyEncoding::vni_windows, LegacyEncoding::viscii}) {
    std::string text = vankien::readers::decode_legacy(bytes, encoding);
    require_utf8(text);
    std::string composed = text;
    vankien::readers::to_nfc(composed);
    if (composed != text) std::abort();
    if (vankien::readers::vietnamese_letters(bytes, encoding) > size) std::abort();
  }
  const auto detected = vankien::readers::decode_text(bytes);
  require_utf8(detected.text.empty() && detected.bad_offset == std::string::npos ? bytes : detected.text);
  require_utf8(vankien::readers::decode_text(bytes, "windows-1258").text);
  return 0;
}
