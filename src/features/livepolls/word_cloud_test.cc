// The word cloud's maths: normalising and counting words, font sizes, and a
// deterministic layout that stays inside its width.
#include "features/livepolls/word_cloud.h"

#include <gtest/gtest.h>

namespace wp::livepolls {
namespace {

TEST(WordCloud, WordsAreNormalisedAndStopWordsDropped) {
  auto words = CountWords({"Meer BOMEN in de straat", "bomen, bomen en bankjes!", "The trees", "Één bank"});
  ASSERT_GE(words.size(), 4u);
  EXPECT_EQ(words[0].word, "bomen");
  EXPECT_EQ(words[0].count, 2) << "a word counts once per answer";
  for (const auto& w : words) {
    EXPECT_FALSE(IsStopWord(w.word)) << w.word;
    EXPECT_NE(w.word, "de");
    EXPECT_NE(w.word, "the");
  }
  bool has_accented = false;
  for (const auto& w : words) has_accented = has_accented || w.word == "één" || w.word == "Één";
  EXPECT_TRUE(has_accented) << "letters outside ASCII stay in the word";
  EXPECT_TRUE(CountWords({"de het een", ""}).empty());
  EXPECT_EQ(CountWords({"a1 b2 c3 d4 e5"}, 2).size(), 2u);
}

TEST(WordCloud, SizesGrowLinearlyWithTheCount) {
  EXPECT_EQ(FontSize(1, 1, 5), kMinFontSize);
  EXPECT_EQ(FontSize(5, 1, 5), kMaxFontSize);
  EXPECT_EQ(FontSize(3, 1, 5), (kMinFontSize + kMaxFontSize) / 2);
  EXPECT_EQ(FontSize(2, 2, 2), kMaxFontSize);
}

TEST(WordCloud, TheLayoutIsDeterministicAndFits) {
  std::vector<WordCount> words = {{"bomen", 6}, {"bankjes", 4}, {"speeltuin", 3}, {"licht", 2},
                                  {"stoep", 1}, {"parkeren", 1}, {"fietsen", 1}, {"zwerfafval", 1}};
  auto a = LayoutCloud(words, 600);
  auto b = LayoutCloud(words, 600);
  ASSERT_EQ(a.words.size(), words.size());
  for (size_t i = 0; i < a.words.size(); ++i) {
    EXPECT_EQ(a.words[i].x, b.words[i].x);
    EXPECT_EQ(a.words[i].y, b.words[i].y);
    int half = static_cast<int>(a.words[i].word.size()) * a.words[i].font_size * 6 / 20;
    EXPECT_GE(a.words[i].x - half, 0) << a.words[i].word;
    EXPECT_LE(a.words[i].x + half, 600) << a.words[i].word;
    EXPECT_LE(a.words[i].y, a.height);
  }
  EXPECT_EQ(a.words[0].word, "bomen");
  EXPECT_EQ(a.words[0].font_size, kMaxFontSize);
  EXPECT_GT(a.height, kMaxFontSize) << "eight words need more than one row at 600 px";
  EXPECT_TRUE(LayoutCloud({}, 600).words.empty());
}

}  // namespace
}  // namespace wp::livepolls
