// New registration rounds (#16): when the reserve cannot fill the open seats
// within the quotas, the official invites a new sample of addresses, new
// people register with the codes of that round, and the open seats are drawn
// from them in public. The rules are pure (rounds.h); the draw runs in the
// draw job like the first, on files it publishes.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "core/jobs/jobs.h"
#include "core/strings.h"
#include "features/codes/address_list.h"
#include "features/codes/code_format.h"
#include "features/forums/commands.h"

namespace wp::forums {

namespace {

constexpr int64_t kMaxRoundDays = 366;

// The forum's state for a round: its current members' features and ids,
// and the latest round when its draw is not done (CurrentRound).
struct RoundState {
  bool drawn = false;
  std::vector<Features> members;
  std::vector<std::string> member_ids;
  std::optional<Round> waiting;
  std::vector<Draw> draws;
};

Result<RoundState> LoadRoundState(db::Connection& c, const Forum& forum) {
  RoundState s;
  WP_ASSIGN_OR_RETURN(s.draws, ForumStore::Draws(c, forum.id));
  s.drawn = std::any_of(s.draws.begin(), s.draws.end(),
                        [](const Draw& d) { return d.kind == "draw" && d.status == DrawStatus::kDone; });
  WP_ASSIGN_OR_RETURN(auto members, ForumStore::Members(c, forum.id));
  WP_ASSIGN_OR_RETURN(auto registrations, ForumStore::Registrations(c, forum.id));
  std::map<std::string, Features> features;
  for (const auto& r : registrations) features[r.public_id] = r.features;
  for (const auto& m : members) {
    if (m.left_at) continue;
    s.members.push_back(features[m.public_id]);
    s.member_ids.push_back(m.public_id);
  }
  WP_ASSIGN_OR_RETURN(auto rounds, ForumStore::Rounds(c, forum.id));
  s.waiting = CurrentRound(rounds, s.draws);
  return s;
}

std::vector<FieldError> CheckRoundForm(const RoundForm& form, int64_t now,
                                       const Result<codes::AddressList>& list) {
  std::vector<FieldError> errors;
  if (Trim(form.seed).empty()) errors.push_back({"sample_seed", "forums.error.seed", {}});
  if (form.sample_size < 1 || form.sample_size > kMaxSample) {
    errors.push_back({"sample_size", "forums.error.sample_size", {{"max", int64_t{kMaxSample}}}});
  }
  if (form.register_until <= now || form.register_until > now + kMaxRoundDays * 86400) {
    errors.push_back({"register_until", "forums.error.round_until", {}});
  }
  if (!list.has_value()) {
    std::string key = list.error().user_message_key.empty() ? "forums.error.addresses" : list.error().user_message_key;
    errors.push_back({"adressen", key, {}});
  }
  return errors;
}

}  // namespace

Result<int> ForumCommands::OpenRound(const auth::User& actor, const Forum& forum, const RoundForm& form) {
  int64_t now = Now();
  auto list = codes::ParseAddressCsv(form.address_csv);
  std::vector<FieldError> errors = CheckRoundForm(form, now, list);
  WP_ASSIGN_OR_RETURN(auto quotas, sortition::ParseCategoriesCsv(forum.setup.quotas_csv));
  return db_.Write([&](db::Connection& c) -> Result<int> {
    WP_ASSIGN_OR_RETURN(RoundState state, LoadRoundState(c, forum));
    OpenSeats open = OpenSeatQuotas(quotas, forum.setup.seats, state.members);
    bool registering = state.waiting && now < state.waiting->register_until;
    if (auto refusal = RoundRefusal(state.drawn, open.open, registering)) {
      return Conflict("a new round cannot open", *refusal);
    }
    if (AnyDrawRunning(state.draws)) return Conflict("a draw is running", "forums.error.draw_running");
    std::vector<int> sample;
    WP_ASSIGN_OR_RETURN(auto invitations, ForumStore::Invitations(c, forum.id));
    if (errors.empty()) {
      std::set<std::string> before;
      for (const auto& inv : invitations) before.insert(inv.address);
      sample = SampleNewAddresses(form.seed, list->addresses, before, form.sample_size);
      if (sample.empty()) errors.push_back({"adressen", "forums.error.no_new_addresses", {}});
    }
    if (!errors.empty()) return FormInvalid(std::move(errors), "the round cannot open");
    WP_ASSIGN_OR_RETURN(auto rounds, ForumStore::Rounds(c, forum.id));
    Round r;
    r.forum_id = forum.id;
    r.number = rounds.empty() ? 2 : rounds.back().number + 1;
    r.sample_seed = form.seed;
    r.sample_size = form.sample_size;
    r.address_count = static_cast<int>(list->addresses.size());
    r.address_list_sha256 = Sha256Hex(form.address_csv);
    r.register_until = form.register_until;
    r.open_seats = open.open;
    r.quotas_csv = CategoriesCsv(open.quotas);
    r.created_by = actor.id;
    r.created_at = now;
    WP_ASSIGN_OR_RETURN(r.id, ForumStore::InsertRound(c, r));
    for (size_t i = 0; i < sample.size(); ++i) {
      Invitation inv{0, forum.id, static_cast<int>(i + 1), list->addresses[static_cast<size_t>(sample[i])],
                     codes::GenerateCode(random_), {}, r.number};
      WP_TRY_VOID(ForumStore::InsertInvitation(c, inv));
    }
    WP_TRY_VOID(ForumStore::AppendHistory(
        c, forum.id,
        {now, actor.id, "round_opened",
         std::to_string(r.number) + ": " + std::to_string(sample.size()) + " / " + std::to_string(r.address_count) +
             "; seed " + r.sample_seed + "; sha256 " + r.address_list_sha256}));
    return r.number;
  });
}

Result<std::vector<Round>> ForumCommands::Rounds(const Forum& forum) {
  return db_.Read([&](db::Connection& c) { return ForumStore::Rounds(c, forum.id); });
}

Result<ForumCommands::RoundOutlook> ForumCommands::RoundOutlookNow(const Forum& forum) {
  WP_ASSIGN_OR_RETURN(auto quotas, sortition::ParseCategoriesCsv(forum.setup.quotas_csv));
  return db_.Read([&](db::Connection& c) -> Result<RoundOutlook> {
    WP_ASSIGN_OR_RETURN(RoundState state, LoadRoundState(c, forum));
    return RoundOutlook{OpenSeatQuotas(quotas, forum.setup.seats, state.members), state.drawn, state.waiting};
  });
}

Result<void> ForumCommands::CloseRound(const auth::User& actor, const Forum& forum) {
  int64_t now = Now();
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(RoundState state, LoadRoundState(c, forum));
    if (!state.waiting || state.waiting->register_until <= now) {
      return Conflict("no round open", "forums.error.already_closed");
    }
    WP_TRY_VOID(ForumStore::SetRoundRegisterUntil(c, state.waiting->id, now));
    return ForumStore::AppendHistory(c, forum.id,
                                     {now, actor.id, "round_closed", std::to_string(state.waiting->number)});
  });
}

Result<int64_t> ForumCommands::StartRoundDraw(const auth::User& actor, const Forum& forum, const std::string& seed) {
  if (Trim(seed).empty()) return FormInvalid({{"seed", "forums.error.seed", {}}});
  WP_ASSIGN_OR_RETURN(auto quotas, sortition::ParseCategoriesCsv(forum.setup.quotas_csv));
  int64_t now = Now();
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(RoundState state, LoadRoundState(c, forum));
    if (!state.waiting) return Conflict("no round waiting", "forums.error.no_round");
    if (now < state.waiting->register_until) return Conflict("registration still open", "forums.error.still_open");
    if (AnyDrawRunning(state.draws)) return Conflict("a draw is running", "forums.error.draw_running");
    OpenSeats open = OpenSeatQuotas(quotas, forum.setup.seats, state.members);
    if (open.open <= 0) return Conflict("no open seats", "forums.error.no_open_seats");
    // The round's people: registered with a code of this round, never a member.
    WP_ASSIGN_OR_RETURN(auto registrations, ForumStore::Registrations(c, forum.id));
    std::vector<Respondent> pool;
    for (const auto& r : registrations) {
      if (r.round == state.waiting->number) pool.push_back({r.public_id, r.features});
    }
    Draw d;
    d.forum_id = forum.id;
    d.kind = "round_draw";
    d.seed = seed;
    d.seats = open.open;
    d.round = state.waiting->number;
    d.categories_csv = CategoriesCsv(open.quotas);
    d.respondents_csv = RespondentsCsv(open.quotas, pool);
    for (const auto& id : state.member_ids) d.panel_csv += id + "\n";
    WP_ASSIGN_OR_RETURN(auto instance, InstanceFromFiles(d.categories_csv, d.respondents_csv, d.seats));
    auto shortfalls = CountShortfalls(instance);
    if (!shortfalls.empty()) return ShortfallError(shortfalls);
    d.created_by = actor.id;
    d.created_at = now;
    WP_ASSIGN_OR_RETURN(d.id, ForumStore::InsertDraw(c, d));
    WP_TRY_VOID(jobs::Enqueue(c, kDrawJob, d.id, now, 2));
    WP_TRY_VOID(ForumStore::AppendHistory(c, forum.id,
                                          {now, actor.id, "round_draw_started",
                                           std::to_string(d.round) + ": " + std::to_string(d.seats) + "; seed " + seed}));
    return d.id;
  });
}

Result<std::string> ForumCommands::RoundLettersPdf(const Forum& forum, int number, const i18n::Catalog& catalog,
                                                   const std::string& locale) {
  WP_ASSIGN_OR_RETURN(auto rounds, Rounds(forum));
  auto round = std::find_if(rounds.begin(), rounds.end(), [number](const Round& r) { return r.number == number; });
  if (round == rounds.end()) return NotFound("no such round", "forums.error.no_round");
  return LettersOf(forum, number, round->register_until, catalog, locale);
}

}  // namespace wp::forums
