#include "features/opinion/publish.h"

#include <set>

namespace wp::opinion {

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

PublishedData Publish(const std::vector<StoredStatement>& statements, const std::vector<StoredVote>& votes) {
  PublishedData out;
  out.statements_csv = "statement,text\n";
  std::set<int64_t> published;
  for (const StoredStatement& s : statements) {
    published.insert(s.id);
    out.statements_csv += std::to_string(s.id) + "," + CsvField(s.text) + "\n";
  }
  out.votes_csv = "participant,statement,vote\n";
  for (const StoredVote& v : votes) {
    if (!published.count(v.statement)) continue;
    auto [it, added] = out.number.try_emplace(v.participant, std::to_string(out.number.size() + 1));
    out.votes_csv += it->second + "," + std::to_string(v.statement) + "," + std::to_string(v.vote) + "\n";
  }
  return out;
}

Result<std::optional<PublishedMap>> BuildPublishedMap(const PublishedData& data, uint64_t seed) {
  if (data.number.empty()) return std::optional<PublishedMap>();
  WP_ASSIGN_OR_RETURN(auto rows, ParseVotesCsv(data.votes_csv));
  WP_ASSIGN_OR_RETURN(auto statements, ParseStatementsCsv(data.statements_csv));
  std::vector<std::string> ids;
  for (const StatementText& s : statements) ids.push_back(s.id);
  PublishedMap out;
  WP_ASSIGN_OR_RETURN(out.matrix, BuildVoteMatrix(rows, ids));
  MapSettings settings;
  settings.groups.seed = seed;
  WP_ASSIGN_OR_RETURN(out.map, BuildOpinionMap(out.matrix, settings));
  return std::optional<PublishedMap>(std::move(out));
}

}  // namespace wp::opinion
