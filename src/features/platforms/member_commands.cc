// PlatformCommands, continued: membership, werkgroepen, spreekuren and the
// year subsidy (the rest is in commands.cc).
#include <algorithm>

#include "core/strings.h"
#include "features/platforms/command_checks.h"
#include "features/platforms/commands.h"
#include "features/platforms/permissions.h"
#include "features/platforms/platform_store.h"

namespace wp::platforms {

// --------------------------------------------------------------- membership

Result<void> PlatformCommands::Join(const auth::User& actor, PlatformId id, MemberKind kind,
                                    std::string_view organisation_name) {
  if (actor.id == 0) return Forbidden("sign in to join", "platforms.error.sign_in");
  std::string org = Trimmed(organisation_name);
  if (kind == MemberKind::kResident)
    org.clear();
  else if (org.empty())
    return InvalidInput("organisation name missing", "platforms.member.organisation_missing");
  if (org.size() > kMaxNameBytes || !IsValidUtf8(org)) {
    return InvalidInput("organisation name too long", "platforms.member.organisation_too_long");
  }
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Platform p, Load(c, id));
    if (!IsActive(p.status)) return Conflict("platform not active", "platforms.member.inactive");
    WP_ASSIGN_OR_RETURN(auto existing, PlatformStore::FindMember(c, id, actor.id));
    if (existing) return Conflict("already a member", "platforms.member.already");
    return PlatformStore::InsertMember(c, Member{id, actor.id, kind, org, clock_.NowUnixSeconds()}, random_.Token(24),
                                       random_.Token(24));
  });
}

Result<void> PlatformCommands::Leave(const auth::User& actor, PlatformId id) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(bool deleted, PlatformStore::DeleteMember(c, id, actor.id));
    if (!deleted) return NotFound("not a member", "platforms.member.not_member");
    return PlatformStore::LeaveAllWorkingGroups(c, id, actor.id);
  });
}

Result<void> PlatformCommands::SetMail(const auth::User& actor, PlatformId id, bool newsletter, bool events) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto m, PlatformStore::FindMember(c, id, actor.id));
    if (!m) return NotFound("not a member", "platforms.member.not_member");
    return PlatformStore::SetMail(c, id, actor.id, newsletter, events);
  });
}

Result<UnsubscribeLink> PlatformCommands::Unsubscribe(std::string_view token) {
  return db_.Write([&](db::Connection& c) -> Result<UnsubscribeLink> {
    WP_ASSIGN_OR_RETURN(auto hit, PlatformStore::FindToken(c, token));
    if (!hit) return NotFound("unknown unsubscribe token", "platforms.unsubscribe.unknown");
    WP_ASSIGN_OR_RETURN(auto m, PlatformStore::FindMember(c, hit->platform_id, hit->user_id));
    if (!m) return NotFound("member gone", "platforms.unsubscribe.unknown");
    bool newsletter = m->member.mail_newsletter, events = m->member.mail_events;
    if (hit->topic == MailTopic::kNewsletter) {
      newsletter = false;
    } else {
      events = false;
    }
    WP_TRY_VOID(PlatformStore::SetMail(c, hit->platform_id, hit->user_id, newsletter, events));
    WP_ASSIGN_OR_RETURN(Platform p, Load(c, hit->platform_id));
    return UnsubscribeLink{std::move(p), hit->topic, false};
  });
}

// ---------------------------------------------------- werkgroepen, spreekuren

Result<int64_t> PlatformCommands::AddWorkingGroup(const auth::User& actor, PlatformId id, WorkingGroup g) {
  g.platform_id = id;
  g.theme = Trimmed(g.theme);
  g.description = Trimmed(g.description);
  g.contact.name = Trimmed(g.contact.name);
  g.contact.email = ToLower(Trim(g.contact.email));
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(Platform p, Load(c, id));
    WP_TRY_VOID(Require(Can(actor, Action::kManageWorkingGroups, p)));
    auto problems = CheckWorkingGroup(g);
    if (!problems.empty()) return FormInvalid(std::move(problems), "invalid werkgroep");
    WP_ASSIGN_OR_RETURN(auto contact, roles_.FindByEmail(c, g.contact.email));
    if (contact) g.contact.user_id = contact->id;
    WP_ASSIGN_OR_RETURN(int64_t group_id, PlatformStore::InsertWorkingGroup(c, g));
    WP_TRY_VOID(AskContactConsent(c, g.contact.email, "platforms.mail.group_contact_purpose",
                                  {{"platform", p.name}, {"theme", g.theme}}));
    return group_id;
  });
}

Result<void> PlatformCommands::DeleteWorkingGroup(const auth::User& actor, PlatformId id, int64_t group_id) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Platform p, Load(c, id));
    WP_TRY_VOID(Require(Can(actor, Action::kManageWorkingGroups, p)));
    WP_ASSIGN_OR_RETURN(bool deleted, PlatformStore::DeleteWorkingGroup(c, id, group_id));
    if (!deleted) return NotFound("no such werkgroep", "platforms.group.not_found");
    return Ok();
  });
}

Result<void> PlatformCommands::JoinWorkingGroup(const auth::User& actor, PlatformId id, int64_t group_id) {
  if (actor.id == 0) return Forbidden("sign in", "platforms.error.sign_in");
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto group, PlatformStore::FindWorkingGroup(c, id, group_id));
    if (!group) return NotFound("no such werkgroep", "platforms.group.not_found");
    WP_ASSIGN_OR_RETURN(auto m, PlatformStore::FindMember(c, id, actor.id));
    if (!m) return Conflict("join the platform first", "platforms.group.not_member");
    WP_ASSIGN_OR_RETURN(bool joined, PlatformStore::JoinWorkingGroup(c, group_id, actor.id, clock_.NowUnixSeconds()));
    if (!joined) return Conflict("already in the werkgroep", "platforms.group.already");
    return Ok();
  });
}

Result<void> PlatformCommands::LeaveWorkingGroup(const auth::User& actor, PlatformId id, int64_t group_id) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto group, PlatformStore::FindWorkingGroup(c, id, group_id));
    if (!group) return NotFound("no such werkgroep", "platforms.group.not_found");
    WP_ASSIGN_OR_RETURN(bool left, PlatformStore::LeaveWorkingGroup(c, group_id, actor.id));
    if (!left) return NotFound("not in the werkgroep", "platforms.group.not_in_group");
    return Ok();
  });
}

Result<int64_t> PlatformCommands::AddOfficeHours(const auth::User& actor, PlatformId id, OfficeHours h) {
  h.platform_id = id;
  h.place = Trimmed(h.place);
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(Platform p, Load(c, id));
    WP_TRY_VOID(Require(Can(actor, Action::kManageOfficeHours, p)));
    auto problems = CheckOfficeHours(h);
    if (!problems.empty()) return FormInvalid(std::move(problems), "invalid spreekuur");
    return PlatformStore::InsertOfficeHours(c, h);
  });
}

Result<void> PlatformCommands::DeleteOfficeHours(const auth::User& actor, PlatformId id, int64_t hours_id) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Platform p, Load(c, id));
    WP_TRY_VOID(Require(Can(actor, Action::kManageOfficeHours, p)));
    WP_ASSIGN_OR_RETURN(bool deleted, PlatformStore::DeleteOfficeHours(c, id, hours_id));
    if (!deleted) return NotFound("no such spreekuur", "platforms.hours.not_found");
    return Ok();
  });
}

// ------------------------------------------------------------------ subsidy

Result<int64_t> PlatformCommands::ApplyForSubsidy(const auth::User& actor, PlatformId id, int year,
                                                  std::vector<BudgetLine> budget) {
  Money requested = CheckLines(budget).empty() ? TotalOf(budget) : Money{0};
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(Platform p, Load(c, id));
    WP_TRY_VOID(Require(Can(actor, Action::kApplyForSubsidy, p)));
    WP_ASSIGN_OR_RETURN(auto earlier, PlatformStore::Subsidies(c, id));
    auto app = Apply(id, year, std::move(budget), requested, earlier, clock_.NowUnixSeconds());
    if (!app.has_value()) {
      // The first problem of each field.
      std::vector<FieldError> fields;
      for (const auto& e : app.error()) {
        bool year_field = e.problem == SubsidyProblem::kBadYear || e.problem == SubsidyProblem::kAlreadyApplied;
        std::string field = year_field ? "year" : "budget";
        if (std::none_of(fields.begin(), fields.end(), [&](const FieldError& f) { return f.field == field; })) {
          fields.push_back({field, std::string(SubsidyProblemKey(e.problem))});
        }
      }
      return FormInvalid(std::move(fields), "invalid subsidy application");
    }
    return PlatformStore::SaveSubsidy(c, *app);
  });
}

Result<void> PlatformCommands::SubsidyStepOn(const auth::User& actor, PlatformId id, int64_t subsidy_id,
                                             SubsidyStep step, std::optional<Money> amount, std::string_view reason,
                                             std::vector<BudgetLine> spending) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Platform p, Load(c, id));
    bool by_platform = step == SubsidyStep::kWithdraw || step == SubsidyStep::kReport;
    WP_TRY_VOID(Require(Can(actor, by_platform ? Action::kApplyForSubsidy : Action::kGrantSubsidy, p)));
    WP_ASSIGN_OR_RETURN(auto app, PlatformStore::FindSubsidy(c, id, subsidy_id));
    if (!app) return NotFound("no such subsidy application", "platforms.subsidy.not_found");
    int64_t now = clock_.NowUnixSeconds();
    if ((step == SubsidyStep::kGrant || step == SubsidyStep::kSettle) && !amount) {
      return InvalidInput("amount missing", "platforms.subsidy.amount_missing");
    }
    SubsidyResult r = Unexpected(SubsidyErrors{{SubsidyProblem::kWrongStatus, -1}});
    switch (step) {
      case SubsidyStep::kApply:
        break;
      case SubsidyStep::kWithdraw:
        r = Withdraw(*app, now);
        break;
      case SubsidyStep::kGrant:
        r = Grant(*app, *amount, reason, now);
        break;
      case SubsidyStep::kRefuse:
        r = Refuse(*app, reason, now);
        break;
      case SubsidyStep::kReport:
        r = ReportSpending(*app, std::move(spending), reason, now);
        break;
      case SubsidyStep::kSettle:
        r = Settle(*app, *amount, reason, now);
        break;
    }
    if (!r.has_value()) {
      return InvalidInput("subsidy step refused", std::string(SubsidyProblemKey(r.error().front().problem)));
    }
    WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t saved, PlatformStore::SaveSubsidy(c, *r));
    return Ok();
  });
}

}  // namespace wp::platforms
