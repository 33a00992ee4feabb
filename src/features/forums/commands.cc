#include "features/forums/commands.h"

#include <algorithm>
#include <set>

#include "core/jobs/jobs.h"
#include "core/strings.h"
#include "core/time/format.h"
#include "features/codes/address_list.h"
#include "features/codes/code_format.h"
#include "features/forums/invitation_letters.h"

namespace wp::forums {

namespace {

Result<void> Note(db::Connection& c, const Forum& f, int64_t actor, int64_t at, std::string event,
                  std::string detail = {}) {
  return ForumStore::AppendHistory(c, f.id, {at, actor, std::move(event), std::move(detail)});
}

Error CodeError(std::string key) { return FormInvalid({{"code", std::move(key), {}}}); }

bool HasOpenOrDoneDraw(const std::vector<Draw>& draws, std::string_view kind) {
  return std::any_of(draws.begin(), draws.end(),
                     [kind](const Draw& d) { return d.kind == kind && d.status != DrawStatus::kFailed; });
}

// ErasePersonalData for one forum: the registrations whose appeal period
// has ended (rounds.h MayErase, KeepsNameAndEmail).
Result<int64_t> EraseForum(db::Connection& c, const Forum& f, int64_t now) {
  WP_ASSIGN_OR_RETURN(auto draws, ForumStore::Draws(c, f.id));
  std::vector<DrawMoment> moments;
  for (const auto& d : draws) moments.push_back({d.kind, d.status == DrawStatus::kDone, d.finished_at});
  std::optional<int64_t> start = AppealStart(moments);
  if (!MayErase(now, start, f.setup.appeal_days, false)) return int64_t{0};
  WP_ASSIGN_OR_RETURN(auto rounds, ForumStore::Rounds(c, f.id));
  std::optional<Round> current = CurrentRound(rounds, draws);
  int waiting = current ? current->number : 0;  // its people wait for its draw
  WP_ASSIGN_OR_RETURN(auto members, ForumStore::Members(c, f.id));
  std::set<std::string> ever;
  for (const auto& m : members) ever.insert(m.public_id);
  // The reserve keeps name and e-mail while the forum has members: a
  // reserve may be asked to take a seat until the last term ends.
  bool reserve_needed = std::any_of(members.begin(), members.end(), [](const Member& m) { return !m.left_at; });
  WP_ASSIGN_OR_RETURN(auto registrations, ForumStore::Registrations(c, f.id));
  int64_t here = 0;
  for (const auto& r : registrations) {
    if (r.erased_at || !MayErase(now, start, f.setup.appeal_days, r.round == waiting)) continue;
    bool keep = KeepsNameAndEmail(ever.count(r.public_id) > 0, r.round);
    WP_ASSIGN_OR_RETURN(int64_t n, ForumStore::Erase(c, r.id, keep, now));
    here += n;
  }
  if (!reserve_needed) {
    WP_ASSIGN_OR_RETURN(int64_t n, ForumStore::EraseReserveContacts(c, f.id));
    here += n;
  }
  return here;
}

const geography::District* DistrictOf(const geography::Municipality& m, std::string_view code) {
  auto parsed = geography::DistrictCode::Parse(code);
  return parsed ? geography::FindDistrict(m, *parsed) : nullptr;
}

}  // namespace

Error ShortfallError(const std::vector<QuotaShortfall>& shortfalls) {
  std::vector<FieldError> errors;
  for (const auto& s : shortfalls) {
    if (s.feature.empty()) {
      errors.push_back({"seed", "forums.error.pool_too_small", {{"seats", int64_t{s.min}}, {"have", int64_t{s.have}}}});
    } else {
      errors.push_back({"seed",
                        "forums.error.quota_short",
                        {{"quota", s.feature},
                         {"min", int64_t{s.min}},
                         {"have", int64_t{s.have}},
                         {"short", int64_t{s.min - s.have}}}});
    }
  }
  return FormInvalid(std::move(errors), "a quota cannot be met");
}

std::optional<Round> CurrentRound(const std::vector<Round>& rounds, const std::vector<Draw>& draws) {
  if (rounds.empty()) return std::nullopt;
  const Round& last = rounds.back();
  bool done = std::any_of(draws.begin(), draws.end(), [&last](const Draw& d) {
    return d.kind == "round_draw" && d.round == last.number && d.status == DrawStatus::kDone;
  });
  if (done) return std::nullopt;
  return last;
}

std::string RegistrationLink(const ForumSettings& settings, std::string_view code) {
  return settings.base_url + "/aanmelden?code=" + std::string(code);
}

std::string ForumCommands::ProposeQuotas(std::string_view district_code, int seats) const {
  auto m = geo_.current();
  const geography::District* d = DistrictOf(*m, district_code);
  if (!d || seats < 1) return "";
  AreaFigures figures;
  figures.men = d->figures.men;
  figures.women = d->figures.women;
  for (const auto* n : geography::NeighbourhoodsOfDistrict(*m, d->code)) {
    if (n->figures.population && *n->figures.population > 0) {
      figures.buurten.emplace_back(n->name, *n->figures.population);
    } else {
      figures.buurten_without_figures.push_back(n->name);
    }
  }
  return ProposeQuotasCsv(figures, seats);
}

Result<Forum> ForumCommands::Create(const auth::User& actor, const ForumSetup& setup) {
  if (!IsOrganiser(actor)) return Forbidden("not an organiser", "forums.error.forbidden");
  auto m = geo_.current();
  const geography::District* d = DistrictOf(*m, setup.district_code);
  ForumSetup s = setup;
  if (!d) s.district_code.clear();
  WP_ASSIGN_OR_RETURN(sortition::Quotas quotas, CheckSetup(s, Now()));
  const geography::Borough* b = geography::FindBorough(*m, d->borough);
  Forum f;
  f.setup = s;
  f.setup.quotas_csv = CategoriesCsv(quotas);
  f.district_name = d->name;
  f.borough = b ? b->slug : "";
  if (!MayOrganise(actor, f.borough)) return Forbidden("not an organiser of this stadsdeel", "forums.error.forbidden");
  f.created_by = actor.id;
  f.created_at = Now();
  return db_.Write([&](db::Connection& c) -> Result<Forum> {
    std::string base = Slugify(s.name);
    if (base.empty()) base = "forum";
    f.slug = base;
    for (int n = 2;; ++n) {
      WP_ASSIGN_OR_RETURN(auto existing, ForumStore::FindForum(c, f.slug));
      if (!existing) break;
      f.slug = base + "-" + std::to_string(n);
    }
    WP_ASSIGN_OR_RETURN(f.id, ForumStore::InsertForum(c, f));
    WP_TRY_VOID(Note(c, f, actor.id, f.created_at, "created", f.setup.quotas_csv));
    return f;
  });
}

Result<std::vector<Forum>> ForumCommands::Forums() {
  return db_.Read([](db::Connection& c) { return ForumStore::Forums(c); });
}

Result<Forum> ForumCommands::Find(std::string_view slug) {
  WP_ASSIGN_OR_RETURN(auto f, db_.Read([&](db::Connection& c) { return ForumStore::FindForum(c, slug); }));
  if (!f) return NotFound("no such forum", "forums.error.not_found");
  return *f;
}

Result<Forum> ForumCommands::Managed(std::string_view slug, const auth::User& actor) {
  WP_ASSIGN_OR_RETURN(Forum f, Find(slug));
  if (!MayOrganise(actor, f.borough)) return Forbidden("not an organiser of this forum", "forums.error.forbidden");
  return f;
}

Result<int> ForumCommands::Invite(const auth::User& actor, const Forum& forum, std::string_view address_csv,
                                  const std::string& seed, int sample_size) {
  std::vector<FieldError> errors;
  if (Trim(seed).empty()) errors.push_back({"sample_seed", "forums.error.seed", {}});
  if (sample_size < 1 || sample_size > kMaxSample) {
    errors.push_back({"sample_size", "forums.error.sample_size", {{"max", int64_t{kMaxSample}}}});
  }
  auto list = codes::ParseAddressCsv(address_csv);
  if (!list.has_value()) {
    std::string key = list.error().user_message_key.empty() ? "forums.error.addresses" : list.error().user_message_key;
    errors.push_back({"adressen", key, {}});
  }
  if (!errors.empty()) return FormInvalid(std::move(errors));
  std::vector<int> sample = SampleAddresses(seed, list->addresses, sample_size);
  std::vector<std::string> codes;
  for (size_t i = 0; i < sample.size(); ++i) codes.push_back(codes::GenerateCode(random_));
  return db_.Write([&](db::Connection& c) -> Result<int> {
    WP_ASSIGN_OR_RETURN(auto current, ForumStore::FindForumById(c, forum.id));
    if (!current) return NotFound("no such forum", "forums.error.not_found");
    if (current->invited_at) return Conflict("already invited", "forums.error.already_invited");
    Forum f = *current;
    f.sample_seed = seed;
    f.sample_size = sample_size;
    f.address_count = static_cast<int>(list->addresses.size());
    f.address_list_sha256 = Sha256Hex(address_csv);
    f.invited_at = Now();
    WP_TRY_VOID(ForumStore::SaveSample(c, f));
    for (size_t i = 0; i < sample.size(); ++i) {
      Invitation inv{0, f.id, static_cast<int>(i + 1), list->addresses[static_cast<size_t>(sample[i])], codes[i], {}};
      WP_TRY_VOID(ForumStore::InsertInvitation(c, inv));
    }
    WP_TRY_VOID(Note(c, f, actor.id, *f.invited_at, "invited",
                     std::to_string(sample.size()) + " / " + std::to_string(f.address_count) + "; seed " + seed +
                         "; sha256 " + f.address_list_sha256));
    return static_cast<int>(sample.size());
  });
}

Result<std::vector<Invitation>> ForumCommands::Invitations(const Forum& forum) {
  return db_.Read([&](db::Connection& c) { return ForumStore::Invitations(c, forum.id); });
}

Result<void> ForumCommands::CloseRegistration(const auth::User& actor, const Forum& forum) {
  int64_t now = Now();
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto current, ForumStore::FindForumById(c, forum.id));
    if (!current) return NotFound("no such forum", "forums.error.not_found");
    if (current->setup.register_until <= now) return Conflict("already closed", "forums.error.already_closed");
    WP_TRY_VOID(ForumStore::SetRegisterUntil(c, forum.id, now));
    return Note(c, *current, actor.id, now, "closed");
  });
}

Result<Response> ForumCommands::ResponseRate(const Forum& forum) {
  WP_ASSIGN_OR_RETURN(auto quotas, sortition::ParseCategoriesCsv(forum.setup.quotas_csv));
  return db_.Read([&](db::Connection& c) -> Result<Response> {
    WP_ASSIGN_OR_RETURN(auto invitations, ForumStore::Invitations(c, forum.id));
    WP_ASSIGN_OR_RETURN(auto registrations, ForumStore::Registrations(c, forum.id));
    Response r;
    r.invited = static_cast<int>(invitations.size());
    r.registered = static_cast<int>(registrations.size());
    for (const auto& f : quotas.features) {
      int n = 0;
      for (const auto& reg : registrations) {
        auto it = reg.features.find(f.category);
        if (it != reg.features.end() && it->second == f.value) ++n;
      }
      r.per_value.emplace_back(f.Name(), n);
    }
    return r;
  });
}

Result<Forum> ForumCommands::ForumOfCode(std::string_view typed_code) {
  auto code = codes::NormaliseTyped(typed_code);
  if (!code) return CodeError("forums.error.code_unknown");
  return db_.Read([&](db::Connection& c) -> Result<Forum> {
    WP_ASSIGN_OR_RETURN(auto inv, ForumStore::FindInvitation(c, *code));
    if (!inv) return CodeError("forums.error.code_unknown");
    if (inv->registered_at) return CodeError("forums.error.code_used");
    WP_ASSIGN_OR_RETURN(auto f, ForumStore::FindForumById(c, inv->forum_id));
    if (!f) return CodeError("forums.error.code_unknown");
    WP_ASSIGN_OR_RETURN(bool closed, RegistrationClosed(c, *inv, *f, Now()));
    if (closed) return CodeError("forums.error.closed");
    return *f;
  });
}

Result<void> ForumCommands::CheckRegistration(db::Connection& c, const RegistrationForm& form,
                                              const Invitation& invitation, const Forum& forum, int64_t now) {
  if (invitation.registered_at) return CodeError("forums.error.code_used");
  WP_ASSIGN_OR_RETURN(bool closed, RegistrationClosed(c, invitation, forum, now));
  if (closed) return CodeError("forums.error.closed");
  WP_ASSIGN_OR_RETURN(auto quotas, sortition::ParseCategoriesCsv(forum.setup.quotas_csv));
  std::vector<FieldError> errors;
  if (Trim(form.name).empty()) errors.push_back({"name", "forums.error.reg_name", {}});
  if (!IsPlausibleEmail(form.email)) errors.push_back({"email", "forums.error.reg_email", {}});
  for (const std::string* s : {&form.name, &form.email, &form.phone}) {
    if (s->size() > 200) errors.push_back({"name", "forums.error.too_long", {{"max", int64_t{200}}}});
  }
  if (form.availability.size() > 2000) {
    errors.push_back({"availability", "forums.error.too_long", {{"max", int64_t{2000}}}});
  }
  auto features = CheckFeatures(quotas, form.features);
  if (!features.has_value()) {
    for (auto& e : features.error().fields) errors.push_back(e);
  }
  if (!form.consent) errors.push_back({"consent", "forums.error.consent", {}});
  if (!errors.empty()) return FormInvalid(std::move(errors));
  return Ok();
}

Result<bool> ForumCommands::RegistrationClosed(db::Connection& c, const Invitation& invitation, const Forum& forum,
                                               int64_t now) {
  WP_ASSIGN_OR_RETURN(auto draws, ForumStore::Draws(c, forum.id));
  if (invitation.round <= 1) return now >= forum.setup.register_until || HasOpenOrDoneDraw(draws, "draw");
  WP_ASSIGN_OR_RETURN(auto rounds, ForumStore::Rounds(c, forum.id));
  auto round = std::find_if(rounds.begin(), rounds.end(), [&](const Round& r) { return r.number == invitation.round; });
  if (round == rounds.end() || now >= round->register_until) return true;
  return std::any_of(draws.begin(), draws.end(), [&](const Draw& d) {
    return d.kind == "round_draw" && d.round == invitation.round && d.status != DrawStatus::kFailed;
  });
}

Result<std::string> ForumCommands::Register(const RegistrationForm& form) {
  auto code = codes::NormaliseTyped(form.code);
  if (!code) return CodeError("forums.error.code_unknown");
  int64_t now = Now();
  return db_.Write([&](db::Connection& c) -> Result<std::string> {
    WP_ASSIGN_OR_RETURN(auto inv, ForumStore::FindInvitation(c, *code));
    if (!inv) return CodeError("forums.error.code_unknown");
    WP_ASSIGN_OR_RETURN(auto forum, ForumStore::FindForumById(c, inv->forum_id));
    if (!forum) return CodeError("forums.error.code_unknown");
    WP_TRY_VOID(CheckRegistration(c, form, *inv, *forum, now));
    WP_ASSIGN_OR_RETURN(bool fresh, ForumStore::MarkRegistered(c, inv->id, now));
    if (!fresh) return CodeError("forums.error.code_used");
    WP_ASSIGN_OR_RETURN(int64_t count, ForumStore::CountRegistrations(c, forum->id));
    Registration r;
    r.forum_id = forum->id;
    r.invitation_id = inv->id;
    r.public_id = PublicId(static_cast<int>(count + 1));
    r.name = std::string(Trim(form.name));
    r.email = std::string(Trim(form.email));
    r.phone = std::string(Trim(form.phone));
    r.availability = form.availability;
    r.features = form.features;
    r.consent_at = now;
    r.created_at = now;
    r.round = inv->round;
    WP_TRY_VOID(ForumStore::InsertRegistration(c, r));
    WP_TRY_VOID(Note(c, *forum, 0, now, "registered", r.public_id));
    return r.public_id;
  });
}

Result<sortition::Instance> ForumCommands::PoolInstance(db::Connection& c, const Forum& forum, std::string* categories,
                                                        std::string* respondents,
                                                        const std::set<std::string>& leave_out) {
  WP_ASSIGN_OR_RETURN(auto quotas, sortition::ParseCategoriesCsv(forum.setup.quotas_csv));
  WP_ASSIGN_OR_RETURN(auto registrations, ForumStore::Registrations(c, forum.id));
  std::vector<Respondent> pool;
  for (const auto& r : registrations) {
    // Whose name and e-mail are gone cannot be asked to take a seat.
    bool unreachable = r.erased_at && r.email.empty();
    if (!leave_out.count(r.public_id) && !unreachable) pool.push_back({r.public_id, r.features});
  }
  *categories = CategoriesCsv(quotas);
  *respondents = RespondentsCsv(quotas, pool);
  return InstanceFromFiles(*categories, *respondents, forum.setup.seats);
}

Result<int64_t> ForumCommands::StartDraw(const auth::User& actor, const Forum& forum, const std::string& seed) {
  if (Trim(seed).empty()) return FormInvalid({{"seed", "forums.error.seed", {}}});
  int64_t now = Now();
  if (now < forum.setup.register_until) return Conflict("registration still open", "forums.error.still_open");
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(auto draws, ForumStore::Draws(c, forum.id));
    if (HasOpenOrDoneDraw(draws, "draw")) return Conflict("already drawn", "forums.error.already_drawn");
    Draw d;
    d.forum_id = forum.id;
    d.kind = "draw";
    d.seed = seed;
    d.seats = forum.setup.seats;
    WP_ASSIGN_OR_RETURN(auto instance, PoolInstance(c, forum, &d.categories_csv, &d.respondents_csv));
    auto shortfalls = CountShortfalls(instance);
    if (!shortfalls.empty()) return ShortfallError(shortfalls);
    d.created_by = actor.id;
    d.created_at = now;
    WP_ASSIGN_OR_RETURN(d.id, ForumStore::InsertDraw(c, d));
    WP_TRY_VOID(jobs::Enqueue(c, kDrawJob, d.id, now, 2));
    WP_TRY_VOID(Note(c, forum, actor.id, now, "draw_started", "seed " + seed));
    return d.id;
  });
}

Result<std::vector<Draw>> ForumCommands::Draws(const Forum& forum) {
  return db_.Read([&](db::Connection& c) { return ForumStore::Draws(c, forum.id); });
}

Result<Draw> ForumCommands::FindDraw(const Forum& forum, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto d, db_.Read([&](db::Connection& c) { return ForumStore::FindDraw(c, id); }));
  if (!d || d->forum_id != forum.id) return NotFound("no such draw", "forums.error.draw_not_found");
  return *d;
}

Result<std::vector<Member>> ForumCommands::Members(const Forum& forum) {
  return db_.Read([&](db::Connection& c) { return ForumStore::Members(c, forum.id); });
}

Result<std::vector<HistoryEntry>> ForumCommands::History(const Forum& forum) {
  return db_.Read([&](db::Connection& c) { return ForumStore::History(c, forum.id); });
}

Result<int64_t> ForumCommands::ErasePersonalData() {
  int64_t now = Now();
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(auto forums, ForumStore::Forums(c));
    int64_t erased = 0;
    for (const auto& f : forums) {
      WP_ASSIGN_OR_RETURN(int64_t here, EraseForum(c, f, now));
      if (here > 0) WP_TRY_VOID(Note(c, f, 0, now, "erased", std::to_string(here)));
      erased += here;
    }
    return erased;
  });
}

Result<int64_t> ForumCommands::EndTerms() {
  int64_t now = Now();
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(auto ended, ForumStore::EndTerms(c, now));
    std::map<int64_t, int> open;
    for (const auto& [forum_id, public_id] : ended) {
      WP_TRY_VOID(ForumStore::AppendHistory(c, forum_id, {now, 0, "term_ended", public_id}));
      ++open[forum_id];
    }
    // Renewal in phases: the site proposes filling the seats of this cohort.
    for (const auto& [forum_id, seats] : open) {
      WP_TRY_VOID(ForumStore::AppendHistory(c, forum_id, {now, 0, "refill_proposed", std::to_string(seats)}));
    }
    return static_cast<int64_t>(ended.size());
  });
}

Result<std::string> ForumCommands::LettersPdf(const Forum& forum, const i18n::Catalog& catalog,
                                              const std::string& locale) {
  return LettersOf(forum, 1, forum.setup.register_until, catalog, locale);
}

Result<std::string> ForumCommands::LettersOf(const Forum& forum, int round, int64_t register_until,
                                             const i18n::Catalog& catalog, const std::string& locale) {
  WP_ASSIGN_OR_RETURN(auto all, Invitations(forum));
  std::vector<Invitation> invitations;
  for (const auto& inv : all) {
    if (inv.round == round || (round == 1 && inv.round < 1)) invitations.push_back(inv);
  }
  LetterFacts facts{settings_.municipality, time::FormatPeriodEnd(zone_, register_until, locale), settings_.base_url};
  return InvitationLettersPdf(forum, invitations, facts, catalog, locale);
}

}  // namespace wp::forums
