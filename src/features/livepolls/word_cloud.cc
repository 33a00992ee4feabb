#include "features/livepolls/word_cloud.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/strings.h"

namespace wp::livepolls {

namespace {

// Common Dutch and English function words: they say nothing on their own.
constexpr std::string_view kStopWords[] = {
    "aan", "al", "alle", "als", "bij", "dan", "dat", "de", "der", "des", "die", "dit", "door", "een", "en", "er",
    "ge", "geen", "had", "heb", "hebben", "heeft", "het", "hier", "hij", "hoe", "hun", "ik", "in", "is", "je",
    "kan", "me", "meer", "men", "met", "mij", "mijn", "moet", "na", "naar", "niet", "niets", "nog", "nu", "of",
    "om", "omdat", "ons", "onze", "ook", "op", "over", "te", "tot", "u", "uit", "van", "veel", "voor", "want",
    "was", "wat", "we", "wel", "werd", "wie", "wij", "wil", "worden", "zal", "ze", "zelf", "zich", "zij", "zijn",
    "zo", "zou", "a", "about", "all", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has",
    "have", "i", "in", "it", "its", "more", "my", "no", "not", "of", "on", "or", "our", "so", "that", "the",
    "their", "there", "they", "this", "to", "too", "very", "was", "we", "what", "with", "you"};

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;  // bytes >= 0x80: letters of UTF-8
}

// Rough width of a word in px for a font size: 0.6 em per character.
int WidthOf(const std::string& word, int font_size) {
  return static_cast<int>(CountChars(word)) * font_size * 6 / 10;
}

}  // namespace

bool IsStopWord(std::string_view word) {
  return std::find(std::begin(kStopWords), std::end(kStopWords), word) != std::end(kStopWords);
}

std::vector<WordCount> CountWords(const std::vector<std::string>& answers, size_t limit) {
  std::map<std::string, int64_t> counts;
  for (const auto& a : answers) {
    std::string lower = ToLower(a);
    std::set<std::string> seen;
    std::string word;
    for (size_t i = 0; i <= lower.size(); ++i) {
      if (i < lower.size() && IsWordByte(static_cast<unsigned char>(lower[i]))) {
        word += lower[i];
        continue;
      }
      if (!word.empty() && !IsStopWord(word) && IsValidUtf8(word)) seen.insert(word);
      word.clear();
    }
    for (const auto& w : seen) ++counts[w];
  }
  std::vector<WordCount> out;
  for (auto& [w, n] : counts) out.push_back({w, n});
  std::stable_sort(out.begin(), out.end(), [](const WordCount& a, const WordCount& b) { return a.count > b.count; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

int FontSize(int64_t count, int64_t min_count, int64_t max_count) {
  if (max_count <= min_count) return kMaxFontSize;
  int64_t span = kMaxFontSize - kMinFontSize;
  return kMinFontSize + static_cast<int>((count - min_count) * span / (max_count - min_count));
}

CloudLayout LayoutCloud(const std::vector<WordCount>& words, int width) {
  CloudLayout out;
  out.width = width;
  if (words.empty()) return out;
  int64_t max_count = words.front().count, min_count = words.front().count;
  for (const auto& w : words) {
    max_count = std::max(max_count, w.count);
    min_count = std::min(min_count, w.count);
  }
  constexpr int kGap = 16;
  std::vector<PlacedWord> row;
  int row_width = 0, row_height = 0, y = 0;
  auto flush = [&] {
    int x = (width - row_width) / 2;
    y += row_height;
    for (auto& p : row) {
      int w = WidthOf(p.word, p.font_size);
      p.x = x + w / 2;
      p.y = y;
      x += w + kGap;
      out.words.push_back(p);
    }
    y += row_height / 4;
    row.clear();
    row_width = row_height = 0;
  };
  for (const auto& w : words) {
    PlacedWord p{w.word, w.count, FontSize(w.count, min_count, max_count), 0, 0};
    int needed = WidthOf(p.word, p.font_size) + (row.empty() ? 0 : kGap);
    if (!row.empty() && row_width + needed > width) flush();
    row_width += WidthOf(p.word, p.font_size) + (row.empty() ? 0 : kGap);
    row_height = std::max(row_height, p.font_size);
    row.push_back(p);
  }
  flush();
  out.height = y;
  return out;
}

}  // namespace wp::livepolls
