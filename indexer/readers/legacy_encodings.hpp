#pragma once
// Vietnamese text from before Unicode: the 8-bit encodings of old Word files and
// web pages (TCVN3 "ABC", VNI-Windows, VISCII), and windows-1252 beside them.

#include <cstddef>
#include <string>
#include <string_view>

namespace vankien::readers {

enum class LegacyEncoding { windows_1252, tcvn3, vni_windows, viscii };

/// Decodes `bytes` to UTF-8. One byte is one character, except VNI-Windows, where a base
/// letter followed by a diacritic byte is one letter. Bytes the encoding leaves undefined
/// (e.g. 0x81 in windows-1252) become U+FFFD. The output is NFC except for windows_1252 (which is anyway).
/// TCVN3 has no toned capitals: those bytes decode to the lowercase letter.
std::string decode_legacy(std::string_view bytes, LegacyEncoding encoding);

/// For charset sniffing: the number of bytes >= 0x80 that decode to a Vietnamese letter
/// with a diacritic (or đ/Đ) under `encoding`, counted without building the text. A VNI
/// letter of two such bytes (ơ or ư with a tone) counts once; a stray VNI diacritic byte,
/// which falls back to windows-1252, does not count.
std::size_t vietnamese_letters(std::string_view bytes, LegacyEncoding encoding);

}  // namespace vankien::readers
