#include "features/opinion/map/vote_matrix.h"

#include <algorithm>
#include <unordered_map>

namespace wp::opinion {
namespace {

bool AllDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view WithoutLeadingZeros(const std::string& s) {
  size_t first = s.find_first_not_of('0');
  return first == std::string::npos ? std::string_view("0") : std::string_view(s).substr(first);
}

// Sorted unique ids, and each id's index.
std::vector<std::string> SortedUnique(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end(), NaturalLess);
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::unordered_map<std::string, int32_t> IndexOf(const std::vector<std::string>& ids) {
  std::unordered_map<std::string, int32_t> index;
  index.reserve(ids.size());
  for (size_t i = 0; i < ids.size(); ++i) index.emplace(ids[i], static_cast<int32_t>(i));
  return index;
}

Result<void> CheckRows(const std::vector<VoteRow>& rows) {
  if (rows.empty()) return InvalidInput("no votes: the vote matrix is empty");
  for (size_t i = 0; i < rows.size(); ++i) {
    const VoteRow& r = rows[i];
    std::string where = "vote " + std::to_string(i + 1);
    if (r.participant.empty()) return InvalidInput(where + ": the participant id is empty");
    if (r.statement.empty()) return InvalidInput(where + ": the statement id is empty");
    if (r.vote != kAgree && r.vote != kDisagree && r.vote != kPass) {
      return InvalidInput(where + " (participant \"" + r.participant + "\", statement \"" + r.statement +
                          "\"): the vote must be 1 (agree), -1 (disagree) or 0 (pass), got " + std::to_string(r.vote));
    }
  }
  return Ok();
}

struct Cell {
  int32_t p;
  int32_t s;
  int8_t v;
};

}  // namespace

bool NaturalLess(const std::string& a, const std::string& b) {
  bool da = AllDigits(a), db = AllDigits(b);
  if (da != db) return da;
  if (da) {
    std::string_view x = WithoutLeadingZeros(a), y = WithoutLeadingZeros(b);
    if (x.size() != y.size()) return x.size() < y.size();
    if (x != y) return x < y;
  }
  return a < b;
}

int VoteMatrix::StatementsVoted() const {
  std::vector<char> voted(statements.size(), 0);
  for (int32_t s : column) voted[s] = 1;
  return static_cast<int>(std::count(voted.begin(), voted.end(), 1));
}

Result<VoteMatrix> BuildVoteMatrix(const std::vector<VoteRow>& rows, const std::vector<std::string>& extra_statements) {
  WP_TRY_VOID(CheckRows(rows));
  std::vector<std::string> p_ids, s_ids = extra_statements;
  p_ids.reserve(rows.size());
  s_ids.reserve(rows.size() + extra_statements.size());
  for (const VoteRow& r : rows) {
    p_ids.push_back(r.participant);
    s_ids.push_back(r.statement);
  }
  VoteMatrix m;
  m.participants = SortedUnique(std::move(p_ids));
  m.statements = SortedUnique(std::move(s_ids));
  auto p_index = IndexOf(m.participants), s_index = IndexOf(m.statements);
  std::vector<Cell> cells;
  cells.reserve(rows.size());
  for (const VoteRow& r : rows) cells.push_back({p_index[r.participant], s_index[r.statement], static_cast<int8_t>(r.vote)});
  std::sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) { return a.p != b.p ? a.p < b.p : a.s < b.s; });
  m.row_start.assign(m.participants.size() + 1, 0);
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0 && cells[i].p == cells[i - 1].p && cells[i].s == cells[i - 1].s) {
      return InvalidInput("participant \"" + m.participants[cells[i].p] + "\" voted twice on statement \"" +
                          m.statements[cells[i].s] + "\" (the published matrix must hold each vote once)");
    }
    ++m.row_start[cells[i].p + 1];
    m.column.push_back(cells[i].s);
    m.value.push_back(cells[i].v);
  }
  for (size_t p = 0; p < m.participants.size(); ++p) m.row_start[p + 1] += m.row_start[p];
  return m;
}

}  // namespace wp::opinion
