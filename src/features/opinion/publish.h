// The published anonymous data of a conversation, in exactly the formats
// votes_csv.h reads: the vote matrix (participant,statement,vote) with the
// participants renumbered 1..N in the order of their first vote (no token,
// no account, no database id) and the statements (statement,text). With the
// conversation's seed, `wijkplatform opinion-map --votes ... --statements
// ... --seed N` replays the map the site shows (BuildPublishedMap is that
// same path). Pure; thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "features/opinion/map/opinion_map.h"
#include "features/opinion/votes_csv.h"

namespace wp::opinion {

// One stored (latest) vote: internal participant and statement ids.
struct StoredVote {
  int64_t participant = 0;
  int64_t statement = 0;
  int vote = kPass;
};

struct StoredStatement {
  int64_t id = 0;
  std::string text;
};

struct PublishedData {
  std::string votes_csv;       // header participant,statement,vote
  std::string statements_csv;  // header statement,text
  // Internal participant id -> its published number ("1", "2", ...).
  std::map<int64_t, std::string> number;
};

// `statements`: the accepted statements (the only ones published); votes on
// other statements are left out. Participants are numbered by their first
// vote in `votes` order (the caller sorts, e.g. by participant id).
PublishedData Publish(const std::vector<StoredStatement>& statements, const std::vector<StoredVote>& votes);

// A CSV field: quoted when it holds a comma, a quote or a line break.
std::string CsvField(const std::string& text);

// The map of the published files, read back exactly as the CLI reads them.
// nullopt when there are no votes yet. Errors: those of the parsers and of
// BuildOpinionMap.
struct PublishedMap {
  VoteMatrix matrix;
  OpinionMap map;
};
Result<std::optional<PublishedMap>> BuildPublishedMap(const PublishedData& data, uint64_t seed);

}  // namespace wp::opinion
