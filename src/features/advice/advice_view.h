// The data of requests and advices as the advice views show them, shared by
// the public, kernteam and officials' pages: paths, status badges (overdue
// marked), facts, the numbered points with their answers, the history, and
// the lists. Texts in the request's language. Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/web/components.h"
#include "core/web/web.h"
#include "features/advice/commands.h"

namespace wp::advice {

inline constexpr const char* kIndexPath = "/advies";
inline constexpr const char* kOfficialPath = "/beheer/advies";
std::string RequestPath(int64_t id);                     // "/advies/aanvraag/{id}"
std::string AdvicePath(int64_t id);                      // "/advies/{id}"
std::string PlatformPath(const platforms::Platform& p);  // "/wijkplatform/{slug}/advies"
// "/wijkplatform/{slug}/advies/{id}/wijzigen": the kernteam's edit form of a draft.
std::string EditPath(const platforms::Platform& p, int64_t advice_id);
std::string OfficialRequestPath(int64_t id);             // "/beheer/advies/aanvraag/{id}"
std::string EditRequestPath(int64_t id);                 // "/beheer/advies/aanvraag/{id}/wijzigen"
std::string AnswerPath(int64_t advice_id);               // "/beheer/advies/{id}/antwoord"
std::string AttachmentPath(int64_t id);                   // "/advies/bijlage/{id}"
// "/wijkplatform/{slug}/advies/inbreng/{id}"
std::string RoundPath(const platforms::Platform& p, int64_t round_id);
// "/beheer/toezeggingen/nieuw?advies={id}&punt={n}": the promises log's form for an answer point.
std::string PromiseFromAnswerPath(int64_t advice_id, int point);

// The paragraphs of a text (blank lines between them), each a string.
nlohmann::json Paragraphs(const std::string& text);

nlohmann::json RequestBadge(const web::Context& ctx, const AdviceRequest& r, int64_t now);
nlohmann::json AdviceBadge(const web::Context& ctx, const Advice& a, int64_t now);

// Level, deadline, contact, platforms (linked), status; the reason when confidential.
nlohmann::json RequestFacts(const web::Context& ctx, const AdviceCommands& commands, const RequestThread& t);
// Platform, request or addressee, submitted, answer due, answered, how input was gathered.
nlohmann::json AdviceFacts(const web::Context& ctx, const AdviceCommands& commands, const AdviceThread& t);
// [{number, paragraphs, answered, verdict, reason}] of the points.
nlohmann::json PointsJson(const web::Context& ctx, const Advice& a);
// The history as a table (when, who, change, note).
nlohmann::json HistoryTable(const web::Context& ctx, const AdviceCommands& commands,
                            const std::vector<HistoryEntry>& history, bool of_request);
// Requests or advices as a table with `caption`; EmptyState(`empty_key`) when there are none.
nlohmann::json RequestsTable(const web::Context& ctx, const AdviceCommands& commands,
                             const std::vector<AdviceRequest>& list, const std::string& caption_key,
                             const std::string& empty_key);
nlohmann::json AdvicesTable(const web::Context& ctx, const AdviceCommands& commands, const std::vector<Advice>& list,
                            const std::string& caption_key, const std::string& empty_key);

// The PDFs a multipart form sent in its field "files"; a file field left
// empty (no name, no bytes, as browsers send it) is none.
std::vector<Upload> UploadsOf(const web::Context& ctx);
// The optional PDF field of a create form (views/files_field.html): its
// hint, its error, and a reminder to choose the files again when the form
// comes back with an error after files were chosen.
nlohmann::json FilesFieldJson(const web::Context& ctx, const Error* error);

// The attachments block (views/attachments.html): the files with their sizes
// and, when `upload_action` is not empty, the upload form with the error of
// field "files" from `error`.
nlohmann::json AttachmentsJson(const web::Context& ctx, const std::vector<Attachment>& list,
                               const std::string& upload_action, const Error* error);
// [{url, label, closes}] of input rounds of platform `p`.
nlohmann::json RoundsJson(const web::Context& ctx, const AdviceCommands& commands, const platforms::Platform& p,
                          const std::vector<InputRound>& rounds);

}  // namespace wp::advice
