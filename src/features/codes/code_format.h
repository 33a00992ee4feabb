// The format of a voting code (stemcode): 14 random characters from an
// alphabet of 29 characters that cannot be mistaken for each other, plus one
// check character; shown as three groups of five ("K7QM4-R9XTB-HC2WA").
// Pure: no I/O; safe to call from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/random.h"

namespace wp::codes {

// 2-9 and A-Z without I, L, O, U and Z (confused with 1, 1, 0, V and 2).
// 29 characters: a prime, which the check character needs.
inline constexpr std::string_view kAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXY";
inline constexpr int kAlphabetSize = 29;
// 14 random characters carry 14 * log2(29) = 68.0 bits of entropy.
inline constexpr int kRandomLength = 14;
inline constexpr int kCodeLength = kRandomLength + 1;
inline constexpr int kGroupLength = 5;

// Value (0..28) of an alphabet character, or -1.
int AlphabetIndex(char c);

// The check character of `payload` (kRandomLength alphabet characters).
// Weighted sum modulo 29 with weights 1..15 by position, chosen so that the
// weighted sum of the whole code is 0 mod 29. Because 29 is prime and the
// weights are distinct, non-zero and adjacent weights differ by 1, every
// single-character substitution and every swap of two adjacent, different
// characters changes the sum (tested exhaustively in code_format_test.cc).
// REQUIRES: payload has kRandomLength characters of kAlphabet.
char CheckCharacter(std::string_view payload);

// True when `code` has kCodeLength alphabet characters and a correct check
// character (canonical form, no separators).
bool IsWellFormed(std::string_view code);

// What a person typed, in canonical form: upper case; spaces, dashes, dots
// and underscores dropped; typed look-alikes mapped where that is
// unambiguous (U -> V, Z -> 2). Returns nullopt when the result is not
// well formed (wrong length, foreign characters or wrong check character).
std::optional<std::string> NormaliseTyped(std::string_view typed);

// "K7QM4R9XTBHC2WA" -> "K7QM4-R9XTB-HC2WA". REQUIRES: canonical form.
std::string FormatGrouped(std::string_view code);

// A new random code in canonical form: kRandomLength characters drawn
// uniformly from the alphabet by rejection sampling of random bytes (bytes
// >= 232 = 8 * 29 are thrown away, so there is no modulo bias), then the
// check character.
std::string GenerateCode(Random& random);

}  // namespace wp::codes
