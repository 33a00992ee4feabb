#include "features/codes/code_format.h"

#include <array>

namespace wp::codes {

namespace {

constexpr std::array<int8_t, 256> MakeIndex() {
  std::array<int8_t, 256> t{};
  for (auto& x : t) x = -1;
  for (size_t i = 0; i < kAlphabet.size(); ++i) t[static_cast<unsigned char>(kAlphabet[i])] = static_cast<int8_t>(i);
  return t;
}
constexpr std::array<int8_t, 256> kIndex = MakeIndex();

// Modular inverse of the weight of the check position (kCodeLength) mod 29.
constexpr int InverseMod29(int w) {
  for (int x = 1; x < kAlphabetSize; ++x) {
    if ((w * x) % kAlphabetSize == 1) return x;
  }
  return 0;
}
constexpr int kCheckWeightInverse = InverseMod29(kCodeLength);
static_assert(kCodeLength < kAlphabetSize, "weights 1..kCodeLength must be distinct and non-zero mod 29");
static_assert(kCheckWeightInverse != 0);

// 8 * 29 = 232: the largest multiple of 29 that fits in a byte.
constexpr unsigned kAcceptBelow = 256 / kAlphabetSize * kAlphabetSize;

}  // namespace

int AlphabetIndex(char c) { return kIndex[static_cast<unsigned char>(c)]; }

char CheckCharacter(std::string_view payload) {
  int sum = 0;
  for (size_t i = 0; i < payload.size(); ++i) sum += static_cast<int>(i + 1) * AlphabetIndex(payload[i]);
  // Find c with sum + kCodeLength * c = 0 (mod 29).
  int need = (kAlphabetSize - sum % kAlphabetSize) % kAlphabetSize;
  return kAlphabet[(need * kCheckWeightInverse) % kAlphabetSize];
}

bool IsWellFormed(std::string_view code) {
  if (code.size() != static_cast<size_t>(kCodeLength)) return false;
  int sum = 0;
  for (size_t i = 0; i < code.size(); ++i) {
    int v = AlphabetIndex(code[i]);
    if (v < 0) return false;
    sum += static_cast<int>(i + 1) * v;
  }
  return sum % kAlphabetSize == 0;
}

std::optional<std::string> NormaliseTyped(std::string_view typed) {
  if (typed.size() > 64) return std::nullopt;
  std::string out;
  out.reserve(kCodeLength);
  for (char c : typed) {
    if (c == ' ' || c == '-' || c == '.' || c == '_' || c == '\t') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'U') c = 'V';
    if (c == 'Z') c = '2';
    out.push_back(c);
  }
  if (!IsWellFormed(out)) return std::nullopt;
  return out;
}

std::string FormatGrouped(std::string_view code) {
  std::string out;
  out.reserve(code.size() + code.size() / kGroupLength);
  for (size_t i = 0; i < code.size(); ++i) {
    if (i > 0 && i % kGroupLength == 0) out.push_back('-');
    out.push_back(code[i]);
  }
  return out;
}

std::string GenerateCode(Random& random) {
  std::string code;
  code.reserve(kCodeLength);
  // 14 accepted bytes are needed; 24 drawn at once accept at least 14 with
  // probability > 0.9999, so a second Fill is rare.
  std::array<unsigned char, 24> buf;
  while (code.size() < static_cast<size_t>(kRandomLength)) {
    random.Fill(buf.data(), buf.size());
    for (unsigned char b : buf) {
      if (b >= kAcceptBelow) continue;
      code.push_back(kAlphabet[b % kAlphabetSize]);
      if (code.size() == static_cast<size_t>(kRandomLength)) break;
    }
  }
  code.push_back(CheckCharacter(code));
  return code;
}

}  // namespace wp::codes
