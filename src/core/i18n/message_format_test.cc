#include "core/i18n/message_format.h"

#include <gtest/gtest.h>

namespace wp::i18n {
namespace {

Message Parsed(std::string_view text) {
  auto m = Message::Parse(text);
  EXPECT_TRUE(m.has_value()) << text << ": " << (m.has_value() ? "" : m.error().detail);
  return m.has_value() ? std::move(*m) : *Message::Parse("");
}

std::string Fmt(std::string_view text, std::string_view locale, const Args& args) {
  return Parsed(text).Format(locale, args);
}

constexpr std::string_view kVotes = "{count, plural, =0 {geen stemmen} one {# stem} other {# stemmen}}";

TEST(MessageFormatTest, FillsNamedArguments) {
  EXPECT_EQ(Fmt("Plan {plan} van {name}", "nl", {{"plan", "Bankjes"}, {"name", "Ans"}}), "Plan Bankjes van Ans");
  EXPECT_EQ(Fmt("{district.name} ligt hier", "nl", {{"district.name", "Centrum"}}), "Centrum ligt hier");
  EXPECT_EQ(Fmt("Zonder argumenten, met foto's", "nl", {}), "Zonder argumenten, met foto's");
}

TEST(MessageFormatTest, MissingArgumentStaysVisible) {
  EXPECT_EQ(Fmt("Hallo {name}", "nl", {}), "Hallo {name}");
  EXPECT_EQ(Fmt(kVotes, "nl", {}), "{count} stemmen");
}

TEST(MessageFormatTest, FormatsNumbersAndMoneyPerLocale) {
  EXPECT_EQ(Fmt("{n} adressen", "nl", {{"n", 14745}}), "14.745 adressen");
  EXPECT_EQ(Fmt("{n, number} addresses", "en", {{"n", 14745}}), "14,745 addresses");
  EXPECT_EQ(Fmt("{n, number, integer}", "en", {{"n", int64_t{-3}}}), "-3");
  EXPECT_EQ(Fmt("Samen {total}", "nl", {{"total", Money{1200050}}}),
            "Samen \xE2\x82\xAC\xC2\xA0"
            "12.000,50");
  EXPECT_EQ(Fmt("Total {total}", "en", {{"total", Money{1200000}}}),
            "Total \xE2\x82\xAC"
            "12,000");
  EXPECT_EQ(Fmt("{d} km", "nl", {{"d", Decimal{2.5, 1}}}), "2,5 km");
  EXPECT_EQ(Fmt("{id}", "nl", {{"id", "2026"}}), "2026");  // identifiers are text: no grouping
}

TEST(MessageFormatTest, ChoosesThePluralForm) {
  EXPECT_EQ(Fmt(kVotes, "nl", {{"count", 0}}), "geen stemmen");
  EXPECT_EQ(Fmt(kVotes, "nl", {{"count", 1}}), "1 stem");
  EXPECT_EQ(Fmt(kVotes, "nl", {{"count", 2}}), "2 stemmen");
  EXPECT_EQ(Fmt(kVotes, "nl", {{"count", 1000}}), "1.000 stemmen");
  EXPECT_EQ(Fmt(kVotes, "nl", {{"count", size_t{21}}}), "21 stemmen");
  EXPECT_EQ(Fmt("{n, plural, one {# vote} other {# votes}}", "en", {{"n", 1000}}), "1,000 votes");
  EXPECT_EQ(Fmt("{n, plural, one {# vote} other {# votes}}", "en", {{"n", -1}}), "-1 vote");
}

TEST(MessageFormatTest, ExactValueWinsOverCategory) {
  constexpr std::string_view m = "{n, plural, =1 {precies een} one {een} other {#}}";
  EXPECT_EQ(Fmt(m, "nl", {{"n", 1}}), "precies een");
  EXPECT_EQ(Fmt(m, "nl", {{"n", -1}}), "een");                       // -1 is not =1
  EXPECT_EQ(Fmt(m, "nl", {{"n", Decimal{1.0, 1}}}), "precies een");  // the value equals 1
}

TEST(MessageFormatTest, DecimalsAndMoneyWithAFractionAreOther) {
  constexpr std::string_view m = "{n, plural, one {# uur} other {# uren}}";
  EXPECT_EQ(Fmt(m, "nl", {{"n", Decimal{1, 0}}}), "1 uur");
  EXPECT_EQ(Fmt(m, "nl", {{"n", Decimal{1, 1}}}), "1,0 uren");
  EXPECT_EQ(Fmt(m, "nl", {{"n", Money{150}}}),
            "\xE2\x82\xAC\xC2\xA0"
            "1,50 uren");
}

TEST(MessageFormatTest, TextInAPluralTakesOther) { EXPECT_EQ(Fmt(kVotes, "nl", {{"count", "1"}}), "1 stemmen"); }

TEST(MessageFormatTest, HashBelongsToTheInnermostPluralAndIsTextOutside) {
  constexpr std::string_view m =
      "Plan #{nr}: {a, plural, one {# plan, {b, plural, one {# stem} other {# stemmen}}} other {# plannen}}";
  EXPECT_EQ(Fmt(m, "nl", {{"nr", "7"}, {"a", 1}, {"b", 3}}), "Plan #7: 1 plan, 3 stemmen");
  EXPECT_EQ(Fmt(m, "nl", {{"nr", "7"}, {"a", 2}, {"b", 3}}), "Plan #7: 2 plannen");
}

TEST(MessageFormatTest, SelectsByText) {
  constexpr std::string_view m = "{kind, select, paper {op papier} online {online} other {onbekend}} ({n})";
  EXPECT_EQ(Fmt(m, "nl", {{"kind", "paper"}, {"n", 2}}), "op papier (2)");
  EXPECT_EQ(Fmt(m, "nl", {{"kind", "fax"}, {"n", 2}}), "onbekend (2)");
  EXPECT_EQ(Fmt("{n, select, 1000 {duizend} other {#}}", "nl", {{"n", 1000}}), "duizend");
}

TEST(MessageFormatTest, ListsArgumentNamesAndPlurals) {
  Message m = Parsed("{b} {a, plural, one {{c}} other {{b} {d, plural, other {#}}}}");
  EXPECT_EQ(m.ArgumentNames(), (std::vector<std::string>{"a", "b", "c", "d"}));
  auto plurals = m.Plurals();
  ASSERT_EQ(plurals.size(), 2u);
  EXPECT_EQ(plurals[0].argument, "a");
  EXPECT_TRUE(plurals[0].has_one);
  EXPECT_EQ(plurals[1].argument, "d");
  EXPECT_FALSE(plurals[1].has_one);
  EXPECT_TRUE(Parsed("{n, plural, =1 {een} other {#}}").Plurals()[0].has_one);
}

TEST(MessageFormatTest, RejectsBrokenMessages) {
  struct Case {
    const char* text;
    const char* error;
  } cases[] = {
      {"Hallo {name", "expected '}'"},
      {"Hallo name}", "'}' without a matching '{'"},
      {"Hallo {}", "needs a name"},
      {"{n, plural, one {# stem}}", "no 'other' form"},
      {"{n, select, a {x}}", "no 'other' form"},
      {"{n, plural, single {x} other {y}}", "'single' is not a plural form"},
      {"{n, plural, one {x} one {y} other {z}}", "given twice"},
      {"{n, plural, =x {x} other {y}}", "whole number"},
      {"{n, date}", "unknown type 'date'"},
      {"{n, number, percent}", "no style but 'integer'"},
      {"{n, plural, one {x} other {y}", "is not closed"},
      {"{n, plural, one {x other {y}}", "is not closed"},
      {"{n, plural one {x} other {y}}", "expected ',' and forms"},
      {"{n, plural, one x other {y}}", "expected '{' after 'one'"},
  };
  for (const auto& c : cases) {
    auto m = Message::Parse(c.text);
    ASSERT_FALSE(m.has_value()) << c.text;
    EXPECT_NE(m.error().detail.find(c.error), std::string::npos) << c.text << " -> " << m.error().detail;
    EXPECT_NE(m.error().detail.find("at character "), std::string::npos) << m.error().detail;
  }
}

TEST(MessageFormatTest, FormatsFromALookupFunction) {
  Message m = Parsed(kVotes);
  int calls = 0;
  ArgLookup lookup = [&calls](std::string_view name) -> std::optional<Arg> {
    ++calls;
    if (name == "count") return Arg(1);
    return std::nullopt;
  };
  EXPECT_EQ(m.Format("nl", lookup), "1 stem");
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace wp::i18n
