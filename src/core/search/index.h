// search::Index: the site's full-text index as features feed it. A feature
// registers a source (the page of an entry, and every entry it should have
// now for a rebuild) and replaces its entries inside the transaction that
// changes what they describe, so the index never shows more than is public.
// The archive implements it (features/archive/archive_index.h); app wires it.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"
#include "core/search/entry.h"

namespace wp::search {

struct Source {
  std::string name;  // Entry::source
  // The site path of an entry's page, e.g. "/advies/12".
  std::function<std::string(int64_t ref_id)> path;
  // Every entry of this source that belongs in the index now (public ones only).
  std::function<Result<std::vector<Entry>>(db::Connection&)> all;
};

class Index {
 public:
  virtual ~Index() = default;
  // REQUIRES: during registration, before the app serves; names are unique.
  virtual void AddSource(Source source) = 0;
  // Replaces every entry of (`source`, `ref_id`) by `entries` (empty: it
  // leaves the index), on the caller's connection and transaction. An entry
  // per platform: something asked of two platforms is in both archives.
  virtual Result<void> Replace(db::Connection& c, const std::string& source, int64_t ref_id,
                               const std::vector<Entry>& entries) const = 0;
};

}  // namespace wp::search
