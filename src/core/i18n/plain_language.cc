#include "core/i18n/plain_language.h"

#include <algorithm>
#include <cctype>

namespace wp::i18n {

namespace {

// Official, old-fashioned and jargon words that readers at level B1 stumble
// over, each with an everyday alternative. Written for this project after
// the Dutch government's plain-language guidance (Direct Duidelijk, the B1
// word lists of municipalities). Lower case; phrases match whole words.
// To add a word: add a line here, keep the list sorted (by bytes), run the tests
// (docs/plain-language.md).
constexpr HardWord kDutchHardWords[] = {
    {"aanvang", "begin"},
    {"aanvangen", "beginnen"},
    {"adequaat", "goed, passend"},
    {"alsmede", "en, ook"},
    {"alvorens", "voordat"},
    {"betreffende", "over"},
    {"beëindigen", "stoppen, afsluiten"},
    {"c.q.", "of"},
    {"conform", "volgens"},
    {"derden", "anderen"},
    {"derhalve", "daarom, dus"},
    {"desalniettemin", "toch"},
    {"dienen te", "moeten"},
    {"dient u", "u moet"},
    {"doch", "maar"},
    {"door middel van", "met, via"},
    {"echter", "maar"},
    {"evalueren", "bekijken hoe het ging"},
    {"faciliteren", "helpen, mogelijk maken"},
    {"fungeren", "werken als, zijn"},
    {"gelieve", "wilt u"},
    {"hetgeen", "wat"},
    {"hiertoe", "daarvoor"},
    {"implementeren", "invoeren"},
    {"in het kader van", "bij, voor"},
    {"indien", "als"},
    {"ingevolge", "volgens"},
    {"initiëren", "beginnen, starten"},
    {"inzake", "over"},
    {"met betrekking tot", "over"},
    {"middels", "met, via"},
    {"mits", "als ... wel"},
    {"niettemin", "toch"},
    {"omtrent", "over"},
    {"onverwijld", "meteen"},
    {"overeenkomstig", "volgens"},
    {"participeren", "meedoen"},
    {"prioriteit", "voorrang"},
    {"reeds", "al"},
    {"retourneren", "terugsturen"},
    {"ten aanzien van", "over, voor"},
    {"ten behoeve van", "voor"},
    {"teneinde", "om"},
    {"terstond", "direct"},
    {"tevens", "ook"},
    {"thans", "nu"},
    {"verifiëren", "controleren"},
    {"verkrijgen", "krijgen"},
    {"verstrekken", "geven"},
    {"verzoeken", "vragen"},
    {"voornoemde", "die, deze"},
    {"woonachtig", "wonen"},
};

constexpr std::string_view kPassiveAuxiliaries[] = {"wordt", "worden", "werd", "werden"};

// Separable prefixes that come before "ge" in a participle: "uitgevoerd".
constexpr std::string_view kSeparablePrefixes[] = {
    "aan", "af",   "bij",  "binnen", "buiten", "door", "in",  "mee",  "na",   "neer", "om",
    "op",  "over", "rond", "samen",  "terug",  "toe",  "uit", "vast", "voor", "weg",
};

// Inseparable prefixes: the participle has no "ge": "verwerkt", "bewaard".
constexpr std::string_view kInseparablePrefixes[] = {"be", "ver", "ont", "her"};

// Words that look like participles but are not.
constexpr std::string_view kNotParticiples[] = {
    "bekend",    "belangrijk", "bericht",    "beschikbaar", "bestaat",      "bestand",     "gebeurt",
    "gebied",    "gebieden",   "gebruiken",  "geld",        "gelden",       "gelegenheid", "geluid",
    "gemeenten", "geven",      "gezondheid", "verband",     "verschillend",
};

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

template <size_t N>
bool Contains(const std::string_view (&list)[N], std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

// True for a past participle as passives use them: "getoetst", "gegeven",
// "uitgevoerd", "verwerkt". A heuristic; kNotParticiples lists exceptions.
bool LooksLikeParticiple(std::string_view w) {
  if (Contains(kNotParticiples, w)) return false;
  std::string_view rest = w;
  for (std::string_view p : kSeparablePrefixes) {
    if (StartsWith(w, p) && StartsWith(w.substr(p.size()), "ge")) {
      rest = w.substr(p.size());
      break;
    }
  }
  if (StartsWith(rest, "ge") && rest.size() >= 5) {
    return EndsWith(rest, "d") || EndsWith(rest, "t") || EndsWith(rest, "en");
  }
  for (std::string_view p : kInseparablePrefixes) {
    if (StartsWith(w, p) && w.size() >= 7) return EndsWith(w, "d") || EndsWith(w, "t");
  }
  return false;
}

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

std::vector<PlainLanguageFinding> LongSentences(const std::vector<std::string>& sentences, int max_words) {
  std::vector<PlainLanguageFinding> out;
  for (const auto& s : sentences) {
    size_t n = Words(s).size();
    if (static_cast<int>(n) > max_words) {
      out.push_back({PlainLanguageFinding::Kind::kLongSentence, s,
                     std::to_string(n) + " words (at most " + std::to_string(max_words) + ")"});
    }
  }
  return out;
}

}  // namespace

std::span<const HardWord> DutchHardWords() { return kDutchHardWords; }

std::vector<std::string> SplitSentences(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    size_t a = cur.find_first_not_of(" \t");
    if (a != std::string::npos) out.push_back(cur.substr(a, cur.find_last_not_of(" \t") - a + 1));
    cur.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n' || c == '\r') {
      flush();
      continue;
    }
    cur += c;
    bool at_end = i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n';
    if ((c == '.' || c == '!' || c == '?') && at_end) flush();
  }
  flush();
  return out;
}

std::vector<std::string> Words(std::string_view sentence) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < sentence.size()) {
    while (i < sentence.size() && std::isspace(static_cast<unsigned char>(sentence[i]))) ++i;
    size_t start = i;
    while (i < sentence.size() && !std::isspace(static_cast<unsigned char>(sentence[i]))) ++i;
    std::string_view token = sentence.substr(start, i - start);
    // Trim punctuation (ASCII, and UTF-8 quotes) on both sides.
    size_t a = 0, b = token.size();
    while (a < b && !IsWordByte(static_cast<unsigned char>(token[a]))) ++a;
    while (b > a && !IsWordByte(static_cast<unsigned char>(token[b - 1]))) --b;
    // UTF-8 curly quotes are bytes >= 0x80 too: drop them explicitly.
    std::string w(token.substr(a, b - a));
    for (std::string_view q : {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99"}) {
      if (StartsWith(w, q)) w.erase(0, q.size());
      if (EndsWith(w, q)) w.erase(w.size() - q.size());
    }
    if (w.empty()) continue;
    for (auto& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // A word has a letter or digit; "€" or "–" alone is not a word.
    if (std::any_of(w.begin(), w.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); })) {
      out.push_back(std::move(w));
    }
  }
  return out;
}

std::vector<PlainLanguageFinding> CheckPlainDutch(std::string_view text, int max_words) {
  std::vector<std::string> sentences = SplitSentences(text);
  std::vector<PlainLanguageFinding> out = LongSentences(sentences, max_words);
  for (const auto& s : sentences) {
    std::vector<std::string> words = Words(s);
    for (const auto& hard : kDutchHardWords) {
      std::vector<std::string> phrase = Words(hard.words);
      for (size_t i = 0; i + phrase.size() <= words.size(); ++i) {
        if (std::equal(phrase.begin(), phrase.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) {
          out.push_back({PlainLanguageFinding::Kind::kHardWord, s,
                         "'" + std::string(hard.words) + "': write '" + std::string(hard.plain) + "'"});
          break;
        }
      }
    }
    bool auxiliary =
        std::any_of(words.begin(), words.end(), [](const std::string& w) { return Contains(kPassiveAuxiliaries, w); });
    if (!auxiliary) continue;
    for (const auto& w : words) {
      if (LooksLikeParticiple(w)) {
        out.push_back({PlainLanguageFinding::Kind::kPassive, s,
                       "passive ('" + w + "'): say who does it, e.g. 'de gemeente toetst'"});
        break;
      }
    }
  }
  return out;
}

std::vector<PlainLanguageFinding> CheckPlainEnglish(std::string_view text, int max_words) {
  return LongSentences(SplitSentences(text), max_words);
}

}  // namespace wp::i18n
