// ArchiveIndex: the archive's full-text index as other features feed it
// (search::Index). Advice and talks register a source in their feature.cc
// and replace their entries when what they describe changes state; the
// archive's own documents are the source "document". Search hits link to
// the page each source names. Sources are added during registration only;
// after that it is thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/search/index.h"

namespace wp::archive {

inline constexpr const char* kDocumentSource = "document";

class ArchiveIndex : public search::Index {
 public:
  explicit ArchiveIndex(db::Database& db) : db_(db) {}

  void AddSource(search::Source source) override;
  // Errors: kInvalidInput for an entry of another source or ref_id, or of
  // an unknown kind; the database's errors.
  Result<void> Replace(db::Connection& c, const std::string& source, int64_t ref_id,
                       const std::vector<search::Entry>& entries) const override;

  // The page of a hit: "/archief/{id}" for a document, else its source's path
  // ("" for a source nobody registered).
  std::string PathOf(const std::string& source, int64_t ref_id) const;
  // Fills the index anew for every registered source from its `all` (one
  // transaction per source), so rows made before a source fed the index, or
  // changed behind its back, are covered. Returns how many entries it holds now.
  Result<int64_t> Rebuild() const;

 private:
  db::Database& db_;
  std::vector<search::Source> sources_;
};

}  // namespace wp::archive
