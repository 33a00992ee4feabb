// ForumCommands: the use cases behind the forum pages. Set up a forum
// (organisers), invite a seeded sample of addresses with registration codes,
// register with a code (no account), start a draw or a replacement (run by
// the draw job, draw_job.h), and erase personal data after the
// appeal period. Every change is in the forum's append-only history.
// Thread-safe.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/i18n/catalog.h"
#include "core/random.h"
#include "core/result.h"
#include "core/time/time_zone.h"
#include "features/forums/forum_store.h"
#include "features/forums/reserve.h"
#include "features/forums/rounds.h"
#include "features/forums/second_draw.h"
#include "features/geography/service.h"

namespace wp::forums {

inline constexpr std::string_view kDrawJob = "forums_draw";  // the job kind

struct ForumSettings {
  std::string base_url = "http://127.0.0.1:8080";  // the QR link on letters
  std::string municipality = "Haarlem";
};

// What a resident types on the registration form.
struct RegistrationForm {
  std::string code;
  std::string name, email, phone, availability;
  std::map<std::string, std::string> features;  // category -> value
  bool consent = false;
};

// Response to the invitations: invited, registered, and registrations per
// quota value (e.g. per buurt), in quota order.
struct Response {
  int invited = 0;
  int registered = 0;
  std::vector<std::pair<std::string, int>> per_value;  // "buurt=Zijlweg", count
};

// What replacing drop-outs did: who came from the reserve (drop-out, reserve
// public ids), and the engine's replacement draw for the rest, if any.
struct Replacement {
  std::vector<std::pair<std::string, std::string>> from_reserve;
  std::optional<int64_t> draw_id;
};

// What the official types to open a new registration round.
struct RoundForm {
  std::string address_csv;  // the codes' address CSV
  std::string seed;         // the published seed of the sample
  int sample_size = 0;
  int64_t register_until = 0;  // unix seconds; 0 when the date is missing or wrong
};

// What the official types for a second, weighted draw.
struct SecondDrawForm {
  int extra = 0;            // seats to add
  std::string targets_csv;  // targets for the whole forum after the draw (second_draw.h)
  std::string seed;         // drawn in public
};

class ForumCommands {
 public:
  ForumCommands(db::Database& db, const Clock& clock, Random& random, geography::GeographyService& geo,
                const time::TimeZone& zone, ForumSettings settings)
      : db_(db), clock_(clock), random_(random), geo_(geo), zone_(zone), settings_(std::move(settings)) {}

  int64_t Now() const { return clock_.NowUnixSeconds(); }
  const ForumSettings& settings() const { return settings_; }
  geography::GeographyService& geography() { return geo_; }
  const time::TimeZone& zone() const { return zone_; }

  // Quotas proposed from the CBS figures of the wijk (empty when none).
  std::string ProposeQuotas(std::string_view district_code, int seats) const;
  // Errors: kForbidden (not an organiser of the wijk's stadsdeel); FormInvalid.
  Result<Forum> Create(const auth::User& actor, const ForumSetup& setup);

  Result<std::vector<Forum>> Forums();
  // Errors: kNotFound.
  Result<Forum> Find(std::string_view slug);
  // The forum when `actor` organises it. Errors: kNotFound, kForbidden.
  Result<Forum> Managed(std::string_view slug, const auth::User& actor);

  // Draws the sample from the address list (codes' CSV format) with the
  // published `seed` and creates a registration code per address. Once per
  // forum. Errors: kConflict (already invited), FormInvalid (file, seed, size).
  Result<int> Invite(const auth::User& actor, const Forum& forum, std::string_view address_csv, const std::string& seed,
                     int sample_size);
  Result<std::vector<Invitation>> Invitations(const Forum& forum);
  // Closes registration now (before the date set), so the draw can start.
  // Errors: kConflict when it is closed already.
  Result<void> CloseRegistration(const auth::User& actor, const Forum& forum);
  Result<Response> ResponseRate(const Forum& forum);

  // The forum a typed code belongs to (registration page). Errors: FormInvalid
  // on "code" (unknown code, used code, registration closed).
  Result<Forum> ForumOfCode(std::string_view typed_code);
  // Registers; returns the public id. Errors: FormInvalid (code as above,
  // missing fields, no consent); nothing is stored then.
  Result<std::string> Register(const RegistrationForm& form);

  // Starts the first draw with the seed drawn in public; returns the draw id.
  // Errors: kConflict (registration still open, already drawn), FormInvalid
  // on "seed" (empty seed, a quota the registrations cannot meet: which one
  // and by how much; nothing changed).
  Result<int64_t> StartDraw(const auth::User& actor, const Forum& forum, const std::string& seed);
  // Marks `dropout_ids` (public ids of current members) as left and replaces
  // them at once: each by the first reserve who keeps the quotas reachable
  // (reserve.h; history "reserve_taken"), the rest by a replacement draw of
  // the engine under the quotas still open (history "replacement_started").
  // Errors as StartDraw, and FormInvalid on "dropouts" (not a current member).
  Result<Replacement> StartReplacement(const auth::User& actor, const Forum& forum,
                                       const std::vector<std::string>& dropout_ids, const std::string& seed);
  // Renewal in phases: fills the open seats (after terms ended) from the
  // reserve, each with the first reserve who keeps the quotas reachable and a
  // whole new term (at most 2 years), so the forum keeps its stagger. Returns
  // the public ids taken (history "refilled"). Errors: kConflict (no open
  // seat: forums.error.no_open_seats; a draw is running), FormInvalid on
  // "refill" (forums.error.no_reserve_fits: then a new draw is needed).
  Result<std::vector<std::string>> Refill(const auth::User& actor, const Forum& forum);
  // A second, weighted draw (second_draw_command.cc): `form.extra` more seats
  // from the people left (never a member, e-mail still kept), under the
  // targets minus what the members hold (PlanSecondDraw), run by the draw job;
  // when it is done the forum has the extra seats and the targets as its
  // quotas. Returns the draw id (history "second_draw_started").
  // Errors: kConflict (not drawn yet, a draw is running); FormInvalid on
  // "seed", "extra" (forums.error.open_seats: fill the open seats first;
  // .extra_total: above the largest forum) and as PlanSecondDraw; nothing
  // changed then.
  Result<int64_t> StartSecondDraw(const auth::User& actor, const Forum& forum, const SecondDrawForm& form);
  // A new registration round (round_commands.cc, rounds.h) when the reserve
  // cannot fill the open seats: a new sample of addresses not invited before
  // (published seed), with codes of this round; returns the round number
  // (history "round_opened"). A round that closed without a done draw (its
  // people could not meet the quotas) gives way to the new one.
  // Errors: kConflict (RoundRefusal: not drawn yet, no open seat, a round
  // still open for registration; a draw is running); FormInvalid on
  // "sample_seed", "sample_size",
  // "adressen", "register_until" (in the future, at most a year), "adressen"
  // forums.error.no_new_addresses (everyone was invited before); nothing
  // changed then.
  Result<int> OpenRound(const auth::User& actor, const Forum& forum, const RoundForm& form);
  Result<std::vector<Round>> Rounds(const Forum& forum);
  // Closes the current round's registration now. Errors: kConflict (no
  // current round, or its registration closed already).
  Result<void> CloseRound(const auth::User& actor, const Forum& forum);
  // Draws the open seats from the current round's registrations under the open seats' quotas (OpenSeatQuotas), LEXIMIN with the
  // public seed, in the draw job; each new member gets a whole term. Returns
  // the draw id (history "round_draw_started"). Errors: kConflict (no round
  // waiting, its registration still open, no open seat, a draw is running);
  // FormInvalid on "seed" (empty; a quota the round's people cannot meet:
  // which and by how much); nothing changed then.
  Result<int64_t> StartRoundDraw(const auth::User& actor, const Forum& forum, const std::string& seed);
  // The letters of round `number` (PDF). Errors: kNotFound (no such round).
  Result<std::string> RoundLettersPdf(const Forum& forum, int number, const i18n::Catalog& catalog,
                                      const std::string& locale);
  // For the round page, read in one transaction: the open seats and their
  // quotas, whether the first draw is done, and the round whose draw is not
  // done (CurrentRound), if any.
  struct RoundOutlook {
    OpenSeats open;
    bool drawn = false;
    std::optional<Round> waiting;
  };
  Result<RoundOutlook> RoundOutlookNow(const Forum& forum);

  // For the form: per quota value of the forum, what the current members hold
  // and how many people are left for a second draw.
  Result<std::vector<PlanRow>> Composition(const Forum& forum);

  // When seats are open: what the reserve cannot bring (ReserveShortfalls),
  // shown before the official refills. Empty when the forum is full.
  Result<std::vector<ReserveShortfall>> RefillShortfalls(const Forum& forum);

  // The reserve order of the forum's first draw, without anyone who has been
  // a member since. Empty before the draw.
  Result<std::vector<std::string>> ReserveIds(const Forum& forum);

  Result<std::vector<Draw>> Draws(const Forum& forum);
  // Errors: kNotFound (no such draw of this forum).
  Result<Draw> FindDraw(const Forum& forum, int64_t id);
  Result<std::vector<Member>> Members(const Forum& forum);
  Result<std::vector<HistoryEntry>> History(const Forum& forum);

  // Erases contact details and availability of every registration of forums
  // whose appeal period after the latest draw has ended (not of a round still
  // waiting for its draw); members and the first round's reserve keep name
  // and e-mail (KeepsNameAndEmail), the reserve until no member is left.
  // Returns how many registrations were erased.
  Result<int64_t> ErasePersonalData();

  // Ends the terms that have run out (at most 2 years, half the seats after
  // half the term), each in the forum's history. Returns how many ended.
  Result<int64_t> EndTerms();

  // Letters (PDF) for every invitation of the forum; see invitation_letters.h.
  Result<std::string> LettersPdf(const Forum& forum, const i18n::Catalog& catalog, const std::string& locale);

 private:
  // The letters of the invitations of round `round` (the first round also
  // holds invitations stored before rounds had numbers), registration open
  // until `register_until`.
  Result<std::string> LettersOf(const Forum& forum, int round, int64_t register_until, const i18n::Catalog& catalog,
                                const std::string& locale);
  // The forum's registrations as the engine's pool, without the public ids
  // in `leave_out` (people who left the forum: they are not drawn again).
  Result<sortition::Instance> PoolInstance(db::Connection& c, const Forum& forum, std::string* categories,
                                           std::string* respondents, const std::set<std::string>& leave_out = {});
  Result<void> CheckRegistration(db::Connection& c, const RegistrationForm& form, const Invitation& invitation,
                                 const Forum& forum, int64_t now);
  // Whether registration with `invitation` is closed at `now`: its round's
  // deadline passed or its round's draw (the first draw for round 1) started.
  Result<bool> RegistrationClosed(db::Connection& c, const Invitation& invitation, const Forum& forum, int64_t now);

  db::Database& db_;
  const Clock& clock_;
  Random& random_;
  geography::GeographyService& geo_;
  const time::TimeZone& zone_;
  ForumSettings settings_;
};

// The message of a reserve shortfall (forums.refill.short[_category]) and
// its arguments (quota, min, have, short).
std::string ShortfallKey(const ReserveShortfall& s);
std::vector<std::pair<std::string, std::variant<int64_t, std::string, Money>>> ShortfallArgs(
    const ReserveShortfall& s);

// The refusal of a draw whose pool cannot meet a quota by counting: per
// shortfall which quota and by how much (FormInvalid on "seed").
Error ShortfallError(const std::vector<QuotaShortfall>& shortfalls);

// The latest of `rounds` when no round draw of it is done: the round whose
// people the open seats are drawn from. nullopt when there is none.
std::optional<Round> CurrentRound(const std::vector<Round>& rounds, const std::vector<Draw>& draws);

// The link printed on a letter (and in its QR code).
std::string RegistrationLink(const ForumSettings& settings, std::string_view code);

}  // namespace wp::forums
