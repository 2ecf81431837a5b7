#pragma once
// Which character set a file is in, and its text as UTF-8 (NFC).
//
// In order: a forced encoding (--encoding); a byte order mark (handled before
// this); bytes that are valid UTF-8 are UTF-8 whatever a label says, unless
// they are legacy Vietnamese text that something already read as
// windows-1252 ("NghÞ quyÕt", "Ñaûng"), which is re-read from the original
// bytes; then a label in the first 1,024 bytes (<meta charset>, an HTTP-style
// "charset=", <?xml encoding>) for windows-1258, TCVN3, VNI or VISCII; then
// the content: the encoding under which most words are well-formed
// Vietnamese syllables, windows-1252 when none is.

#include <optional>
#include <string>
#include <string_view>

namespace vankien::readers {

/// The names vankien gives encodings: "utf-8", "windows-1252", "windows-1258",
/// "tcvn3", "vni-windows", "viscii" (and "utf-16le"/"utf-16be" from a BOM).
/// Accepts common labels and aliases ("latin1", "cp1258", "abc", "vni"); nothing for others.
std::optional<std::string> canonical_encoding(std::string_view label);

/// The charset a document declares in its first 1,024 bytes, as written; empty if none.
std::string declared_charset(std::string_view head);

struct DecodedText {
  std::string text;         ///< UTF-8; empty when the input is UTF-8 already (it is the text)
  std::string encoding;     ///< canonical name of what it was read as
  std::string how;          ///< "forced", "utf-8", "declared", "detected", "repaired"
  /// The first invalid byte of UTF-8 that is forced, or damaged (as many
  /// well-formed multi-byte sequences as invalid ones, or more).
  std::size_t bad_offset = std::string::npos;
};

/// `utf8` in NFC: HTML entities can put a tone mark after its letter
/// ("&acirc;&#769;"), and stored fields should read as typed text does.
void to_nfc(std::string& utf8);

/// Decodes `bytes` as `forced` (a canonical name) or as detected.
DecodedText decode_text(std::string_view bytes, std::string_view forced = {});

}  // namespace vankien::readers
