#include "features/codes/code_format.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace wp::codes {
namespace {

TEST(CodeFormatTest, AlphabetHasNoLookAlikesAndIsPrime) {
  EXPECT_EQ(kAlphabet.size(), static_cast<size_t>(kAlphabetSize));
  for (char c : std::string_view("01OILUZ")) EXPECT_EQ(kAlphabet.find(c), std::string_view::npos) << c;
  std::set<char> unique(kAlphabet.begin(), kAlphabet.end());
  EXPECT_EQ(unique.size(), kAlphabet.size());
  for (int d = 2; d * d <= kAlphabetSize; ++d) EXPECT_NE(kAlphabetSize % d, 0);
}

TEST(CodeFormatTest, AtLeastSixtyBitsOfEntropy) {
  EXPECT_GE(kRandomLength * std::log2(static_cast<double>(kAlphabetSize)), 60.0);
}

TEST(CodeFormatTest, GeneratedCodesAreWellFormedAndDiffer) {
  SeededRandom random(7);
  std::set<std::string> seen;
  for (int i = 0; i < 2000; ++i) {
    std::string code = GenerateCode(random);
    ASSERT_EQ(code.size(), static_cast<size_t>(kCodeLength));
    ASSERT_TRUE(IsWellFormed(code)) << code;
    seen.insert(code);
  }
  EXPECT_EQ(seen.size(), 2000u);
}

TEST(CodeFormatTest, DrawsAreUniformOverTheAlphabet) {
  // 29 * 14 * 2000 draws; each character's count should be near 1/29 of them
  // (a modulo bias on bytes would favour the first 24 characters by 9/8).
  SeededRandom random(11);
  std::vector<int> counts(kAlphabetSize, 0);
  const int kCodes = 20000;
  for (int i = 0; i < kCodes; ++i) {
    std::string code = GenerateCode(random);
    for (int j = 0; j < kRandomLength; ++j) ++counts[static_cast<size_t>(AlphabetIndex(code[static_cast<size_t>(j)]))];
  }
  double expected = static_cast<double>(kCodes) * kRandomLength / kAlphabetSize;
  for (int k = 0; k < kAlphabetSize; ++k) {
    EXPECT_NEAR(counts[static_cast<size_t>(k)], expected, expected * 0.04) << kAlphabet[static_cast<size_t>(k)];
  }
}

// Exhaustive over positions and characters: every single substitution at
// every position (check character included) of many codes is detected.
TEST(CodeFormatTest, EverySingleSubstitutionIsDetected) {
  SeededRandom random(3);
  for (int n = 0; n < 200; ++n) {
    std::string code = GenerateCode(random);
    for (int pos = 0; pos < kCodeLength; ++pos) {
      for (char c : kAlphabet) {
        if (c == code[static_cast<size_t>(pos)]) continue;
        std::string changed = code;
        changed[static_cast<size_t>(pos)] = c;
        ASSERT_FALSE(IsWellFormed(changed)) << code << " -> " << changed;
      }
    }
  }
}

// The argument is algebraic (weights differ by 1, 29 is prime), so checking
// every pair of values at every adjacent position pair of one code covers
// all codes: the sum changes by (a - b) * (w_i - w_{i+1}) whatever the rest is.
TEST(CodeFormatTest, EveryAdjacentTranspositionIsDetected) {
  SeededRandom random(5);
  std::string base = GenerateCode(random);
  for (int pos = 0; pos + 1 < kCodeLength; ++pos) {
    for (char a : kAlphabet) {
      for (char b : kAlphabet) {
        if (a == b) continue;
        std::string code = base;
        code[static_cast<size_t>(pos)] = a;
        code[static_cast<size_t>(pos) + 1] = b;
        if (pos + 1 < kRandomLength)
          code[static_cast<size_t>(kRandomLength)] = CheckCharacter(code.substr(0, kRandomLength));
        if (!IsWellFormed(code)) continue;  // the last pair involves the check character itself
        std::string swapped = code;
        std::swap(swapped[static_cast<size_t>(pos)], swapped[static_cast<size_t>(pos) + 1]);
        ASSERT_FALSE(IsWellFormed(swapped)) << code << " -> " << swapped;
      }
    }
  }
}

TEST(CodeFormatTest, GroupsOfFive) { EXPECT_EQ(FormatGrouped("ABCDE23456FGHJK"), "ABCDE-23456-FGHJK"); }

TEST(CodeFormatTest, NormalisesWhatPeopleType) {
  SeededRandom random(9);
  std::string code = GenerateCode(random);
  std::string grouped = FormatGrouped(code);
  std::string lower;
  for (char c : grouped) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  EXPECT_EQ(NormaliseTyped(code), code);
  EXPECT_EQ(NormaliseTyped(grouped), code);
  EXPECT_EQ(NormaliseTyped("  " + lower + " "), code);
  std::string spaced;
  for (char c : code) (spaced += c) += ' ';
  EXPECT_EQ(NormaliseTyped(spaced), code);
}

TEST(CodeFormatTest, MapsUnambiguousLookAlikes) {
  // Build a code containing V and 2, then type U and Z instead.
  std::string payload = "V2V2V2V2V2V2V2";
  std::string code = payload + CheckCharacter(payload);
  std::string typed = code;
  for (char& c : typed) {
    if (c == 'V')
      c = 'u';
    else if (c == '2')
      c = 'Z';
  }
  EXPECT_EQ(NormaliseTyped(typed), code);
}

TEST(CodeFormatTest, RejectsMalformedInput) {
  SeededRandom random(13);
  std::string code = GenerateCode(random);
  EXPECT_FALSE(NormaliseTyped(""));
  EXPECT_FALSE(NormaliseTyped(code.substr(1)));
  EXPECT_FALSE(NormaliseTyped(code + "A"));
  std::string with_o = code;
  with_o[3] = 'O';
  EXPECT_FALSE(NormaliseTyped(with_o));
  std::string with_one = code;
  with_one[3] = '1';
  EXPECT_FALSE(NormaliseTyped(with_one));
  EXPECT_FALSE(NormaliseTyped(code + "\xC3\xA9"));
  EXPECT_FALSE(NormaliseTyped(std::string(1000, 'A')));
}

}  // namespace
}  // namespace wp::codes
