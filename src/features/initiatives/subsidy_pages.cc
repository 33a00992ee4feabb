// The start subsidy's handlers on the initiator's pages and the case page.
// A form with errors comes back on its page with what was typed; a done
// step goes back to the page with a message.
#include "features/initiatives/desk_pages.h"
#include "features/initiatives/resident_pages.h"

namespace wp::initiatives {

using web::Context;

namespace {

Result<void> Done(const Result<int64_t>& r) {
  if (!r.has_value()) return r.error();
  return Ok();
}

}  // namespace

// --- the initiator

Result<http::Response> ResidentPages::ApplySubsidy(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto key, InitiatorKeyOf(ctx));
  SubsidyRequest in{ctx.form.Get("purpose"), ctx.form.Get("budget")};
  return After(ctx, Done(commands_.ApplyForSubsidy(key, in)), "initiatives.subsidy.applied_done");
}

Result<http::Response> ResidentPages::WithdrawSubsidy(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto key, InitiatorKeyOf(ctx));
  WP_ASSIGN_OR_RETURN(int64_t subsidy, ctx.IdParam("subsidy"));
  return After(ctx, commands_.WithdrawSubsidy(key, subsidy), "initiatives.subsidy.withdrawn_done");
}

Result<http::Response> ResidentPages::ReportSubsidy(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto key, InitiatorKeyOf(ctx));
  WP_ASSIGN_OR_RETURN(int64_t subsidy, ctx.IdParam("subsidy"));
  return After(ctx, commands_.ReportSubsidy(key, subsidy, ctx.form.Get("spending"), ctx.form.Get("account")),
               "initiatives.subsidy.reported_done");
}

// --- the contact person and the desk

Result<http::Response> DeskPages::DecideSubsidy(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(int64_t subsidy, ctx.IdParam("subsidy"));
  std::string decision = ctx.form.Get("decision");
  if (decision != "grant" && decision != "refuse") {
    return After(ctx, id, FormInvalid({{"decision", kUnknownChoice}}), "");
  }
  SubsidyDecision d{decision == "grant", ctx.form.Get("amount"), ctx.form.Get("reason")};
  return After(ctx, id, commands_.DecideSubsidy(*ctx.user, id, subsidy, d), "initiatives.subsidy.decided_done");
}

Result<http::Response> DeskPages::PaySubsidy(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(int64_t subsidy, ctx.IdParam("subsidy"));
  return After(ctx, id, commands_.PaySubsidy(*ctx.user, id, subsidy, ctx.form.Get("reference")),
               "initiatives.subsidy.paid_done");
}

Result<http::Response> DeskPages::SettleSubsidy(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(int64_t subsidy, ctx.IdParam("subsidy"));
  return After(ctx, id,
               commands_.SettleSubsidy(*ctx.user, id, subsidy, ctx.form.Get("amount"), ctx.form.Get("reason")),
               "initiatives.subsidy.settled_done");
}

}  // namespace wp::initiatives
