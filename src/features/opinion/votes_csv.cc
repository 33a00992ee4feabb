#include "features/opinion/votes_csv.h"

#include <set>

#include "core/strings.h"

namespace wp::opinion {
namespace {

Error AtLine(int line, const std::string& what) { return InvalidInput("line " + std::to_string(line) + ": " + what); }

// Reads one field starting at text[i]; leaves i on the separator after it.
Result<std::string> Field(std::string_view text, size_t& i, int& line) {
  std::string field;
  if (i >= text.size() || text[i] != '"') {
    while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') field += text[i++];
    return field;
  }
  const int start_line = line;
  for (++i;; ++i) {
    if (i >= text.size()) return AtLine(start_line, "a quoted field is not closed");
    if (text[i] == '"' && i + 1 < text.size() && text[i + 1] == '"') {
      field += '"';
      ++i;
    } else if (text[i] == '"') {
      ++i;
      break;
    } else {
      if (text[i] == '\n') ++line;
      field += text[i];
    }
  }
  if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
    return AtLine(line, "text after a closing quote");
  }
  return field;
}

bool IsBlank(const CsvRow& row) { return row.fields.size() == 1 && Trim(row.fields[0]).empty(); }

Result<void> CheckHeader(const std::vector<CsvRow>& rows, const std::vector<std::string>& names) {
  std::string wanted = JoinStrings(names, ",");
  if (rows.empty()) return InvalidInput("the file is empty; expected the header " + wanted);
  for (size_t c = 0; c < names.size(); ++c) {
    if (rows[0].fields.size() <= c || ToLower(Trim(rows[0].fields[c])) != names[c]) {
      return AtLine(rows[0].line, "expected the header " + wanted);
    }
  }
  return Ok();
}

Result<int> ParseVote(std::string_view text, int line) {
  std::string_view v = Trim(text);
  if (v == "1" || v == "+1") return kAgree;
  if (v == "-1") return kDisagree;
  if (v == "0") return kPass;
  return AtLine(line, "the vote must be 1 (agree), -1 (disagree) or 0 (pass), got '" + std::string(v) + "'");
}

}  // namespace

Result<std::vector<CsvRow>> ParseCsv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<CsvRow> rows;
  int line = 1;
  CsvRow row{line, {}};
  size_t i = 0;
  while (i < text.size()) {
    WP_ASSIGN_OR_RETURN(std::string field, Field(text, i, line));
    row.fields.push_back(std::move(field));
    if (i < text.size() && text[i] == ',') {
      ++i;
      continue;
    }
    if (i < text.size() && text[i] == '\r') ++i;
    if (i < text.size() && text[i] == '\n') ++i;
    ++line;
    if (!IsBlank(row)) rows.push_back(std::move(row));
    row = CsvRow{line, {}};
  }
  if (!row.fields.empty()) {  // the text ended right after a comma: one more, empty field
    row.fields.emplace_back();
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<VoteRow>> ParseVotesCsv(std::string_view text) {
  WP_ASSIGN_OR_RETURN(auto rows, ParseCsv(text));
  WP_TRY_VOID(CheckHeader(rows, {"participant", "statement", "vote"}));
  std::vector<VoteRow> votes;
  votes.reserve(rows.size() - 1);
  for (size_t r = 1; r < rows.size(); ++r) {
    const int line = rows[r].line;
    const std::vector<std::string>& f = rows[r].fields;
    if (f.size() < 3) return AtLine(line, "expected participant,statement,vote");
    WP_ASSIGN_OR_RETURN(int vote, ParseVote(f[2], line));
    votes.push_back({std::string(Trim(f[0])), std::string(Trim(f[1])), vote});
    if (votes.back().participant.empty() || votes.back().statement.empty()) {
      return AtLine(line, "the participant and statement ids must not be empty");
    }
  }
  if (votes.empty()) return InvalidInput("no votes: the file holds only the header");
  return votes;
}

Result<std::vector<StatementText>> ParseStatementsCsv(std::string_view text) {
  WP_ASSIGN_OR_RETURN(auto rows, ParseCsv(text));
  WP_TRY_VOID(CheckHeader(rows, {"statement", "text"}));
  std::vector<StatementText> out;
  std::set<std::string> seen;
  for (size_t r = 1; r < rows.size(); ++r) {
    const int line = rows[r].line;
    const std::vector<std::string>& f = rows[r].fields;
    if (f.size() < 2) return AtLine(line, "expected statement,text");
    std::string id(Trim(f[0]));
    if (id.empty()) return AtLine(line, "the statement id is empty");
    if (!seen.insert(id).second) return AtLine(line, "statement '" + id + "' is listed twice");
    out.push_back({id, f[1]});
  }
  return out;
}

}  // namespace wp::opinion
