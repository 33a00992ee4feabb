#include "features/platforms/commands.h"

#include <algorithm>

#include "core/strings.h"
#include "features/accounts/account_store.h"
#include "features/platforms/area_map_from_geography.h"
#include "features/platforms/permissions.h"

namespace wp::platforms {

namespace {

Error TransitionError(TransitionProblem p) {
  std::string key(TransitionProblemKey(p));
  switch (p) {
    case TransitionProblem::kForbidden: return Forbidden("status change not allowed", key);
    case TransitionProblem::kNoSuchTransition: return Conflict("no such status change", key);
    case TransitionProblem::kReasonRequired:
    case TransitionProblem::kReasonTooLong: return InvalidInput("bad reason", key);
  }
  return Internal("unknown transition problem");
}

Result<void> Require(bool allowed) {
  if (!allowed) return Forbidden("not allowed", "platforms.error.forbidden");
  return Ok();
}

std::string Trimmed(std::string_view s) { return std::string(Trim(s)); }

}  // namespace

AreaMap PlatformCommands::CurrentAreaMap() const { return AreaMapFromGeography(*geo_.current()); }

Result<Platform> PlatformCommands::Load(db::Connection& c, PlatformId id) const {
  WP_ASSIGN_OR_RETURN(auto p, PlatformStore::Find(c, id));
  if (!p) return NotFound("no such platform", "platforms.error.not_found");
  return std::move(*p);
}

std::string PlatformCommands::NewSlug(db::Connection& c, std::string_view name) const {
  std::string base = Slugify(name);
  if (base.empty()) base = "wijkplatform";
  if (base.size() > 60) base.resize(60);
  std::string slug = base;
  for (int i = 2; i < 1000; ++i) {
    auto taken = PlatformStore::SlugTaken(c, slug);
    if (taken.has_value() && !*taken) return slug;
    slug = base + "-" + std::to_string(i);
  }
  return base + "-" + random_.Hex(4);
}

Result<Platform> PlatformCommands::Register(const auth::User& actor, const RegisterInput& in,
                                            RegisterRejected* rejected) {
  RegisterRejected local;
  RegisterRejected& out = rejected ? *rejected : local;
  out = {};
  if (actor.id == 0) return Forbidden("sign in to register a platform", "platforms.error.sign_in");
  Platform p;
  p.name = Trimmed(in.name);
  p.description = Trimmed(in.description);
  p.contact_email = ToLower(Trim(in.contact_email));
  for (const auto& t : in.themes) {
    std::string theme = Trimmed(t);
    if (!theme.empty()) p.themes.push_back(theme);
  }
  p.area = in.area;
  if (in.converted_from_council && !Trim(*in.converted_from_council).empty()) {
    p.converted_from_council = Trimmed(*in.converted_from_council);
  }
  p.status = PlatformStatus::kSubmitted;
  p.created_at = clock_.NowUnixSeconds();
  out.fields = CheckPlatformDetails(p);
  const AreaMap map = CurrentAreaMap();
  auto area = CheckArea(p.area, map);
  if (!area.has_value()) out.area = area.error();
  else p.borough_slug = area->borough_slug;
  if (!out.fields.empty() || out.area) return InvalidInput("invalid platform", "platforms.register.invalid");

  return db_.Write([&](db::Connection& c) -> Result<Platform> {
    out.overlaps.clear();
    out.conversion.reset();
    WP_ASSIGN_OR_RETURN(auto all, PlatformStore::List(c));
    std::vector<OtherPlatform> others;
    for (const auto& o : all) {
      if (IsActive(o.status)) others.push_back({o.id, o.name, o.status, o.area});
    }
    auto overlap = CheckOverlap(0, p.area, others, policy_);
    if (!overlap.has_value()) {
      out.overlaps = overlap.error();
      return Conflict("area overlaps another active platform", "platforms.overlap.refused");
    }
    if (p.converted_from_council) {
      WP_ASSIGN_OR_RETURN(auto claimed, PlatformStore::ClaimedCouncils(c, 0));
      auto conv = CheckCouncilConversion(*p.converted_from_council, p.area, map, claimed, p.created_at);
      if (!conv.has_value()) {
        out.conversion = conv.error();
        return InvalidInput("conversion refused", std::string(ConversionProblemKey(conv.error())));
      }
    }
    p.slug = NewSlug(c, p.name);
    WP_ASSIGN_OR_RETURN(p.id, PlatformStore::Insert(c, p, actor.id));
    WP_TRY_VOID(PlatformStore::InsertClaims(c, p.id, PlatformStore::ClaimsFor(p, policy_)));
    WP_TRY_VOID(PlatformStore::AppendHistory(
        c, StatusChange{p.id, PlatformStatus::kSubmitted, PlatformStatus::kSubmitted, actor.id, "", p.created_at}));
    WP_ASSIGN_OR_RETURN([[maybe_unused]] bool granted,
                        accounts::AccountStore::GrantRole(c, actor.id, auth::Role::kKernteamMember,
                                                          PlatformScope(p.id), actor.id, p.created_at));
    Member m{p.id, actor.id, MemberKind::kResident, "", p.created_at};
    WP_TRY_VOID(PlatformStore::InsertMember(c, m, random_.Token(24), random_.Token(24)));
    return p;
  });
}

Result<void> PlatformCommands::ChangeStatus(const auth::User& actor, PlatformId id, PlatformStatus to,
                                            std::string_view reason) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Platform p, Load(c, id));
    auto change = DecideTransition(p, to, actor, reason, clock_.NowUnixSeconds());
    if (!change.has_value()) return TransitionError(change.error());
    WP_ASSIGN_OR_RETURN(auto rows, PlatformStore::History(c, id));
    std::vector<StatusChange> history;
    for (auto& r : rows) history.push_back(r.change);
    if (!CanAppend(history, *change).has_value()) {
      return Conflict("history does not allow this change", "platforms.transition.stale");
    }
    WP_TRY_VOID(PlatformStore::SetStatus(c, id, to));
    WP_TRY_VOID(PlatformStore::AppendHistory(c, *change));
    if (!IsActive(to)) WP_TRY_VOID(PlatformStore::ReleaseClaims(c, id));
    return Ok();
  });
}

Result<void> PlatformCommands::UpdateDetails(const auth::User& actor, PlatformId id, const Platform& details,
                                             std::vector<FieldError>* fields) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Platform p, Load(c, id));
    WP_TRY_VOID(Require(Can(actor, Action::kEditPlatformPage, p)));
    p.name = Trimmed(details.name);
    p.description = Trimmed(details.description);
    p.contact_email = ToLower(Trim(details.contact_email));
    p.themes.clear();
    for (const auto& t : details.themes) {
      std::string theme = Trimmed(t);
      if (!theme.empty()) p.themes.push_back(theme);
    }
    auto problems = CheckPlatformDetails(p);
    if (fields) *fields = problems;
    if (!problems.empty()) return InvalidInput("invalid details", "platforms.register.invalid");
    return PlatformStore::UpdateDetails(c, p);
  });
}

Result<void> PlatformCommands::AddKernteamMember(const auth::User& actor, PlatformId id, std::string_view email) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Platform p, Load(c, id));
    WP_TRY_VOID(Require(Can(actor, Action::kManageKernteam, p)));
    WP_ASSIGN_OR_RETURN(auto user, accounts::AccountStore::FindByEmail(c, ToLower(Trim(email))));
    if (!user || user->disabled) return NotFound("no such account", "platforms.kernteam.unknown_email");
    int64_t now = clock_.NowUnixSeconds();
    WP_ASSIGN_OR_RETURN(bool granted, accounts::AccountStore::GrantRole(c, user->user.id, auth::Role::kKernteamMember,
                                                                        PlatformScope(id), actor.id, now));
    if (!granted) return Conflict("already in the kernteam", "platforms.kernteam.already");
    WP_ASSIGN_OR_RETURN(auto member, PlatformStore::FindMember(c, id, user->user.id));
    if (!member) {
      WP_TRY_VOID(PlatformStore::InsertMember(c, Member{id, user->user.id, MemberKind::kResident, "", now},
                                              random_.Token(24), random_.Token(24)));
    }
    return Ok();
  });
}

Result<void> PlatformCommands::RemoveKernteamMember(const auth::User& actor, PlatformId id, int64_t user_id) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Platform p, Load(c, id));
    WP_TRY_VOID(Require(Can(actor, Action::kManageKernteam, p)));
    WP_ASSIGN_OR_RETURN(auto team, PlatformStore::Kernteam(c, id));
    bool found = std::any_of(team.begin(), team.end(), [&](const KernteamRow& k) { return k.user_id == user_id; });
    if (!found) return NotFound("not in the kernteam", "platforms.kernteam.not_member");
    if (team.size() <= 1) return Conflict("the last kernteam member stays", "platforms.kernteam.last_one");
    WP_ASSIGN_OR_RETURN([[maybe_unused]] bool revoked,
                        accounts::AccountStore::RevokeRole(c, user_id, auth::Role::kKernteamMember, PlatformScope(id),
                                                           actor.id, clock_.NowUnixSeconds()));
    return Ok();
  });
}

Result<void> PlatformCommands::Join(const auth::User& actor, PlatformId id, MemberKind kind,
                                    std::string_view organisation_name) {
  if (actor.id == 0) return Forbidden("sign in to join", "platforms.error.sign_in");
  std::string org = Trimmed(organisation_name);
  if (kind == MemberKind::kResident) org.clear();
  else if (org.empty()) return InvalidInput("organisation name missing", "platforms.member.organisation_missing");
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

Result<std::optional<PlatformStore::TokenHit>> PlatformCommands::LookupToken(std::string_view token) {
  return db_.Read([&](db::Connection& c) { return PlatformStore::FindToken(c, token); });
}

Result<PlatformCommands::Unsubscribed> PlatformCommands::Unsubscribe(std::string_view token) {
  return db_.Write([&](db::Connection& c) -> Result<Unsubscribed> {
    WP_ASSIGN_OR_RETURN(auto hit, PlatformStore::FindToken(c, token));
    if (!hit) return NotFound("unknown unsubscribe token", "platforms.unsubscribe.unknown");
    WP_ASSIGN_OR_RETURN(auto m, PlatformStore::FindMember(c, hit->platform_id, hit->user_id));
    if (!m) return NotFound("member gone", "platforms.unsubscribe.unknown");
    bool newsletter = m->mail_newsletter, events = m->mail_events;
    if (hit->topic == "newsletter") newsletter = false;
    else events = false;
    WP_TRY_VOID(PlatformStore::SetMail(c, hit->platform_id, hit->user_id, newsletter, events));
    WP_ASSIGN_OR_RETURN(Platform p, Load(c, hit->platform_id));
    return Unsubscribed{std::move(p), hit->topic};
  });
}

Result<int64_t> PlatformCommands::AddWorkingGroup(const auth::User& actor, PlatformId id, WorkingGroup g,
                                                  std::vector<FieldError>* fields) {
  g.platform_id = id;
  g.theme = Trimmed(g.theme);
  g.description = Trimmed(g.description);
  g.contact.name = Trimmed(g.contact.name);
  g.contact.email = ToLower(Trim(g.contact.email));
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(Platform p, Load(c, id));
    WP_TRY_VOID(Require(Can(actor, Action::kManageWorkingGroups, p)));
    auto problems = CheckWorkingGroup(g);
    if (fields) *fields = problems;
    if (!problems.empty()) return InvalidInput("invalid werkgroep", "platforms.register.invalid");
    WP_ASSIGN_OR_RETURN(auto contact, accounts::AccountStore::FindByEmail(c, g.contact.email));
    if (contact) g.contact.user_id = contact->user.id;
    return PlatformStore::InsertWorkingGroup(c, g);
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

Result<int64_t> PlatformCommands::AddOfficeHours(const auth::User& actor, PlatformId id, OfficeHours h,
                                                 std::vector<FieldError>* fields) {
  h.platform_id = id;
  h.place = Trimmed(h.place);
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(Platform p, Load(c, id));
    WP_TRY_VOID(Require(Can(actor, Action::kManageOfficeHours, p)));
    auto problems = CheckOfficeHours(h);
    if (fields) *fields = problems;
    if (!problems.empty()) return InvalidInput("invalid spreekuur", "platforms.register.invalid");
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

Result<int64_t> PlatformCommands::ApplyForSubsidy(const auth::User& actor, PlatformId id, int year,
                                                  std::vector<BudgetLine> budget, Money requested,
                                                  SubsidyErrors* problems) {
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    if (problems) problems->clear();
    WP_ASSIGN_OR_RETURN(Platform p, Load(c, id));
    WP_TRY_VOID(Require(Can(actor, Action::kApplyForSubsidy, p)));
    WP_ASSIGN_OR_RETURN(auto earlier, PlatformStore::Subsidies(c, id));
    auto app = Apply(id, year, std::move(budget), requested, earlier, clock_.NowUnixSeconds());
    if (!app.has_value()) {
      if (problems) *problems = app.error();
      return InvalidInput("invalid subsidy application", std::string(SubsidyProblemKey(app.error().front().problem)));
    }
    return PlatformStore::SaveSubsidy(c, *app);
  });
}

Result<void> PlatformCommands::SubsidyStepOn(const auth::User& actor, PlatformId id, int64_t subsidy_id,
                                             SubsidyStep step, std::optional<Money> amount, std::string_view reason,
                                             std::vector<BudgetLine> spending, SubsidyErrors* problems) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    if (problems) problems->clear();
    WP_ASSIGN_OR_RETURN(Platform p, Load(c, id));
    bool by_platform = step == SubsidyStep::kWithdraw || step == SubsidyStep::kReport;
    WP_TRY_VOID(Require(Can(actor, by_platform ? Action::kApplyForSubsidy : Action::kGrantSubsidy, p)));
    WP_ASSIGN_OR_RETURN(auto app, PlatformStore::FindSubsidy(c, id, subsidy_id));
    if (!app) return NotFound("no such subsidy application", "platforms.subsidy.not_found");
    int64_t now = clock_.NowUnixSeconds();
    if ((step == SubsidyStep::kGrant || step == SubsidyStep::kSettle) && !amount) {
      if (problems) problems->push_back({SubsidyProblem::kGrantNotPositive, -1});
      return InvalidInput("amount missing", "platforms.subsidy.amount_missing");
    }
    SubsidyResult r = Unexpected(SubsidyErrors{{SubsidyProblem::kWrongStatus, -1}});
    switch (step) {
      case SubsidyStep::kApply: break;
      case SubsidyStep::kWithdraw: r = Withdraw(*app, now); break;
      case SubsidyStep::kGrant: r = Grant(*app, *amount, reason, now); break;
      case SubsidyStep::kRefuse: r = Refuse(*app, reason, now); break;
      case SubsidyStep::kReport: r = ReportSpending(*app, std::move(spending), reason, now); break;
      case SubsidyStep::kSettle: r = Settle(*app, *amount, reason, now); break;
    }
    if (!r.has_value()) {
      if (problems) *problems = r.error();
      return InvalidInput("subsidy step refused", std::string(SubsidyProblemKey(r.error().front().problem)));
    }
    WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t saved, PlatformStore::SaveSubsidy(c, *r));
    return Ok();
  });
}

}  // namespace wp::platforms
