// Photos and attachments of an initiative: the initiator adds and removes
// them; the initiator, the municipality and (photos of a public initiative)
// everyone may see them. Photos are re-encoded without metadata
// (core/image/photo.h); documents are PDFs, checked by their first bytes.
#include "core/image/photo.h"
#include "core/strings.h"
#include "features/initiatives/commands.h"

namespace wp::initiatives {

namespace {

// The uploads made ready to store, or the field error of the first that cannot be kept.
Result<std::vector<std::pair<InitiativeFile, std::string>>> Prepare(const std::vector<Upload>& uploads, int64_t now) {
  std::vector<std::pair<InitiativeFile, std::string>> out;
  int photo_number = 0;
  for (const auto& u : uploads) {
    if (u.data.empty()) continue;
    InitiativeFile f;
    f.created_at = now;
    if (image::DetectFormat(u.data)) {
      auto photo = image::ReencodePhoto(u.data);
      if (!photo.has_value()) {
        return FormInvalid({{"files", std::string(image::PhotoProblemKey(photo.error()))}}, "photo refused");
      }
      f.kind = FileKind::kPhoto;
      f.name = "foto-" + std::to_string(++photo_number) + ".jpg";
      f.content_type = "image/jpeg";
      out.emplace_back(f, std::move(photo->jpeg));
    } else if (LooksLikePdf(u.data)) {
      if (u.data.size() > kMaxDocumentBytes) return FormInvalid({{"files", kDocumentTooLarge}}, "document too large");
      f.kind = FileKind::kDocument;
      f.name = CleanDocumentName(u.filename);
      f.content_type = "application/pdf";
      out.emplace_back(f, u.data);
    } else {
      return FormInvalid({{"files", kNotAFile}}, "neither a photo nor a PDF");
    }
  }
  if (out.empty()) return FormInvalid({{"files", kMissing}}, "no file");
  return out;
}

Result<void> RequireNotClosed(const Initiative& i) {
  if (IsClosed(i.status, i.answer)) return Conflict("initiative closed", "initiatives.files.closed");
  return Ok();
}

}  // namespace

Result<void> InitiativeCommands::AddFiles(const InitiatorKey& key, const std::vector<Upload>& uploads) {
  int64_t now = clock_.NowUnixSeconds();
  WP_ASSIGN_OR_RETURN(auto ready, Prepare(uploads, now));
  int photos = 0, documents = 0;
  for (const auto& [f, data] : ready) (f.kind == FileKind::kPhoto ? photos : documents) += 1;
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(Initiative i, LoadForInitiator(c, key, nullptr));
    WP_TRY_VOID(RequireNotClosed(i));
    WP_ASSIGN_OR_RETURN(auto existing, InitiativeStore::FilesOf(c, i.id));
    if (auto problem = CheckFileCounts(existing, photos, documents)) return FormInvalid({*problem}, "too many files");
    for (auto& [f, data] : ready) {
      f.initiative_id = i.id;
      WP_TRY_VOID(InitiativeStore::InsertFile(c, f, data));
    }
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<void> InitiativeCommands::RemoveFile(const InitiatorKey& key, int64_t file_id) {
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(Initiative i, LoadForInitiator(c, key, nullptr));
    WP_ASSIGN_OR_RETURN(auto found, InitiativeStore::FindFile(c, file_id));
    if (!found || found->first.initiative_id != i.id) return NotFound("no such file");
    WP_TRY_VOID(RequireNotClosed(i));
    WP_TRY_VOID(InitiativeStore::DeleteFile(c, file_id));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<FileToServe> InitiativeCommands::FileForInitiator(const InitiatorKey& key, int64_t file_id) {
  return db_.Read([&](db::Connection& c) -> Result<FileToServe> {
    WP_ASSIGN_OR_RETURN(Initiative i, LoadForInitiator(c, key, nullptr));
    WP_ASSIGN_OR_RETURN(auto found, InitiativeStore::FindFile(c, file_id));
    if (!found || found->first.initiative_id != i.id) return NotFound("no such file");
    return FileToServe{std::move(found->first), std::move(found->second)};
  });
}

Result<FileToServe> InitiativeCommands::FileForStaff(const auth::User& actor, int64_t id, int64_t file_id) {
  return db_.Read([&](db::Connection& c) -> Result<FileToServe> {
    WP_ASSIGN_OR_RETURN([[maybe_unused]] Initiative i, LoadForStaff(c, actor, id, nullptr));
    WP_ASSIGN_OR_RETURN(auto found, InitiativeStore::FindFile(c, file_id));
    if (!found || found->first.initiative_id != id) return NotFound("no such file");
    return FileToServe{std::move(found->first), std::move(found->second)};
  });
}

Result<FileToServe> InitiativeCommands::PublicPhoto(int64_t id, int64_t file_id) {
  WP_ASSIGN_OR_RETURN([[maybe_unused]] PublicView shown, Public(id));
  return db_.Read([&](db::Connection& c) -> Result<FileToServe> {
    WP_ASSIGN_OR_RETURN(auto found, InitiativeStore::FindFile(c, file_id));
    if (!found || found->first.initiative_id != id || found->first.kind != FileKind::kPhoto) {
      return NotFound("no such photo");
    }
    return FileToServe{std::move(found->first), std::move(found->second)};
  });
}

}  // namespace wp::initiatives
