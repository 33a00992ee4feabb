// AdviceCommands: PDF attachments of requests and advices. Every upload is
// checked before any is stored; the bytes then go to the files folder (by
// SHA-256) before the transaction that records them. A refused upload keeps
// nothing, and a stored file without a row is harmless (the same bytes are
// reused when uploaded again; the file sweep removes them otherwise).
#include "core/files/documents.h"
#include "features/advice/commands.h"
#include "features/advice/input_store.h"
#include "features/advice/status_flow.h"

namespace wp::advice {

namespace {

Error AttachmentNotFound() { return NotFound("advice attachment", "advice.attachment.not_found"); }

}  // namespace

std::vector<FieldError> AdviceCommands::UploadErrors(const std::vector<Upload>& uploads, size_t already) const {
  if (already + uploads.size() > kMaxAttachments) {
    return {{"files", kTooManyFiles, {{"max", static_cast<int64_t>(kMaxAttachments)}}}};
  }
  for (const auto& u : uploads) {
    if (auto problem = files::CheckPdf(u.bytes, settings_.max_attachment_bytes)) {
      return {{"files",
               std::string(files::DocumentProblemKey(*problem)),
               {{"mib", static_cast<int64_t>(settings_.max_attachment_bytes >> 20)}}}};
    }
  }
  return {};
}

Result<std::vector<Attachment>> AdviceCommands::PutUploads(const std::vector<Upload>& uploads) const {
  std::vector<Attachment> out;
  for (const auto& u : uploads) {
    WP_ASSIGN_OR_RETURN(files::StoredBlob blob, files_.Put(u.bytes));
    Attachment a;
    a.file_name = AttachmentName(u.file_name);
    a.sha256 = blob.sha256;
    a.size_bytes = blob.size;
    out.push_back(std::move(a));
  }
  return out;
}

Result<std::vector<Attachment>> AdviceCommands::StoreUploads(const std::vector<Upload>& uploads,
                                                             size_t already) const {
  if (uploads.empty()) return FormInvalid({{"files", kNoFile}});
  if (auto errors = UploadErrors(uploads, already); !errors.empty()) return FormInvalid(std::move(errors));
  return PutUploads(uploads);
}

Result<void> AdviceCommands::SaveAttachments(db::Connection& c, const auth::User& user, const HistoryOf& of,
                                             std::vector<Attachment> attachments) {
  int64_t now = clock_.NowUnixSeconds();
  for (auto& a : attachments) {
    a.request_id = of.request_id;
    a.advice_id = of.advice_id;
    a.uploaded_by = user.id;
    a.uploaded_at = now;
    WP_TRY_VOID(InputStore::InsertAttachment(c, a));
    WP_TRY_VOID(AdviceStore::AppendHistory(c, of, {now, user.id, "", "", "attachment_added", a.file_name}));
  }
  return Ok();
}

Result<void> AdviceCommands::AttachToRequest(const auth::User& user, int64_t request_id,
                                             const std::vector<Upload>& uploads) {
  WP_ASSIGN_OR_RETURN(auto platforms, PlatformsOfRequest(request_id));
  HistoryOf of{request_id, std::nullopt};
  WP_ASSIGN_OR_RETURN(auto found, db_.Read([&](db::Connection& c) { return AdviceStore::FindRequest(c, request_id); }));
  if (!found) return NotFound("advice request", "advice.request.not_found");
  if (!IsOfficialOf(user, platforms)) {
    if (!MayRead(user, *found, platforms)) return NotFound("advice request", "advice.request.not_found");
    return Forbidden("not an official of these platforms", "advice.error.forbidden");
  }
  if (found->status != RequestStatus::kDraft) return Conflict("request sent", "advice.error.not_draft");
  WP_ASSIGN_OR_RETURN(auto existing, AttachmentsOf(of));
  WP_ASSIGN_OR_RETURN(auto stored, StoreUploads(uploads, existing.size()));
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto r, AdviceStore::FindRequest(c, request_id));
    if (!r || r->status != RequestStatus::kDraft) return Conflict("request sent", "advice.error.not_draft");
    return SaveAttachments(c, user, of, std::move(stored));
  });
}

Result<void> AdviceCommands::AttachToAdvice(const auth::User& user, const platforms::Platform& p, int64_t advice_id,
                                            const std::vector<Upload>& uploads) {
  if (!Can(user, Action::kWriteAdvice, platforms::PlatformScope(p.id), p.borough_slug)) {
    return Forbidden("not the kernteam", "advice.error.not_kernteam");
  }
  HistoryOf of{std::nullopt, advice_id};
  auto draft_of_p = [&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto a, AdviceStore::FindAdvice(c, advice_id));
    if (!a || a->platform_id != p.id) return NotFound("advice", "advice.advice.not_found");
    if (a->status != AdviceStatus::kDraft) return Conflict("advice submitted", "advice.error.not_draft");
    return Ok();
  };
  WP_TRY_VOID(db_.Read(draft_of_p));
  WP_ASSIGN_OR_RETURN(auto existing, AttachmentsOf(of));
  WP_ASSIGN_OR_RETURN(auto stored, StoreUploads(uploads, existing.size()));
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_TRY_VOID(draft_of_p(c));
    return SaveAttachments(c, user, of, std::move(stored));
  });
}

Result<std::vector<Attachment>> AdviceCommands::AttachmentsOf(const HistoryOf& of) const {
  return db_.Read([&](db::Connection& c) { return InputStore::Attachments(c, of); });
}

Result<AttachmentToServe> AdviceCommands::AttachmentFor(const std::optional<auth::User>& user,
                                                        int64_t attachment_id) const {
  WP_ASSIGN_OR_RETURN(auto found,
                      db_.Read([&](db::Connection& c) { return InputStore::FindAttachment(c, attachment_id); }));
  if (!found) return AttachmentNotFound();
  AttachmentToServe out;
  out.attachment = std::move(*found);
  // Readable exactly when its request or advice is (drafts and confidential threads included).
  if (out.attachment.request_id) {
    auto t = Request(user, *out.attachment.request_id);
    if (!t.has_value()) return AttachmentNotFound();
    out.is_public = IsPublished(t->request.status) && !t->request.confidential;
  } else {
    auto t = AdviceOf(user, out.attachment.advice_id.value_or(0));
    if (!t.has_value()) return AttachmentNotFound();
    out.is_public = t->advice.status != AdviceStatus::kDraft && !t->advice.confidential;
  }
  WP_ASSIGN_OR_RETURN(out.bytes, files_.Get(out.attachment.sha256));
  return out;
}

}  // namespace wp::advice
