#include "core/i18n/plain_language.h"

#include <gtest/gtest.h>

namespace wp::i18n {
namespace {

using Kind = PlainLanguageFinding::Kind;

std::vector<Kind> Kinds(const std::vector<PlainLanguageFinding>& f) {
  std::vector<Kind> out;
  for (const auto& x : f) out.push_back(x.kind);
  return out;
}

TEST(PlainLanguageTest, SplitsSentencesAtMarksAndLineBreaks) {
  EXPECT_EQ(SplitSentences("Beste Ans,\n\nUw plan is gekozen! Wat nu? Lees 1.250,50 euro."),
            (std::vector<std::string>{"Beste Ans,", "Uw plan is gekozen!", "Wat nu?", "Lees 1.250,50 euro."}));
  EXPECT_TRUE(SplitSentences(" \n ").empty());
}

TEST(PlainLanguageTest, WordsAreLowerCaseWithoutPunctuation) {
  EXPECT_EQ(Words("\"Zonnepanelen\" kost € 6.000 (per persoon): foto's, e-mail -"),
            (std::vector<std::string>{"zonnepanelen", "kost", "6.000", "per", "persoon", "foto's", "e-mail"}));
}

TEST(PlainLanguageTest, FlagsSentencesOverTwentyWords) {
  std::string twenty =
      "een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien "
      "zestien zeventien achttien negentien twintig.";
  EXPECT_TRUE(CheckPlainDutch(twenty).empty());
  auto f = CheckPlainDutch("Nul " + twenty);
  ASSERT_EQ(Kinds(f), std::vector<Kind>{Kind::kLongSentence});
  EXPECT_EQ(f[0].detail, "21 words (at most 20)");
  EXPECT_EQ(Kinds(CheckPlainEnglish("Zero " + twenty)), std::vector<Kind>{Kind::kLongSentence});
}

TEST(PlainLanguageTest, FlagsHardWordsAndPhrasesAsWholeWords) {
  auto f = CheckPlainDutch("Indien u vragen heeft, mail ons. Wij betalen door middel van een overboeking.");
  ASSERT_EQ(Kinds(f), (std::vector<Kind>{Kind::kHardWord, Kind::kHardWord}));
  EXPECT_EQ(f[0].detail, "'indien': write 'als'");
  EXPECT_EQ(f[1].sentence, "Wij betalen door middel van een overboeking.");
  // Only whole words: "reedsch" and "middel" alone are fine.
  EXPECT_TRUE(CheckPlainDutch("Het middel van de reedschap.").empty());
  EXPECT_EQ(Kinds(CheckPlainDutch("U krijgt c.q. betaalt het.")), std::vector<Kind>{Kind::kHardWord});
}

TEST(PlainLanguageTest, HardWordListIsLowerCaseAndSorted) {
  std::string_view previous;
  for (const auto& w : DutchHardWords()) {
    EXPECT_LT(previous, w.words);
    previous = w.words;
    for (char c : w.words) EXPECT_FALSE(c >= 'A' && c <= 'Z') << w.words;
    EXPECT_FALSE(w.plain.empty()) << w.words;
  }
}

TEST(PlainLanguageTest, FlagsPassiveSentences) {
  const char* passive[] = {
      "Het plan wordt getoetst.",     "De plannen worden uitgevoerd.",
      "Uw stem werd geteld.",         "Het is niet duidelijk of het betaald kan worden.",
      "De gegevens worden verwerkt.", "De prijzen werden gegeven.",
  };
  for (const char* s : passive) EXPECT_EQ(Kinds(CheckPlainDutch(s)), std::vector<Kind>{Kind::kPassive}) << s;
  const char* active[] = {
      "De gemeente toetst het plan.", "Het wordt een mooi plein.",
      "U wordt lid van het gebied.",  // "gebied" is no participle
      "Uw plan is ingediend.",        // a state, not "worden"
      "Het geld gaat naar de wijk.",
  };
  for (const char* s : active) EXPECT_TRUE(CheckPlainDutch(s).empty()) << s;
}

}  // namespace
}  // namespace wp::i18n
