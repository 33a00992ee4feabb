// AdviceCommands: an official changes a draft request, the kernteam its
// draft advice. Each change is checked as on create, runs in one transaction
// with its history line ("draft_changed"), and is refused once the draft was
// sent or submitted.
#include "features/advice/commands.h"
#include "features/advice/status_flow.h"

namespace wp::advice {

namespace {

Error RequestNotFound() { return NotFound("advice request", "advice.request.not_found"); }
Error AdviceNotFound() { return NotFound("advice", "advice.advice.not_found"); }

bool SameRequestContent(const AdviceRequest& x, const AdviceRequest& y) {
  return x.subject == y.subject && x.questions == y.questions && x.level == y.level &&
         x.deadline_at == y.deadline_at && x.contact_name == y.contact_name && x.contact_email == y.contact_email &&
         x.confidential == y.confidential && x.confidential_reason == y.confidential_reason &&
         x.platform_ids == y.platform_ids;
}

}  // namespace

std::vector<PlatformRef> PlatformRefs(const std::vector<platforms::Platform>& list) {
  std::vector<PlatformRef> out;
  for (const auto& p : list) out.push_back({platforms::PlatformScope(p.id), p.borough_slug});
  return out;
}

Result<void> AdviceCommands::CheckRequestEditable(const auth::User& user, const AdviceRequest& r,
                                                  const std::vector<platforms::Platform>& platforms) const {
  auto refused = CheckRequestEdit(user, PlatformRefs(platforms), r.status);
  if (!refused) return Ok();
  if (*refused == RequestEditRefusal::kNotOfficial) {
    if (!MayRead(user, r, platforms)) return RequestNotFound();
    return Forbidden("not an official of these platforms", std::string(RequestEditRefusalKey(*refused)));
  }
  return Conflict("request is no draft", std::string(RequestEditRefusalKey(*refused)));
}

Result<bool> AdviceCommands::EditRequest(const auth::User& user, int64_t request_id, const RequestForm& form) {
  // The platforms asked now and those the form asks (outside the transaction: the directory runs its own).
  WP_ASSIGN_OR_RETURN(auto asked, PlatformsOfRequest(request_id));
  int64_t now = clock_.NowUnixSeconds();
  CheckedRequest checked = CheckRequestForm(form, zone_, days_, now);
  WP_ASSIGN_OR_RETURN(auto chosen, PlatformsOf(checked.request.platform_ids));
  if (checked.errors.empty() && chosen.size() != checked.request.platform_ids.size()) {
    checked.errors.push_back({"platforms", kNoPlatform});
  }
  return db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(auto found, AdviceStore::FindRequest(c, request_id));
    if (!found) return RequestNotFound();
    WP_TRY_VOID(CheckRequestEditable(user, *found, asked));
    if (checked.errors.empty() && !IsOfficialOf(user, chosen)) {
      return Forbidden("may not ask these platforms", "advice.error.forbidden");
    }
    if (!checked.errors.empty()) return FormInvalid(std::move(checked.errors));
    AdviceRequest r = std::move(checked.request);
    r.id = found->id;
    r.status = found->status;
    r.created_by = found->created_by;
    r.created_at = found->created_at;
    r.updated_at = now;
    if (SameRequestContent(r, *found)) return false;
    WP_TRY_VOID(AdviceStore::SaveDraftRequest(c, r));
    WP_TRY_VOID(AdviceStore::AppendHistory(c, {r.id, std::nullopt}, {now, user.id, "", "", "draft_changed", ""}));
    return true;
  });
}

Result<bool> AdviceCommands::EditAdvice(const auth::User& user, const platforms::Platform& p, int64_t advice_id,
                                        const AdviceForm& form) {
  std::string scope = platforms::PlatformScope(p.id);
  if (!Can(user, Action::kWriteAdvice, scope, p.borough_slug)) {
    return Forbidden("not the kernteam", "advice.error.not_kernteam");
  }
  return db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(auto found, AdviceStore::FindAdvice(c, advice_id));
    if (!found || found->platform_id != p.id) return AdviceNotFound();
    if (auto refused = CheckDraftEdit(user, scope, p.borough_slug, found->status)) {
      if (*refused == EditRefusal::kNotKernteam) return Forbidden("not the kernteam", "advice.error.not_kernteam");
      return Conflict("advice is no draft", std::string(EditRefusalKey(*refused)));
    }
    CheckedAdvice checked = CheckAdviceForm(form, !found->request_id.has_value());
    if (!checked.errors.empty()) return FormInvalid(std::move(checked.errors));
    Advice a = *found;
    a.title = checked.advice.title;
    a.addressee = found->request_id ? found->addressee : checked.advice.addressee;
    a.points = checked.advice.points;
    a.input_summary = checked.advice.input_summary;
    a.meetings_held = checked.advice.meetings_held;
    a.people_reached = checked.advice.people_reached;
    auto same_points = [](const std::vector<AdvicePoint>& x, const std::vector<AdvicePoint>& y) {
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        if (x[i].text != y[i].text) return false;
      }
      return true;
    };
    if (a.title == found->title && a.addressee == found->addressee && a.input_summary == found->input_summary &&
        a.meetings_held == found->meetings_held && a.people_reached == found->people_reached &&
        same_points(a.points, found->points)) {
      return false;
    }
    WP_TRY_VOID(AdviceStore::SaveDraftContent(c, a));
    int64_t now = clock_.NowUnixSeconds();
    WP_TRY_VOID(AdviceStore::AppendHistory(c, {std::nullopt, a.id}, {now, user.id, "", "", "draft_changed", ""}));
    return true;
  });
}

}  // namespace wp::advice
