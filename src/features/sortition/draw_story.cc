#include "features/sortition/draw_story.h"

#include <algorithm>
#include <variant>

namespace wp::sortition {
namespace {

// A chance as a percentage with one decimal ("9,1" in Dutch).
i18n::Decimal Percentage(double p) { return i18n::Decimal{std::clamp(p, 0.0, 1.0) * 100.0, 1}; }

// One line per quota value: its bounds and how many panel members have it.
std::vector<std::string> QuotaLines(const Instance& instance, const std::vector<int>& panel, const Translate& t) {
  std::vector<int> chosen(instance.quotas.features.size(), 0);
  for (int a : panel) {
    for (int f : instance.agents[a].features) ++chosen[f];
  }
  std::vector<std::string> lines;
  for (size_t f = 0; f < instance.quotas.features.size(); ++f) {
    const Feature& q = instance.quotas.features[f];
    lines.push_back(
        t("sortition.story.quota",
          {{"feature", q.category}, {"value", q.value}, {"min", q.min}, {"max", q.max}, {"chosen", chosen[f]}}));
  }
  return lines;
}

// How equal the chances were, and who could not be chosen at all.
void TellChances(const DrawOptions& options, const DrawOutcome& outcome, const Translate& t,
                 std::vector<std::string>& out) {
  if (options.algorithm == Algorithm::kLegacy) {
    out.push_back(t("sortition.story.legacy", {{"runs", options.legacy_runs}}));
  } else {
    out.push_back(t("sortition.story.fair", {}));
  }
  const std::vector<double>& chance =
      outcome.lottery_probability.empty() ? outcome.probability : outcome.lottery_probability;
  double lowest = 1, highest = 0;
  for (size_t a = 0; a < chance.size(); ++a) {
    if (std::find(outcome.unreachable.begin(), outcome.unreachable.end(), static_cast<int>(a)) !=
        outcome.unreachable.end()) {
      continue;
    }
    lowest = std::min(lowest, chance[a]);
    highest = std::max(highest, chance[a]);
  }
  if (highest > 0 && highest - lowest < 0.0005) {  // the same at one decimal of a percent
    out.push_back(t("sortition.story.chances_equal", {{"lowest", Percentage(lowest)}}));
  } else if (highest > 0) {
    out.push_back(t("sortition.story.chances", {{"lowest", Percentage(lowest)}, {"highest", Percentage(highest)}}));
  }
  if (!outcome.unreachable.empty()) {
    out.push_back(t("sortition.story.unreachable", {{"count", static_cast<int64_t>(outcome.unreachable.size())}}));
  }
}

}  // namespace

DrawStory TellDraw(const Instance& instance, const DrawOptions& options, const DrawOutcome& outcome,
                   const Translate& t) {
  DrawStory story;
  story.title = t("sortition.story.title", {});
  story.paragraphs.push_back(t("sortition.story.pool", {{"volunteers", static_cast<int64_t>(instance.agents.size())},
                                                        {"seats", instance.panel_size}}));
  story.paragraphs.push_back(t("sortition.story.quotas", {}));
  if (instance.household_rule) story.paragraphs.push_back(t("sortition.story.household", {}));
  TellChances(options, outcome, t, story.paragraphs);
  story.paragraphs.push_back(t("sortition.story.lottery", {{"seed", options.seed}}));
  story.quotas = QuotaLines(instance, outcome.panel, t);
  return story;
}

DrawStory TellReplacement(const Instance& instance, const DrawOptions& options, const ReplacementOutcome& outcome,
                          const std::vector<int>& dropouts, const Translate& t) {
  DrawStory story;
  story.title = t("sortition.story.title", {});
  story.paragraphs.push_back(
      t("sortition.story.replacement", {{"dropouts", static_cast<int64_t>(dropouts.size())},
                                        {"replacements", static_cast<int64_t>(outcome.replacements.size())},
                                        {"pool", static_cast<int64_t>(outcome.problem.instance.agents.size())}}));
  story.paragraphs.push_back(t("sortition.story.quotas", {}));
  if (instance.household_rule) story.paragraphs.push_back(t("sortition.story.household", {}));
  TellChances(options, outcome.draw, t, story.paragraphs);
  story.paragraphs.push_back(t("sortition.story.lottery", {{"seed", options.seed}}));
  story.quotas = QuotaLines(instance, outcome.new_panel, t);
  return story;
}

std::string DrawStoryText(const DrawStory& story) {
  std::string out = story.title + "\n\n";
  for (const std::string& p : story.paragraphs) out += p + "\n\n";
  for (const std::string& q : story.quotas) out += "- " + q + "\n";
  return out;
}

std::vector<std::string> TellDrawError(const Error& error, const Translate& t) {
  std::vector<std::string> out;
  for (const FieldError& e : error.fields) {
    i18n::Args args;
    for (const auto& [name, value] : e.args) {
      std::visit([&, &name = name](const auto& v) { args.emplace_back(name, i18n::Arg(v)); }, value);
    }
    out.push_back(t(e.message_key, args));
  }
  return out;
}

}  // namespace wp::sortition
