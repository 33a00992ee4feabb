#include "features/sortition/draw_cli.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/i18n/catalog.h"
#include "core/strings.h"
#include "features/sortition/draw_publish.h"
#include "features/sortition/draw_report.h"
#include "features/sortition/draw_story.h"
#include "features/sortition/lp_solver.h"
#include "features/sortition/selection/draw.h"
#include "wp_sortition_files.h"

namespace wp::sortition {
namespace {

constexpr char kHelp[] =
    R"(Usage: wijkplatform draw --categories FILE --respondents FILE --panel-size K --seed TEXT [options]

Selects a lottery forum or panel from a pool of volunteers so that the panel meets the quotas and
every volunteer's chance of selection is as equal as the quotas allow, then draws it from a public
seed so that anyone with the inputs and the seed can replay the draw.

Required:
  --categories FILE       quotas, CSV: feature,value,min,max[,min_flex,max_flex] (one row per value)
  --respondents FILE      volunteers, CSV: id in the first column, one column per feature; other
                          columns are ignored unless named in --address-columns
  --panel-size K          number of people to select (K >= 1)
  --seed TEXT             public seed, e.g. a number drawn in public: "2026-11-23 lottery 48213"

Options:
  --algorithm NAME        leximin (default): lexicographically maximise the lowest chances;
                          maximin: maximise only the lowest chance;
                          nash: maximise the product of all chances (approximate);
                          legacy: the old greedy stratified draw (comparison; no guarantee)
  --method NAME           leximin and nash only: relaxation-first (default): LEXIMIN over the LP
                          relaxation of the quotas, decomposed into panels, with column
                          generation when that point cannot be reached; column-generation:
                          column generation only (as draws published before December 2026
                          were made; --verify picks the method from the manifest)
  --address-columns A,B   respondents columns that together form an address; turns on the rule
                          "at most one person per household"
  --tickets M             size of the published lottery the distribution is rounded to
                          (default 1000)
  --legacy-runs N         legacy only: draws used to estimate chances (default 1000)
  --json                  write the report as JSON (full lottery ticket list included)
  --explain LANG          start with the draw told in plain language: nl (Dutch) or en
                          (English); with --json, as the field "explanation"
  --replace ID,ID         replace these drop-outs on the panel given by --panel; the replacements
                          come from the volunteers not on the panel, under the quotas left over
  --panel FILE            the previous draw's --json output (its "panel" list of ids), or a text
                          file with one id per line; required with --replace
  --publish DIR           also write the files that let anyone check the draw into DIR:
                          categories.csv and respondents.csv as read, result.json (the --json
                          report) and manifest.json (the seed, the settings and the SHA-256 of
                          each file); with --replace also panel.txt (the panel before, one id
                          a line), and the manifest names the drop-outs
  --verify DIR            check a folder written by --publish (a new draw or a replacement):
                          compare each file with the SHA-256 in the manifest, replay the draw
                          or the replacement from the inputs, seed and settings, and say
                          "verified" or exactly what differs (a changed input, panel, seed or
                          result); takes no other options except --json and --quiet
  --quiet                 no progress messages on stderr (by default long LEXIMIN/MAXIMIN runs
                          report levels fixed, panels found and time elapsed)
  --help                  show this help

Exit status: 0 on success (with --verify: verified), 2 on a usage error, 1 on unreadable,
malformed or infeasible input (the message says which quota cannot be met and by how much, or the
smallest change that helps), and with --verify when the draw does not replay exactly.
)";

struct Flags {
  std::string categories, respondents, seed, algorithm = "leximin", replace, panel, explain, publish, verify;
  std::string method = kMethodRelaxationFirst;
  std::vector<std::string> address_columns;
  int panel_size = 0;
  int tickets = 1000;
  int legacy_runs = 1000;
  bool json = false;
  bool help = false;
  bool quiet = false;
};

// Returns an error message for a usage error, or "" on success.
std::string ParseFlags(const std::vector<std::string>& args, Flags& flags) {
  std::set<std::string> seen;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string name = args[i];
    std::string value;
    bool has_value = false;
    if (size_t eq = name.find('='); name.rfind("--", 0) == 0 && eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_value = true;
    }
    if (name == "--help" || name == "-h") {
      flags.help = true;
      continue;
    }
    if (name == "--json" || name == "--quiet") {
      (name == "--json" ? flags.json : flags.quiet) = true;
      continue;
    }
    static const std::set<std::string> kValued = {
        "--categories",  "--respondents", "--panel-size", "--seed",    "--algorithm", "--address-columns", "--tickets",
        "--legacy-runs", "--replace",     "--panel",      "--explain", "--publish",   "--verify",          "--method"};
    if (!kValued.count(name)) return "unknown option '" + name + "'";
    if (!seen.insert(name).second) return name + " given twice";
    if (!has_value) {
      if (i + 1 >= args.size()) return name + " needs a value";
      value = args[++i];
    }
    auto number = [&](int& target, int min) -> std::string {
      try {
        size_t used = 0;
        int v = std::stoi(value, &used);
        if (used != value.size() || v < min) throw std::invalid_argument("range");
        target = v;
        return "";
      } catch (const std::exception&) {
        return name + " must be a whole number >= " + std::to_string(min) + ", got '" + value + "'";
      }
    };
    std::string problem;
    if (name == "--categories") flags.categories = value;
    if (name == "--respondents") flags.respondents = value;
    if (name == "--seed") flags.seed = value;
    if (name == "--algorithm") flags.algorithm = ToLower(value);
    if (name == "--method") flags.method = ToLower(value);
    if (name == "--replace") flags.replace = value;
    if (name == "--panel") flags.panel = value;
    if (name == "--explain") flags.explain = ToLower(value);
    if (name == "--publish") flags.publish = value;
    if (name == "--verify") flags.verify = value;
    if (name == "--panel-size") problem = number(flags.panel_size, 1);
    if (name == "--tickets") problem = number(flags.tickets, 1);
    if (name == "--legacy-runs") problem = number(flags.legacy_runs, 1);
    if (name == "--address-columns") {
      for (std::string_view c : Split(value, ',')) {
        if (!Trim(c).empty()) flags.address_columns.emplace_back(Trim(c));
      }
    }
    if (!problem.empty()) return problem;
  }
  if (flags.help) return "";
  if (!flags.verify.empty()) {
    return seen.size() == 1 ? "" : "--verify takes no other options except --json and --quiet";
  }
  if (flags.categories.empty()) return "--categories is required";
  if (flags.respondents.empty()) return "--respondents is required";
  if (flags.panel_size == 0) return "--panel-size is required";
  if (flags.seed.empty()) return "--seed is required (a public seed makes the draw replayable)";
  if (flags.algorithm != "leximin" && flags.algorithm != "maximin" && flags.algorithm != "nash" &&
      flags.algorithm != "legacy") {
    return "--algorithm must be leximin, maximin, nash or legacy, got '" + flags.algorithm + "'";
  }
  if (flags.method != kMethodRelaxationFirst && flags.method != kMethodColumnGeneration) {
    return "--method must be relaxation-first or column-generation, got '" + flags.method + "'";
  }
  if (flags.replace.empty() != flags.panel.empty()) return "--replace and --panel go together";
  if (!flags.explain.empty() && flags.explain != "nl" && flags.explain != "en") {
    return "--explain must be nl or en, got '" + flags.explain + "'";
  }
  return "";
}

// Ids of a previous panel: JSON {"panel": ["id", ...]} or one id per line.
Result<std::vector<std::string>> ParsePanelFile(const std::string& text) {
  std::vector<std::string> ids;
  std::string_view trimmed = Trim(text);
  if (!trimmed.empty() && trimmed.front() == '{') {
    nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.contains("panel") || !j["panel"].is_array()) {
      return InvalidInput("the panel file is not JSON with a \"panel\" list of ids");
    }
    for (const auto& id : j["panel"]) {
      if (!id.is_string()) return InvalidInput("the \"panel\" list must hold ids as strings");
      ids.push_back(id.get<std::string>());
    }
  } else {
    for (std::string_view line : Split(text, '\n')) {
      if (!Trim(line).empty()) ids.emplace_back(Trim(line));
    }
  }
  if (ids.empty()) return InvalidInput("the panel file holds no ids");
  return ids;
}

Result<std::vector<int>> ResolveIds(const Instance& instance, const std::vector<std::string>& ids,
                                    const std::string& what) {
  std::vector<int> out;
  for (const std::string& id : ids) {
    int a = instance.FindAgent(id);
    if (a < 0) return InvalidInput(what + " id '" + id + "' is not in the respondents file");
    out.push_back(a);
  }
  std::sort(out.begin(), out.end());
  if (std::adjacent_find(out.begin(), out.end()) != out.end()) return InvalidInput(what + " lists an id twice");
  return out;
}

nlohmann::json IdList(const Instance& instance, const std::vector<int>& agents) {
  nlohmann::json list = nlohmann::json::array();
  for (int a : agents) list.push_back(instance.agents[a].id);
  return list;
}

nlohmann::json OutcomeJson(const Instance& instance, const DrawOptions& options, const DrawOutcome& outcome,
                           const std::vector<int>* original_index) {
  auto original = [&](int i) { return original_index ? (*original_index)[i] : i; };
  nlohmann::json j;
  j["min_probability"] = outcome.min_probability;
  nlohmann::json people = nlohmann::json::array();
  std::vector<int> panel_sorted = outcome.panel;
  for (size_t i = 0; i < outcome.probability.size(); ++i) {
    nlohmann::json p;
    p["id"] = instance.agents[original(static_cast<int>(i))].id;
    p["probability"] = outcome.probability[i];
    if (!outcome.lottery_probability.empty()) p["lottery_probability"] = outcome.lottery_probability[i];
    p["selected"] = std::binary_search(panel_sorted.begin(), panel_sorted.end(), static_cast<int>(i));
    people.push_back(p);
  }
  j["volunteers"] = people;
  if (options.algorithm != Algorithm::kLegacy) {
    nlohmann::json lottery;
    lottery["tickets"] = outcome.lottery.tickets;
    lottery["drawn_ticket"] = outcome.ticket;
    lottery["max_probability_change"] = outcome.lottery.max_deviation;
    nlohmann::json groups = nlohmann::json::array();
    for (const AgentType& t : outcome.types.types) {
      std::vector<int> members;
      for (int m : t.members) members.push_back(original(m));
      groups.push_back(IdList(instance, members));
    }
    lottery["groups"] = groups;
    nlohmann::json panels = nlohmann::json::array();
    int first = 1;
    for (size_t p = 0; p < outcome.lottery.panels.size(); ++p) {
      nlohmann::json entry;
      entry["first_ticket"] = first;
      entry["last_ticket"] = first + outcome.lottery.ticket_count[p] - 1;
      first += outcome.lottery.ticket_count[p];
      nlohmann::json counts = nlohmann::json::object();
      for (size_t t = 0; t < outcome.lottery.panels[p].size(); ++t) {
        if (outcome.lottery.panels[p][t] > 0) counts[std::to_string(t)] = outcome.lottery.panels[p][t];
      }
      entry["group_counts"] = counts;
      panels.push_back(entry);
    }
    lottery["panels"] = panels;
    j["lottery"] = lottery;
    j["stats"] = {{"groups", outcome.stats.types},          {"by_relaxation", outcome.stats.by_relaxation},
                  {"walk_steps", outcome.stats.walk_steps}, {"outer_rounds", outcome.stats.outer_rounds},
                  {"lp_solves", outcome.stats.lp_solves},   {"ilp_calls", outcome.stats.ilp_calls},
                  {"columns", outcome.stats.columns},       {"distribution_panels", outcome.lottery.panels.size()}};
  } else {
    j["legacy_runs"] = options.legacy_runs;
  }
  return j;
}

nlohmann::json QuotasJson(const Instance& instance, const std::vector<int>& panel) {
  std::vector<int> count(instance.quotas.features.size(), 0);
  for (int m : panel) {
    for (int f : instance.agents[m].features) ++count[f];
  }
  nlohmann::json list = nlohmann::json::array();
  for (size_t f = 0; f < count.size(); ++f) {
    const Feature& feature = instance.quotas.features[f];
    list.push_back({{"feature", feature.category},
                    {"value", feature.value},
                    {"min", feature.min},
                    {"max", feature.max},
                    {"selected", count[f]}});
  }
  return list;
}

// The plain-language story in the --explain language, from the sortition
// catalogs.
Translate StoryTranslator(const Flags& flags, const i18n::Catalog& catalog) {
  return [&catalog, locale = flags.explain](std::string_view key, const i18n::Args& args) {
    return catalog.Format(locale, key, args);
  };
}

nlohmann::json StoryJson(const std::string& language, const DrawStory& story) {
  return {{"language", language}, {"title", story.title}, {"paragraphs", story.paragraphs}, {"quotas", story.quotas}};
}

// The pool and quotas the flags name, read and checked, with the file names
// and digests the report publishes.
struct Loaded {
  Instance instance;
  ReportInputs inputs;
  std::string categories_text, respondents_text;
};

Result<Loaded> Load(const Flags& flags) {
  std::string categories_text, respondents_text;
  if (!ReadText(flags.categories, categories_text)) return InvalidInput("cannot read " + flags.categories);
  if (!ReadText(flags.respondents, respondents_text)) return InvalidInput("cannot read " + flags.respondents);
  Loaded l;
  auto quotas = ParseCategoriesCsv(categories_text);
  if (!quotas.has_value()) return InvalidInput(flags.categories + ": " + quotas.error().detail);
  l.instance.quotas = std::move(*quotas);
  auto agents = ParseRespondentsCsv(respondents_text, l.instance.quotas, flags.address_columns);
  if (!agents.has_value()) return InvalidInput(flags.respondents + ": " + agents.error().detail);
  l.instance.agents = std::move(*agents);
  l.instance.panel_size = flags.panel_size;
  l.instance.household_rule = !flags.address_columns.empty();
  l.inputs = ReportInputs{flags.categories, Sha256Hex(categories_text), flags.respondents, Sha256Hex(respondents_text),
                          flags.address_columns};
  l.categories_text = std::move(categories_text);
  l.respondents_text = std::move(respondents_text);
  return l;
}

DrawOptions OptionsFrom(const Flags& flags) {
  DrawOptions options;
  options.algorithm = flags.algorithm == "legacy"    ? Algorithm::kLegacy
                      : flags.algorithm == "maximin" ? Algorithm::kMaximin
                      : flags.algorithm == "nash"    ? Algorithm::kNash
                                                     : Algorithm::kLeximin;
  options.seed = flags.seed;
  options.lottery_tickets = flags.tickets;
  options.legacy_runs = flags.legacy_runs;
  options.relaxation_first = flags.method != kMethodColumnGeneration;
  return options;
}

// The part of the JSON report every draw shares: command, seed, inputs.
nlohmann::json ReportHeader(const Instance& instance, const DrawOptions& options, const ReportInputs& inputs) {
  nlohmann::json j;
  j["command"] = "wijkplatform draw";
  j["algorithm"] = AlgorithmName(options.algorithm);
  if (options.algorithm == Algorithm::kLeximin || options.algorithm == Algorithm::kNash) {
    j["method"] = options.relaxation_first ? kMethodRelaxationFirst : kMethodColumnGeneration;
  }
  j["seed"] = options.seed;
  j["seed_sha256"] = Sha256Hex(options.seed);
  j["inputs"] = {{"categories", inputs.categories_name},
                 {"categories_sha256", inputs.categories_sha256},
                 {"respondents", inputs.respondents_name},
                 {"respondents_sha256", inputs.respondents_sha256},
                 {"pool_size", instance.agents.size()},
                 {"panel_size", instance.panel_size},
                 {"household_rule", instance.household_rule},
                 {"address_columns", inputs.address_columns}};
  return j;
}

nlohmann::json DrawJson(const Loaded& l, const DrawOptions& options, const DrawOutcome& outcome) {
  return DrawResultJson(l.instance, options, outcome, l.inputs);
}

// A replacement as computed: the panel and drop-outs (agent indices,
// ascending) and the engine's outcome.
struct ReplacementRun {
  std::vector<int> panel, dropouts;
  ReplacementOutcome outcome;
  std::string panel_text;  // --panel as read
};

// --publish: the inputs, the report and the manifest in flags.publish; the
// report names the inputs by their published file names. A `replacement`
// also writes panel.txt, and the manifest names its drop-outs.
Result<void> Publish(const Flags& flags, const Loaded& l, nlohmann::json result,
                     const ReplacementRun* replacement = nullptr) {
  result["inputs"]["categories"] = kPublishedCategories;
  result["inputs"]["respondents"] = kPublishedRespondents;
  PublishedSettings settings{flags.seed,    flags.algorithm,   flags.panel_size,
                             flags.tickets, flags.legacy_runs, flags.address_columns};
  if (flags.algorithm == "leximin" || flags.algorithm == "nash") settings.method = flags.method;
  if (!replacement) {
    return WritePublishedFiles(flags.publish,
                               PublishedDrawFiles(l.categories_text, l.respondents_text, result, settings));
  }
  for (int a : replacement->dropouts) settings.replace.push_back(l.instance.agents[a].id);
  return WritePublishedFiles(flags.publish, PublishedReplacementFiles(l.categories_text, l.respondents_text,
                                                                      replacement->panel_text, result, settings));
}

// A new panel. Writes the report to `out`.
Result<void> Draw(const Flags& flags, const Loaded& l, const DrawOptions& options, Solvers& solvers,
                  const i18n::Catalog& catalog, std::ostream& out) {
  WP_ASSIGN_OR_RETURN(auto outcome, DrawPanel(l.instance, options, solvers));
  std::optional<DrawStory> story;
  if (!flags.explain.empty()) story = TellDraw(l.instance, options, outcome, StoryTranslator(flags, catalog));
  if (!flags.json) {
    if (!flags.publish.empty()) WP_TRY_VOID(Publish(flags, l, DrawJson(l, options, outcome)));
    if (story) out << DrawStoryText(*story) << "\n";
    out << DrawReportText(l.instance, options, outcome, l.inputs);
    return Ok();
  }
  nlohmann::json j = DrawJson(l, options, outcome);
  if (!flags.publish.empty()) WP_TRY_VOID(Publish(flags, l, j));
  if (story) j["explanation"] = StoryJson(flags.explain, *story);
  out << j.dump(2) << "\n";
  return Ok();
}

// Replacements for the drop-outs in --replace on the panel in --panel.
Result<ReplacementRun> ComputeReplacement(const Flags& flags, const Loaded& l, const DrawOptions& options,
                                          Solvers& solvers) {
  const Instance& instance = l.instance;
  ReplacementRun run;
  if (!ReadText(flags.panel, run.panel_text)) return InvalidInput("cannot read " + flags.panel);
  auto panel_ids = ParsePanelFile(run.panel_text);
  if (!panel_ids.has_value()) return InvalidInput(flags.panel + ": " + panel_ids.error().detail);
  auto panel = ResolveIds(instance, *panel_ids, "panel");
  if (!panel.has_value()) return InvalidInput(flags.panel + ": " + panel.error().detail);
  if (static_cast<int>(panel->size()) != instance.panel_size) {
    return InvalidInput(flags.panel + " holds " + std::to_string(panel->size()) + " members, but --panel-size is " +
                        std::to_string(instance.panel_size));
  }
  run.panel = std::move(*panel);
  std::vector<std::string> dropout_ids;
  for (std::string_view id : Split(flags.replace, ',')) {
    if (!Trim(id).empty()) dropout_ids.emplace_back(Trim(id));
  }
  WP_ASSIGN_OR_RETURN(run.dropouts, ResolveIds(instance, dropout_ids, "--replace"));
  WP_ASSIGN_OR_RETURN(run.outcome, DrawReplacements(instance, run.panel, run.dropouts, options, solvers));
  return run;
}

// Writes the replacement's report to `out` (and its files with --publish).
Result<void> Replace(const Flags& flags, const Loaded& l, const DrawOptions& options, Solvers& solvers,
                     const i18n::Catalog& catalog, std::ostream& out) {
  const Instance& instance = l.instance;
  WP_ASSIGN_OR_RETURN(ReplacementRun run, ComputeReplacement(flags, l, options, solvers));
  nlohmann::json j = ReplacementResultJson(instance, options, run.outcome, run.panel, run.dropouts, l.inputs);
  if (!flags.publish.empty()) WP_TRY_VOID(Publish(flags, l, j, &run));
  std::optional<DrawStory> story;
  if (!flags.explain.empty()) {
    story = TellReplacement(instance, options, run.outcome, run.dropouts, StoryTranslator(flags, catalog));
  }
  if (!flags.json) {
    if (story) out << DrawStoryText(*story) << "\n";
    out << ReplacementReportText(instance, options, run.outcome, run.panel, run.dropouts, l.inputs);
    return Ok();
  }
  if (story) j["explanation"] = StoryJson(flags.explain, *story);
  out << j.dump(2) << "\n";
  return Ok();
}

// Progress of long runs on stderr: a line per level fixed, and while one
// level takes long, one every 5 seconds. None with --quiet.
std::function<void(const FairnessProgress&)> ProgressPrinter(const Flags& flags, std::ostream& err) {
  if (flags.quiet) return nullptr;
  return [&err, levels = -1, printed_at = 0.0](const FairnessProgress& p) mutable {
    if (p.levels_fixed == levels && p.elapsed_seconds < printed_at + 5) return;
    levels = p.levels_fixed;
    printed_at = p.elapsed_seconds;
    char elapsed[32];
    std::snprintf(elapsed, sizeof elapsed, "%.1f", p.elapsed_seconds);
    err << "wijkplatform draw: " << p.levels_fixed << " levels fixed (" << p.types_fixed << " of " << p.types
        << " groups), " << p.columns << " panels, " << elapsed << " s\n";
  };
}

Result<void> Run(const Flags& flags, std::ostream& out, std::ostream& err) {
  WP_ASSIGN_OR_RETURN(Loaded loaded, Load(flags));
  DrawOptions options = OptionsFrom(flags);
  options.progress = ProgressPrinter(flags, err);
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  Solvers solvers{*lp, *mip};
  i18n::Catalog catalog;
  WP_TRY_VOID(catalog.AddFiles(SortitionFiles()));
  return flags.replace.empty() ? Draw(flags, loaded, options, solvers, catalog, out)
                               : Replace(flags, loaded, options, solvers, catalog, out);
}

// The flags that replay a published draw from its folder.
Result<Flags> ReplayFlags(const Flags& flags, const PublishedSettings& settings) {
  Flags replay;
  replay.categories = (std::filesystem::path(flags.verify) / kPublishedCategories).string();
  replay.respondents = (std::filesystem::path(flags.verify) / kPublishedRespondents).string();
  replay.seed = settings.seed;
  replay.algorithm = settings.algorithm;
  replay.panel_size = settings.panel_size;
  replay.tickets = settings.tickets;
  replay.legacy_runs = settings.legacy_runs;
  replay.address_columns = settings.address_columns;
  replay.method = settings.method;
  replay.quiet = flags.quiet;
  if (!settings.replace.empty()) {
    // A replacement: the drop-outs from the manifest, the panel from panel.txt.
    replay.replace = JoinStrings(settings.replace, ",");
    replay.panel = (std::filesystem::path(flags.verify) / kPublishedPanel).string();
  }
  static const std::set<std::string> kAlgorithms = {"leximin", "maximin", "nash", "legacy"};
  if (!kAlgorithms.count(replay.algorithm) || replay.panel_size < 1 || replay.tickets < 1 || replay.seed.empty() ||
      (replay.method != kMethodRelaxationFirst && replay.method != kMethodColumnGeneration)) {
    return InvalidInput(std::string(kPublishedManifest) + ": the settings are not those of a draw");
  }
  return replay;
}

void PrintVerdict(const Flags& flags, const std::vector<DrawDifference>& differences, const nlohmann::json& replayed,
                  std::ostream& out) {
  if (flags.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const DrawDifference& d : differences) {
      list.push_back({{"what", d.what}, {"published", d.published}, {"recomputed", d.recomputed}});
    }
    out << nlohmann::json{{"verified", differences.empty()}, {"folder", flags.verify}, {"differences", list}}.dump(2)
        << "\n";
    return;
  }
  if (differences.empty()) {
    out << "verified: " << flags.verify << " replays exactly: the files match the SHA-256 in the manifest, and seed \""
        << replayed.value("seed", "") << "\" gives the same lottery, ticket and panel of " << replayed["panel"].size();
    if (replayed.contains("replacement")) {
      out << " (" << replayed["replacement"]["replacements"].size() << " replacement(s) for "
          << replayed["replacement"]["dropouts"].size() << " drop-out(s))";
    }
    out << ".\n";
    return;
  }
  out << "NOT verified: " << differences.size() << " difference(s) between " << flags.verify << " and its replay:\n";
  for (const DrawDifference& d : differences) {
    out << "  - " << d.what << ": published " << d.published << "; replay " << d.recomputed << "\n";
  }
}

// The result a published folder's settings give: the draw's --json report,
// or the replacement's.
Result<nlohmann::json> Replay(const Flags& replay, const Loaded& loaded, const DrawOptions& options, Solvers& solvers) {
  if (replay.replace.empty()) {
    WP_ASSIGN_OR_RETURN(auto outcome, DrawPanel(loaded.instance, options, solvers));
    return DrawJson(loaded, options, outcome);
  }
  WP_ASSIGN_OR_RETURN(ReplacementRun run, ComputeReplacement(replay, loaded, options, solvers));
  return ReplacementResultJson(loaded.instance, options, run.outcome, run.panel, run.dropouts, loaded.inputs);
}

// --verify: replays the draw published in flags.verify and compares. Returns
// whether it replays exactly.
Result<bool> Verify(const Flags& flags, std::ostream& out, std::ostream& err) {
  std::vector<DrawDifference> differences;
  WP_ASSIGN_OR_RETURN(PublishedDraw published, ReadPublishedDraw(flags.verify, differences));
  WP_ASSIGN_OR_RETURN(Flags replay, ReplayFlags(flags, published.settings));
  WP_ASSIGN_OR_RETURN(Loaded loaded, Load(replay));
  DrawOptions options = OptionsFrom(replay);
  options.progress = ProgressPrinter(replay, err);
  auto lp = NewClpSolver();
  auto mip = NewCbcSolver();
  Solvers solvers{*lp, *mip};
  Result<nlohmann::json> replayed_result = Replay(replay, loaded, options, solvers);
  nlohmann::json replayed;
  if (replayed_result.has_value()) {
    replayed = std::move(*replayed_result);
    CompareDrawResults(published.result, replayed, differences);
  } else {
    differences.push_back({"draw", replay.replace.empty() ? "a panel" : "replacements",
                           "no draw: " + replayed_result.error().detail});
  }
  PrintVerdict(flags, differences, replayed, out);
  return differences.empty();
}

}  // namespace

nlohmann::json DrawResultJson(const Instance& instance, const DrawOptions& options, const DrawOutcome& outcome,
                              const ReportInputs& inputs) {
  nlohmann::json j = ReportHeader(instance, options, inputs);
  j["panel"] = IdList(instance, outcome.panel);
  j["quotas"] = QuotasJson(instance, outcome.panel);
  j.update(OutcomeJson(instance, options, outcome, nullptr));
  return j;
}

nlohmann::json ReplacementResultJson(const Instance& instance, const DrawOptions& options,
                                     const ReplacementOutcome& outcome, const std::vector<int>& panel,
                                     const std::vector<int>& dropouts, const ReportInputs& inputs) {
  nlohmann::json j = ReportHeader(instance, options, inputs);
  j["panel"] = IdList(instance, outcome.new_panel);
  j["quotas"] = QuotasJson(instance, outcome.new_panel);
  j["replacement"] = {{"previous_panel", IdList(instance, panel)},
                      {"dropouts", IdList(instance, dropouts)},
                      {"kept", IdList(instance, outcome.problem.kept)},
                      {"replacements", IdList(instance, outcome.replacements)},
                      {"remaining_pool_size", outcome.problem.instance.agents.size()}};
  j["replacement"].update(OutcomeJson(outcome.problem.instance, options, outcome.draw, nullptr));
  return j;
}

int RunDrawCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Flags flags;
  if (std::string usage = ParseFlags(args, flags); !usage.empty()) {
    err << "wijkplatform draw: " << usage << "\nRun 'wijkplatform draw --help' for the options.\n";
    return 2;
  }
  if (flags.help) {
    out << kHelp;
    return 0;
  }
  if (!flags.verify.empty()) {
    Result<bool> verified = Verify(flags, out, err);
    if (!verified.has_value()) {
      err << "wijkplatform draw: " << verified.error().detail << "\n";
      return 1;
    }
    return *verified ? 0 : 1;
  }
  Result<void> done = Run(flags, out, err);
  if (!done.has_value()) {
    err << "wijkplatform draw: " << done.error().detail << "\n";
    // With --explain, the same in plain language.
    i18n::Catalog catalog;
    if (!flags.explain.empty() && catalog.AddFiles(SortitionFiles()).has_value()) {
      for (const std::string& line : TellDrawError(done.error(), StoryTranslator(flags, catalog))) err << line << "\n";
    }
    return 1;
  }
  return 0;
}

}  // namespace wp::sortition
