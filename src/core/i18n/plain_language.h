// Plain-language checks for Dutch UI text at language level B1 (the level
// the Dutch government's "Direct Duidelijk" guidance asks for): short
// sentences, everyday words instead of official jargon, active sentences.
// The rules and how to change them: docs/plain-language.md.
// Pure: no I/O; thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace wp::i18n {

// A hard (official, old-fashioned or jargon) word or phrase and what to
// write instead. `words` is lower case; a phrase is several words separated
// by single spaces and matches whole words only.
struct HardWord {
  std::string_view words;
  std::string_view plain;
};

// Our list of hard Dutch words with plain alternatives (plain_language.cc).
std::span<const HardWord> DutchHardWords();

struct PlainLanguageFinding {
  enum class Kind { kLongSentence, kHardWord, kPassive };
  Kind kind;
  std::string sentence;  // the sentence it was found in
  std::string detail;    // e.g. "23 words (at most 20)", "'indien': write 'als'"
};

// The sentences of `text`: split after '.', '!' or '?' followed by a space
// or the end, and at line breaks; empty ones are dropped.
std::vector<std::string> SplitSentences(std::string_view text);
// The words of a sentence, lower case (ASCII), without punctuation around
// them; tokens without a letter or digit are not words.
std::vector<std::string> Words(std::string_view sentence);

inline constexpr int kMaxWordsPerSentence = 20;

// Checks Dutch `text`: sentences over `max_words` words, words from
// DutchHardWords(), and passive sentences (a form of "worden" with a past
// participle such as "getoetst", "uitgevoerd", "geschreven").
std::vector<PlainLanguageFinding> CheckPlainDutch(std::string_view text, int max_words = kMaxWordsPerSentence);
// Checks English `text` for long sentences only.
std::vector<PlainLanguageFinding> CheckPlainEnglish(std::string_view text, int max_words = kMaxWordsPerSentence);

}  // namespace wp::i18n
