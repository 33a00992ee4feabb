#include "features/platforms/commands.h"

#include <algorithm>

#include "core/mail/addresses.h"
#include "core/strings.h"
#include "features/platforms/area_map_from_geography.h"
#include "features/platforms/command_checks.h"
#include "features/platforms/permissions.h"
#include "features/platforms/platform_store.h"

namespace wp::platforms {

namespace {

Error TransitionError(TransitionProblem p) {
  std::string key(TransitionProblemKey(p));
  switch (p) {
    case TransitionProblem::kForbidden:
      return Forbidden("status change not allowed", key);
    case TransitionProblem::kNoSuchTransition:
      return Conflict("no such status change", key);
    case TransitionProblem::kReasonRequired:
    case TransitionProblem::kReasonTooLong:
      return FormInvalid({{"reason", key}});
  }
  return Internal("unknown transition problem");
}

std::vector<std::string> TrimmedThemes(const std::vector<std::string>& themes) {
  std::vector<std::string> out;
  for (const auto& t : themes) {
    std::string theme = Trimmed(t);
    if (!theme.empty()) out.push_back(theme);
  }
  return out;
}

// The names of buurt- and wijkcodes in the municipality, joined for a message.
std::string PlaceNames(const geography::Municipality& m, const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& code : codes) {
    std::string name = code;
    for (const auto& n : m.neighbourhoods) {
      if (n.code.str() == code) name = n.name;
    }
    for (const auto& d : m.districts) {
      if (d.code.str() == code) name = d.name;
    }
    out += (out.empty() ? "" : ", ") + name;
  }
  return out;
}

// The area problem for the "area" field, with the codes at fault.
std::vector<FieldError> AreaFieldErrors(const AreaError& e) {
  std::vector<FieldError> out = {{"area", std::string(AreaProblemKey(e.problem))}};
  if (!e.codes.empty()) out.push_back({"area", "platforms.area.codes", {{"codes", JoinStrings(e.codes, ", ")}}});
  return out;
}

// Every overlapping platform, named with the shared buurten or wijken.
Error OverlapError(const geography::Municipality& m, const std::vector<OverlapConflict>& overlaps) {
  std::vector<FieldError> fields = {{"area", "platforms.overlap.refused"}};
  for (const auto& o : overlaps) {
    fields.push_back(
        {"area", std::string(OverlapReasonKey(o.reason)), {{"name", o.other_name}, {"areas", PlaceNames(m, o.codes)}}});
  }
  Error e = Conflict("area overlaps another active platform", "platforms.overlap.refused");
  e.fields = std::move(fields);
  return e;
}

// The member rows of platform `id` with their accounts (members without one
// left out).
Result<std::vector<std::pair<MemberRow, accounts::Person>>> MemberRowsOf(db::Connection& c,
                                                                         const accounts::Roles& roles, PlatformId id) {
  WP_ASSIGN_OR_RETURN(auto rows, PlatformStore::Members(c, id));
  std::vector<int64_t> ids;
  for (const auto& r : rows) ids.push_back(r.member.user_id);
  WP_ASSIGN_OR_RETURN(auto people, roles.People(c, ids));
  std::vector<std::pair<MemberRow, accounts::Person>> out;
  for (auto& r : rows) {
    auto it = people.find(r.member.user_id);
    if (it != people.end()) out.emplace_back(std::move(r), it->second);
  }
  return out;
}

}  // namespace

Result<void> Require(bool allowed) {
  if (!allowed) return Forbidden("not allowed", "platforms.error.forbidden");
  return Ok();
}

std::string Trimmed(std::string_view s) { return std::string(Trim(s)); }

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

// --------------------------------------------------------------- queries

Result<std::vector<Platform>> PlatformCommands::List() const {
  return db_.Read([](db::Connection& c) { return PlatformStore::List(c); });
}

Result<std::optional<Platform>> PlatformCommands::Find(PlatformId id) const {
  return db_.Read([&](db::Connection& c) { return PlatformStore::Find(c, id); });
}

Result<std::optional<Platform>> PlatformCommands::FindBySlug(std::string_view slug) const {
  return db_.Read([&](db::Connection& c) { return PlatformStore::FindBySlug(c, slug); });
}

Result<Platform> PlatformCommands::PlatformOf(std::string_view slug) const {
  WP_ASSIGN_OR_RETURN(auto p, FindBySlug(slug));
  if (!p) return NotFound("no such platform", "platforms.error.not_found");
  return std::move(*p);
}

Result<std::vector<Platform>> PlatformCommands::ActiveInDistrict(std::string_view district_code) const {
  return db_.Read([&](db::Connection& c) { return PlatformStore::ActiveInDistrict(c, district_code); });
}

Result<std::optional<Member>> PlatformCommands::FindMember(PlatformId id, int64_t user_id) const {
  return db_.Read([&](db::Connection& c) -> Result<std::optional<Member>> {
    WP_ASSIGN_OR_RETURN(auto m, PlatformStore::FindMember(c, id, user_id));
    if (!m) return std::optional<Member>();
    return std::optional<Member>(m->member);
  });
}

Result<std::vector<accounts::Person>> PlatformCommands::Kernteam(db::Connection& c, PlatformId id) const {
  return roles_.Holders(c, auth::Role::kKernteamMember, PlatformScope(id));
}

Result<std::vector<MemberView>> PlatformCommands::MembersOf(db::Connection& c, PlatformId id) const {
  WP_ASSIGN_OR_RETURN(auto rows, MemberRowsOf(c, roles_, id));
  std::vector<MemberView> out;
  for (auto& [row, person] : rows) out.push_back({row.member, std::move(person)});
  std::stable_sort(out.begin(), out.end(), [](const MemberView& a, const MemberView& b) {
    return a.person.display_name < b.person.display_name;
  });
  return out;
}

Result<std::vector<MailRecipient>> PlatformCommands::Recipients(PlatformId id, MailTopic topic) const {
  return db_.Read([&](db::Connection& c) -> Result<std::vector<MailRecipient>> {
    WP_ASSIGN_OR_RETURN(auto rows, MemberRowsOf(c, roles_, id));
    bool newsletter = topic == MailTopic::kNewsletter;
    std::vector<MailRecipient> out;
    for (const auto& [r, person] : rows) {
      if (!(newsletter ? r.member.mail_newsletter : r.member.mail_events)) continue;
      // Only members who confirmed their address get list mail.
      WP_ASSIGN_OR_RETURN(bool verified, mail::IsVerified(c, person.email));
      if (!verified) continue;
      out.push_back({person.id, person.email, person.display_name, person.locale == "en" ? "en" : "nl",
                     "/afmelden/" + (newsletter ? r.newsletter_token : r.events_token)});
    }
    return out;
  });
}

Result<PlatformPage> PlatformCommands::Page(const Platform& p, int64_t viewer_id) const {
  return db_.Read([&](db::Connection& c) -> Result<PlatformPage> {
    PlatformPage page;
    WP_ASSIGN_OR_RETURN(page.contact_confirmed, mail::IsVerified(c, p.contact_email));
    WP_ASSIGN_OR_RETURN(page.kernteam, Kernteam(c, p.id));
    WP_ASSIGN_OR_RETURN(page.groups, GroupsOf(c, p.id));
    WP_ASSIGN_OR_RETURN(page.hours, PlatformStore::OfficeHoursOf(c, p.id));
    WP_ASSIGN_OR_RETURN(page.member_count, PlatformStore::CountMembers(c, p.id));
    if (viewer_id) {
      WP_ASSIGN_OR_RETURN(auto me, PlatformStore::FindMember(c, p.id, viewer_id));
      if (me) page.me = me->member;
      WP_ASSIGN_OR_RETURN(page.my_groups, PlatformStore::GroupsOfUser(c, p.id, viewer_id));
    }
    return page;
  });
}

Result<std::vector<ListedWorkingGroup>> PlatformCommands::GroupsOf(db::Connection& c, PlatformId id) const {
  WP_ASSIGN_OR_RETURN(auto groups, PlatformStore::WorkingGroups(c, id));
  for (auto& g : groups) {
    WP_ASSIGN_OR_RETURN(g.contact_confirmed, mail::IsVerified(c, g.group.contact.email));
  }
  return groups;
}

Result<void> PlatformCommands::AskContactConsent(db::Connection& c, const std::string& address,
                                                 const std::string& purpose_key, const i18n::Args& args) {
  if (checks_.catalog == nullptr) return Ok();
  // Residents' locale is not known for an address someone else typed: Dutch.
  std::string purpose = checks_.catalog->Format("nl", purpose_key, args);
  WP_ASSIGN_OR_RETURN([[maybe_unused]] bool queued,
                      accounts::QueueAddressCheck(c, random_, *checks_.catalog, checks_.site, address, "nl",
                                                  clock_.NowUnixSeconds(), purpose));
  return Ok();
}

Result<ManagementPage> PlatformCommands::Management(const Platform& p) const {
  return db_.Read([&](db::Connection& c) -> Result<ManagementPage> {
    ManagementPage page;
    WP_ASSIGN_OR_RETURN(page.contact_confirmed, mail::IsVerified(c, p.contact_email));
    WP_ASSIGN_OR_RETURN(page.kernteam, Kernteam(c, p.id));
    WP_ASSIGN_OR_RETURN(page.groups, GroupsOf(c, p.id));
    WP_ASSIGN_OR_RETURN(page.hours, PlatformStore::OfficeHoursOf(c, p.id));
    WP_ASSIGN_OR_RETURN(page.members, MembersOf(c, p.id));
    return page;
  });
}

Result<std::vector<HistoryEntry>> PlatformCommands::History(PlatformId id) const {
  return db_.Read([&](db::Connection& c) -> Result<std::vector<HistoryEntry>> {
    WP_ASSIGN_OR_RETURN(auto changes, PlatformStore::History(c, id));
    std::vector<int64_t> ids;
    for (const auto& h : changes) ids.push_back(h.actor_user_id);
    WP_ASSIGN_OR_RETURN(auto people, roles_.People(c, ids));
    std::vector<HistoryEntry> out;
    for (auto& h : changes) {
      auto it = people.find(h.actor_user_id);
      out.push_back({std::move(h), it == people.end() ? "" : it->second.display_name});
    }
    return out;
  });
}

Result<std::vector<SubsidyApplication>> PlatformCommands::Subsidies(PlatformId id) const {
  return db_.Read([&](db::Connection& c) { return PlatformStore::Subsidies(c, id); });
}

Result<std::vector<PlatformFigures>> PlatformCommands::Figures() const {
  return db_.Read([](db::Connection& c) -> Result<std::vector<PlatformFigures>> {
    WP_ASSIGN_OR_RETURN(auto platforms, PlatformStore::List(c));
    WP_ASSIGN_OR_RETURN(auto subsidies, PlatformStore::AllSubsidies(c));
    std::vector<PlatformFigures> out;
    for (auto& p : platforms) {
      PlatformFigures f{std::move(p), 0, {}};
      WP_ASSIGN_OR_RETURN(f.member_count, PlatformStore::CountMembers(c, f.platform.id));
      for (const auto& a : subsidies) {
        if (a.platform_id == f.platform.id) f.subsidies.push_back(a);
      }
      out.push_back(std::move(f));
    }
    return out;
  });
}

Result<UnsubscribeLink> PlatformCommands::FindUnsubscribeLink(std::string_view token) const {
  return db_.Read([&](db::Connection& c) -> Result<UnsubscribeLink> {
    WP_ASSIGN_OR_RETURN(auto hit, PlatformStore::FindToken(c, token));
    if (!hit) return NotFound("unknown unsubscribe token", "platforms.unsubscribe.unknown");
    WP_ASSIGN_OR_RETURN(auto p, PlatformStore::Find(c, hit->platform_id));
    if (!p) return NotFound("platform gone", "platforms.unsubscribe.unknown");
    return UnsubscribeLink{std::move(*p), hit->topic, hit->subscribed};
  });
}

// ------------------------------------------------------------ registration

Result<Platform> PlatformCommands::CheckRegistration(const auth::User& actor, const RegisterInput& in,
                                                     const AreaMap& map) const {
  if (actor.id == 0) return Forbidden("sign in to register a platform", "platforms.error.sign_in");
  Platform p;
  p.name = Trimmed(in.name);
  p.description = Trimmed(in.description);
  p.contact_email = ToLower(Trim(in.contact_email));
  p.themes = TrimmedThemes(in.themes);
  p.area = in.area;
  if (in.converted_from_council && !Trim(*in.converted_from_council).empty()) {
    p.converted_from_council = Trimmed(*in.converted_from_council);
  }
  p.status = PlatformStatus::kSubmitted;
  p.created_at = clock_.NowUnixSeconds();
  std::vector<FieldError> fields = CheckPlatformDetails(p);
  auto area = CheckArea(p.area, map);
  if (area.has_value()) {
    p.borough_slug = area->borough_slug;
  } else {
    for (auto& f : AreaFieldErrors(area.error())) fields.push_back(std::move(f));
  }
  if (!fields.empty()) return FormInvalid(std::move(fields), "invalid platform");
  return p;
}

Result<void> PlatformCommands::CheckAgainstOthers(db::Connection& c, const Platform& p, const AreaMap& map) const {
  WP_ASSIGN_OR_RETURN(auto all, PlatformStore::List(c));
  std::vector<OtherPlatform> others;
  for (const auto& o : all) {
    if (IsActive(o.status)) others.push_back({o.id, o.name, o.status, o.area});
  }
  auto overlap = CheckOverlap(0, p.area, others, policy_);
  if (!overlap.has_value()) return OverlapError(*geo_.current(), overlap.error());
  if (p.converted_from_council) {
    WP_ASSIGN_OR_RETURN(auto claimed, PlatformStore::ClaimedCouncils(c, 0));
    auto conv = CheckCouncilConversion(*p.converted_from_council, p.area, map, claimed, p.created_at);
    if (!conv.has_value()) return FormInvalid({{"council", std::string(ConversionProblemKey(conv.error()))}});
  }
  return Ok();
}

Result<Platform> PlatformCommands::Register(const auth::User& actor, const RegisterInput& in) {
  const AreaMap map = CurrentAreaMap();
  WP_ASSIGN_OR_RETURN(Platform p, CheckRegistration(actor, in, map));
  auto registered = db_.Write([&](db::Connection& c) -> Result<Platform> {
    WP_TRY_VOID(CheckAgainstOthers(c, p, map));
    p.slug = NewSlug(c, p.name);
    WP_ASSIGN_OR_RETURN(p.id, PlatformStore::Insert(c, p, actor.id));
    WP_TRY_VOID(PlatformStore::InsertClaims(c, p.id, PlatformStore::ClaimsFor(p, policy_)));
    WP_TRY_VOID(PlatformStore::AppendHistory(
        c, StatusChange{p.id, PlatformStatus::kSubmitted, PlatformStatus::kSubmitted, actor.id, "", p.created_at}));
    WP_ASSIGN_OR_RETURN([[maybe_unused]] bool granted, roles_.Grant(c, actor.id, auth::Role::kKernteamMember,
                                                                    PlatformScope(p.id), actor.id, p.created_at));
    Member m{p.id, actor.id, MemberKind::kResident, "", p.created_at};
    WP_TRY_VOID(PlatformStore::InsertMember(c, m, random_.Token(24), random_.Token(24)));
    WP_TRY_VOID(AskContactConsent(c, p.contact_email, "platforms.mail.contact_purpose", {{"platform", p.name}}));
    return p;
  });
  // Another registration claimed (part of) the area after our check: the
  // claims' unique key refused ours.
  if (!registered.has_value() && registered.error().code == ErrorCode::kConflict && !registered.error().has_fields()) {
    Error e = registered.error();
    e.fields = {{"area", e.user_message_key.empty() ? "platforms.overlap.claimed" : e.user_message_key}};
    return e;
  }
  return registered;
}

// -------------------------------------------------------------- recognition

Result<void> PlatformCommands::ChangeStatus(const auth::User& actor, PlatformId id, PlatformStatus to,
                                            std::string_view reason) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Platform p, Load(c, id));
    auto change = DecideTransition(p, to, actor, reason, clock_.NowUnixSeconds());
    if (!change.has_value()) return TransitionError(change.error());
    WP_ASSIGN_OR_RETURN(auto history, PlatformStore::History(c, id));
    if (!CanAppend(history, *change).has_value()) {
      return Conflict("history does not allow this change", "platforms.transition.stale");
    }
    WP_TRY_VOID(PlatformStore::SetStatus(c, id, to));
    WP_TRY_VOID(PlatformStore::AppendHistory(c, *change));
    if (!IsActive(to)) WP_TRY_VOID(PlatformStore::ReleaseClaims(c, id));
    return Ok();
  });
}

// ------------------------------------------------------ details and kernteam

Result<void> PlatformCommands::UpdateDetails(const auth::User& actor, PlatformId id, const Platform& details) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Platform p, Load(c, id));
    WP_TRY_VOID(Require(Can(actor, Action::kEditPlatformPage, p)));
    p.name = Trimmed(details.name);
    p.description = Trimmed(details.description);
    p.contact_email = ToLower(Trim(details.contact_email));
    p.themes = TrimmedThemes(details.themes);
    auto problems = CheckPlatformDetails(p);
    if (!problems.empty()) return FormInvalid(std::move(problems), "invalid details");
    WP_TRY_VOID(PlatformStore::UpdateDetails(c, p));
    return AskContactConsent(c, p.contact_email, "platforms.mail.contact_purpose", {{"platform", p.name}});
  });
}

Result<void> PlatformCommands::ConfirmContactForDemo(const std::string& address) {
  return db_.Write([&](db::Connection& c) { return mail::MarkVerified(c, address, clock_.NowUnixSeconds()); });
}

Result<void> PlatformCommands::RemoveKernteamMember(const auth::User& actor, PlatformId id, int64_t user_id) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Platform p, Load(c, id));
    WP_TRY_VOID(Require(Can(actor, Action::kManageKernteam, p)));
    WP_ASSIGN_OR_RETURN(auto team, Kernteam(c, id));
    bool found = std::any_of(team.begin(), team.end(), [&](const accounts::Person& k) { return k.id == user_id; });
    if (!found) return NotFound("not in the kernteam", "platforms.kernteam.not_member");
    if (team.size() <= 1) return Conflict("the last kernteam member stays", "platforms.kernteam.last_one");
    WP_ASSIGN_OR_RETURN(
        [[maybe_unused]] bool revoked,
        roles_.Revoke(c, user_id, auth::Role::kKernteamMember, PlatformScope(id), actor.id, clock_.NowUnixSeconds()));
    return Ok();
  });
}

}  // namespace wp::platforms
