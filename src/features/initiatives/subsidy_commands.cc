// The start subsidy side of InitiativeCommands: the initiator applies,
// withdraws and reports; the contact person or the desk grants or refuses,
// records the payment and settles. Every step is one transaction with its
// history line and, for the municipality's steps, a mail to the initiator.
#include <algorithm>

#include "core/strings.h"
#include "features/initiatives/commands.h"

namespace wp::initiatives {

namespace {

std::string Trimmed(const std::string& s) { return std::string(Trim(s)); }

// "subsidy_<status>": the history kind and the mail key of a subsidy's new state.
std::string KindOf(const StartSubsidy& s) { return "subsidy_" + std::string(GrantStatusName(s.status)); }

Result<std::vector<platforms::BudgetLine>> ReadLines(const std::string& text, const std::string& field) {
  auto lines = platforms::ParseBudgetLines(text);
  if (!lines.has_value()) {
    return FormInvalid({{field, "platforms.subsidy.bad_line", {{"line", static_cast<int64_t>(lines.error() + 1)}}}},
                       "unreadable budget line");
  }
  return *lines;
}

void Advance(StartSubsidy& s, GrantStep step) { s.status = GrantStepResult(s.status, step).value_or(s.status); }

}  // namespace

Result<StartSubsidy> InitiativeCommands::SubsidyForStep(db::Connection& c, int64_t initiative_id, int64_t subsidy_id,
                                                        GrantStep step) const {
  WP_ASSIGN_OR_RETURN(auto s, InitiativeStore::FindSubsidy(c, subsidy_id));
  if (!s || s->initiative_id != initiative_id) return NotFound("no such start subsidy");
  if (!GrantStepResult(s->status, step)) {
    return FormInvalid({{"status", "initiatives.subsidy.wrong_status"}}, "subsidy step not allowed now");
  }
  return *s;
}

Result<SubsidyYear> InitiativeCommands::SubsidyYearAt(db::Connection& c, int64_t now) const {
  SubsidyYear y;
  y.year = zone_.ToLocal(now).year;
  y.budget = settings_.subsidy_limits.per_year;
  WP_ASSIGN_OR_RETURN(auto granted, InitiativeStore::SubsidiesOfYear(c, y.year));
  y.committed = CommittedTotal(granted);
  return y;
}

// --- the initiator

Result<int64_t> InitiativeCommands::ApplyForSubsidy(const InitiatorKey& key, const SubsidyRequest& in) {
  WP_ASSIGN_OR_RETURN(auto budget, ReadLines(in.budget, "budget"));
  std::string purpose = Trimmed(in.purpose);
  int64_t now = clock_.NowUnixSeconds();
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(Initiative i, LoadForInitiator(c, key, nullptr));
    if (!MayApply(i.status, i.answer) || settings_.subsidy_limits.per_initiative <= Money{}) {
      return FormInvalid({{"status", "initiatives.subsidy.not_now"}}, "no start subsidy in this state");
    }
    WP_ASSIGN_OR_RETURN(auto earlier, InitiativeStore::SubsidiesOf(c, i.id));
    auto errors = CheckApplication(purpose, budget, settings_.subsidy_limits, earlier);
    if (!errors.empty()) return FormInvalid(errors, "start subsidy application has errors");
    StartSubsidy s;
    s.initiative_id = i.id;
    s.purpose = purpose;
    s.budget = budget;
    s.requested = platforms::TotalOf(budget);
    s.applied_at = now;
    WP_ASSIGN_OR_RETURN(s.id, InitiativeStore::InsertSubsidy(c, s));
    WP_TRY_VOID(AddHistory(c, i, now, KindOf(s), purpose, false, key.user ? &*key.user : nullptr));
    return s.id;
  });
}

Result<void> InitiativeCommands::WithdrawSubsidy(const InitiatorKey& key, int64_t subsidy_id) {
  int64_t now = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(Initiative i, LoadForInitiator(c, key, nullptr));
    WP_ASSIGN_OR_RETURN(StartSubsidy s, SubsidyForStep(c, i.id, subsidy_id, GrantStep::kWithdraw));
    Advance(s, GrantStep::kWithdraw);
    WP_TRY_VOID(InitiativeStore::UpdateSubsidy(c, s));
    WP_TRY_VOID(AddHistory(c, i, now, KindOf(s), "", false, key.user ? &*key.user : nullptr));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<void> InitiativeCommands::ReportSubsidy(const InitiatorKey& key, int64_t subsidy_id, const std::string& spending,
                                               const std::string& account) {
  auto lines = ReadLines(spending, "spending");
  std::vector<platforms::BudgetLine> spent = lines.has_value() ? *lines : std::vector<platforms::BudgetLine>{};
  std::string text = Trimmed(account);
  auto errors = CheckReport(spent, text);
  if (!lines.has_value()) {
    std::erase_if(errors, [](const FieldError& e) { return e.field == "spending"; });
    errors.insert(errors.begin(), lines.error().fields.front());
  }
  if (!errors.empty()) return FormInvalid(errors, "start subsidy account has errors");
  int64_t now = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(Initiative i, LoadForInitiator(c, key, nullptr));
    WP_ASSIGN_OR_RETURN(StartSubsidy s, SubsidyForStep(c, i.id, subsidy_id, GrantStep::kReport));
    Advance(s, GrantStep::kReport);
    s.spending = spent;
    s.account = text;
    s.reported_at = now;
    WP_TRY_VOID(InitiativeStore::UpdateSubsidy(c, s));
    WP_TRY_VOID(AddHistory(c, i, now, KindOf(s), text, false, key.user ? &*key.user : nullptr));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

// --- the municipality

Result<void> InitiativeCommands::StaffSubsidyStep(
    const auth::User& actor, int64_t id, int64_t subsidy_id, GrantStep step,
    const std::function<Result<void>(db::Connection&, StartSubsidy&)>& change) {
  int64_t now = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    Relation rel;
    WP_ASSIGN_OR_RETURN(Initiative i, LoadForStaff(c, actor, id, &rel));
    if (!CanRunCheck(rel)) return Forbidden("only the contact person or the desk decides on a start subsidy");
    WP_ASSIGN_OR_RETURN(StartSubsidy s, SubsidyForStep(c, i.id, subsidy_id, step));
    WP_TRY_VOID(change(c, s));
    WP_TRY_VOID(InitiativeStore::UpdateSubsidy(c, s));
    std::string text = s.status == GrantStatus::kPaid ? s.payment_reference
                       : s.status == GrantStatus::kSettled ? s.settlement_reason
                                                           : s.decision_reason;
    WP_TRY_VOID(AddHistory(c, i, now, KindOf(s), text, false, &actor));
    Money amount = s.status == GrantStatus::kSettled ? s.settled.value_or(Money{}) : s.granted.value_or(Money{});
    WP_TRY_VOID(MailInitiator(c, i, KindOf(s), {{"amount", amount}, {"reason", text}}, now));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<void> InitiativeCommands::DecideSubsidy(const auth::User& actor, int64_t id, int64_t subsidy_id,
                                               const SubsidyDecision& d) {
  std::string reason = Trimmed(d.reason);
  if (!d.grant) {
    auto errors = CheckRefusal(reason);
    if (!errors.empty()) return FormInvalid(errors, "refusal without a reason");
  }
  std::optional<Money> amount = d.grant ? ParseMoney(Trim(d.amount)) : std::nullopt;
  int64_t now = clock_.NowUnixSeconds();
  GrantStep step = d.grant ? GrantStep::kGrant : GrantStep::kRefuse;
  return StaffSubsidyStep(actor, id, subsidy_id, step, [&](db::Connection& c, StartSubsidy& s) -> Result<void> {
    if (d.grant) {
      WP_ASSIGN_OR_RETURN(SubsidyYear year, SubsidyYearAt(c, now));
      auto errors = CheckGrant(s, amount, reason, year.committed, settings_.subsidy_limits);
      if (!errors.empty()) return FormInvalid(errors, "grant has errors");
      s.granted = amount;
      s.year = year.year;
    }
    Advance(s, step);
    s.decision_reason = reason;
    s.decided_at = now;
    return Ok();
  });
}

Result<void> InitiativeCommands::PaySubsidy(const auth::User& actor, int64_t id, int64_t subsidy_id,
                                            const std::string& reference) {
  std::string ref = Trimmed(reference);
  auto errors = CheckPayment(ref);
  if (!errors.empty()) return FormInvalid(errors, "payment without a reference");
  int64_t now = clock_.NowUnixSeconds();
  return StaffSubsidyStep(actor, id, subsidy_id, GrantStep::kPay, [&](db::Connection&, StartSubsidy& s) {
    Advance(s, GrantStep::kPay);
    s.payment_reference = ref;
    s.paid_at = now;
    return Result<void>(Ok());
  });
}

Result<void> InitiativeCommands::SettleSubsidy(const auth::User& actor, int64_t id, int64_t subsidy_id,
                                               const std::string& amount_text, const std::string& reason) {
  std::optional<Money> amount = ParseMoney(Trim(amount_text));
  std::string why = Trimmed(reason);
  int64_t now = clock_.NowUnixSeconds();
  return StaffSubsidyStep(actor, id, subsidy_id, GrantStep::kSettle,
                          [&](db::Connection&, StartSubsidy& s) -> Result<void> {
                            auto errors = CheckSettlement(s, amount, why);
                            if (!errors.empty()) return FormInvalid(errors, "settlement has errors");
                            Advance(s, GrantStep::kSettle);
                            s.settled = amount;
                            s.settlement_reason = why;
                            s.settled_at = now;
                            return Ok();
                          });
}

}  // namespace wp::initiatives
