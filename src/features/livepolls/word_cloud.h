// The word cloud of open answers: words normalised (lower case, split on
// anything but letters and digits, Dutch and English stop words removed),
// counted, sized by count and laid out in centred rows, biggest first.
// Deterministic: the same answers give the same picture. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wp::livepolls {

struct WordCount {
  std::string word;
  int64_t count = 0;
};

// The words of `answers` with how many answers hold each (a word counts once
// per answer), most frequent first, then alphabetical; at most `limit`.
std::vector<WordCount> CountWords(const std::vector<std::string>& answers, size_t limit = 40);
// True for a Dutch or English stop word ("de", "het", "the", "and", ...), given in lower case.
bool IsStopWord(std::string_view word);

struct PlacedWord {
  std::string word;
  int64_t count = 0;
  int font_size = 0;  // px
  int x = 0;          // centre of the word (text-anchor middle)
  int y = 0;          // baseline
};
struct CloudLayout {
  int width = 0, height = 0;
  std::vector<PlacedWord> words;
};
inline constexpr int kMinFontSize = 16;
inline constexpr int kMaxFontSize = 64;
// Font size for `count` between the smallest and largest count: linear
// from kMinFontSize to kMaxFontSize (all kMaxFontSize when they are equal).
int FontSize(int64_t count, int64_t min_count, int64_t max_count);
// Rows `width` wide; the height follows from the rows.
CloudLayout LayoutCloud(const std::vector<WordCount>& words, int width);

}  // namespace wp::livepolls
