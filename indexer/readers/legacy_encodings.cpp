// Decoders for the legacy 8-bit Vietnamese encodings, by table:
//  * windows-1252 (Microsoft's Latin-1): 0xA0..0xFF are U+00A0..U+00FF; 0x80..0x9F are
//    punctuation, five of them undefined.
//  * TCVN3 = TCVN 5712:1993 VN3, the "ABC" encoding of the .VnTime fonts: ASCII, then the
//    67 lowercase letters, the 7 capitals Ă Â Ê Ô Ơ Ư Đ and the no-break space. The 60
//    toned capitals have no code: they share the byte of their lowercase letter (they were
//    drawn with the all-capitals font .VnTimeH), so those bytes decode lowercase. 0x80..0x9F
//    are windows-1252 punctuation, as Windows programs with .VnTime fonts wrote them.
//  * VNI-Windows (VNI Software): a toned vowel is a base letter followed by a diacritic byte
//    (ấ = 'a' 0xE1), read greedily; đ, ơ, ư, the i's and ỵ are single bytes; any other byte,
//    a lone diacritic byte too, is windows-1252.
//  * VISCII (RFC 1456): all 134 letters, over 0x80..0xFF and six C0 codes.
// Every letter is emitted as its precomposed code point, so the output is NFC.
#include "legacy_encodings.hpp"

#include <algorithm>
#include <array>
#include <iterator>

#include "analysis/utf8.hpp"

namespace vankien::readers {
namespace {

constexpr char32_t bad = U'\uFFFD';

// windows-1252 0x80..0x9F.
constexpr std::array<char32_t, 32> windows_1252_c1 = {
    0x20AC, bad,    0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80  € . ‚ ƒ „ … † ‡
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, bad,    0x017D, bad,     // 88  ˆ ‰ Š ‹ Œ . Ž .
    bad,    0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90  . ‘ ’ “ ” • – —
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, bad,    0x017E, 0x0178,  // 98  ˜ ™ š › œ . ž Ÿ
};

constexpr char32_t windows_1252(unsigned char byte) {
  return byte >= 0x80 && byte < 0xA0 ? windows_1252_c1[byte - 0x80u] : char32_t{byte};
}

// TCVN3 0xA0..0xFF.
constexpr std::array<char32_t, 96> tcvn3_a0 = {
    0x00A0, U'Ă',   U'Â',   U'Ê',   U'Ô',   U'Ơ',   U'Ư',   U'Đ',    // A0
    U'ă',   U'â',   U'ê',   U'ô',   U'ơ',   U'ư',   U'đ',   bad,     // A8
    bad,    bad,    bad,    bad,    bad,    U'à',   U'ả',   U'ã',    // B0
    U'á',   U'ạ',   bad,    U'ằ',   U'ẳ',   U'ẵ',   U'ắ',   bad,     // B8
    bad,    bad,    bad,    bad,    bad,    bad,    U'ặ',   U'ầ',    // C0
    U'ẩ',   U'ẫ',   U'ấ',   U'ậ',   U'è',   bad,    U'ẻ',   U'ẽ',    // C8
    U'é',   U'ẹ',   U'ề',   U'ể',   U'ễ',   U'ế',   U'ệ',   U'ì',    // D0
    U'ỉ',   bad,    bad,    bad,    U'ĩ',   U'í',   U'ị',   U'ò',    // D8
    bad,    U'ỏ',   U'õ',   U'ó',   U'ọ',   U'ồ',   U'ổ',   U'ỗ',    // E0
    U'ố',   U'ộ',   U'ờ',   U'ở',   U'ỡ',   U'ớ',   U'ợ',   U'ù',    // E8
    bad,    U'ủ',   U'ũ',   U'ú',   U'ụ',   U'ừ',   U'ử',   U'ữ',    // F0
    U'ứ',   U'ự',   U'ỳ',   U'ỷ',   U'ỹ',   U'ý',   U'ỵ',   bad,     // F8
};

// VISCII 0x80..0xFF; the six C0 letters are in viscii().
constexpr std::array<char32_t, 128> viscii_80 = {
    U'Ạ',   U'Ắ',   U'Ằ',   U'Ặ',   U'Ấ',   U'Ầ',   U'Ẩ',   U'Ậ',    // 80
    U'Ẽ',   U'Ẹ',   U'Ế',   U'Ề',   U'Ể',   U'Ễ',   U'Ệ',   U'Ố',    // 88
    U'Ồ',   U'Ổ',   U'Ỗ',   U'Ộ',   U'Ợ',   U'Ớ',   U'Ờ',   U'Ở',    // 90
    U'Ị',   U'Ỏ',   U'Ọ',   U'Ỉ',   U'Ủ',   U'Ũ',   U'Ụ',   U'Ỳ',    // 98
    U'Õ',   U'ắ',   U'ằ',   U'ặ',   U'ấ',   U'ầ',   U'ẩ',   U'ậ',    // A0
    U'ẽ',   U'ẹ',   U'ế',   U'ề',   U'ể',   U'ễ',   U'ệ',   U'ố',    // A8
    U'ồ',   U'ổ',   U'ỗ',   U'Ỡ',   U'Ơ',   U'ộ',   U'ờ',   U'ở',    // B0
    U'ị',   U'Ự',   U'Ứ',   U'Ừ',   U'Ử',   U'ơ',   U'ớ',   U'Ư',    // B8
    U'À',   U'Á',   U'Â',   U'Ã',   U'Ả',   U'Ă',   U'ẳ',   U'ẵ',    // C0
    U'È',   U'É',   U'Ê',   U'Ẻ',   U'Ì',   U'Í',   U'Ĩ',   U'ỳ',    // C8
    U'Đ',   U'ứ',   U'Ò',   U'Ó',   U'Ô',   U'ạ',   U'ỷ',   U'ừ',    // D0
    U'ử',   U'Ù',   U'Ú',   U'ỹ',   U'ỵ',   U'Ý',   U'ỡ',   U'ư',    // D8
    U'à',   U'á',   U'â',   U'ã',   U'ả',   U'ă',   U'ữ',   U'ẫ',    // E0
    U'è',   U'é',   U'ê',   U'ẻ',   U'ì',   U'í',   U'ĩ',   U'ỉ',    // E8
    U'đ',   U'ự',   U'ò',   U'ó',   U'ô',   U'õ',   U'ỏ',   U'ọ',    // F0
    U'ụ',   U'ù',   U'ú',   U'ũ',   U'ủ',   U'ý',   U'ợ',   U'Ữ',    // F8
};

constexpr char32_t viscii(unsigned char byte) {
  if (byte >= 0x80) return viscii_80[byte - 0x80u];
  switch (byte) {
    case 0x02: return U'Ẳ';
    case 0x05: return U'Ẵ';
    case 0x06: return U'Ẫ';
    case 0x14: return U'Ỷ';
    case 0x19: return U'Ỹ';
    case 0x1E: return U'Ỵ';
    default: return byte;
  }
}

// VNI-Windows letters of two bytes, sorted by (base, mark). The marks: tone F8 grave,
// F9 acute, FB hook, F5 tilde, EF dot; circumflex E2, with a tone E0 E1 E5 E3 E4; breve EA,
// with a tone E8 E9 FA FC EB. Capitals use the mark byte less 0x20. Bases 0xD4 0xF4 are Ơ ơ,
// 0xD6 0xF6 Ư ư.
struct VniPair {
  unsigned char base, mark;
  char32_t letter;
};
constexpr VniPair vni_pairs[] = {
    {'A', 0xC0, U'Ầ'}, {'A', 0xC1, U'Ấ'}, {'A', 0xC2, U'Â'}, {'A', 0xC3, U'Ẫ'}, {'A', 0xC4, U'Ậ'}, {'A', 0xC5, U'Ẩ'},
    {'A', 0xC8, U'Ằ'}, {'A', 0xC9, U'Ắ'}, {'A', 0xCA, U'Ă'}, {'A', 0xCB, U'Ặ'}, {'A', 0xCF, U'Ạ'}, {'A', 0xD5, U'Ã'},
    {'A', 0xD8, U'À'}, {'A', 0xD9, U'Á'}, {'A', 0xDA, U'Ẳ'}, {'A', 0xDB, U'Ả'}, {'A', 0xDC, U'Ẵ'},
    {'E', 0xC0, U'Ề'}, {'E', 0xC1, U'Ế'}, {'E', 0xC2, U'Ê'}, {'E', 0xC3, U'Ễ'}, {'E', 0xC4, U'Ệ'}, {'E', 0xC5, U'Ể'},
    {'E', 0xCF, U'Ẹ'}, {'E', 0xD5, U'Ẽ'}, {'E', 0xD8, U'È'}, {'E', 0xD9, U'É'}, {'E', 0xDB, U'Ẻ'},
    {'O', 0xC0, U'Ồ'}, {'O', 0xC1, U'Ố'}, {'O', 0xC2, U'Ô'}, {'O', 0xC3, U'Ỗ'}, {'O', 0xC4, U'Ộ'}, {'O', 0xC5, U'Ổ'},
    {'O', 0xCF, U'Ọ'}, {'O', 0xD5, U'Õ'}, {'O', 0xD8, U'Ò'}, {'O', 0xD9, U'Ó'}, {'O', 0xDB, U'Ỏ'},
    {'U', 0xCF, U'Ụ'}, {'U', 0xD5, U'Ũ'}, {'U', 0xD8, U'Ù'}, {'U', 0xD9, U'Ú'}, {'U', 0xDB, U'Ủ'},
    {'Y', 0xD5, U'Ỹ'}, {'Y', 0xD8, U'Ỳ'}, {'Y', 0xD9, U'Ý'}, {'Y', 0xDB, U'Ỷ'},
    {'a', 0xE0, U'ầ'}, {'a', 0xE1, U'ấ'}, {'a', 0xE2, U'â'}, {'a', 0xE3, U'ẫ'}, {'a', 0xE4, U'ậ'}, {'a', 0xE5, U'ẩ'},
    {'a', 0xE8, U'ằ'}, {'a', 0xE9, U'ắ'}, {'a', 0xEA, U'ă'}, {'a', 0xEB, U'ặ'}, {'a', 0xEF, U'ạ'}, {'a', 0xF5, U'ã'},
    {'a', 0xF8, U'à'}, {'a', 0xF9, U'á'}, {'a', 0xFA, U'ẳ'}, {'a', 0xFB, U'ả'}, {'a', 0xFC, U'ẵ'},
    {'e', 0xE0, U'ề'}, {'e', 0xE1, U'ế'}, {'e', 0xE2, U'ê'}, {'e', 0xE3, U'ễ'}, {'e', 0xE4, U'ệ'}, {'e', 0xE5, U'ể'},
    {'e', 0xEF, U'ẹ'}, {'e', 0xF5, U'ẽ'}, {'e', 0xF8, U'è'}, {'e', 0xF9, U'é'}, {'e', 0xFB, U'ẻ'},
    {'o', 0xE0, U'ồ'}, {'o', 0xE1, U'ố'}, {'o', 0xE2, U'ô'}, {'o', 0xE3, U'ỗ'}, {'o', 0xE4, U'ộ'}, {'o', 0xE5, U'ổ'},
    {'o', 0xEF, U'ọ'}, {'o', 0xF5, U'õ'}, {'o', 0xF8, U'ò'}, {'o', 0xF9, U'ó'}, {'o', 0xFB, U'ỏ'},
    {'u', 0xEF, U'ụ'}, {'u', 0xF5, U'ũ'}, {'u', 0xF8, U'ù'}, {'u', 0xF9, U'ú'}, {'u', 0xFB, U'ủ'},
    {'y', 0xF5, U'ỹ'}, {'y', 0xF8, U'ỳ'}, {'y', 0xF9, U'ý'}, {'y', 0xFB, U'ỷ'},
    {0xD4, 0xCF, U'Ợ'}, {0xD4, 0xD5, U'Ỡ'}, {0xD4, 0xD8, U'Ờ'}, {0xD4, 0xD9, U'Ớ'}, {0xD4, 0xDB, U'Ở'},
    {0xD6, 0xCF, U'Ự'}, {0xD6, 0xD5, U'Ữ'}, {0xD6, 0xD8, U'Ừ'}, {0xD6, 0xD9, U'Ứ'}, {0xD6, 0xDB, U'Ử'},
    {0xF4, 0xEF, U'ợ'}, {0xF4, 0xF5, U'ỡ'}, {0xF4, 0xF8, U'ờ'}, {0xF4, 0xF9, U'ớ'}, {0xF4, 0xFB, U'ở'},
    {0xF6, 0xEF, U'ự'}, {0xF6, 0xF5, U'ữ'}, {0xF6, 0xF8, U'ừ'}, {0xF6, 0xF9, U'ứ'}, {0xF6, 0xFB, U'ử'},
};
constexpr int vni_key(const VniPair& pair) { return (pair.base << 8) | pair.mark; }
static_assert(std::ranges::is_sorted(vni_pairs, {}, vni_key));

// VNI-Windows letters of one byte.
struct VniLetter {
  unsigned char byte;
  char32_t letter;
};
constexpr VniLetter vni_letters[] = {
    {0xC6, U'Ỉ'}, {0xCC, U'Ì'}, {0xCD, U'Í'}, {0xCE, U'Ỵ'}, {0xD1, U'Đ'}, {0xD2, U'Ị'},
    {0xD3, U'Ĩ'}, {0xD4, U'Ơ'}, {0xD6, U'Ư'}, {0xE6, U'ỉ'}, {0xEC, U'ì'}, {0xED, U'í'},
    {0xEE, U'ỵ'}, {0xF1, U'đ'}, {0xF2, U'ị'}, {0xF3, U'ĩ'}, {0xF4, U'ơ'}, {0xF6, U'ư'},
};
// By byte; 0 where the byte is no VNI letter.
constexpr auto vni_letter = [] {
  std::array<char32_t, 256> table{};
  for (const VniLetter& entry : vni_letters) table[entry.byte] = entry.letter;
  return table;
}();

// The letter `base` and `mark` make in VNI-Windows, or 0.
char32_t vni_pair(unsigned char base, unsigned char mark) {
  if (mark < 0xC0) return U'\0';  // every mark byte is 0xC0 or more
  const int key = (base << 8) | mark;
  const auto found = std::ranges::lower_bound(vni_pairs, key, {}, vni_key);
  return found != std::end(vni_pairs) && vni_key(*found) == key ? found->letter : U'\0';
}

// The 134 letters with a diacritic: U+1EA0..U+1EF9 and these.
constexpr std::u32string_view other_vietnamese_letters = U"ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư";

bool is_vietnamese_letter(char32_t c) {
  return (c >= 0x1EA0 && c <= 0x1EF9) || other_vietnamese_letters.find(c) != std::u32string_view::npos;
}

// A character of one byte outside VNI-Windows.
char32_t one_byte(unsigned char byte, LegacyEncoding encoding) {
  if (encoding == LegacyEncoding::viscii) return viscii(byte);
  if (encoding == LegacyEncoding::tcvn3 && byte >= 0xA0) return tcvn3_a0[byte - 0xA0u];
  return windows_1252(byte);
}

// Calls emit(code point, counts) for each character of `bytes`, where `counts` says that
// vietnamese_letters() counts it.
template <typename Emit>
void for_each_character(std::string_view bytes, LegacyEncoding encoding, Emit emit) {
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    const auto byte = static_cast<unsigned char>(bytes[at]);
    if (encoding != LegacyEncoding::vni_windows) {
      const char32_t c = one_byte(byte, encoding);
      emit(c, byte >= 0x80 && is_vietnamese_letter(c));
      continue;
    }
    const char32_t pair = at + 1 < bytes.size() ? vni_pair(byte, static_cast<unsigned char>(bytes[at + 1])) : U'\0';
    if (pair) {
      emit(pair, true);
      ++at;
    } else if (const char32_t letter = vni_letter[byte]) {
      emit(letter, true);
    } else {
      emit(windows_1252(byte), false);
    }
  }
}

}  // namespace

std::string decode_legacy(std::string_view bytes, LegacyEncoding encoding) {
  std::string text;
  text.reserve(bytes.size() + bytes.size() / 2);
  for_each_character(bytes, encoding, [&](char32_t c, bool) { analysis::append_utf8(text, c); });
  return text;
}

std::size_t vietnamese_letters(std::string_view bytes, LegacyEncoding encoding) {
  std::size_t count = 0;
  for_each_character(bytes, encoding, [&](char32_t, bool counts) { count += counts; });
  return count;
}

}  // namespace vankien::readers
