// ArchiveCommands: the use cases of the archive (collective memory): the
// kernteam or an official uploads a PDF document to a platform's archive
// (checked by content and size, kept outside the database by its hash, its
// text extracted for search) or withdraws one with a reason; everyone reads
// and searches what is public; a council member follows platforms and gets
// one digest e-mail a day. Each change runs in one transaction with its
// history line. Thread-safe.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/files/blob_store.h"
#include "core/files/documents.h"
#include "core/i18n/catalog.h"
#include "core/result.h"
#include "core/time/time_zone.h"
#include "features/accounts/roles.h"
#include "features/archive/archive_index.h"
#include "features/archive/archive_store.h"
#include "features/archive/document.h"
#include "features/archive/permissions.h"
#include "features/archive/text_extractor.h"
#include "features/platforms/directory.h"

namespace wp::archive {

struct ArchiveSettings {
  std::string base_url = "http://127.0.0.1:8080";  // for links in the digest
  std::string site_name = "Wijkplatform";
  size_t max_document_bytes = files::kDefaultMaxDocumentBytes;
  int digest_hour = 7;  // the digest goes out from this local hour on
};

struct Upload {
  std::string file_name;
  std::string bytes;
};

struct DocumentView {
  Document document;
  platforms::Platform platform;
  std::vector<Entry> history;  // with actor names
  bool manage = false;         // the viewer may withdraw it
};

struct Listing {
  std::vector<Document> documents;
  int64_t total = 0;
};

struct SearchQuery {
  std::string text;
  int64_t platform_id = 0;  // 0: every platform
  std::string kind;         // "": every kind
  int64_t page = 1;
  int64_t per_page = 10;
};

struct SearchResult {
  std::vector<Hit> hits;  // without a query: the newest public documents
  int64_t total = 0;
  bool searched = false;  // the query had words
  std::map<int64_t, platforms::Platform> platforms;
};

class ArchiveCommands {
 public:
  ArchiveCommands(db::Database& db, const Clock& clock, const files::BlobStore& files, const TextExtractor& extractor,
                  const platforms::PlatformDirectory& directory, const accounts::Roles& roles,
                  const time::TimeZone& zone, const i18n::Catalog& catalog, const ArchiveIndex& index,
                  ArchiveSettings settings);

  const platforms::PlatformDirectory& directory() const { return directory_; }
  const time::TimeZone& zone() const { return zone_; }
  const ArchiveSettings& settings() const { return settings_; }
  // The page a search hit links to (a document, an advice, a meeting's minutes).
  std::string PathOf(const Hit& hit) const { return index_.PathOf(hit.source, hit.ref_id); }
  // Whether `user` (nullptr: not signed in) may upload to and withdraw from `p`'s archive.
  bool CanManage(const auth::User* user, const platforms::Platform& p) const;
  bool CanFollow(const auth::User* user) const;

  // Adds a document. Errors: kNotFound (archive.platform.not_found),
  // kForbidden (archive.error.forbidden), kInvalidInput with the fields
  // (CheckDocumentForm; "file": files.error.* or archive.error.unreadable_pdf).
  Result<int64_t> AddDocument(const auth::User& user, int64_t platform_id, const DocumentForm& form,
                              const Upload& upload);
  // Withdraws a public document. Errors: kNotFound (archive.document.not_found),
  // kForbidden, kConflict (archive.error.withdrawn), kInvalidInput ("reason").
  Result<void> Withdraw(const auth::User& user, int64_t document_id, const std::string& reason);

  // A public document, or a withdrawn one for those who manage it; a
  // withdrawn one is shown to others with its reason, without the file.
  // Errors: kNotFound (archive.document.not_found).
  Result<DocumentView> DocumentOf(const auth::User* viewer, int64_t document_id) const;
  // The file of a document. Errors: kNotFound; kForbidden
  // (archive.error.withdrawn_file) for a withdrawn one the viewer does not manage.
  Result<std::pair<Document, std::string>> FileOf(const auth::User* viewer, int64_t document_id) const;

  Result<Listing> OfPlatform(int64_t platform_id, const std::string& kind, int64_t page, int64_t per_page) const;
  Result<SearchResult> Search(const SearchQuery& query) const;

  // Errors: kForbidden (archive.error.not_council_member), kNotFound.
  Result<void> Follow(const auth::User& user, int64_t platform_id);
  Result<void> Unfollow(const auth::User& user, int64_t platform_id);
  Result<std::vector<platforms::Platform>> Following(const auth::User& user) const;
  Result<bool> Follows(const auth::User& user, int64_t platform_id) const;

  // Sends today's digest to every council member who has none yet (from
  // settings.digest_hour local time on). Returns how many mails it queued.
  Result<int> SendDigests();

 private:
  Result<void> CheckUpload(const DocumentForm& form, const Upload& upload, CheckedDocument& checked) const;
  Result<void> DigestFor(int64_t user_id, int64_t follow_since, const std::string& day, int64_t now, int& sent);
  std::string DigestBody(const accounts::Person& person, const std::vector<Document>& docs) const;
  Result<platforms::Platform> PlatformById(int64_t id) const;

  db::Database& db_;
  const Clock& clock_;
  const files::BlobStore& files_;
  const TextExtractor& extractor_;
  const platforms::PlatformDirectory& directory_;
  const accounts::Roles& roles_;
  const time::TimeZone& zone_;
  const i18n::Catalog& catalog_;
  const ArchiveIndex& index_;
  ArchiveSettings settings_;
};

}  // namespace wp::archive
