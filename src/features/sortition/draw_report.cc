#include "features/sortition/draw_report.h"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "core/strings.h"

namespace wp::sortition {
namespace {

std::string Ids(const Instance& instance, const std::vector<int>& agents) {
  std::vector<std::string> ids;
  for (int a : agents) ids.push_back(instance.agents[a].id);
  return JoinStrings(ids, ", ");
}

std::string AlgorithmTitle(Algorithm a) {
  switch (a) {
    case Algorithm::kLeximin:
      return "LEXIMIN (Flanigan, Goelz, Gupta, Hennig, Procaccia, Nature 596, 2021): the lowest selection "
             "chance is as high as the quotas allow, then the next lowest, and so on";
    case Algorithm::kMaximin:
      return "MAXIMIN: the lowest selection chance is as high as the quotas allow";
    case Algorithm::kNash:
      return "NASH: maximise the product of everyone's selection chances (Frank-Wolfe, approximate)";
    case Algorithm::kLegacy:
      return "LEGACY greedy stratified draw (for comparison only; no fairness guarantee)";
  }
  return "";
}

void WriteInputs(std::ostringstream& s, const Instance& instance, const DrawOptions& options, const ReportInputs& in) {
  s << "Algorithm:    " << AlgorithmTitle(options.algorithm) << "\n";
  s << "Categories:   " << in.categories_name << " (SHA-256 " << in.categories_sha256 << ")\n";
  s << "Respondents:  " << in.respondents_name << " (SHA-256 " << in.respondents_sha256 << ")\n";
  s << "Pool:         " << instance.agents.size() << " volunteers\n";
  s << "Panel size:   " << instance.panel_size << "\n";
  s << "Household:    "
    << (instance.household_rule ? "at most one per address (columns: " + JoinStrings(in.address_columns, ", ") + ")"
                                : "no household rule")
    << "\n";
  s << "Public seed:  \"" << options.seed << "\" (SHA-256 " << Sha256Hex(options.seed) << ")\n";
}

void WriteQuotas(std::ostringstream& s, const Instance& instance, const std::vector<int>& panel) {
  std::vector<int> count(instance.quotas.features.size(), 0);
  for (int m : panel) {
    for (int f : instance.agents[m].features) ++count[f];
  }
  s << "\nQuotas (min <= selected <= max):\n";
  for (size_t f = 0; f < count.size(); ++f) {
    const Feature& feature = instance.quotas.features[f];
    char line[256];
    std::snprintf(line, sizeof line, "  %-40s %3d <= %3d <= %3d\n", feature.Name().c_str(), feature.min, count[f],
                  feature.max);
    s << line;
  }
}

void WriteProbabilities(std::ostringstream& s, const Instance& instance, const DrawOptions& options,
                        const DrawOutcome& outcome, const std::vector<int>& panel_original,
                        const std::vector<int>* original_index) {
  const bool legacy = options.algorithm == Algorithm::kLegacy;
  s << "\nSelection chances ("
    << (legacy ? "estimated from " + std::to_string(options.legacy_runs) + " legacy draws"
               : "exact, and under the published lottery")
    << "):\n";
  double max_p = 0;
  int at_min = 0;
  for (double p : outcome.probability) {
    max_p = std::max(max_p, p);
    if (p <= outcome.min_probability + 1e-9) ++at_min;
  }
  s << "  lowest:  " << Percent(outcome.min_probability) << " (" << at_min << " volunteers)\n";
  s << "  highest: " << Percent(max_p) << "\n";
  s << "  equal shares would be " << Percent(static_cast<double>(instance.panel_size) / instance.agents.size()) << "\n";
  if (!outcome.unreachable.empty()) {
    s << "  in no panel that meets the quotas (chance 0): " << outcome.unreachable.size() << " volunteers\n";
  }
  s << "\n  id                     chance    lottery  selected\n";
  for (size_t i = 0; i < outcome.probability.size(); ++i) {
    const int original = original_index ? (*original_index)[i] : static_cast<int>(i);
    const bool selected = std::binary_search(panel_original.begin(), panel_original.end(), original);
    char line[256];
    std::snprintf(line, sizeof line, "  %-20s %8s %10s  %s\n", instance.agents[original].id.c_str(),
                  Percent(outcome.probability[i]).c_str(),
                  legacy ? "-" : Percent(outcome.lottery_probability[i]).c_str(), selected ? "yes" : "");
    s << line;
  }
}

void WriteLottery(std::ostringstream& s, const DrawOptions& options, const DrawOutcome& outcome) {
  if (options.algorithm == Algorithm::kLegacy) {
    s << "\nDraw: the legacy procedure used the random stream SHA-256(seed + \"\\nlegacy\\n\" + j), j = 0, 1, ...\n";
    return;
  }
  s << "\nLottery: the distribution was rounded to " << outcome.lottery.tickets << " equally likely tickets over "
    << outcome.lottery.panels.size()
    << " panel compositions (largest change of anyone's chance: " << Percent(outcome.lottery.max_deviation)
    << "). The full ticket list is in the --json output.\n";
  s << "Drawn ticket: " << outcome.ticket << " of " << outcome.lottery.tickets
    << " = 1 + (SHA-256(seed + \"\\nticket\\n0\"), first 8 bytes little-endian, rejection-sampled) mod "
    << outcome.lottery.tickets << ".\n";
  s << "Within the drawn composition, members of each group of identical volunteers were chosen by a\n"
       "Fisher-Yates shuffle in file order using SHA-256(seed + \"\\nmembers\\n\" + j), j = 0, 1, ...\n";
}

}  // namespace

std::string Percent(double p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f%%", 100 * p);
  return buf;
}

std::string DrawReportText(const Instance& instance, const DrawOptions& options, const DrawOutcome& outcome,
                           const ReportInputs& inputs) {
  std::ostringstream s;
  s << "Sortition draw report (wijkplatform draw)\n=========================================\n";
  WriteInputs(s, instance, options, inputs);
  s << "\nSelected panel (" << outcome.panel.size() << "): " << Ids(instance, outcome.panel) << "\n";
  WriteQuotas(s, instance, outcome.panel);
  WriteLottery(s, options, outcome);
  WriteProbabilities(s, instance, options, outcome, outcome.panel, nullptr);
  s << "\nReplay: anyone with the two input files and the seed can repeat this draw with\n"
       "  wijkplatform draw --categories ... --respondents ... --panel-size "
    << instance.panel_size << " --algorithm " << AlgorithmName(options.algorithm) << " --seed \"" << options.seed
    << "\"\nand gets the same panel.\n";
  return s.str();
}

std::string ReplacementReportText(const Instance& instance, const DrawOptions& options,
                                  const ReplacementOutcome& outcome, const std::vector<int>& previous_panel,
                                  const std::vector<int>& dropouts, const ReportInputs& inputs) {
  std::ostringstream s;
  s << "Sortition replacement report (wijkplatform draw --replace)\n"
       "==========================================================\n";
  WriteInputs(s, instance, options, inputs);
  s << "\nPrevious panel (" << previous_panel.size() << "): " << Ids(instance, previous_panel) << "\n";
  s << "Drop-outs (" << dropouts.size() << "): " << Ids(instance, dropouts) << "\n";
  s << "Replacements (" << outcome.replacements.size() << "): " << Ids(instance, outcome.replacements) << "\n";
  s << "New panel (" << outcome.new_panel.size() << "): " << Ids(instance, outcome.new_panel) << "\n";
  s << "\nThe replacements were selected from the " << outcome.problem.instance.agents.size()
    << " volunteers not on the panel"
    << (instance.household_rule ? " (and not sharing an address with a member who stays)" : "")
    << ", under the quotas left after the members who stay. Chances below are within this second selection.\n";
  WriteQuotas(s, instance, outcome.new_panel);
  WriteLottery(s, options, outcome.draw);
  WriteProbabilities(s, instance, options, outcome.draw, outcome.replacements, &outcome.problem.original_index);
  return s.str();
}

}  // namespace wp::sortition
