#include "features/archive/archive_index.h"

#include "features/archive/archive_store.h"
#include "features/archive/archive_view.h"
#include "features/archive/document.h"

namespace wp::archive {

void ArchiveIndex::AddSource(search::Source source) { sources_.push_back(std::move(source)); }

Result<void> ArchiveIndex::Replace(db::Connection& c, const std::string& source, int64_t ref_id,
                                   const std::vector<search::Entry>& entries) const {
  for (const auto& e : entries) {
    if (e.source != source || e.ref_id != ref_id) return InvalidInput("index entry of another source or id");
    if (!ParseKind(e.kind)) return InvalidInput("index entry of unknown kind " + e.kind);
  }
  WP_TRY_VOID(ArchiveStore::Unindex(c, source, ref_id));
  for (const auto& e : entries) {
    WP_TRY_VOID(ArchiveStore::AddToIndex(c, {e.source, e.ref_id, e.platform_id, e.kind, e.at, e.title, e.body}));
  }
  return Ok();
}

std::string ArchiveIndex::PathOf(const std::string& source, int64_t ref_id) const {
  if (source == kDocumentSource) return DocumentPath(ref_id);
  for (const auto& s : sources_) {
    if (s.name == source) return s.path(ref_id);
  }
  return "";
}

Result<int64_t> ArchiveIndex::Rebuild() const {
  int64_t total = 0;
  for (const auto& s : sources_) {
    WP_ASSIGN_OR_RETURN(int64_t n, db_.Write([&](db::Connection& c) -> Result<int64_t> {
      WP_ASSIGN_OR_RETURN(auto entries, s.all(c));
      WP_TRY_VOID(ArchiveStore::UnindexSource(c, s.name));
      for (const auto& e : entries) {
        if (e.source != s.name || !ParseKind(e.kind)) return InvalidInput("index entry of " + s.name + " is wrong");
        WP_TRY_VOID(ArchiveStore::AddToIndex(c, {e.source, e.ref_id, e.platform_id, e.kind, e.at, e.title, e.body}));
      }
      return static_cast<int64_t>(entries.size());
    }));
    total += n;
  }
  return total;
}

}  // namespace wp::archive
