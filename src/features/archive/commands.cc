#include "features/archive/commands.h"

#include <algorithm>
#include <set>

#include "core/mail/outbox.h"
#include "core/time/format.h"

namespace wp::archive {

namespace {

Error DocumentNotFound() { return NotFound("document", "archive.document.not_found"); }
Error NotAllowed() { return Forbidden("may not keep this archive", "archive.error.forbidden"); }

// A file name as people see it: the last path part, at most 120 bytes.
std::string CleanName(const std::string& name) {
  std::string base = name.substr(name.find_last_of("/\\") == std::string::npos ? 0 : name.find_last_of("/\\") + 1);
  if (base.empty()) base = "document.pdf";
  return base.substr(0, 120);
}

}  // namespace

ArchiveCommands::ArchiveCommands(db::Database& db, const Clock& clock, const files::BlobStore& files,
                                 const TextExtractor& extractor, const platforms::PlatformDirectory& directory,
                                 const accounts::Roles& roles, const time::TimeZone& zone, const i18n::Catalog& catalog,
                                 const ArchiveIndex& index, ArchiveSettings settings)
    : db_(db),
      clock_(clock),
      files_(files),
      extractor_(extractor),
      directory_(directory),
      roles_(roles),
      zone_(zone),
      catalog_(catalog),
      index_(index),
      settings_(std::move(settings)) {}

bool ArchiveCommands::CanManage(const auth::User* user, const platforms::Platform& p) const {
  return user && Can(*user, Action::kUpload, std::to_string(p.id), p.borough_slug);
}

bool ArchiveCommands::CanFollow(const auth::User* user) const {
  return user && Can(*user, Action::kFollow, "", "");
}

Result<platforms::Platform> ArchiveCommands::PlatformById(int64_t id) const {
  WP_ASSIGN_OR_RETURN(auto p, directory_.FindById(id));
  if (!p) return NotFound("platform", "archive.platform.not_found");
  return std::move(*p);
}

Result<void> ArchiveCommands::CheckUpload(const DocumentForm& form, const Upload& upload,
                                          CheckedDocument& checked) const {
  checked = CheckDocumentForm(form, time::DateInputValue(zone_, clock_.NowUnixSeconds()));
  if (auto problem = files::CheckPdf(upload.bytes, settings_.max_document_bytes)) {
    checked.errors.push_back({"file", std::string(files::DocumentProblemKey(*problem))});
  }
  if (!checked.errors.empty()) return FormInvalid(std::move(checked.errors));
  return Ok();
}

Result<int64_t> ArchiveCommands::AddDocument(const auth::User& user, int64_t platform_id, const DocumentForm& form,
                                             const Upload& upload) {
  WP_ASSIGN_OR_RETURN(platforms::Platform platform, PlatformById(platform_id));
  if (!CanManage(&user, platform)) return NotAllowed();
  CheckedDocument checked;
  WP_TRY_VOID(CheckUpload(form, upload, checked));
  auto text = extractor_.Extract(upload.bytes);
  if (!text.has_value()) return FormInvalid({{"file", "archive.error.unreadable_pdf"}});
  // The bytes go to the blob store first: a failed transaction leaves an
  // unreferenced file under its hash, never a row without its file.
  WP_ASSIGN_OR_RETURN(files::StoredBlob blob, files_.Put(upload.bytes));
  Document d = std::move(checked.document);
  d.platform_id = platform.id;
  d.file_name = CleanName(upload.file_name);
  d.sha256 = blob.sha256;
  d.size_bytes = blob.size;
  d.uploaded_by = user.id;
  d.created_at = d.updated_at = clock_.NowUnixSeconds();
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(int64_t id, ArchiveStore::Insert(c, d));
    WP_TRY_VOID(ArchiveStore::Append(c, id, {d.created_at, user.id, "", EntryKind::kUploaded, ""}));
    WP_TRY_VOID(ArchiveStore::Index(c, {kDocumentSource, id, d.platform_id, std::string(KindName(d.kind)), d.created_at,
                                        d.title, d.description + "\n" + *text}));
    return id;
  });
}

Result<void> ArchiveCommands::Withdraw(const auth::User& user, int64_t document_id, const std::string& reason) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto found, ArchiveStore::Find(c, document_id));
    if (!found) return DocumentNotFound();
    WP_ASSIGN_OR_RETURN(platforms::Platform platform, PlatformById(found->platform_id));
    if (!Can(user, Action::kWithdraw, std::to_string(platform.id), platform.borough_slug)) return NotAllowed();
    if (found->status == Status::kWithdrawn) return Conflict("already withdrawn", "archive.error.withdrawn");
    auto errors = CheckWithdrawReason(reason);
    if (!errors.empty()) return FormInvalid(std::move(errors));
    int64_t now = clock_.NowUnixSeconds();
    std::string text(Trim(reason));
    WP_TRY_VOID(ArchiveStore::Withdraw(c, document_id, text, now));
    WP_TRY_VOID(ArchiveStore::Unindex(c, kDocumentSource, document_id));
    return ArchiveStore::Append(c, document_id, {now, user.id, "", EntryKind::kWithdrawn, text});
  });
}

Result<DocumentView> ArchiveCommands::DocumentOf(const auth::User* viewer, int64_t document_id) const {
  return db_.Read([&](db::Connection& c) -> Result<DocumentView> {
    WP_ASSIGN_OR_RETURN(auto found, ArchiveStore::Find(c, document_id));
    if (!found) return DocumentNotFound();
    WP_ASSIGN_OR_RETURN(auto platform, directory_.FindById(found->platform_id));
    if (!platform) return DocumentNotFound();
    DocumentView v{std::move(*found), std::move(*platform), {}, false};
    v.manage = CanManage(viewer, v.platform);
    WP_ASSIGN_OR_RETURN(v.history, ArchiveStore::History(c, document_id));
    std::vector<int64_t> ids;
    for (const auto& e : v.history) ids.push_back(e.actor_id);
    WP_ASSIGN_OR_RETURN(auto people, roles_.People(c, ids));
    for (auto& e : v.history) {
      if (auto it = people.find(e.actor_id); it != people.end()) e.actor_name = it->second.display_name;
    }
    return v;
  });
}

Result<std::pair<Document, std::string>> ArchiveCommands::FileOf(const auth::User* viewer,
                                                                 int64_t document_id) const {
  WP_ASSIGN_OR_RETURN(DocumentView v, DocumentOf(viewer, document_id));
  if (v.document.status == Status::kWithdrawn && !v.manage) {
    return Forbidden("withdrawn document", "archive.error.withdrawn_file");
  }
  WP_ASSIGN_OR_RETURN(std::string bytes, files_.Get(v.document.sha256));
  return std::make_pair(std::move(v.document), std::move(bytes));
}

Result<Listing> ArchiveCommands::OfPlatform(int64_t platform_id, const std::string& kind, int64_t page,
                                            int64_t per_page) const {
  return db_.Read([&](db::Connection& c) -> Result<Listing> {
    Listing out;
    WP_ASSIGN_OR_RETURN(out.total, ArchiveStore::CountPublic(c, platform_id, kind));
    WP_ASSIGN_OR_RETURN(out.documents,
                        ArchiveStore::Public(c, platform_id, kind, per_page, (std::max<int64_t>(page, 1) - 1) * per_page));
    return out;
  });
}

Result<SearchResult> ArchiveCommands::Search(const SearchQuery& q) const {
  SearchFilter f{SearchTerms(q.text), q.platform_id, q.kind, q.per_page, (std::max<int64_t>(q.page, 1) - 1) * q.per_page};
  SearchResult out;
  out.searched = !f.terms.empty();
  WP_TRY_VOID(db_.Read([&](db::Connection& c) -> Result<void> {
    if (out.searched) {
      WP_ASSIGN_OR_RETURN(out.total, ArchiveStore::CountSearch(c, f));
      WP_ASSIGN_OR_RETURN(out.hits, ArchiveStore::Search(c, f));
      return Ok();
    }
    WP_ASSIGN_OR_RETURN(out.total, ArchiveStore::CountPublic(c, f.platform_id, f.kind));
    WP_ASSIGN_OR_RETURN(auto docs, ArchiveStore::Public(c, f.platform_id, f.kind, f.limit, f.offset));
    for (const auto& d : docs) {
      out.hits.push_back(
          {kDocumentSource, d.id, d.platform_id, std::string(KindName(d.kind)), d.created_at, d.title, d.description});
    }
    return Ok();
  }));
  for (const auto& h : out.hits) {
    if (out.platforms.contains(h.platform_id)) continue;
    WP_ASSIGN_OR_RETURN(auto p, directory_.FindById(h.platform_id));
    if (p) out.platforms.emplace(h.platform_id, std::move(*p));
  }
  return out;
}

}  // namespace wp::archive
