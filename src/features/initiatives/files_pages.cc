// Photos and attachments on the initiative pages: the initiator's upload
// form and remove buttons, the files served to the initiator, to staff and
// (photos of a public initiative) to everyone.
#include "core/i18n/locale_rules.h"
#include "features/initiatives/desk_pages.h"
#include "features/initiatives/files_view.h"
#include "features/initiatives/public_pages.h"
#include "features/initiatives/resident_pages.h"

namespace wp::initiatives {

using nlohmann::json;
using web::Context;

namespace {

// A stored file as an HTTP response: photos inline, documents as a download;
// never sniffed; cached only when `public_photo`.
http::Response Serve(const FileToServe& f, bool public_photo) {
  http::Response resp;
  resp.status = 200;
  resp.body = f.data;
  resp.headers.Set("Content-Type", f.file.content_type);
  resp.headers.Set("X-Content-Type-Options", "nosniff");
  resp.headers.Set("Cache-Control", public_photo ? "public, max-age=86400" : "private,no-store");
  resp.headers.Set("Content-Disposition", f.file.kind == FileKind::kPhoto
                                              ? std::string("inline")
                                              : "attachment; filename=\"" + f.file.name + "\"");
  return resp;
}

}  // namespace

json FilesJson(const Context& ctx, const std::vector<InitiativeFile>& files, const std::string& title,
               const std::string& file_base, const std::string& remove_base) {
  json photos = json::array(), documents = json::array();
  int number = 0;
  for (const auto& f : files) {
    std::string id = std::to_string(f.id);
    json item = {{"url", file_base + "/" + id},
                 {"remove", remove_base.empty() ? "" : remove_base + "/" + id + "/verwijderen"}};
    if (f.kind == FileKind::kPhoto) {
      item["number"] = ++number;
      item["alt"] = ctx.T("initiatives.files.alt", {{"number", static_cast<int64_t>(number)}, {"title", title}});
      photos.push_back(std::move(item));
    } else {
      item["name"] = f.name;
      item["size"] = ctx.T("initiatives.files.size", {{"kib", (f.bytes + 1023) / 1024}});
      documents.push_back(std::move(item));
    }
  }
  return {{"photos", photos},
          {"documents", documents},
          {"has_photos", !photos.empty()},
          {"has_documents", !documents.empty()},
          {"has_files", !files.empty()}};
}

json UploadJson(const Context& ctx, const std::string& files_error) {
  return {{"can_upload", true},
          {"files_error", files_error},
          {"files_hint", ctx.T("initiatives.files.hint", {{"photos", int64_t{kMaxPhotos}},
                                                         {"documents", int64_t{kMaxDocuments}},
                                                         {"mib", static_cast<int64_t>(kMaxDocumentBytes >> 20)}})}};
}

// --- the initiator

Result<http::Response> ResidentPages::AddFiles(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto key, InitiatorKeyOf(ctx));
  std::vector<Upload> uploads;
  for (const auto& f : ctx.form.Files()) {
    if (f.field == "files") uploads.push_back({f.filename, f.data});
  }
  return After(ctx, commands_.AddFiles(key, uploads), "initiatives.files.added");
}

Result<http::Response> ResidentPages::RemoveFile(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto key, InitiatorKeyOf(ctx));
  WP_ASSIGN_OR_RETURN(int64_t file, ctx.IdParam("file"));
  return After(ctx, commands_.RemoveFile(key, file), "initiatives.files.removed");
}

Result<http::Response> ResidentPages::File(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto key, InitiatorKeyOf(ctx));
  WP_ASSIGN_OR_RETURN(int64_t file, ctx.IdParam("file"));
  WP_ASSIGN_OR_RETURN(auto f, commands_.FileForInitiator(key, file));
  return Serve(f, false);
}

// --- the municipality and the public

Result<http::Response> DeskPages::File(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(int64_t file, ctx.IdParam("file"));
  WP_ASSIGN_OR_RETURN(auto f, commands_.FileForStaff(*ctx.user, id, file));
  return Serve(f, false);
}

Result<http::Response> PublicPages::Photo(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(int64_t file, ctx.IdParam("file"));
  WP_ASSIGN_OR_RETURN(auto f, commands_.PublicPhoto(id, file));
  return Serve(f, true);
}

}  // namespace wp::initiatives
