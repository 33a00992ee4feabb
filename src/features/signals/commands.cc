#include "features/signals/commands.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include "core/auth/tokens.h"
#include "core/mail/addresses.h"
#include "core/mail/outbox.h"
#include "core/strings.h"
#include "core/time/format.h"
#include "features/signals/command_helpers.h"
#include "features/signals/deadlines.h"
#include "features/signals/question_store.h"

namespace wp::signals {

using internal::CheckStaffText;
using internal::MakeEvent;
using internal::TrimmedText;
using internal::WithField;

namespace {

std::string PhotoDir(const SignalsSettings& settings) {
  return (std::filesystem::path(settings.upload_dir) / "signals").string();
}

// Deletes photo files written for a report that was not stored.
void RemovePhotos(const SignalsSettings& settings, const std::vector<std::string>& names) {
  std::error_code ec;
  for (const auto& f : names) std::filesystem::remove(std::filesystem::path(PhotoDir(settings)) / f, ec);
}

// Writes re-encoded photos under random names; on a failure removes what it
// wrote. Returns the names.
Result<std::vector<std::string>> WritePhotos(const std::vector<image::Photo>& photos, const SignalsSettings& settings,
                                             Random& random) {
  std::vector<std::string> stored;
  if (photos.empty()) return stored;
  std::error_code ec;
  std::filesystem::create_directories(PhotoDir(settings), ec);
  for (const auto& p : photos) {
    std::string bytes(16, '\0');
    random.Fill(bytes.data(), bytes.size());
    std::string name = ToHex(bytes) + ".jpg";
    std::ofstream out(std::filesystem::path(PhotoDir(settings)) / name, std::ios::binary);
    out.write(p.jpeg.data(), static_cast<std::streamsize>(p.jpeg.size()));
    if (!out) {
      RemovePhotos(settings, stored);
      return Internal("cannot write photo " + name);
    }
    stored.push_back(name);
  }
  return stored;
}

// The intake limits a report counts against: per client, per e-mail address,
// per API key. Checked and counted in the report's own transaction.
Result<void> CountIntake(db::Connection& c, const std::vector<std::pair<std::string, IntakeLimit>>& limits,
                         int64_t now) {
  for (const auto& [key, limit] : limits) {
    WP_ASSIGN_OR_RETURN(int64_t recent, SignalStore::CountIntake(c, key, now - limit.window_seconds));
    if (recent >= limit.max) {
      return WithField(RateLimited("signal intake rate limited: " + key.substr(0, key.find(':'))), "form",
                       "signals.report.rate_limited");
    }
  }
  for (const auto& [key, limit] : limits) WP_TRY_VOID(SignalStore::RecordIntake(c, key, now));
  return Ok();
}

// A new signal in state "gemeld" (without its place in the city).
Signal NewSignal(const ReportInput& in, const Category& category, const Intake& intake, int64_t now,
                 const time::TimeZone& zone) {
  Signal s;
  s.category_id = category.id;
  s.department_slug = category.department_slug;
  s.status = SignalStatus::kReported;
  s.description = in.description;
  s.share_publicly = in.share_publicly;
  s.lon = in.location.lon;
  s.lat = in.location.lat;
  s.street = in.location.street;
  s.source = intake.source;
  s.platform_id = in.platform_id;
  s.created_at = s.updated_at = s.last_reporter_message_at = now;
  s.deadline_at = DeadlineAt(zone, now, category.handling_days);
  s.next_update_at = NextUpdateAt(zone, now, category.update_interval_days);
  return s;
}

// The reporter of a new signal with the private follow link and, when they
// gave an e-mail address, the mail that asks to verify it (the only mail
// before the address is verified).
Result<Receipt> AddReporter(db::Connection& c, int64_t signal_id, const ReportInput& in, const Intake& intake,
                            const std::string& follow_token, const std::string& verify_token, int64_t now,
                            const SignalsSettings& settings, const i18n::Catalog& catalog) {
  Reporter rep;
  rep.signal_id = rep.original_signal_id = signal_id;
  if (intake.user && intake.user->id != 0) rep.user_id = intake.user->id;
  rep.email = in.email;
  rep.locale = in.locale;
  WP_ASSIGN_OR_RETURN(rep.id, SignalStore::InsertReporter(c, rep, now));
  WP_TRY_VOID(SignalStore::InsertLink(c, auth::TokenHash(follow_token), rep.id, "follow", now));
  Receipt receipt{signal_id, SignalNumber(signal_id), follow_token, false};
  if (!rep.email.empty()) {
    // The only mail before the address is verified: the question to verify it.
    WP_TRY_VOID(SignalStore::InsertLink(c, auth::TokenHash(verify_token), rep.id, "verify", now));
    i18n::Args args = {{"number", receipt.number},
                       {"link", settings.base_url + "/meldingen/bevestigen/" + verify_token},
                       {"site", settings.site_name}};
    mail::OutgoingMail m;
    m.to = rep.email;
    m.subject = catalog.Format(rep.locale, "signals.mail.verify.subject", args);
    m.body_text = catalog.Format(rep.locale, "signals.mail.verify.body", args);
    m.proves_control = true;  // sent before the address is verified (core/mail/addresses.h)
    WP_TRY_VOID(mail::Enqueue(c, m, now));
    receipt.verification_sent = true;
  }
  return receipt;
}

}  // namespace

SignalCommands::SignalCommands(db::Database& db, const Clock& clock, Random& random, const time::TimeZone& zone,
                               const i18n::Catalog& catalog, const geography::GeographyService& geography,
                               SignalsSettings settings)
    : db_(db),
      clock_(clock),
      random_(random),
      zone_(zone),
      catalog_(catalog),
      geography_(geography),
      settings_(std::move(settings)) {}

// --- categories and departments

Result<std::vector<Category>> SignalCommands::Categories() {
  return db_.Read([](db::Connection& c) { return SignalStore::Categories(c); });
}

Result<std::vector<Department>> SignalCommands::Departments() {
  return db_.Read([](db::Connection& c) { return SignalStore::Departments(c); });
}

Result<int64_t> SignalCommands::SaveCategory(const auth::User& actor, Category cat) {
  if (!CanManageCategories(actor)) return Forbidden("not an administrator");
  cat.name = TrimmedText(cat.name);
  cat.name_en = TrimmedText(cat.name_en);
  cat.description = TrimmedText(cat.description);
  cat.slug = TrimmedText(cat.slug);
  if (cat.slug.empty() && !cat.name.empty()) cat.slug = Slugify(cat.name);
  auto errors = CheckCategory(cat);
  auto r = db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(auto departments, SignalStore::Departments(c));
    bool known = std::any_of(departments.begin(), departments.end(),
                             [&](const Department& d) { return d.slug == cat.department_slug; });
    if (!cat.department_slug.empty() && !known) errors.push_back({"department", "signals.forward.unknown"});
    if (cat.parent_id) {
      WP_ASSIGN_OR_RETURN(auto parent, SignalStore::FindCategory(c, *cat.parent_id));
      if (!parent || parent->parent_id || *cat.parent_id == cat.id) {
        errors.push_back({"parent", "signals.error.bad_parent"});
      }
    }
    if (!errors.empty()) return FormInvalid(errors, "category form has errors");
    if (cat.id == 0) return SignalStore::InsertCategory(c, cat);
    WP_ASSIGN_OR_RETURN(auto existing, SignalStore::FindCategory(c, cat.id));
    if (!existing) return NotFound("no such category");
    WP_TRY_VOID(SignalStore::UpdateCategory(c, cat));
    return cat.id;
  });
  if (!r.has_value() && r.error().code == ErrorCode::kConflict) {
    return FormInvalid({{"slug", "signals.error.slug_taken"}}, "category slug taken");
  }
  return r;
}

Result<void> SignalCommands::SaveDepartment(const auth::User& actor, const Department& in) {
  if (!CanManageCategories(actor)) return Forbidden("not an administrator");
  Department d{TrimmedText(in.slug), TrimmedText(in.name), in.external};
  if (d.slug.empty() && !d.name.empty()) d.slug = Slugify(d.name);
  std::vector<FieldError> errors;
  if (d.name.empty())
    errors.push_back({"name", kMissing});
  else if (CountChars(d.name) > 80)
    errors.push_back({"name", kTooLong, {{"max", int64_t{80}}}});
  if (d.slug.empty() || d.slug != Slugify(d.slug) || d.slug.size() > 60) {
    errors.push_back({"slug", "signals.error.bad_slug"});
  }
  if (!errors.empty()) return FormInvalid(errors, "department form has errors");
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_TRY_VOID(SignalStore::SaveDepartment(c, d));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

// --- reporting

Result<SignalCommands::Located> SignalCommands::Locate(const Location& loc) const {
  auto m = geography_.current();
  const geography::Neighbourhood* n = nullptr;
  if (loc.lon && loc.lat) {
    n = geography::FindNeighbourhoodAt(*m, *loc.lon, *loc.lat);
    if (!n) return FormInvalid({{"location", kOutsideMunicipality}}, "point outside the municipality");
  } else {
    auto code = geography::NeighbourhoodCode::Parse(loc.neighbourhood_code);
    n = code ? geography::FindNeighbourhood(*m, *code) : nullptr;
    if (!n) return FormInvalid({{"neighbourhood", kUnknownNeighbourhood}}, "unknown buurt");
  }
  const geography::Borough* b = geography::FindBorough(*m, n->borough);
  return Located{n->code.str(), n->district_code.str(), b ? b->slug : ""};
}

Result<Receipt> SignalCommands::Report(const ReportInput& raw, const std::vector<std::string>& photos,
                                       const Intake& intake) {
  ReportInput in = raw;
  in.description = TrimmedText(in.description);
  in.location.street = TrimmedText(in.location.street);
  in.email = ToLower(Trim(in.email));
  if (!i18n::IsSupportedLocale(in.locale)) in.locale = "nl";
  std::vector<FieldError> errors = CheckReportFields(in);
  if (static_cast<int>(photos.size()) > settings_.max_photos) {
    errors.push_back({"photos", "signals.error.too_many_photos", {{"max", int64_t{settings_.max_photos}}}});
  }
  WP_ASSIGN_OR_RETURN(auto categories, Categories());
  const Category* category = nullptr;
  for (const auto& c : categories) {
    if (c.slug == in.category_slug && IsReportable(c, categories)) category = &c;
  }
  if (!category && !in.category_slug.empty()) errors.push_back({"category", kUnknownCategory});
  std::vector<StoredAnswer> answers;
  if (category) {
    WP_ASSIGN_OR_RETURN(answers, CheckReportAnswers(category->id, in.answers, errors));
  }
  Located where;
  bool location_checked = std::none_of(errors.begin(), errors.end(), [](const FieldError& e) {
    return e.field == "location" || e.field == "neighbourhood";
  });
  if (location_checked) {
    auto located = Locate(in.location);
    if (located.has_value()) {
      where = *located;
    } else {
      for (const auto& f : located.error().fields) errors.push_back(f);
    }
  }
  if (!errors.empty()) return FormInvalid(errors, "report has errors");
  if (in.platform_id && !(intake.user && CanReportForPlatform(*intake.user, std::to_string(*in.platform_id)))) {
    return Forbidden("not in the kernteam of this platform");
  }

  std::vector<image::Photo> encoded;
  for (const auto& data : photos) {
    auto photo = image::ReencodePhoto(data, settings_.photo_limits);
    if (!photo.has_value()) {
      return FormInvalid({{"photos", std::string(image::PhotoProblemKey(photo.error()))}}, "photo refused");
    }
    encoded.push_back(std::move(*photo));
  }
  WP_ASSIGN_OR_RETURN(const std::vector<std::string> stored, WritePhotos(encoded, settings_, random_));

  int64_t now = clock_.NowUnixSeconds();
  std::string follow_token = auth::NewToken(random_);
  std::string verify_token = auth::NewToken(random_);
  std::vector<std::pair<std::string, IntakeLimit>> limits = {{"client:" + intake.client_address, settings_.per_client}};
  if (!in.email.empty()) limits.push_back({"email:" + in.email, settings_.per_email});
  if (intake.api_key_id) limits.push_back({"key:" + std::to_string(*intake.api_key_id), settings_.per_api_key});

  auto r = db_.Write([&](db::Connection& c) -> Result<Receipt> {
    WP_TRY_VOID(CountIntake(c, limits, now));
    Signal s = NewSignal(in, *category, intake, now, zone_);
    s.neighbourhood_code = where.neighbourhood_code;
    s.district_code = where.district_code;
    s.borough_slug = where.borough_slug;
    WP_ASSIGN_OR_RETURN(s.id, SignalStore::InsertSignal(c, s));
    if (!in.form_nonce.empty()) {
      auto used = SignalStore::RecordFormUse(c, auth::TokenHash(in.form_nonce), s.id, now);
      if (!used.has_value()) {
        if (used.error().code == ErrorCode::kConflict) {
          return FormInvalid({{"form", "signals.report.replayed"}}, "report form sent twice");
        }
        return used.error();
      }
    }
    Event created = MakeEvent(s, now, "status", intake.user ? &*intake.user : nullptr);
    created.status = SignalStatus::kReported;
    created.is_public = true;
    WP_TRY_VOID(SignalStore::InsertEvent(c, created));
    WP_TRY_VOID(QuestionStore::InsertAnswers(c, s.id, answers));
    for (size_t i = 0; i < stored.size(); ++i) {
      PhotoRow p{0, s.id, stored[i], encoded[i].width, encoded[i].height};
      WP_TRY_VOID(SignalStore::InsertPhoto(c, p, static_cast<int64_t>(encoded[i].jpeg.size()), now));
    }
    return AddReporter(c, s.id, in, intake, follow_token, verify_token, now, settings_, catalog_);
  });
  if (!r.has_value()) RemovePhotos(settings_, stored);
  return r;
}

// --- the reporter's side

Result<FollowView> SignalCommands::Follow(const std::string& token) {
  if (!auth::LooksLikeToken(token)) return NotFound("bad follow token", "signals.follow.unknown");
  int64_t now = clock_.NowUnixSeconds();
  return db_.Read([&](db::Connection& c) -> Result<FollowView> {
    WP_ASSIGN_OR_RETURN(auto rep, SignalStore::ReporterByLink(c, auth::TokenHash(token), "follow"));
    if (!rep) return NotFound("unknown follow token", "signals.follow.unknown");
    WP_ASSIGN_OR_RETURN(auto s, SignalStore::FindSignal(c, rep->signal_id));
    if (!s) return NotFound("signal gone", "signals.follow.unknown");
    FollowView v;
    v.signal = *s;
    v.original_signal_id = rep->original_signal_id;
    WP_ASSIGN_OR_RETURN(v.events, SignalStore::EventsOf(c, s->id, false));
    if (rep->original_signal_id != s->id) {
      WP_ASSIGN_OR_RETURN(auto earlier, SignalStore::EventsOf(c, rep->original_signal_id, false));
      v.events.insert(v.events.begin(), earlier.begin(), earlier.end());
      std::stable_sort(v.events.begin(), v.events.end(), [](const Event& a, const Event& b) { return a.at < b.at; });
    }
    WP_ASSIGN_OR_RETURN(v.photos, SignalStore::PhotosOf(c, rep->original_signal_id));
    v.email = rep->email;
    v.email_verified = rep->verified;
    v.can_react = !rep->reacted && CanReporterReact(zone_, s->status, s->closed_at, now);
    if (s->closed_at) v.react_until = ReactionDeadline(zone_, *s->closed_at);
    return v;
  });
}

Result<std::string> SignalCommands::VerifyEmail(const std::string& token) {
  if (!auth::LooksLikeToken(token)) return NotFound("bad verify token", "signals.verify.unknown");
  int64_t now = clock_.NowUnixSeconds();
  return db_.Write([&](db::Connection& c) -> Result<std::string> {
    WP_ASSIGN_OR_RETURN(auto rep, SignalStore::ReporterByLink(c, auth::TokenHash(token), "verify"));
    if (!rep) return NotFound("unknown verify token", "signals.verify.unknown");
    WP_TRY_VOID(SignalStore::MarkVerified(c, rep->id, now));
    // The same address is verified for the whole site: held mail to it goes out.
    if (!rep->email.empty()) WP_TRY_VOID(mail::MarkVerified(c, rep->email, now));
    return SignalNumber(rep->original_signal_id);
  });
}

Result<std::pair<Reporter, std::optional<Signal>>> SignalCommands::ReactingReporter(db::Connection& c,
                                                                                    const std::string& token) const {
  WP_ASSIGN_OR_RETURN(auto rep, SignalStore::ReporterByLink(c, auth::TokenHash(token), "follow"));
  if (!rep) return NotFound("unknown follow token", "signals.follow.unknown");
  WP_ASSIGN_OR_RETURN(auto s, SignalStore::FindSignal(c, rep->signal_id));
  if (!s) return NotFound("signal gone", "signals.follow.unknown");
  if (rep->reacted) return Conflict("already reacted", "signals.react.already");
  return std::make_pair(*rep, s);
}

Result<void> SignalCommands::GiveSatisfaction(const std::string& token, bool satisfied, const std::string& raw_text) {
  if (!auth::LooksLikeToken(token)) return NotFound("bad follow token", "signals.follow.unknown");
  std::string text = TrimmedText(raw_text);
  if (auto problem = CheckStaffText("text", text, false)) return FormInvalid({*problem});
  int64_t now = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(auto followed, ReactingReporter(c, token));
    auto& [rep, s] = followed;
    if (!CanReporterReact(zone_, s->status, s->closed_at, now)) return Conflict("too late", "signals.react.too_late");
    s->satisfied = satisfied;
    if (!satisfied) s->needs_attention = true;
    s->updated_at = now;
    WP_TRY_VOID(SignalStore::UpdateSignal(c, *s));
    Event e = MakeEvent(*s, now, "satisfaction", nullptr);
    e.text = (satisfied ? "+ " : "- ") + text;
    WP_TRY_VOID(SignalStore::InsertEvent(c, e));
    WP_TRY_VOID(SignalStore::MarkReacted(c, rep.id, now));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

Result<void> SignalCommands::ReopenByReporter(const std::string& token, const std::string& raw_reason) {
  if (!auth::LooksLikeToken(token)) return NotFound("bad follow token", "signals.follow.unknown");
  std::string reason = TrimmedText(raw_reason);
  if (auto problem = CheckStaffText("reason", reason, true)) return FormInvalid({*problem});
  int64_t now = clock_.NowUnixSeconds();
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(auto followed, ReactingReporter(c, token));
    auto& [rep, s] = followed;
    if (!CanReporterReact(zone_, s->status, s->closed_at, now) ||
        CheckTransition(s->status, SignalStatus::kReopened, Actor::kReporter)) {
      return Conflict("too late to reopen", "signals.react.too_late");
    }
    WP_ASSIGN_OR_RETURN(int interval, UpdateIntervalOf(c, s->category_id));
    WP_ASSIGN_OR_RETURN(auto category, SignalStore::FindCategory(c, s->category_id));
    s->status = SignalStatus::kReopened;
    s->closed_at.reset();
    s->satisfied = false;
    s->needs_attention = true;
    s->updated_at = now;
    s->deadline_at = DeadlineAt(zone_, now, category ? category->handling_days : 5);
    s->next_update_at = NextUpdateAt(zone_, now, interval);
    WP_TRY_VOID(SignalStore::UpdateSignal(c, *s));
    Event e = MakeEvent(*s, now, "reopen_request", nullptr);
    e.status = SignalStatus::kReopened;
    e.text = reason;
    e.is_public = true;
    WP_TRY_VOID(SignalStore::InsertEvent(c, e));
    WP_TRY_VOID(SignalStore::MarkReacted(c, rep.id, now));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

// --- automatic updates

Result<bool> SignalCommands::SendUpdateIfDue(int64_t id) {
  int64_t now = clock_.NowUnixSeconds();
  return db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(auto s, SignalStore::FindSignal(c, id));
    // Checked again inside the transaction: another run may have sent it.
    if (!s || !IsUpdateDue(s->status, s->next_update_at, now)) return false;
    WP_ASSIGN_OR_RETURN(int interval, UpdateIntervalOf(c, s->category_id));
    int64_t expected = ExpectedBy(zone_, s->status, s->planned_for, s->deadline_at, now, interval);
    Event e = MakeEvent(*s, now, "update", nullptr);
    e.text = time::LastDayInputValue(zone_, expected);
    e.is_public = true;
    WP_TRY_VOID(SignalStore::InsertEvent(c, e));
    WP_TRY_VOID(MailReporters(c, *s, {"signals.mail.update.subject", "signals.mail.update.body"}, {}, now,
                              {{"expected_at", expected}}));
    s->needs_attention = true;
    ToldReporter(c, *s, now);
    WP_TRY_VOID(SignalStore::UpdateSignal(c, *s));
    return true;
  });
}

Result<int> SignalCommands::SendDueUpdates(int max) {
  int64_t now = clock_.NowUnixSeconds();
  WP_ASSIGN_OR_RETURN(auto due, db_.Read([&](db::Connection& c) { return SignalStore::DueForUpdate(c, now, max); }));
  int sent = 0;
  for (int64_t id : due) {
    WP_ASSIGN_OR_RETURN(bool done, SendUpdateIfDue(id));
    if (done) ++sent;
  }
  return sent;
}

Result<void> SignalCommands::PurgeIntakeLog() {
  int64_t before = clock_.NowUnixSeconds() - 24 * 3600;
  auto r = db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_TRY_VOID(SignalStore::PurgeIntake(c, before));
    return true;
  });
  if (!r.has_value()) return r.error();
  return Ok();
}

// --- queries

Result<PublicCounts> SignalCommands::KeptCounts(db::Connection& c, const std::string& column,
                                                const std::vector<std::string>& codes, int64_t now) const {
  WP_ASSIGN_OR_RETURN(int64_t version, SignalStore::LatestEventId(c));
  std::string key = column;
  for (const auto& code : codes) key += ":" + code;
  if (auto kept = public_counts_.Get(key, version, now)) return *kept;
  WP_ASSIGN_OR_RETURN(auto counts, SignalStore::CountPublicIn(c, column, codes, now));
  PublicCounts made{counts.first, counts.second};
  public_counts_.Put(key, version, now, made);
  return made;
}

Result<PublicPage> SignalCommands::PublicList(const std::string& district_code, int64_t page, int per_page) {
  int64_t now = clock_.NowUnixSeconds();
  return db_.Read([&](db::Connection& c) -> Result<PublicPage> {
    PublicPage p;
    WP_ASSIGN_OR_RETURN(PublicCounts counts, KeptCounts(c, "district_code", {district_code}, now));
    p.total = counts.total;
    int64_t last = std::max<int64_t>(1, (p.total + per_page - 1) / per_page);
    p.page = std::clamp<int64_t>(page, 1, last);
    WP_ASSIGN_OR_RETURN(p.signals, SignalStore::ListPublic(c, district_code, now, per_page,
                                                           static_cast<int>((p.page - 1) * per_page)));
    // In the same read: on PostgreSQL each read costs a BEGIN and a COMMIT round trip.
    WP_ASSIGN_OR_RETURN(p.categories, SignalStore::Categories(c));
    return p;
  });
}

Result<AreaList> SignalCommands::PublicInArea(const std::string& column, const std::vector<std::string>& codes,
                                              int limit) {
  int64_t now = clock_.NowUnixSeconds();
  return db_.Read([&](db::Connection& c) -> Result<AreaList> {
    AreaList a;
    WP_ASSIGN_OR_RETURN(PublicCounts counts, KeptCounts(c, column, codes, now));
    a.total = counts.total;
    a.open = counts.open;
    WP_ASSIGN_OR_RETURN(a.latest, SignalStore::ListPublicIn(c, column, codes, now, limit));
    WP_ASSIGN_OR_RETURN(a.categories, SignalStore::Categories(c));
    return a;
  });
}

Result<std::optional<Signal>> SignalCommands::PublicSignal(int64_t id) {
  return db_.Read([&](db::Connection& c) { return SignalStore::FindSignal(c, id); });
}

Result<std::vector<Event>> SignalCommands::PublicEvents(int64_t id) {
  return db_.Read([&](db::Connection& c) { return SignalStore::EventsOf(c, id, false); });
}

Result<std::vector<PhotoRow>> SignalCommands::Photos(int64_t signal_id) {
  return db_.Read([&](db::Connection& c) { return SignalStore::PhotosOf(c, signal_id); });
}

Result<std::optional<PhotoRow>> SignalCommands::FindPhoto(int64_t photo_id) {
  return db_.Read([&](db::Connection& c) { return SignalStore::FindPhoto(c, photo_id); });
}

Result<std::string> SignalCommands::PhotoBytes(const PhotoRow& photo) {
  std::ifstream in(std::filesystem::path(PhotoDir(settings_)) / photo.stored_name, std::ios::binary);
  if (!in) return NotFound("photo file missing");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result<QueuePage> SignalCommands::Queue(const auth::User& actor, QueueFilter filter, int page, int per_page) {
  filter.scopes = HandlingScopes(actor);
  filter.now = clock_.NowUnixSeconds();
  return db_.Read([&](db::Connection& c) -> Result<QueuePage> {
    QueuePage p;
    WP_ASSIGN_OR_RETURN(p.total, SignalStore::CountQueue(c, filter));
    WP_ASSIGN_OR_RETURN(p.signals, SignalStore::ListQueue(c, filter, per_page, (page - 1) * per_page));
    return p;
  });
}

Result<StaffView> SignalCommands::ForStaff(const auth::User& actor, int64_t id) {
  return db_.Read([&](db::Connection& c) -> Result<StaffView> {
    StaffView v;
    WP_ASSIGN_OR_RETURN(v.signal, LoadForStaff(c, actor, id));
    WP_ASSIGN_OR_RETURN(v.events, SignalStore::EventsOf(c, id, true));
    WP_ASSIGN_OR_RETURN(v.photos, SignalStore::PhotosOf(c, id));
    WP_ASSIGN_OR_RETURN(v.answers, QuestionStore::AnswersOf(c, id));
    WP_ASSIGN_OR_RETURN(auto reporters, SignalStore::ReportersOf(c, id));
    v.reporters = static_cast<int>(reporters.size());
    for (const auto& r : reporters) v.verified_reporters += r.verified && !r.email.empty() ? 1 : 0;
    WP_ASSIGN_OR_RETURN(v.handlers, SignalStore::Handlers(c, v.signal.department_slug));
    if (roles_) {
      const Signal& s = v.signal;
      for (const StaffScope& scope : std::vector<StaffScope>{
               {"", ""}, {s.department_slug, ""}, {"", s.borough_slug}, {s.department_slug, s.borough_slug}}) {
        WP_ASSIGN_OR_RETURN(auto people, roles_->Holders(c, auth::Role::kMunicipalStaff, StaffScopeText(scope)));
        for (const auto& p : people) {
          bool known = false;
          for (const auto& h : v.handlers) known = known || h.first == p.id;
          if (!known) v.handlers.emplace_back(p.id, p.display_name);
        }
      }
      std::sort(v.handlers.begin(), v.handlers.end(),
                [](const auto& a, const auto& b) { return std::tie(a.second, a.first) < std::tie(b.second, b.first); });
    }
    return v;
  });
}

Result<std::vector<Signal>> SignalCommands::List(const ListFilter& filter) {
  return db_.Read([&](db::Connection& c) { return SignalStore::List(c, filter); });
}

Result<std::vector<Signal>> SignalCommands::Export(int64_t from, int64_t to) {
  return db_.Read([&](db::Connection& c) -> Result<std::vector<Signal>> {
    std::vector<Signal> all;
    ListFilter f;
    f.from = from;
    f.to = to;
    f.limit = 1000;
    for (;;) {
      WP_ASSIGN_OR_RETURN(auto page, SignalStore::List(c, f));
      all.insert(all.end(), page.begin(), page.end());
      if (static_cast<int>(page.size()) < f.limit) break;
      f.offset += f.limit;
    }
    std::reverse(all.begin(), all.end());
    return all;
  });
}

Result<Trends> SignalCommands::TrendsFor(const std::vector<std::string>& neighbourhoods, int months) {
  time::LocalDateTime today = zone_.ToLocal(clock_.NowUnixSeconds());
  Trends t;
  int year = today.year, month = today.month;
  for (int i = 0; i < months - 1; ++i) {
    if (--month == 0) {
      month = 12;
      --year;
    }
  }
  int64_t since = zone_.StartOfDay({year, month, 1});
  std::map<std::pair<int, int>, size_t> index;
  for (int i = 0, y = year, m = month; i < months; ++i) {
    char key[8];
    std::snprintf(key, sizeof key, "%04d-%02d", y, m);
    t.months.push_back(key);
    index[{y, m}] = static_cast<size_t>(i);
    if (++m == 13) {
      m = 1;
      ++y;
    }
  }
  WP_ASSIGN_OR_RETURN(auto categories, Categories());
  std::map<int64_t, int64_t> main_of;
  for (const auto& c : categories) main_of[c.id] = c.parent_id.value_or(c.id);
  WP_ASSIGN_OR_RETURN(
      auto created, db_.Read([&](db::Connection& c) { return SignalStore::CreatedInArea(c, neighbourhoods, since); }));
  std::map<int64_t, std::vector<int64_t>> counts;
  for (const auto& [category_id, at] : created) {
    time::LocalDateTime local = zone_.ToLocal(at);
    auto it = index.find({local.year, local.month});
    if (it == index.end()) continue;
    auto& row = counts[main_of.count(category_id) ? main_of[category_id] : category_id];
    row.resize(static_cast<size_t>(months), 0);
    ++row[it->second];
  }
  for (const auto& c : categories) {
    if (c.parent_id) continue;
    auto it = counts.find(c.id);
    t.rows.push_back({c.id, it == counts.end() ? std::vector<int64_t>(static_cast<size_t>(months), 0) : it->second});
  }
  return t;
}

Result<std::string> SignalCommands::StatusNotes(int64_t id) {
  WP_ASSIGN_OR_RETURN(auto e, db_.Read([&](db::Connection& c) { return SignalStore::LatestPublicText(c, id); }));
  if (!e) return std::string();
  if (e->kind == "update") {
    auto day = time::ParseDateInput(e->text);
    if (day) {
      return catalog_.Format("nl", "signals.event.update", {{"date", time::FormatDate(*day, "nl")}});
    }
  }
  return e->text;
}

// --- API keys

Result<std::pair<int64_t, std::string>> SignalCommands::CreateApiKey(const std::string& raw_name) {
  std::string name = TrimmedText(raw_name);
  if (name.empty() || CountChars(name) > 80) return InvalidInput("give the key a name of at most 80 characters");
  std::string key = "wpk_" + auth::NewToken(random_);
  int64_t now = clock_.NowUnixSeconds();
  WP_ASSIGN_OR_RETURN(int64_t id, db_.Write([&](db::Connection& c) {
    return SignalStore::InsertApiKey(c, name, auth::TokenHash(key), key.substr(0, 10), now);
  }));
  return std::make_pair(id, key);
}

Result<std::vector<ApiKey>> SignalCommands::ApiKeys() {
  return db_.Read([](db::Connection& c) { return SignalStore::ApiKeys(c); });
}

Result<bool> SignalCommands::RevokeApiKey(int64_t id) {
  int64_t now = clock_.NowUnixSeconds();
  return db_.Write([&](db::Connection& c) { return SignalStore::RevokeApiKey(c, id, now); });
}

Result<std::optional<int64_t>> SignalCommands::CheckApiKey(const std::string& raw_key) {
  if (raw_key.rfind("wpk_", 0) != 0 || !auth::LooksLikeToken(raw_key.substr(4))) return std::optional<int64_t>();
  return db_.Read([&](db::Connection& c) { return SignalStore::ApiKeyByHash(c, auth::TokenHash(raw_key)); });
}

}  // namespace wp::signals
