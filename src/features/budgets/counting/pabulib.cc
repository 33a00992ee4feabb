#include "features/budgets/counting/pabulib.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <set>
#include <sstream>
#include <unordered_set>

#include "core/strings.h"

namespace wp::budgets::counting {
namespace {

// One CSV record: its fields and the line it starts on (1-based).
struct Record {
  std::vector<std::string> fields;
  int line = 0;
};

Error ParseError(std::string_view file, int line, const std::string& reason) {
  return InvalidInput(std::string(file) + ":" + std::to_string(line) + ": " + reason);
}

// Splits the whole text into records with a CSV state machine (';' separator,
// '"' quotes with "" escapes, newlines allowed inside quotes and stored as
// LF). Unquoted fields are trimmed; blank lines are dropped.
Result<std::vector<Record>> Tokenize(std::string_view text, std::string_view file) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<Record> records;
  Record current;
  std::string field;
  bool field_quoted = false;
  bool after_quote = false;  // just closed a quoted field
  int line = 1;
  current.line = 1;
  auto end_field = [&] {
    current.fields.push_back(field_quoted ? field : std::string(Trim(field)));
    field.clear();
    field_quoted = false;
    after_quote = false;
  };
  auto end_record = [&] {
    end_field();
    bool blank = current.fields.size() == 1 && current.fields[0].empty();
    if (!blank) records.push_back(std::move(current));
    current = Record{};
    current.line = line;
  };
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '"' && !field_quoted && Trim(field).empty() && !after_quote) {
      field.clear();
      field_quoted = true;
      int quote_line = line;
      ++i;
      for (;;) {
        if (i >= text.size()) return ParseError(file, quote_line, "unterminated quoted field");
        char q = text[i];
        if (q == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (q == '\n' || q == '\r') {
          // Every line break inside quotes (LF, CRLF, a lone CR) is stored as
          // LF, so what the writer writes back reads the same.
          if (q == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
          ++line;
          field.push_back('\n');
          ++i;
          continue;
        }
        field.push_back(q);
        ++i;
      }
      after_quote = true;
      continue;
    }
    if (c == ';') {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++line;
      end_record();
    } else if (after_quote) {
      if (c != ' ' && c != '\t') return ParseError(file, line, "unexpected text after a closing quote");
    } else {
      field.push_back(c);
    }
    ++i;
  }
  if (!current.fields.empty() || !field.empty() || field_quoted) end_record();
  return records;
}

bool IsSectionTitle(const Record& r, std::string_view name) {
  return r.fields.size() == 1 && EqualsIgnoreCase(r.fields[0], name);
}

std::optional<int64_t> ParseInt(std::string_view s) {
  s = Trim(s);
  int64_t v = 0;
  if (s.empty()) return std::nullopt;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

// "a,b,c" -> {"a","b","c"}; "" -> {}.
std::vector<std::string> SplitList(std::string_view s) {
  std::vector<std::string> out;
  if (Trim(s).empty()) return out;
  for (std::string_view part : Split(s, ',')) out.emplace_back(Trim(part));
  return out;
}

void SetMetaValue(std::vector<std::pair<std::string, std::string>>& meta, const std::string& key,
                  const std::string& value) {
  for (auto& [k, v] : meta) {
    if (k == key) {
      v = value;
      return;
    }
  }
  meta.emplace_back(key, value);
}

bool HasDuplicate(const std::vector<std::string>& ids) {
  if (ids.size() < 16) {
    for (size_t i = 0; i < ids.size(); ++i) {
      for (size_t j = 0; j < i; ++j) {
        if (ids[i] == ids[j]) return true;
      }
    }
    return false;
  }
  std::set<std::string_view> seen(ids.begin(), ids.end());
  return seen.size() != ids.size();
}

bool IsMissing(const std::string& cell) { return cell == "None"; }

// Quotes a field that the reader would split, end or trim: Tokenize trims
// unquoted fields with Trim (std::isspace, so also \v and \f).
std::string QuoteIfNeeded(const std::string& s) {
  bool needs = s.find_first_of(";\"\n\r") != std::string::npos || (!s.empty() && Trim(s).size() != s.size());
  if (!needs) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string JoinInts(const std::vector<int64_t>& v) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out.push_back(',');
    out += std::to_string(v[i]);
  }
  return out;
}

int ColumnIndex(const std::vector<std::string>& header, std::string_view name) {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

Result<void> CheckHeader(const Record& header, std::string_view file, std::string_view section) {
  std::set<std::string> seen;
  for (const std::string& col : header.fields) {
    if (col.empty()) return ParseError(file, header.line, std::string("empty column name in ") + std::string(section));
    if (!seen.insert(col).second) {
      return ParseError(file, header.line, "duplicate column '" + col + "' in " + std::string(section));
    }
  }
  return Ok();
}

Result<void> CheckFieldCount(const Record& r, size_t expected, std::string_view file) {
  if (r.fields.size() != expected) {
    return ParseError(file, r.line,
                      "expected " + std::to_string(expected) + " fields, got " + std::to_string(r.fields.size()));
  }
  return Ok();
}

}  // namespace

std::string_view VoteTypeName(VoteType type) {
  switch (type) {
    case VoteType::kApproval:
      return "approval";
    case VoteType::kChooseOne:
      return "choose-1";
    case VoteType::kCumulative:
      return "cumulative";
    case VoteType::kScoring:
      return "scoring";
    case VoteType::kOrdinal:
      return "ordinal";
  }
  return "approval";
}

std::optional<VoteType> ParseVoteType(std::string_view name) {
  for (VoteType t :
       {VoteType::kApproval, VoteType::kChooseOne, VoteType::kCumulative, VoteType::kScoring, VoteType::kOrdinal}) {
    if (EqualsIgnoreCase(Trim(name), VoteTypeName(t))) return t;
  }
  return std::nullopt;
}

std::optional<std::string> PbInstance::Meta(std::string_view key) const {
  for (const auto& [k, v] : meta) {
    if (k == key) return v;
  }
  return std::nullopt;
}

void PbInstance::SetMeta(const std::string& key, const std::string& value) { SetMetaValue(meta, key, value); }

std::string FormatAmount(int64_t cents) {
  std::string sign = cents < 0 ? "-" : "";
  uint64_t abs = cents < 0 ? static_cast<uint64_t>(-(cents + 1)) + 1 : static_cast<uint64_t>(cents);
  std::string out = sign + std::to_string(abs / 100);
  uint64_t frac = abs % 100;
  if (frac != 0) {
    out += '.';
    out += static_cast<char>('0' + frac / 10);
    if (frac % 10 != 0) out += static_cast<char>('0' + frac % 10);
  }
  return out;
}

std::optional<int64_t> ParseAmount(std::string_view text) {
  text = Trim(text);
  size_t sep = text.find_first_of(".,");
  std::string_view whole = text.substr(0, sep);
  std::string_view frac = sep == std::string_view::npos ? std::string_view() : text.substr(sep + 1);
  if (whole.empty() || whole.size() > 15) return std::nullopt;
  if (sep != std::string_view::npos && frac.empty()) return std::nullopt;
  int64_t cents = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    cents = cents * 10 + (c - '0');
  }
  cents *= 100;
  for (size_t i = 0; i < frac.size(); ++i) {
    char c = frac[i];
    if (c < '0' || c > '9') return std::nullopt;
    if (i == 0)
      cents += 10 * (c - '0');
    else if (i == 1)
      cents += c - '0';
    else if (c != '0')
      return std::nullopt;  // sub-cent amounts would not be exact
  }
  return cents;
}

namespace {

// Reads the records of one file section by section into a PbInstance.
class PabulibReader {
 public:
  PabulibReader(std::vector<Record> records, std::string_view file) : records_(std::move(records)), file_(file) {}

  Result<PbInstance> Read() {
    WP_TRY_VOID(ReadMeta());
    WP_TRY_VOID(ReadProjects());
    WP_TRY_VOID(ReadVotes());
    WP_TRY_VOID(CheckDeclaredCounts());
    return std::move(inst_);
  }

 private:
  Error Fail(int line, const std::string& reason) const { return ParseError(file_, line, reason); }
  int KeyLine(const std::string& key) const {
    auto it = line_of_.find(key);
    return it != line_of_.end() ? it->second : meta_line_;
  }

  Result<void> ExpectTitle(std::string_view name) {
    if (i_ >= records_.size()) {
      return Fail(records_.empty() ? 1 : records_.back().line, "missing section " + std::string(name));
    }
    if (!IsSectionTitle(records_[i_], name)) {
      return Fail(records_[i_].line,
                  "expected section " + std::string(name) + ", found '" + records_[i_].fields[0] + "'");
    }
    ++i_;
    if (i_ >= records_.size()) return Fail(records_[i_ - 1].line, "missing column header after " + std::string(name));
    return Ok();
  }

  Result<void> ReadMeta() {
    WP_TRY_VOID(ExpectTitle("META"));
    ++i_;  // the "key;value" header
    for (; i_ < records_.size() && !IsSectionTitle(records_[i_], "PROJECTS"); ++i_) {
      const Record& r = records_[i_];
      if (r.fields.size() < 2) return Fail(r.line, "META row needs key;value");
      if (r.fields.size() > 2) {
        bool rest_empty = std::all_of(r.fields.begin() + 2, r.fields.end(), [](const auto& f) { return f.empty(); });
        if (!rest_empty) return Fail(r.line, "META row has more than two fields");
      }
      if (inst_.Meta(r.fields[0])) return Fail(r.line, "duplicate META key '" + r.fields[0] + "'");
      inst_.meta.emplace_back(r.fields[0], r.fields[1]);
      meta_line_ = r.line;
      line_of_[r.fields[0]] = r.line;
    }
    auto budget_text = inst_.Meta("budget");
    if (!budget_text) return Fail(meta_line_, "META has no budget");
    auto budget = ParseAmount(*budget_text);
    if (!budget) return Fail(KeyLine("budget"), "budget '" + *budget_text + "' is not an amount");
    inst_.budget_cents = *budget;
    inst_.SetMeta("budget", FormatAmount(*budget));
    auto vote_type_text = inst_.Meta("vote_type");
    if (!vote_type_text) return Fail(meta_line_, "META has no vote_type");
    auto vote_type = ParseVoteType(*vote_type_text);
    if (!vote_type) return Fail(KeyLine("vote_type"), "unknown vote_type '" + *vote_type_text + "'");
    inst_.vote_type = *vote_type;
    inst_.SetMeta("vote_type", std::string(VoteTypeName(*vote_type)));
    return Ok();
  }

  Result<void> ReadProjects() {
    WP_TRY_VOID(ExpectTitle("PROJECTS"));
    const Record& header = records_[i_++];
    WP_TRY_VOID(CheckHeader(header, file_, "PROJECTS"));
    inst_.project_columns = header.fields;
    const int id_col = ColumnIndex(inst_.project_columns, "project_id");
    const int cost_col = ColumnIndex(inst_.project_columns, "cost");
    if (id_col < 0) return Fail(header.line, "PROJECTS has no project_id column");
    if (cost_col < 0) return Fail(header.line, "PROJECTS has no cost column");
    for (; i_ < records_.size() && !IsSectionTitle(records_[i_], "VOTES"); ++i_) {
      const Record& r = records_[i_];
      WP_TRY_VOID(CheckFieldCount(r, inst_.project_columns.size(), file_));
      WP_ASSIGN_OR_RETURN(PbProject p, ReadProject(r, id_col, cost_col));
      if (!project_ids_.insert(p.id).second) return Fail(r.line, "duplicate project_id '" + p.id + "'");
      inst_.projects.push_back(std::move(p));
    }
    return Ok();
  }

  Result<PbProject> ReadProject(const Record& r, int id_col, int cost_col) const {
    PbProject p;
    for (size_t c = 0; c < r.fields.size(); ++c) {
      const std::string& col = inst_.project_columns[c];
      const std::string& cell = r.fields[c];
      if (static_cast<int>(c) == id_col) {
        if (cell.empty() || IsMissing(cell)) return Fail(r.line, "empty project_id");
        p.id = cell;
      } else if (static_cast<int>(c) == cost_col) {
        auto cost = ParseAmount(cell);
        if (!cost) return Fail(r.line, "cost '" + cell + "' is not an amount");
        p.cost_cents = *cost;
      } else if (IsMissing(cell)) {
        continue;
      } else if (col == "name") {
        p.name = cell;
      } else if (col == "category") {
        p.categories = SplitList(cell);
      } else if (col == "target") {
        p.targets = SplitList(cell);
      } else if (col == "selected") {
        auto v = ParseInt(cell);
        if (!v || *v < 0 || *v > 2) return Fail(r.line, "selected '" + cell + "' is not 0, 1 or 2");
        p.selected = static_cast<int>(*v);
      } else {
        p.other[col] = cell;
      }
    }
    return p;
  }

  struct VoteColumns {
    int voter = -1, vote = -1, points = -1;
    bool needs_points = false;
  };

  Result<void> ReadVotes() {
    WP_TRY_VOID(ExpectTitle("VOTES"));
    const Record& header = records_[i_++];
    WP_TRY_VOID(CheckHeader(header, file_, "VOTES"));
    inst_.vote_columns = header.fields;
    VoteColumns cols{ColumnIndex(inst_.vote_columns, "voter_id"), ColumnIndex(inst_.vote_columns, "vote"),
                     ColumnIndex(inst_.vote_columns, "points"),
                     inst_.vote_type == VoteType::kCumulative || inst_.vote_type == VoteType::kScoring};
    if (cols.voter < 0) return Fail(header.line, "VOTES has no voter_id column");
    if (cols.vote < 0) return Fail(header.line, "VOTES has no vote column");
    if (cols.needs_points && cols.points < 0) {
      return Fail(header.line, "VOTES has no points column, required for this vote_type");
    }
    for (; i_ < records_.size(); ++i_) {
      const Record& r = records_[i_];
      if (r.fields.size() == 1 &&
          (IsSectionTitle(r, "META") || IsSectionTitle(r, "PROJECTS") || IsSectionTitle(r, "VOTES"))) {
        return Fail(r.line, "section " + r.fields[0] + " out of order");
      }
      WP_TRY_VOID(CheckFieldCount(r, inst_.vote_columns.size(), file_));
      WP_ASSIGN_OR_RETURN(PbVote v, ReadVote(r, cols));
      inst_.votes.push_back(std::move(v));
    }
    return Ok();
  }

  Result<PbVote> ReadVote(const Record& r, const VoteColumns& cols) {
    PbVote v;
    std::string points_text;
    for (size_t c = 0; c < r.fields.size(); ++c) {
      const std::string& col = inst_.vote_columns[c];
      const std::string& cell = r.fields[c];
      if (static_cast<int>(c) == cols.voter) {
        v.voter_id = cell;
      } else if (static_cast<int>(c) == cols.vote) {
        if (!IsMissing(cell)) v.projects = SplitList(cell);
      } else if (static_cast<int>(c) == cols.points && cols.needs_points) {
        if (!IsMissing(cell)) points_text = cell;
      } else if (!IsMissing(cell)) {
        v.other[col] = cell;
      }
    }
    if (v.voter_id.empty() || IsMissing(v.voter_id)) return Fail(r.line, "empty voter_id");
    if (!voter_ids_.insert(v.voter_id).second) return Fail(r.line, "duplicate voter_id '" + v.voter_id + "'");
    for (const std::string& id : v.projects) {
      if (!project_ids_.count(id)) return Fail(r.line, "vote names unknown project '" + id + "'");
    }
    WP_TRY_VOID(CheckBallotProjects(r, v));
    if (cols.needs_points) {
      for (const std::string& p : SplitList(points_text)) {
        auto pts = ParseInt(p);
        if (!pts) return Fail(r.line, "points '" + p + "' is not an integer");
        v.points.push_back(*pts);
      }
      if (v.points.size() != v.projects.size()) return Fail(r.line, "vote and points have different lengths");
    }
    return v;
  }

  // Approval and choose-1 ballots are sets (a repeated id counts once);
  // in ranked and scored ballots a repeated id is an error.
  Result<void> CheckBallotProjects(const Record& r, PbVote& v) const {
    const bool has_duplicate = HasDuplicate(v.projects);
    if (inst_.vote_type == VoteType::kApproval || inst_.vote_type == VoteType::kChooseOne) {
      if (has_duplicate) {  // a set: keep the first of each id
        std::vector<std::string> unique;
        for (std::string& id : v.projects) {
          if (std::find(unique.begin(), unique.end(), id) == unique.end()) unique.push_back(std::move(id));
        }
        v.projects = std::move(unique);
      }
      if (inst_.vote_type == VoteType::kChooseOne && v.projects.size() > 1) {
        return Fail(r.line, "a choose-1 ballot names more than one project");
      }
    } else if (has_duplicate) {
      return Fail(r.line, "a project appears twice in one ballot");
    }
    return Ok();
  }

  Result<void> CheckDeclaredCounts() {
    for (const auto& [key, count] : {std::pair<const char*, size_t>{"num_projects", inst_.projects.size()},
                                     std::pair<const char*, size_t>{"num_votes", inst_.votes.size()}}) {
      if (auto declared = inst_.Meta(key)) {
        auto n = ParseInt(*declared);
        if (!n || *n != static_cast<int64_t>(count)) {
          return Fail(KeyLine(key),
                      std::string(key) + " is " + *declared + " but the file has " + std::to_string(count));
        }
      }
      inst_.SetMeta(key, std::to_string(count));  // keeps parse -> write -> parse the identity
    }
    return Ok();
  }

  std::vector<Record> records_;
  std::string_view file_;
  size_t i_ = 0;
  PbInstance inst_;
  int meta_line_ = 0;
  std::map<std::string, int> line_of_;  // META key -> its line, for messages
  std::unordered_set<std::string> project_ids_, voter_ids_;
};

}  // namespace

Result<PbInstance> ParsePabulib(std::string_view text, std::string_view file) {
  WP_ASSIGN_OR_RETURN(std::vector<Record> records, Tokenize(text, file));
  return PabulibReader(std::move(records), file).Read();
}

Result<PbInstance> ReadPabulibFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(path + ": cannot open file");
  std::ostringstream buf;
  buf << in.rdbuf();
  return ParsePabulib(buf.str(), path);
}

std::string WritePabulib(const PbInstance& inst) {
  std::string out = "META\nkey;value\n";
  std::vector<std::pair<std::string, std::string>> meta = inst.meta;
  SetMetaValue(meta, "num_projects", std::to_string(inst.projects.size()));
  SetMetaValue(meta, "num_votes", std::to_string(inst.votes.size()));
  SetMetaValue(meta, "budget", FormatAmount(inst.budget_cents));
  SetMetaValue(meta, "vote_type", std::string(VoteTypeName(inst.vote_type)));
  for (const auto& [k, v] : meta) out += QuoteIfNeeded(k) + ";" + QuoteIfNeeded(v) + "\n";

  auto write_row = [&out](const std::vector<std::string>& cells) {
    for (size_t c = 0; c < cells.size(); ++c) {
      if (c) out.push_back(';');
      out += QuoteIfNeeded(cells[c]);
    }
    out.push_back('\n');
  };
  out += "PROJECTS\n";
  write_row(inst.project_columns);
  for (const PbProject& p : inst.projects) {
    std::vector<std::string> cells;
    for (const std::string& col : inst.project_columns) {
      if (col == "project_id")
        cells.push_back(p.id);
      else if (col == "cost")
        cells.push_back(FormatAmount(p.cost_cents));
      else if (col == "name")
        cells.push_back(p.name);
      else if (col == "category")
        cells.push_back(JoinStrings(p.categories, ","));
      else if (col == "target")
        cells.push_back(JoinStrings(p.targets, ","));
      else if (col == "selected")
        cells.push_back(p.selected ? std::to_string(*p.selected) : "None");
      else {
        auto it = p.other.find(col);
        cells.push_back(it == p.other.end() ? "None" : it->second);
      }
    }
    write_row(cells);
  }
  out += "VOTES\n";
  write_row(inst.vote_columns);
  for (const PbVote& v : inst.votes) {
    std::vector<std::string> cells;
    for (const std::string& col : inst.vote_columns) {
      if (col == "voter_id")
        cells.push_back(v.voter_id);
      else if (col == "vote")
        cells.push_back(JoinStrings(v.projects, ","));
      else if (col == "points" && (inst.vote_type == VoteType::kCumulative || inst.vote_type == VoteType::kScoring))
        cells.push_back(JoinInts(v.points));
      else {
        auto it = v.other.find(col);
        cells.push_back(it == v.other.end() ? "None" : it->second);
      }
    }
    write_row(cells);
  }
  return out;
}

}  // namespace wp::budgets::counting
