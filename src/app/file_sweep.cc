#include "app/file_sweep.h"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

namespace wp::app {

namespace {

bool IsIdentifier(const std::string& s) {
  if (s.empty() || !(std::islower(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
  });
}

// Lower-case copy, for matching SQL keywords.
std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::vector<std::string> StoredFileColumnProblems(const std::vector<db::Migration>& migrations,
                                                  const std::vector<web::StoredFileColumn>& registered) {
  std::vector<std::string> problems;
  std::set<std::string> known;
  for (const auto& c : registered) {
    if (!IsIdentifier(c.table) || !IsIdentifier(c.column)) {
      problems.push_back("not a column name: " + c.table + "." + c.column);
    } else {
      known.insert(c.table + "." + c.column);
    }
  }
  static const std::regex kCreate(R"(create\s+table\s+(?:if\s+not\s+exists\s+)?([a-z_][a-z0-9_]*)\s*\()");
  static const std::regex kAlter(R"(alter\s+table\s+([a-z_][a-z0-9_]*)\s+add\s+(?:column\s+)?sha256\b)");
  static const std::regex kColumn(R"((?:^|[(,])\s*sha256\s)");
  for (const auto& m : migrations) {
    std::string sql = Lower(m.sql);
    std::set<std::string> tables;
    for (auto it = std::sregex_iterator(sql.begin(), sql.end(), kCreate); it != std::sregex_iterator(); ++it) {
      // The table's body: up to the parenthesis that closes the one opened.
      size_t open = static_cast<size_t>(it->position(0) + it->length(0)) - 1;
      int depth = 0;
      size_t close = open;
      for (; close < sql.size(); ++close) {
        if (sql[close] == '(') ++depth;
        if (sql[close] == ')' && --depth == 0) break;
      }
      std::string body = sql.substr(open, close - open);
      if (std::regex_search(body, kColumn)) tables.insert((*it)[1].str());
    }
    for (auto it = std::sregex_iterator(sql.begin(), sql.end(), kAlter); it != std::sregex_iterator(); ++it) {
      tables.insert((*it)[1].str());
    }
    for (const std::string& t : tables) {
      if (!known.count(t + ".sha256")) {
        problems.push_back("migration " + m.id + " gives table " + t +
                           " a sha256 column that no feature registered with AddStoredFileColumn");
      }
    }
  }
  return problems;
}

Result<files::SweepReport> SweepUnreferencedFiles(db::Database& db, const files::BlobStore& store,
                                                  const std::vector<db::Migration>& migrations,
                                                  const std::vector<web::StoredFileColumn>& registered,
                                                  files::SweepOptions options) {
  if (auto problems = StoredFileColumnProblems(migrations, registered); !problems.empty()) {
    return Internal("the sweep of unreferenced files does not run: " + problems.front());
  }
  std::vector<std::string> queries;
  for (const auto& c : registered) {
    queries.push_back("SELECT 1 FROM " + c.table + " WHERE " + c.column + " = ? LIMIT 1");
  }
  auto is_referenced = [&](std::string_view sha256) -> Result<bool> {
    return db.Read([&](db::Connection& c) -> Result<bool> {
      for (const std::string& q : queries) {
        WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional(q, {std::string(sha256)}));
        if (row) return true;
      }
      return false;
    });
  };
  return files::SweepUnreferenced(store, is_referenced, options);
}

}  // namespace wp::app
