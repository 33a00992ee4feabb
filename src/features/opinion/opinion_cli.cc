#include "features/opinion/opinion_cli.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/flags.h"
#include "core/strings.h"
#include "features/opinion/map/opinion_map.h"
#include "features/opinion/votes_csv.h"

namespace wp::opinion {
namespace {

using nlohmann::json;

constexpr char kUsage[] =
    R"(Usage: wijkplatform opinion-map --votes FILE.csv [--statements FILE.csv] [--seed N] [--min-votes N] [--json]

Recomputes the opinion map of a conversation from its published anonymous vote matrix: where each
participant stands on a 2-D map (PCA of the votes, missing votes imputed with the statement's mean),
the opinion groups (k-means, k from 2 to 5 by the best mean silhouette), the statements a majority of
every group agrees or disagrees with (consensus), and the statements that set each group apart
(representative). The same files, seed and settings give the same map, byte for byte.

Files:
  votes       CSV with header participant,statement,vote; vote 1 (agree), -1 (disagree) or 0 (pass);
              each (participant, statement) pair at most once; a missing pair = not seen
  statements  CSV with header statement,text (optional): texts for the summary, and statements
              nobody voted on yet; every statement in the votes must be listed

Participants with fewer votes than --min-votes are placed on the map and told the nearest group, but
do not shape the groups or count in the group statistics.

Exit status: 0 on success, 2 on a usage error, 1 on an unreadable or malformed file.)";

std::vector<FlagSpec> Specs() {
  return {
      {"votes", true, false, "the vote matrix, CSV participant,statement,vote (required)", "FILE"},
      {"statements", true, false, "statement texts, CSV statement,text", "FILE"},
      {"seed", true, false, "seed of the k-means++ starts, a whole number >= 0 (default 1)", "N"},
      {"min-votes", true, false, "votes needed to shape the groups (default 7, or all statements if fewer)", "N"},
      {"json", false, false, "print everything as JSON: positions, groups, statistics, settings, input SHA-256"},
      {"help", false, false, "show this help"},
  };
}

struct Input {
  std::string votes_file, statements_file, votes_sha256, statements_sha256;
  VoteMatrix matrix;
  std::map<std::string, std::string> text;  // statement id -> text
};

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return InvalidInput("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Result<uint64_t> ParseWhole(const std::string& flag, const std::string& value, uint64_t min) {
  uint64_t v = 0;
  bool ok = !value.empty() && value.size() <= 19 && value.find_first_not_of("0123456789") == std::string::npos;
  if (ok) v = std::stoull(value);
  if (!ok || v < min) return InvalidInput("--" + flag + " must be a whole number >= " + std::to_string(min));
  return v;
}

Result<MapSettings> SettingsFrom(const Flags& flags) {
  MapSettings s;
  if (auto seed = flags.Get("seed")) {
    WP_ASSIGN_OR_RETURN(s.groups.seed, ParseWhole("seed", *seed, 0));
  }
  if (auto min_votes = flags.Get("min-votes")) {
    WP_ASSIGN_OR_RETURN(uint64_t n, ParseWhole("min-votes", *min_votes, 1));
    s.groups.min_votes = static_cast<int>(std::min<uint64_t>(n, 1'000'000));
  }
  return s;
}

Result<void> ReadStatements(const std::string& path, Input& in, std::vector<std::string>& ids) {
  WP_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  auto statements = ParseStatementsCsv(text);
  if (!statements.has_value()) return InvalidInput(path + ": " + statements.error().detail);
  in.statements_file = path;
  in.statements_sha256 = Sha256Hex(text);
  for (const StatementText& s : *statements) {
    ids.push_back(s.id);
    in.text[s.id] = s.text;
  }
  return Ok();
}

Result<Input> Load(const Flags& flags) {
  Input in;
  in.votes_file = *flags.Get("votes");
  WP_ASSIGN_OR_RETURN(std::string text, ReadFile(in.votes_file));
  in.votes_sha256 = Sha256Hex(text);
  auto rows = ParseVotesCsv(text);
  if (!rows.has_value()) return InvalidInput(in.votes_file + ": " + rows.error().detail);
  std::vector<std::string> listed;
  if (auto path = flags.Get("statements")) WP_TRY_VOID(ReadStatements(*path, in, listed));
  auto matrix = BuildVoteMatrix(*rows, listed);
  if (!matrix.has_value()) return InvalidInput(in.votes_file + ": " + matrix.error().detail);
  in.matrix = std::move(*matrix);
  if (!in.statements_file.empty() && in.matrix.statements.size() != listed.size()) {
    for (const std::string& id : in.matrix.statements) {
      if (!in.text.count(id))
        return InvalidInput("statement '" + id + "' has votes but is not in " + in.statements_file);
    }
  }
  return in;
}

json GroupRef(int g) { return g < 0 ? json(nullptr) : json(GroupLabel(g)); }

json Number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

json LeaningJson(const Leaning& l) {
  return {{"p", l.p}, {"test", l.test}, {"ratio", l.ratio}, {"rest_test", l.rest_test}};
}

json SettingsJson(const MapSettings& s, const OpinionMap& map) {
  return {{"seed", s.groups.seed},
          {"min_votes", s.groups.min_votes},
          {"vote_threshold", map.groups.vote_threshold},
          {"min_grouped", s.groups.min_grouped},
          {"k_range", {s.groups.min_k, s.groups.max_k}},
          {"k_criterion", "highest mean silhouette; a tie goes to the smaller k"},
          {"kmeans_restarts", s.groups.restarts},
          {"silhouette_sample", s.groups.silhouette_sample},
          {"imputation", "statement mean; positions scaled by sqrt(M / votes)"},
          {"projection_block", s.projection.block},
          {"projection_tolerance", s.projection.tolerance},
          {"z", s.statements.z},
          {"max_representative", s.statements.max_representative},
          {"max_consensus", s.statements.max_consensus}};
}

json ParticipantsJson(const Input& in, const OpinionMap& map) {
  json list = json::array();
  for (int p = 0; p < in.matrix.Participants(); ++p) {
    const Point& at = map.projection.participant[p];
    list.push_back({{"id", in.matrix.participants[p]},
                    {"x", at.x},
                    {"y", at.y},
                    {"votes", in.matrix.VotesOf(p)},
                    {"group", GroupRef(map.groups.group[p])},
                    {"nearest_group", GroupRef(map.groups.nearest_group[p])}});
  }
  return list;
}

json GroupsJson(const OpinionMap& map) {
  json list = json::array();
  for (int g = 0; g < map.groups.k(); ++g) {
    list.push_back({{"label", GroupLabel(g)},
                    {"size", map.groups.size[g]},
                    {"x", map.groups.centre[g].x},
                    {"y", map.groups.centre[g].y}});
  }
  return list;
}

json StatementJson(const Input& in, const OpinionMap& map, int j) {
  const StatementStats& s = map.statements.statement[j];
  const std::string& id = in.matrix.statements[j];
  json groups = json::object();
  for (size_t g = 0; g < s.group.size(); ++g) {
    const GroupStatement& gs = s.group[g];
    groups[GroupLabel(static_cast<int>(g))] = {{"agree", gs.counts.agree},
                                               {"disagree", gs.counts.disagree},
                                               {"pass", gs.counts.pass},
                                               {"p_agree", gs.agree.p},
                                               {"p_disagree", gs.disagree.p},
                                               {"agree_stats", LeaningJson(gs.agree)},
                                               {"disagree_stats", LeaningJson(gs.disagree)}};
  }
  const Point& at = map.projection.statement[j];
  return {{"id", id},
          {"text", in.text.count(id) ? json(in.text.at(id)) : json(nullptr)},
          {"agree", s.overall.agree},
          {"disagree", s.overall.disagree},
          {"pass", s.overall.pass},
          {"mean", map.projection.mean[j]},
          {"pc1", map.projection.components.axis[0][j]},
          {"pc2", map.projection.components.axis[1][j]},
          {"x", at.x},
          {"y", at.y},
          {"extremity", std::hypot(at.x, at.y)},
          {"consensus_agree", s.consensus_agree},
          {"consensus_disagree", s.consensus_disagree},
          {"groups", groups}};
}

json RankedJson(const Input& in, const std::vector<RankedStatement>& list) {
  json out = json::array();
  for (const RankedStatement& r : list) {
    out.push_back({{"statement", in.matrix.statements[r.statement]},
                   {"direction", DirectionName(r.direction)},
                   {"metric", r.metric}});
  }
  return out;
}

json MapJson(const Input& in, const MapSettings& settings, const OpinionMap& map) {
  json j;
  j["command"] = "wijkplatform opinion-map";
  j["inputs"] = {{"votes", in.votes_file},
                 {"votes_sha256", in.votes_sha256},
                 {"statements", in.statements_file.empty() ? json(nullptr) : json(in.statements_file)},
                 {"statements_sha256", in.statements_file.empty() ? json(nullptr) : json(in.statements_sha256)}};
  j["settings"] = SettingsJson(settings, map);
  const Components& c = map.projection.components;
  j["counts"] = {{"participants", in.matrix.Participants()},
                 {"statements", in.matrix.Statements()},
                 {"statements_voted", map.projection.statements_voted},
                 {"votes", in.matrix.Votes()},
                 {"grouped", map.groups.grouped.size()}};
  j["projection"] = {
      {"eigenvalues", {c.eigenvalue[0], c.eigenvalue[1]}}, {"iterations", c.iterations}, {"converged", c.converged}};
  json silhouettes = json::object();
  for (size_t i = 0; i < map.groups.silhouette.size(); ++i) {
    silhouettes[std::to_string(settings.groups.min_k + i)] = Number(map.groups.silhouette[i]);
  }
  j["k"] = map.groups.k();
  j["silhouette_by_k"] = silhouettes;
  j["groups"] = GroupsJson(map);
  j["consensus"] = RankedJson(in, map.statements.consensus);
  json rep = json::object();
  for (int g = 0; g < map.groups.k(); ++g) rep[GroupLabel(g)] = RankedJson(in, map.statements.representative[g]);
  j["representative"] = rep;
  j["participants"] = ParticipantsJson(in, map);
  j["statements"] = json::array();
  for (int s = 0; s < in.matrix.Statements(); ++s) j["statements"].push_back(StatementJson(in, map, s));
  return j;
}

std::string Fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string Percent(double share) { return Fixed(100 * share, 0) + "%"; }

// "S1 "text"" for a statement.
std::string Named(const Input& in, int j) {
  const std::string& id = in.matrix.statements[j];
  auto t = in.text.find(id);
  return t == in.text.end() ? id : id + " \"" + t->second + "\"";
}

void PrintGroups(const OpinionMap& map, const MapSettings& settings, std::ostream& out) {
  const Grouping& g = map.groups;
  if (g.k() == 0) {
    out << "Groups: none (fewer than two distinct positions among the grouped participants)\n";
    return;
  }
  out << "Groups: " << g.k() << " (k by the highest mean silhouette:";
  for (size_t i = 0; i < g.silhouette.size(); ++i) {
    if (std::isfinite(g.silhouette[i])) out << " k=" << settings.groups.min_k + i << " " << Fixed(g.silhouette[i], 3);
  }
  out << ")\n";
  for (int k = 0; k < g.k(); ++k) {
    out << "  " << GroupLabel(k) << "  " << g.size[k] << " participants, centre (" << Fixed(g.centre[k].x, 2) << ", "
        << Fixed(g.centre[k].y, 2) << ")\n";
  }
  size_t outside = map.projection.participant.size() - g.grouped.size();
  out << "  not grouped (fewer than " << g.vote_threshold << " votes): " << outside << "\n";
}

// "A 80% B 75%": the share of each group voting in direction d.
std::string GroupShares(const OpinionMap& map, int j, Direction d) {
  std::string s;
  const auto& groups = map.statements.statement[j].group;
  for (size_t g = 0; g < groups.size(); ++g) {
    const VoteCounts& c = groups[g].counts;
    int n = d == Direction::kAgree ? c.agree : c.disagree;
    s += (g ? " " : "") + GroupLabel(static_cast<int>(g)) + " " +
         (c.seen() ? Percent(static_cast<double>(n) / c.seen()) : std::string("-"));
  }
  return s;
}

void PrintStatements(const Input& in, const OpinionMap& map, std::ostream& out) {
  out << "\nConsensus (a majority of every group, and significant overall):\n";
  if (map.statements.consensus.empty()) out << "  none\n";
  for (const RankedStatement& r : map.statements.consensus) {
    out << "  " << DirectionName(r.direction) << "  " << Named(in, r.statement) << "  ("
        << GroupShares(map, r.statement, r.direction) << ")\n";
  }
  out << "\nRepresentative statements (how each group differs from the others, z > 1.2816):\n";
  for (int g = 0; g < map.groups.k(); ++g) {
    out << "  Group " << GroupLabel(g) << ":\n";
    if (map.statements.representative[g].empty()) out << "    none significant\n";
    for (const RankedStatement& r : map.statements.representative[g]) {
      out << "    " << DirectionName(r.direction) << "  " << Named(in, r.statement) << "  ("
          << GroupShares(map, r.statement, r.direction) << ")\n";
    }
  }
}

void PrintText(const Input& in, const MapSettings& settings, const OpinionMap& map, std::ostream& out) {
  out << "Opinion map of " << in.votes_file << " (SHA-256 " << in.votes_sha256 << ")\n"
      << in.matrix.Participants() << " participants, " << in.matrix.Statements() << " statements ("
      << map.projection.statements_voted << " with votes), " << in.matrix.Votes() << " votes; seed "
      << settings.groups.seed << "\n"
      << "Map axes: eigenvalues " << Fixed(map.projection.components.eigenvalue[0], 3) << " and "
      << Fixed(map.projection.components.eigenvalue[1], 3) << " after " << map.projection.components.iterations
      << " iterations" << (map.projection.components.converged ? "" : " (NOT converged)") << "\n";
  PrintGroups(map, settings, out);
  PrintStatements(in, map, out);
}

}  // namespace

int RunOpinionMapCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Flags flags;
  if (auto code = ParseCommandFlags(args, Specs(), kUsage, out, err, flags)) return *code;
  if (!flags.Get("votes")) {
    err << "wijkplatform opinion-map: --votes is required\n" << kUsage << "\n";
    return 2;
  }
  auto settings = SettingsFrom(flags);
  if (!settings.has_value()) {
    err << "wijkplatform opinion-map: " << settings.error().detail << "\n" << kUsage << "\n";
    return 2;
  }
  auto input = Load(flags);
  if (!input.has_value()) return FailCommand(flags, out, err, input.error().detail, 1);
  auto map = BuildOpinionMap(input->matrix, *settings);
  if (!map.has_value()) return FailCommand(flags, out, err, map.error().detail, 1);
  if (flags.Has("json")) {
    out << MapJson(*input, *settings, *map).dump(2) << "\n";
  } else {
    PrintText(*input, *settings, *map, out);
  }
  return 0;
}

}  // namespace wp::opinion
