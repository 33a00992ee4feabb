// clang-format off
#include "features/signals/commands.h"
// nlohmann/json (through demo.h) before Magick++, whose headers hide its assert.
#include "features/signals/demo.h"
// clang-format on
#include <Magick++.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "core/db/migrations.h"
#include "core/time/time_zone.h"
#include "features/signals/signals_cli.h"
#include "testing/backend_test.h"
#include "wp_geography_files.h"
#include "wp_mail_files.h"
#include "wp_signals_files.h"

namespace wp::signals {
namespace {

using auth::Role;

// Haarlem's geography, imported once per test binary into its own database
// (the commands only read the parsed municipality).
const geography::GeographyService& Haarlem() {
  static wp::testing::TempDir* dir = new wp::testing::TempDir();
  static std::unique_ptr<db::Database> db = [] {
    auto d = db::Open("sqlite:" + dir->File("geo.db"));
    auto applied = db::ApplyMigrations(**d, db::MigrationsFromFiles("geography", GeographyFiles()));
    if (!applied.has_value()) ADD_FAILURE() << applied.error().detail;
    return std::move(*d);
  }();
  static FakeClock clock;
  static geography::GeographyService* service = [] {
    auto* s = new geography::GeographyService(*db, clock);
    auto imported = s->ImportFolder(wp::testing::GeoDir(), "haarlem", false);
    if (!imported.has_value()) ADD_FAILURE() << imported.error().detail;
    return s;
  }();
  return *service;
}

// Near the Grote Markt, and a point in Amsterdam.
constexpr double kMarketLon = 4.6365, kMarketLat = 52.3812;
constexpr double kAmsterdamLon = 4.90, kAmsterdamLat = 52.37;

std::string Png(int w, int h) {
  Magick::InitializeMagick(nullptr);
  Magick::Image img(Magick::Geometry(w, h), Magick::Color("orange"));
  img.magick("PNG");
  Magick::Blob b;
  img.write(&b);
  return std::string(static_cast<const char*>(b.data()), b.length());
}

auth::User Staff(int64_t id, const std::string& scope) {
  return auth::User{id,
                    "staff" + std::to_string(id) + "@haarlem.nl",
                    "Medewerker " + std::to_string(id),
                    "nl",
                    {{Role::kMunicipalStaff, scope}}};
}
auth::User Admin() { return auth::User{1, "admin@haarlem.nl", "Beheer", "nl", {{Role::kAdministrator, ""}}}; }

class SignalCommandsTest : public wp::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto migrations = db::MigrationsFromFiles("mail", MailFiles());
    for (auto& m : db::MigrationsFromFiles("signals", SignalsFiles())) migrations.push_back(m);
    ASSERT_TRUE(db::ApplyMigrations(*db_, migrations).has_value());
    ASSERT_TRUE(catalog_.AddFiles(SignalsFiles()).has_value());
    SignalsSettings settings;
    settings.upload_dir = dir_.File("uploads");
    settings.base_url = "https://wijk.example.nl";
    commands_ = std::make_unique<SignalCommands>(*db_, clock_, random_, zone_, catalog_, Haarlem(), settings);
    ASSERT_TRUE(commands_->SaveDepartment(Admin(), {"wegen", "Wegen en verkeer", false}).has_value());
    ASSERT_TRUE(commands_->SaveDepartment(Admin(), {"groen", "Groen", false}).has_value());
    ASSERT_TRUE(commands_->SaveDepartment(Admin(), {"pre-wonen", "Pré Wonen", true}).has_value());
    Category street;
    street.slug = "straat";
    street.name = "Straat en stoep";
    street.department_slug = "wegen";
    auto main = commands_->SaveCategory(Admin(), street);
    ASSERT_TRUE(main.has_value()) << main.error().detail;
    Category tile = street;
    tile.parent_id = *main;
    tile.slug = "losse-tegel";
    tile.name = "Losse tegel";
    tile.handling_days = 3;
    tile.update_interval_days = 7;
    ASSERT_TRUE(commands_->SaveCategory(Admin(), tile).has_value());
  }

  ReportInput Valid(const std::string& email = "ans@example.nl") {
    ReportInput in;
    in.category_slug = "losse-tegel";
    in.description = "Een losse tegel voor nummer 12.";
    in.location.lon = kMarketLon;
    in.location.lat = kMarketLat;
    in.email = email;
    return in;
  }
  Intake Web(const std::string& address = "10.0.0.1") { return Intake{address, std::nullopt, std::nullopt, "web"}; }

  int64_t Count(const std::string& sql, db::Params params = {}) {
    return db_->Read([&](db::Connection& c) { return c.QueryOne(sql, params); })->Int(0);
  }
  int64_t MailsTo(const std::string& address) {
    return Count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?", {address});
  }
  std::string LastMailTo(const std::string& address) {
    return db_
        ->Read([&](db::Connection& c) {
          return c.QueryOne("SELECT body_text FROM mail_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1",
                            {address});
        })
        ->Text(0);
  }
  // The token in the last link to `path` in a mail to `address`.
  std::string TokenFromMail(const std::string& address, const std::string& path) {
    std::string body = LastMailTo(address);
    size_t at = body.find(path);
    if (at == std::string::npos) return "";
    size_t start = at + path.size();
    size_t end = body.find_first_of(" \n", start);
    return body.substr(start, end == std::string::npos ? std::string::npos : end - start);
  }
  // Reports a signal whose reporter verified `email`; returns its receipt.
  Receipt ReportVerified(const std::string& email = "ans@example.nl") {
    auto r = commands_->Report(Valid(email), {}, Web());
    EXPECT_TRUE(r.has_value()) << r.error().detail;
    auto verified = commands_->VerifyEmail(TokenFromMail(email, "/meldingen/bevestigen/"));
    EXPECT_TRUE(verified.has_value());
    return *r;
  }

  FakeClock clock_{1767870000};  // 2026-01-08 11:00 UTC, a Thursday
  SeededRandom random_{11};
  time::TimeZone zone_ = *time::TimeZone::FromPosixRule(time::kAmsterdamRule);
  i18n::Catalog catalog_;
  std::unique_ptr<SignalCommands> commands_;
};

TEST_P(SignalCommandsTest, ReportStoresTheSignalWithItsAreaDeadlineAndAPrivateFollowLink) {
  auto r = commands_->Report(Valid(), {}, Web());
  ASSERT_TRUE(r.has_value()) << r.error().detail;
  EXPECT_EQ(r->number, "M-" + std::to_string(r->signal_id));
  EXPECT_TRUE(r->verification_sent);
  auto view = commands_->Follow(r->follow_token);
  ASSERT_TRUE(view.has_value());
  const Signal& s = view->signal;
  EXPECT_EQ(s.status, SignalStatus::kReported);
  EXPECT_EQ(s.department_slug, "wegen");
  EXPECT_EQ(s.borough_slug, "centrum");
  EXPECT_EQ(s.neighbourhood_code.rfind("BU0392", 0), 0u);
  EXPECT_EQ(s.district_code.rfind("WK0392", 0), 0u);
  // Thursday 8 January + 3 days: due by the end of Sunday 11 January, local time.
  EXPECT_EQ(s.deadline_at, zone_.StartOfDay({2026, 1, 12}));
  EXPECT_FALSE(view->email_verified);
  // Only hashes of the tokens are stored.
  EXPECT_EQ(Count("SELECT COUNT(*) FROM signal_links WHERE token_hash = ?", {r->follow_token}), 0);
  EXPECT_FALSE(commands_->Follow("not-a-token").has_value());
}

TEST_P(SignalCommandsTest, OnlyAVerifiedAddressGetsUpdates) {
  auto r = commands_->Report(Valid(), {}, Web());
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(MailsTo("ans@example.nl"), 1);  // the question to verify
  auto staff = Staff(7, "afdeling:wegen");
  ASSERT_TRUE(commands_->ChangeStatus(staff, r->signal_id, {SignalStatus::kInProgress, "", ""}).has_value());
  EXPECT_EQ(MailsTo("ans@example.nl"), 1);
  auto number = commands_->VerifyEmail(TokenFromMail("ans@example.nl", "/meldingen/bevestigen/"));
  ASSERT_TRUE(number.has_value());
  EXPECT_EQ(*number, r->number);
  ASSERT_TRUE(commands_->MessageReporter(staff, r->signal_id, "We komen volgende week.").has_value());
  EXPECT_EQ(MailsTo("ans@example.nl"), 2);
  EXPECT_NE(LastMailTo("ans@example.nl").find("We komen volgende week."), std::string::npos);
  EXPECT_NE(LastMailTo("ans@example.nl").find("https://wijk.example.nl/meldingen/volg/"), std::string::npos);
}

TEST_P(SignalCommandsTest, BadReportsStoreNothing) {
  struct Case {
    const char* name;
    std::function<void(ReportInput&)> change;
    const char* field;
    const char* key;
  } cases[] = {
      {"unknown category", [](ReportInput& in) { in.category_slug = "vuurwerk"; }, "category", kUnknownCategory},
      {"a main category with sub-categories", [](ReportInput& in) { in.category_slug = "straat"; }, "category",
       kUnknownCategory},
      {"outside the municipality",
       [](ReportInput& in) {
         in.location.lon = kAmsterdamLon;
         in.location.lat = kAmsterdamLat;
       },
       "location", kOutsideMunicipality},
      {"description too long", [](ReportInput& in) { in.description = std::string(1001, 'a'); }, "description",
       kTooLong},
      {"no location",
       [](ReportInput& in) {
         in.location.lon.reset();
         in.location.lat.reset();
       },
       "location", kNoLocation},
      {"unknown buurt",
       [](ReportInput& in) {
         in.location = {};
         in.location.neighbourhood_code = "BU03639999";
         in.location.street = "Kalverstraat";
       },
       "neighbourhood", kUnknownNeighbourhood},
      {"bad e-mail", [](ReportInput& in) { in.email = "ans@"; }, "email", kBadEmail},
  };
  for (const auto& c : cases) {
    ReportInput in = Valid();
    c.change(in);
    auto r = commands_->Report(in, {}, Web());
    ASSERT_FALSE(r.has_value()) << c.name;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput) << c.name;
    bool found = false;
    for (const auto& f : r.error().fields) found |= f.field == c.field && f.message_key == c.key;
    EXPECT_TRUE(found) << c.name;
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM signals"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM mail_outbox"), 0);
}

TEST_P(SignalCommandsTest, ABuurtAndStreetIsEnoughWithoutAPoint) {
  auto m = Haarlem().current();
  ASSERT_FALSE(m->neighbourhoods.empty());
  ReportInput in = Valid();
  in.location = {};
  in.location.neighbourhood_code = m->neighbourhoods.front().code.str();
  in.location.street = "Zijlweg";
  auto r = commands_->Report(in, {}, Web());
  ASSERT_TRUE(r.has_value()) << r.error().detail;
  auto view = commands_->Follow(r->follow_token);
  EXPECT_EQ(view->signal.neighbourhood_code, in.location.neighbourhood_code);
  EXPECT_EQ(view->signal.street, "Zijlweg");
  EXPECT_FALSE(view->signal.lon.has_value());
}

TEST_P(SignalCommandsTest, AReplayedFormIsRefusedAndStoredOnce) {
  ReportInput in = Valid();
  in.form_nonce = "nonce-of-one-form";
  ASSERT_TRUE(commands_->Report(in, {}, Web()).has_value());
  auto again = commands_->Report(in, {}, Web());
  ASSERT_FALSE(again.has_value());
  ASSERT_EQ(again.error().fields.size(), 1u);
  EXPECT_EQ(again.error().fields[0], (FieldError{"form", "signals.report.replayed"}));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM signals"), 1);
  EXPECT_EQ(MailsTo("ans@example.nl"), 1);
}

TEST_P(SignalCommandsTest, PostingIsLimitedPerEmailAndPerClient) {
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(commands_->Report(Valid(), {}, Web("10.0.0." + std::to_string(i))).has_value()) << i;
  }
  auto limited = commands_->Report(Valid(), {}, Web("10.0.1.1"));
  ASSERT_FALSE(limited.has_value());
  EXPECT_EQ(limited.error().code, ErrorCode::kRateLimited);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM signals"), 5);
  // Another address from a fresh client is fine; the client limit holds too.
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(commands_->Report(Valid(""), {}, Web("10.0.2.2")).has_value()) << i;
  }
  EXPECT_EQ(commands_->Report(Valid(""), {}, Web("10.0.2.2")).error().code, ErrorCode::kRateLimited);
  clock_.Advance(std::chrono::seconds(3601));
  EXPECT_TRUE(commands_->Report(Valid(), {}, Web("10.0.2.2")).has_value());
}

TEST_P(SignalCommandsTest, PhotosAreReencodedAndABadOneStoresNothing) {
  auto bad = commands_->Report(Valid(), {Png(40, 30), "GIF89a not really"}, Web());
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().fields.at(0).field, "photos");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM signals"), 0);
  auto dir = std::filesystem::path(dir_.File("uploads")) / "signals";
  auto files = [&] {
    if (!std::filesystem::exists(dir)) return 0;
    return static_cast<int>(std::distance(std::filesystem::directory_iterator(dir), {}));
  };
  EXPECT_EQ(files(), 0);
  auto too_many = commands_->Report(Valid(), {Png(4, 4), Png(4, 4), Png(4, 4), Png(4, 4)}, Web());
  ASSERT_FALSE(too_many.has_value());
  EXPECT_EQ(too_many.error().fields.at(0).message_key, "signals.error.too_many_photos");

  auto r = commands_->Report(Valid(), {Png(40, 30)}, Web());
  ASSERT_TRUE(r.has_value()) << r.error().detail;
  auto photos = commands_->Photos(r->signal_id);
  ASSERT_EQ(photos->size(), 1u);
  EXPECT_EQ((*photos)[0].width, 40);
  auto bytes = commands_->PhotoBytes((*photos)[0]);
  ASSERT_TRUE(bytes.has_value());
  EXPECT_EQ(image::DetectFormat(*bytes), image::ImageFormat::kJpeg);
  EXPECT_EQ(files(), 1);
}

TEST_P(SignalCommandsTest, StaffChangeStatusWithinTheirScopeOnly) {
  Receipt r = ReportVerified();
  auto other = Staff(8, "afdeling:groen");
  auto denied = commands_->ChangeStatus(other, r.signal_id, {SignalStatus::kInProgress, "", ""});
  ASSERT_FALSE(denied.has_value());
  EXPECT_EQ(denied.error().code, ErrorCode::kForbidden);

  auto staff = Staff(7, "afdeling:wegen/centrum");
  auto no_reason = commands_->ChangeStatus(staff, r.signal_id, {SignalStatus::kDone, "", ""});
  ASSERT_FALSE(no_reason.has_value());
  EXPECT_EQ(no_reason.error().fields.at(0), (FieldError{"text", kMissing}));
  auto no_date = commands_->ChangeStatus(staff, r.signal_id, {SignalStatus::kScheduled, "", "morgen"});
  ASSERT_FALSE(no_date.has_value());
  EXPECT_EQ(no_date.error().fields.at(0).field, "planned_day");

  int64_t mails = MailsTo("ans@example.nl");
  ASSERT_TRUE(commands_->ChangeStatus(staff, r.signal_id, {SignalStatus::kScheduled, "", "2026-01-20"}).has_value());
  EXPECT_EQ(MailsTo("ans@example.nl"), mails + 1);
  EXPECT_NE(LastMailTo("ans@example.nl").find("20 januari 2026"), std::string::npos) << LastMailTo("ans@example.nl");
  ASSERT_TRUE(
      commands_->ChangeStatus(staff, r.signal_id, {SignalStatus::kDone, "De tegel ligt weer vast.", ""}).has_value());
  auto view = commands_->Follow(r.follow_token);
  EXPECT_EQ(view->signal.status, SignalStatus::kDone);
  EXPECT_EQ(view->signal.closed_at, clock_.NowUnixSeconds());
  EXPECT_TRUE(view->can_react);
  auto again = commands_->ChangeStatus(staff, r.signal_id, {SignalStatus::kInProgress, "", ""});
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().fields.at(0), (FieldError{"status", "signals.flow.not_allowed"}));
}

TEST_P(SignalCommandsTest, InternalNotesAreNeverShownToTheReporter) {
  Receipt r = ReportVerified();
  auto staff = Staff(7, "afdeling:wegen");
  int64_t mails = MailsTo("ans@example.nl");
  ASSERT_TRUE(commands_->AddNote(staff, r.signal_id, "Aannemer bellen").has_value());
  EXPECT_EQ(MailsTo("ans@example.nl"), mails);
  auto follow = commands_->Follow(r.follow_token);
  for (const auto& e : follow->events) EXPECT_NE(e.text, "Aannemer bellen");
  auto staff_view = commands_->ForStaff(staff, r.signal_id);
  ASSERT_TRUE(staff_view.has_value());
  bool seen = false;
  for (const auto& e : staff_view->events) seen |= e.kind == "note" && e.text == "Aannemer bellen";
  EXPECT_TRUE(seen);
  EXPECT_EQ(staff_view->verified_reporters, 1);
}

TEST_P(SignalCommandsTest, MergingKeepsTheReportersOfBothInformed) {
  Receipt first = ReportVerified("ans@example.nl");
  Receipt second = ReportVerified("bert@example.nl");
  auto staff = Staff(7, "afdeling:wegen");
  EXPECT_EQ(commands_->Merge(staff, second.signal_id, second.signal_id).error().fields.at(0).message_key,
            "signals.merge.same");
  EXPECT_EQ(commands_->Merge(staff, second.signal_id, 9999).error().fields.at(0).message_key, "signals.merge.unknown");
  ASSERT_TRUE(commands_->Merge(staff, second.signal_id, first.signal_id).has_value());
  EXPECT_NE(LastMailTo("bert@example.nl").find(first.number), std::string::npos);
  auto bert = commands_->Follow(second.follow_token);
  EXPECT_EQ(bert->signal.id, first.signal_id);
  EXPECT_EQ(bert->original_signal_id, second.signal_id);
  ASSERT_TRUE(commands_->ChangeStatus(staff, first.signal_id, {SignalStatus::kDone, "Gemaakt.", ""}).has_value());
  EXPECT_NE(LastMailTo("ans@example.nl").find("Gemaakt."), std::string::npos);
  EXPECT_NE(LastMailTo("bert@example.nl").find("Gemaakt."), std::string::npos);
  auto dup = commands_->PublicSignal(second.signal_id);
  EXPECT_EQ((*dup)->status, SignalStatus::kMerged);
  EXPECT_EQ((*dup)->merged_into, first.signal_id);
}

TEST_P(SignalCommandsTest, ForwardingInsideMovesTheSignalOutsideClosesIt) {
  Receipt r = ReportVerified();
  auto staff = Staff(7, "");
  EXPECT_EQ(commands_->Forward(staff, r.signal_id, "wegen", "x").error().fields.at(0).message_key,
            "signals.forward.same");
  EXPECT_EQ(commands_->Forward(staff, r.signal_id, "groen", "").error().fields.at(0).field, "reason");
  int64_t mails = MailsTo("ans@example.nl");
  ASSERT_TRUE(commands_->Forward(staff, r.signal_id, "groen", "Het is een boomwortel.").has_value());
  EXPECT_EQ(MailsTo("ans@example.nl"), mails);
  auto s = commands_->PublicSignal(r.signal_id);
  EXPECT_EQ((*s)->department_slug, "groen");
  EXPECT_TRUE(IsOpen((*s)->status));
  ASSERT_TRUE(commands_->Forward(staff, r.signal_id, "pre-wonen", "Dit is grond van de corporatie.").has_value());
  s = commands_->PublicSignal(r.signal_id);
  EXPECT_EQ((*s)->status, SignalStatus::kForwarded);
  EXPECT_EQ((*s)->forwarded_to, "Pré Wonen");
  EXPECT_NE(LastMailTo("ans@example.nl").find("Pré Wonen"), std::string::npos);
}

TEST_P(SignalCommandsTest, TheStillWorkingUpdateGoesOutOnceWhenDueAndFlagsTheHandler) {
  Receipt r = ReportVerified();
  int64_t mails = MailsTo("ans@example.nl");
  clock_.Advance(std::chrono::hours(24 * 7 - 1));
  EXPECT_EQ(*commands_->SendDueUpdates(), 0);
  clock_.Advance(std::chrono::hours(1));
  EXPECT_EQ(*commands_->SendDueUpdates(), 1);
  EXPECT_EQ(*commands_->SendDueUpdates(), 0);
  EXPECT_EQ(MailsTo("ans@example.nl"), mails + 1);
  // The deadline (end of 11 January) has passed: the update promises a week from today.
  EXPECT_NE(LastMailTo("ans@example.nl").find("22 januari 2026"), std::string::npos) << LastMailTo("ans@example.nl");
  auto s = commands_->PublicSignal(r.signal_id);
  EXPECT_TRUE((*s)->needs_attention);
  auto notes = commands_->StatusNotes(r.signal_id);
  EXPECT_NE(notes->find("22 januari 2026"), std::string::npos) << *notes;
  // A message from staff moves the next update on by a whole interval.
  clock_.Advance(std::chrono::hours(24 * 3));
  ASSERT_TRUE(commands_->MessageReporter(Staff(7, ""), r.signal_id, "Nog even geduld.").has_value());
  clock_.Advance(std::chrono::hours(24 * 5));
  EXPECT_EQ(*commands_->SendDueUpdates(), 0);
}

TEST_P(SignalCommandsTest, TheReporterMayReactForFourteenDaysAfterClosing) {
  Receipt a = ReportVerified("ans@example.nl");
  Receipt b = ReportVerified("bert@example.nl");
  auto staff = Staff(7, "");
  EXPECT_EQ(commands_->ReopenByReporter(a.follow_token, "Nog steeds los").error().code, ErrorCode::kConflict);
  ASSERT_TRUE(commands_->ChangeStatus(staff, a.signal_id, {SignalStatus::kDone, "Gemaakt.", ""}).has_value());
  ASSERT_TRUE(commands_->ChangeStatus(staff, b.signal_id, {SignalStatus::kDone, "Gemaakt.", ""}).has_value());
  EXPECT_EQ(commands_->ReopenByReporter(a.follow_token, "").error().fields.at(0).field, "reason");
  ASSERT_TRUE(commands_->ReopenByReporter(a.follow_token, "De tegel ligt weer los.").has_value());
  auto s = commands_->PublicSignal(a.signal_id);
  EXPECT_EQ((*s)->status, SignalStatus::kReopened);
  EXPECT_TRUE((*s)->needs_attention);
  EXPECT_EQ(commands_->ReopenByReporter(a.follow_token, "nog eens").error().user_message_key, "signals.react.already");

  clock_.Advance(std::chrono::hours(24 * 15));
  auto late = commands_->GiveSatisfaction(b.follow_token, false, "Niet goed");
  ASSERT_FALSE(late.has_value());
  EXPECT_EQ(late.error().user_message_key, "signals.react.too_late");
}

TEST_P(SignalCommandsTest, SatisfactionIsRecordedOnce) {
  Receipt r = ReportVerified();
  ASSERT_TRUE(commands_->ChangeStatus(Staff(7, ""), r.signal_id, {SignalStatus::kDone, "Gemaakt.", ""}).has_value());
  ASSERT_TRUE(commands_->GiveSatisfaction(r.follow_token, true, "Snel gedaan").has_value());
  EXPECT_EQ((*commands_->PublicSignal(r.signal_id))->satisfied, true);
  EXPECT_EQ(commands_->GiveSatisfaction(r.follow_token, false, "").error().user_message_key, "signals.react.already");
}

TEST_P(SignalCommandsTest, TheQueueFiltersWithinTheViewersScope) {
  Receipt a = ReportVerified();
  Receipt b = ReportVerified("bert@example.nl");
  auto staff = Staff(7, "afdeling:wegen");
  ASSERT_TRUE(commands_->Assign(staff, b.signal_id, 7, "Medewerker 7").has_value());
  QueueFilter all;
  EXPECT_EQ(commands_->Queue(staff, all, 1, 20)->total, 2);
  EXPECT_EQ(commands_->Queue(Staff(8, "afdeling:groen"), all, 1, 20)->total, 0);
  EXPECT_EQ(commands_->Queue(Staff(9, "noord"), all, 1, 20)->total, 0);
  QueueFilter mine;
  mine.assigned_user_id = 7;
  auto page = commands_->Queue(staff, mine, 1, 20);
  ASSERT_EQ(page->signals.size(), 1u);
  EXPECT_EQ(page->signals[0].id, b.signal_id);
  QueueFilter overdue;
  overdue.overdue_only = true;
  EXPECT_EQ(commands_->Queue(staff, overdue, 1, 20)->total, 0);
  clock_.Advance(std::chrono::hours(24 * 4));
  EXPECT_EQ(commands_->Queue(staff, overdue, 1, 20)->total, 2);
  ASSERT_TRUE(commands_->ChangeStatus(staff, a.signal_id, {SignalStatus::kCancelled, "Geen probleem gevonden.", ""})
                  .has_value());
  QueueFilter closed;
  closed.status = "closed";
  EXPECT_EQ(commands_->Queue(staff, closed, 1, 20)->total, 1);
  EXPECT_EQ(commands_->Queue(staff, overdue, 1, 20)->total, 1);
}

TEST_P(SignalCommandsTest, ThePublicListShowsOpenAndRecentlyClosedSignalsOfTheWijk) {
  Receipt a = ReportVerified();
  Receipt b = ReportVerified("bert@example.nl");
  auto s = *commands_->PublicSignal(a.signal_id);
  auto page = commands_->PublicList(s->district_code, 1, 20);
  EXPECT_EQ(page->total, 2);
  EXPECT_EQ(commands_->PublicList("WK039299", 1, 20)->total, 0);
  // The count is kept briefly (public_counts.h) but follows a new report at once.
  Receipt c = ReportVerified("carla@example.nl");
  EXPECT_EQ(commands_->PublicList(s->district_code, 1, 20)->total, 3);
  auto past_the_end = commands_->PublicList(s->district_code, 99, 2);
  EXPECT_EQ(past_the_end->page, 2);
  EXPECT_EQ(past_the_end->signals.size(), 1u);
  auto staff = Staff(7, "");
  ASSERT_TRUE(commands_->Merge(staff, c.signal_id, a.signal_id).has_value());
  EXPECT_EQ(commands_->PublicList(s->district_code, 1, 20)->total, 2);
  ASSERT_TRUE(commands_->Merge(staff, b.signal_id, a.signal_id).has_value());
  EXPECT_EQ(commands_->PublicList(s->district_code, 1, 20)->total, 1);
  ASSERT_TRUE(commands_->ChangeStatus(staff, a.signal_id, {SignalStatus::kDone, "Gemaakt.", ""}).has_value());
  clock_.Advance(std::chrono::hours(24 * 29));
  EXPECT_EQ(commands_->PublicList(s->district_code, 1, 20)->total, 1);
  clock_.Advance(std::chrono::hours(24 * 2));
  EXPECT_EQ(commands_->PublicList(s->district_code, 1, 20)->total, 0);
}

// The public list reads an index walk per area (signal_store.cc PublicKeys):
// pages keep the newest-first order across ties, skip what is not public,
// and the lists of several buurten merge into one newest-first list.
TEST_P(SignalCommandsTest, PublicListsPageAndMergeNewestFirstAcrossAreas) {
  int64_t now = clock_.NowUnixSeconds();
  auto category = db_->Read([](db::Connection& c) { return c.QueryOne("SELECT MIN(id) FROM signal_categories"); });
  ASSERT_TRUE(category.has_value());
  // created_at offsets (seconds before now) per buurt; equal times tie on id.
  struct Made {
    std::string buurt;
    int64_t age;
    bool public_now;
    bool merged;
  };
  std::vector<Made> made = {{"BU03920100", 100, true, false},  {"BU03920101", 50, true, false},
                            {"BU03920100", 50, true, false},   {"BU03920101", 10, true, false},
                            {"BU03920100", 5, false, false},   {"BU03920101", 1, true, true},
                            {"BU03920102", 200, true, false},  {"BU03920100", 400, true, false}};
  std::vector<int64_t> ids;
  auto written = db_->Write([&](db::Connection& c) -> Result<bool> {
    for (const auto& m : made) {
      Signal s;
      s.category_id = category->Int(0);
      s.department_slug = "wegen";
      s.created_at = now - m.age;
      s.updated_at = s.deadline_at = s.last_reporter_message_at = s.created_at;
      s.status = m.merged ? SignalStatus::kMerged : SignalStatus::kReported;
      if (!m.public_now) {
        s.status = SignalStatus::kDone;
        s.closed_at = now - kPublicAfterClosingSeconds - 1;
      }
      s.description = "Losse tegel";
      s.neighbourhood_code = m.buurt;
      s.district_code = "WK" + m.buurt.substr(2, 6);
      s.borough_slug = "centrum";
      s.source = "web";
      WP_ASSIGN_OR_RETURN(int64_t id, SignalStore::InsertSignal(c, s));
      ids.push_back(id);
    }
    return true;
  });
  ASSERT_TRUE(written.has_value()) << written.error().detail;
  auto numbers = [](const std::vector<Signal>& list) {
    std::vector<int64_t> out;
    for (const auto& s : list) out.push_back(s.id);
    return out;
  };
  // The wijk WK039201: newest first, id breaks the tie at age 50 (newer id first).
  std::vector<int64_t> wijk = {ids[3], ids[2], ids[1], ids[0], ids[6], ids[7]};
  auto all = db_->Read([&](db::Connection& c) { return SignalStore::ListPublic(c, "WK039201", now, 20, 0); });
  ASSERT_TRUE(all.has_value());
  EXPECT_EQ(numbers(*all), wijk);
  auto second = db_->Read([&](db::Connection& c) { return SignalStore::ListPublic(c, "WK039201", now, 2, 2); });
  EXPECT_EQ(numbers(*second), (std::vector<int64_t>{ids[1], ids[0]}));
  auto in_wijk = db_->Read(
      [&](db::Connection& c) { return SignalStore::CountPublicIn(c, "district_code", {"WK039201"}, now); });
  EXPECT_EQ(in_wijk->first, 6);
  // Two buurten merged, limited to the newest three.
  std::vector<std::string> buurten = {"BU03920100", "BU03920101"};
  auto merged = db_->Read(
      [&](db::Connection& c) { return SignalStore::ListPublicIn(c, "neighbourhood_code", buurten, now, 3); });
  ASSERT_TRUE(merged.has_value());
  EXPECT_EQ(numbers(*merged), (std::vector<int64_t>{ids[3], ids[2], ids[1]}));
  auto counts = db_->Read(
      [&](db::Connection& c) { return SignalStore::CountPublicIn(c, "neighbourhood_code", buurten, now); });
  EXPECT_EQ(counts->first, 5);
  EXPECT_EQ(counts->second, 5);
}

TEST_P(SignalCommandsTest, CategoriesAndDepartmentsAreCheckedAndOnlyForAdministrators) {
  Category c;
  c.slug = "afval";
  c.name = "Afval";
  c.department_slug = "onbekend";
  EXPECT_EQ(commands_->SaveCategory(Staff(7, ""), c).error().code, ErrorCode::kForbidden);
  auto bad = commands_->SaveCategory(Admin(), c);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().fields.at(0), (FieldError{"department", "signals.forward.unknown"}));
  c.department_slug = "groen";
  c.slug = "losse-tegel";
  EXPECT_EQ(commands_->SaveCategory(Admin(), c).error().fields.at(0), (FieldError{"slug", "signals.error.slug_taken"}));
  c.slug = "";
  auto saved = commands_->SaveCategory(Admin(), c);
  ASSERT_TRUE(saved.has_value()) << saved.error().detail;
  auto all = commands_->Categories();
  EXPECT_EQ(all->size(), 3u);
}

TEST_P(SignalCommandsTest, ApiKeysAreStoredHashedAndCanBeRevoked) {
  auto key = commands_->CreateApiKey("FixMyStreet Haarlem");
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM signal_api_keys WHERE key_hash = ?", {key->second}), 0);
  EXPECT_EQ(*commands_->CheckApiKey(key->second), key->first);
  EXPECT_EQ(*commands_->CheckApiKey(key->second + "x"), std::nullopt);
  EXPECT_EQ(*commands_->CheckApiKey(""), std::nullopt);
  EXPECT_TRUE(*commands_->RevokeApiKey(key->first));
  EXPECT_FALSE(*commands_->RevokeApiKey(key->first));
  EXPECT_EQ(*commands_->CheckApiKey(key->second), std::nullopt);
  EXPECT_EQ(commands_->ApiKeys()->size(), 1u);
}

TEST_P(SignalCommandsTest, TheDemoHasEveryStatusAndLoadsOnce) {
  // The fixture's categories would make the demo skip itself: start empty.
  ASSERT_TRUE(db_->Write([](db::Connection& c) -> Result<bool> {
                   WP_TRY_VOID(c.Execute("DELETE FROM signal_categories WHERE parent_id IS NOT NULL"));
                   WP_TRY_VOID(c.Execute("DELETE FROM signal_categories"));
                   return true;
                 })
                  .has_value());
  web::DemoSeed seed;
  seed.clock = &clock_;
  seed.ensure_user = [](const std::string&, const std::string&,
                        const std::vector<auth::RoleGrant>&) -> Result<int64_t> { return int64_t{42}; };
  auto loaded = LoadSignalsDemo(seed, *commands_, *db_, random_, catalog_, nullptr);
  ASSERT_TRUE(loaded.has_value()) << loaded.error().detail;
  for (SignalStatus s : kAllStatuses) {
    EXPECT_GT(Count("SELECT COUNT(*) FROM signals WHERE status = ?", {std::string(StatusName(s))}), 0) << StatusName(s);
  }
  EXPECT_GT(Count("SELECT COUNT(*) FROM signal_events WHERE kind = 'update'"), 0);
  int64_t total = Count("SELECT COUNT(*) FROM signals");
  ASSERT_TRUE(LoadSignalsDemo(seed, *commands_, *db_, random_, catalog_, nullptr).has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM signals"), total);
}

TEST_P(SignalCommandsTest, TheExportHasThePeriodsSignalsWithoutPersonalData) {
  ReportInput shared = Valid("piet@example.nl");
  shared.description = "Gedeelde tekst";
  shared.share_publicly = true;
  auto first = commands_->Report(shared, {}, Web());
  ASSERT_TRUE(first.has_value());
  auto secret = commands_->Report(Valid("ans@example.nl"), {}, Web("10.0.0.2"));
  ASSERT_TRUE(secret.has_value());
  auto staff = Staff(7, "afdeling:wegen");
  ASSERT_TRUE(commands_->AddNote(staff, secret->signal_id, "Interne notitie").has_value());
  ASSERT_TRUE(commands_->Assign(staff, secret->signal_id, 7, "Medewerker Zeven").has_value());
  clock_.Advance(std::chrono::hours(40 * 24));  // 17 February: outside a January period
  ASSERT_TRUE(commands_->Report(Valid("kees@example.nl"), {}, Web("10.0.0.3")).has_value());

  SignalsCliHost host{{{"json", false, false, "json"}, {"help", false, false, "help"}},
                      [this](const Flags&) -> Result<SignalCommands*> { return commands_.get(); }};
  auto run = [&](std::vector<std::string> args, std::string& out) {
    std::ostringstream o, e;
    int code = RunSignalsCommand(args, o, e, host);
    out = o.str();
    return code;
  };
  std::string csv;
  ASSERT_EQ(run({"export", "--from", "2026-01-01", "--to", "2026-01-31"}, csv), 0);
  EXPECT_EQ(csv.rfind("number,category,category_name,department,status,open,created", 0), 0u) << csv;
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 3) << "a header and the two January signals:\n" << csv;
  EXPECT_NE(csv.find("Gedeelde tekst"), std::string::npos);
  EXPECT_EQ(csv.find("Een losse tegel"), std::string::npos) << "a description not shared stays out";
  for (const char* personal : {"example.nl", "Interne notitie", "Medewerker Zeven"}) {
    EXPECT_EQ(csv.find(personal), std::string::npos) << personal;
  }
  std::string json;
  ASSERT_EQ(run({"export", "--from", "2026-01-01", "--to", "2026-02-28", "--format", "json"}, json), 0);
  auto doc = nlohmann::json::parse(json);
  ASSERT_EQ(doc["count"], 3);
  EXPECT_EQ(doc["signals"][0]["number"], first->number) << "oldest first";
  EXPECT_EQ(doc["signals"][0]["status"], "reported");
  EXPECT_EQ(doc["signals"][0]["open"], true);
  EXPECT_EQ(doc["signals"][1]["description"], nullptr);
  EXPECT_EQ(doc["signals"][2]["created"], "2026-02-17T11:00:00Z");
  EXPECT_EQ(json.find("example.nl"), std::string::npos);
  // The last day is included: 8 January alone holds both January signals.
  ASSERT_EQ(run({"export", "--from", "2026-01-08", "--to", "2026-01-08", "--json"}, json), 0);
  EXPECT_EQ(nlohmann::json::parse(json)["count"], 2);

  std::string ignored;
  EXPECT_EQ(run({"export", "--from", "2026-01-31", "--to", "2026-01-01"}, ignored), 2) << "to before from";
  EXPECT_EQ(run({"export", "--from", "januari", "--to", "2026-01-01"}, ignored), 2);
  EXPECT_EQ(run({"export", "--to", "2026-01-01"}, ignored), 2) << "--from is required";
  EXPECT_EQ(run({"export", "--from", "2026-01-01", "--to", "2026-01-31", "--format", "xml"}, ignored), 2);
  ASSERT_EQ(run({"export", "--from", "2026-01-01", "--to", "2026-01-31", "--format", "csv", "--json"}, ignored), 2);
  EXPECT_EQ(nlohmann::json::parse(ignored)["ok"], false);
  EXPECT_EQ(run({"import"}, ignored), 2);
  ASSERT_EQ(run({"export", "--help"}, ignored), 0);
  EXPECT_NE(ignored.find("--format"), std::string::npos);
}

TEST_P(SignalCommandsTest, TrendsCountReportsPerMainCategoryPerLocalMonthInTheArea) {
  // Thursday 8 January 2026; then a report on 31 January 23:30 local (22:30
  // UTC, still January there) and one in February.
  auto first = commands_->Report(Valid("a@example.nl"), {}, Web("10.0.0.1"));
  ASSERT_TRUE(first.has_value());
  auto s = commands_->PublicSignal(first->signal_id);
  ASSERT_TRUE(s.has_value() && *s);
  const std::string buurt = (*s)->neighbourhood_code;
  clock_.Set(zone_.ToUtc({2026, 1, 31, 23, 30, 0}));
  ASSERT_TRUE(commands_->Report(Valid("b@example.nl"), {}, Web("10.0.0.2")).has_value());
  clock_.Set(zone_.ToUtc({2026, 2, 3, 10, 0, 0}));
  ASSERT_TRUE(commands_->Report(Valid("c@example.nl"), {}, Web("10.0.0.3")).has_value());
  auto trends = commands_->TrendsFor({buurt}, 3);
  ASSERT_TRUE(trends.has_value()) << trends.error().detail;
  EXPECT_EQ(trends->months, (std::vector<std::string>{"2025-12", "2026-01", "2026-02"}));
  ASSERT_EQ(trends->rows.size(), 1u) << "the sub-category counts with its main category";
  auto cats = commands_->Categories();
  ASSERT_TRUE(cats.has_value());
  int64_t main_id = 0;
  for (const auto& c : *cats) {
    if (c.slug == "straat") main_id = c.id;
  }
  EXPECT_EQ(trends->rows[0].category_id, main_id);
  EXPECT_EQ(trends->rows[0].per_month, (std::vector<int64_t>{0, 2, 1}));
  auto elsewhere = commands_->TrendsFor({"BU03929999"}, 3);
  ASSERT_TRUE(elsewhere.has_value());
  for (const auto& row : elsewhere->rows) EXPECT_EQ(row.per_month, (std::vector<int64_t>{0, 0, 0}));
}

int64_t TileId(SignalCommands& commands) {
  auto categories = commands.Categories();
  for (const auto& c : *categories) {
    if (c.slug == "losse-tegel") return c.id;
  }
  return 0;
}

TEST_P(SignalCommandsTest, QuestionsAreAskedCheckedAndStoredWithTheSignal) {
  int64_t tile = TileId(*commands_);
  Question where{.category_id = tile,
                 .kind = QuestionKind::kSingleChoice,
                 .required = true,
                 .text = "Waar ligt de tegel?",
                 .choices = ParseChoiceLines("Stoep\nFietspad\nPlein")};
  auto id = commands_->SaveQuestion(Admin(), where);
  ASSERT_TRUE(id.has_value()) << id.error().detail;
  auto questions = commands_->QuestionsFor("losse-tegel");
  ASSERT_TRUE(questions.has_value());
  ASSERT_EQ(questions->size(), 1u);
  EXPECT_EQ((*questions)[0].code, "waar_ligt_de_tegel");  // made from the question

  // Unanswered, or answered with a choice that does not exist: refused, nothing stored.
  auto r = commands_->Report(Valid(), {}, Web());
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().fields, (std::vector<FieldError>{{"q_waar_ligt_de_tegel", kMissing}}));
  ReportInput in = Valid();
  in.answers = {{"waar_ligt_de_tegel", {"dak"}}};
  ASSERT_FALSE(commands_->Report(in, {}, Web()).has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM signals"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM signal_answers"), 0);

  in.answers = {{"waar_ligt_de_tegel", {"fietspad"}}};
  r = commands_->Report(in, {}, Web());
  ASSERT_TRUE(r.has_value()) << r.error().detail;
  // The question changes later; the signal keeps what was asked and answered.
  Question changed = (*questions)[0];
  changed.text = "Waar precies?";
  ASSERT_TRUE(commands_->SaveQuestion(Admin(), changed).has_value());
  auto view = commands_->ForStaff(Staff(7, "afdeling:wegen"), r->signal_id);
  ASSERT_TRUE(view.has_value());
  EXPECT_EQ(view->answers,
            (std::vector<StoredAnswer>{{"waar_ligt_de_tegel", "Waar ligt de tegel?", "fietspad", "Fietspad"}}));
  // A question no longer asked is not required any more.
  changed.active = false;
  ASSERT_TRUE(commands_->SaveQuestion(Admin(), changed).has_value());
  EXPECT_TRUE(commands_->QuestionsFor("losse-tegel")->empty());
  EXPECT_TRUE(commands_->Report(Valid("bo@example.nl"), {}, Web("10.0.0.2")).has_value());
}

TEST_P(SignalCommandsTest, OnlyAdministratorsSaveQuestionsAndBadOnesChangeNothing) {
  int64_t tile = TileId(*commands_);
  Question q{.category_id = tile, .code = "paal", .text = "Nummer op de paal"};
  auto denied = commands_->SaveQuestion(Staff(7, "afdeling:wegen"), q);
  ASSERT_FALSE(denied.has_value());
  EXPECT_EQ(denied.error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(commands_->SaveQuestion(Admin(), q).has_value());
  auto taken = commands_->SaveQuestion(Admin(), q);
  ASSERT_FALSE(taken.has_value());
  EXPECT_EQ(taken.error().fields, (std::vector<FieldError>{{"code", "signals.question.code_taken"}}));
  Question bad{.category_id = tile, .code = "soort", .kind = QuestionKind::kSingleChoice, .text = "Soort?"};
  auto refused = commands_->SaveQuestion(Admin(), bad);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().fields[0].field, "choices");
  Question elsewhere = q;
  elsewhere.category_id = 999999;
  EXPECT_EQ(commands_->SaveQuestion(Admin(), elsewhere).error().code, ErrorCode::kNotFound);
  for (size_t i = 1; i < kMaxQuestionsPerCategory; ++i) {
    Question more{.category_id = tile, .code = "v" + std::to_string(i), .text = "Vraag " + std::to_string(i)};
    ASSERT_TRUE(commands_->SaveQuestion(Admin(), more).has_value());
  }
  Question one_too_many{.category_id = tile, .code = "extra", .text = "Nog een vraag"};
  auto full = commands_->SaveQuestion(Admin(), one_too_many);
  ASSERT_FALSE(full.has_value());
  EXPECT_EQ(full.error().fields[0].message_key, "signals.question.too_many");
  EXPECT_EQ(commands_->QuestionsOf(tile)->size(), kMaxQuestionsPerCategory);
}

INSTANTIATE_TEST_SUITE_P(Backends, SignalCommandsTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace wp::signals
