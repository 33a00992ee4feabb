// Reading and writing participatory-budget elections in the Pabulib `.pb`
// format (sections META, PROJECTS, VOTES, each a `;`-separated table with a
// header row; the format is described on pabulib.org). Pure: parsing works on text; only
// ReadPabulibFile touches the file system.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace wp::budgets::counting {

enum class VoteType { kApproval, kChooseOne, kCumulative, kScoring, kOrdinal };

// "approval", "choose-1", "cumulative", "scoring", "ordinal".
std::string_view VoteTypeName(VoteType type);
std::optional<VoteType> ParseVoteType(std::string_view name);

struct PbProject {
  std::string id;
  int64_t cost_cents = 0;  // exact: "804828.79" is 80482879
  std::string name;        // empty when the file has no name column
  std::vector<std::string> categories;
  std::vector<std::string> targets;
  std::optional<int> selected;  // the official outcome: 0, 1, or 2 (an anomaly)
  // Every other column, raw text, keyed by column name. Cells holding `None`
  // (missing) are absent.
  std::map<std::string, std::string> other;

  bool operator==(const PbProject&) const = default;
};

struct PbVote {
  std::string voter_id;
  // Project ids. Approval/choose-1: a set, duplicates removed, file order kept.
  // Ordinal: most preferred first. Cumulative/scoring: parallel to `points`.
  std::vector<std::string> projects;
  std::vector<int64_t> points;
  std::map<std::string, std::string> other;  // e.g. age, sex, voting_method

  bool operator==(const PbVote&) const = default;
};

// One election. `meta` keeps the file's key order; the values of `budget`,
// `vote_type`, `num_projects` and `num_votes` always mirror the typed fields
// (the writer regenerates them), so parse -> write -> parse is the identity.
struct PbInstance {
  std::vector<std::pair<std::string, std::string>> meta;
  VoteType vote_type = VoteType::kApproval;
  int64_t budget_cents = 0;
  std::vector<std::string> project_columns;  // header order; includes project_id and cost
  std::vector<PbProject> projects;
  std::vector<std::string> vote_columns;  // header order; includes voter_id and vote
  std::vector<PbVote> votes;

  // Meta value for `key`, or nullopt.
  std::optional<std::string> Meta(std::string_view key) const;
  void SetMeta(const std::string& key, const std::string& value);
  bool operator==(const PbInstance&) const = default;
};

// Parses `.pb` text. `file_name` is only used in messages.
// Accepts a UTF-8 BOM, CRLF or LF, blank lines, quoted fields ("" escapes,
// embedded ; and line breaks, each read as LF), spaces around fields, `None`
// cells, and a decimal point or comma in amounts. Returns kInvalidInput with
// "FILE:LINE: reason" on malformed input: missing section or column, wrong
// field count, unknown or duplicate project id, duplicate voter id, bad
// number, more than two decimals in an amount, num_projects/num_votes not
// matching the rows, invalid ballot for its vote_type.
Result<PbInstance> ParsePabulib(std::string_view text, std::string_view file_name = "<input>");

// Reads and parses a file. kNotFound when it cannot be opened.
Result<PbInstance> ReadPabulibFile(const std::string& path);

// Writes `instance` as `.pb` text (LF line endings, fields quoted only when
// needed). REQUIRES: every project id in `votes` is a project of `instance`.
std::string WritePabulib(const PbInstance& instance);

// Amount in cents as Pabulib writes it: "250000" or "804828.79".
std::string FormatAmount(int64_t cents);
// Parses "250000", "804828.79", "400000.0", "12,5" into cents.
// nullopt for negatives, garbage, or a non-zero third decimal.
std::optional<int64_t> ParseAmount(std::string_view text);

}  // namespace wp::budgets::counting
