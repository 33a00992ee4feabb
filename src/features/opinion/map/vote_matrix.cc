#include "features/opinion/map/vote_matrix.h"

#include <algorithm>
#include <unordered_map>

namespace wp::opinion {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view WithoutLeadingZeros(std::string_view s) {
  size_t first = s.find_first_not_of('0');
  return first == std::string::npos ? std::string_view("0") : s.substr(first);
}

// Distinct ids in order of first appearance, and each one's number.
struct IdTable {
  std::unordered_map<std::string_view, int32_t> number;
  std::vector<std::string_view> ids;
  int32_t Add(std::string_view id) {
    auto [it, added] = number.emplace(id, static_cast<int32_t>(ids.size()));
    if (added) ids.push_back(id);
    return it->second;
  }
  // The ids in natural order (into `sorted`) and, per number, its position there.
  std::vector<int32_t> Sort(std::vector<std::string>& sorted) const {
    std::vector<int32_t> order(ids.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int32_t>(i);
    std::sort(order.begin(), order.end(), [&](int32_t a, int32_t b) { return NaturalLess(ids[a], ids[b]); });
    std::vector<int32_t> rank(ids.size());
    for (size_t r = 0; r < order.size(); ++r) {
      rank[order[r]] = static_cast<int32_t>(r);
      sorted.emplace_back(ids[order[r]]);
    }
    return rank;
  }
};

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

bool NaturalLess(std::string_view a, std::string_view b) {
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
  IdTable participants, statements;
  std::vector<Cell> cells;
  cells.reserve(rows.size());
  for (const std::string& s : extra_statements) statements.Add(s);
  for (const VoteRow& r : rows) {
    cells.push_back({participants.Add(r.participant), statements.Add(r.statement), static_cast<int8_t>(r.vote)});
  }
  VoteMatrix m;
  std::vector<int32_t> p_rank = participants.Sort(m.participants), s_rank = statements.Sort(m.statements);
  for (Cell& c : cells) c = {p_rank[c.p], s_rank[c.s], c.v};
  std::sort(cells.begin(), cells.end(),
            [](const Cell& a, const Cell& b) { return a.p != b.p ? a.p < b.p : a.s < b.s; });
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
