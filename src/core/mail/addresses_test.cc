// Tests of verified addresses: mail to an unverified address is held until
// its owner uses a check link; check links are single-use and expire.
#include "core/mail/addresses.h"

#include <gtest/gtest.h>

#include "core/db/migrations.h"
#include "core/mail/outbox.h"
#include "testing/backend_test.h"
#include "testing/smtp_sink.h"
#include "wp_mail_files.h"

namespace wp::mail {
namespace {

constexpr int64_t kNow = 1767225600;
constexpr int64_t kDay = 24 * 3600;

class AddressesTest : public wp::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(db::ApplyMigrations(*db_, db::MigrationsFromFiles("mail", MailFiles())).has_value());
  }
  int64_t Queue(const std::string& to, int64_t when, bool proves_control = false) {
    OutgoingMail m{to, "Bericht", "Hallo\n"};
    m.proves_control = proves_control;
    auto id = db_->Write([&](db::Connection& c) { return Enqueue(c, m, when); });
    EXPECT_TRUE(id.has_value()) << id.error().detail;
    return id.value_or(0);
  }
  // "held", "failed", "sent" or "due" for outbox row `id`.
  std::string State(int64_t id) {
    auto row = db_->Read([&](db::Connection& c) {
      return c.QueryOne("SELECT held_reason, failed_at, sent_at FROM mail_outbox WHERE id = ?", {id});
    });
    if (!row.has_value()) return "missing";
    if (!row->IsNull(0)) return "held:" + row->Text(0);
    if (!row->IsNull(1)) return "failed";
    if (!row->IsNull(2)) return "sent";
    return "due";
  }
  template <typename F>
  auto Write(F f) {
    return db_->Write([&](db::Connection& c) { return f(c); });
  }
};

TEST_P(AddressesTest, MailToAnUnverifiedAddressIsHeldAndNotDelivered) {
  wp::testing::SmtpSink sink;
  FakeClock clock(kNow);
  int64_t held = Queue("Nieuw@Example.nl", kNow);
  int64_t link = Queue("nieuw@example.nl", kNow, /*proves_control=*/true);
  EXPECT_EQ(State(held), "held:unverified");
  EXPECT_EQ(State(link), "due");
  Delivery delivery(*db_, {sink.url(), "", "", "W <noreply@w.test>"}, clock, "d1");
  auto sent = delivery.DeliverDue();
  ASSERT_TRUE(sent.has_value()) << sent.error().detail;
  EXPECT_EQ(*sent, 1) << "only the message that proves control goes out";
  EXPECT_EQ(State(held), "held:unverified");
  EXPECT_EQ(*db_->Read([](db::Connection& c) { return CountHeld(c, "nieuw@example.nl"); }), 1);
}

TEST_P(AddressesTest, ACheckLinkVerifiesOnceAndReleasesRecentHeldMail) {
  int64_t old_mail = Queue("ans@example.nl", kNow - (kHeldMailDays + 1) * kDay);
  int64_t recent = Queue("ans@example.nl", kNow - kDay);
  auto stored =
      Write([](db::Connection& c) { return StoreCheckLink(c, "ans@example.nl", "h1", kNow, kNow + kDay, 60); });
  ASSERT_TRUE(stored.has_value());
  EXPECT_TRUE(*stored);
  auto again =
      Write([](db::Connection& c) { return StoreCheckLink(c, "ans@example.nl", "h2", kNow + 10, kNow + kDay, 60); });
  EXPECT_FALSE(*again) << "a second check mail within a minute is not sent";

  auto used = Write([](db::Connection& c) { return UseCheckLink(c, "h1", kNow + 5); });
  ASSERT_TRUE(used.has_value());
  EXPECT_EQ(used->value_or(""), "ans@example.nl");
  EXPECT_EQ(State(recent), "due");
  EXPECT_EQ(State(old_mail), "failed");
  EXPECT_TRUE(*db_->Read([](db::Connection& c) { return IsVerified(c, " ANS@example.nl"); }));
  EXPECT_EQ(State(Queue("ans@example.nl", kNow + 6)), "due");
  EXPECT_FALSE(Write([](db::Connection& c) { return UseCheckLink(c, "h1", kNow + 7); })->has_value()) << "single use";
  auto refused = Write(
      [](db::Connection& c) { return StoreCheckLink(c, "ans@example.nl", "h3", kNow + kDay, kNow + 2 * kDay, 60); });
  EXPECT_FALSE(*refused) << "a verified address gets no new check link";
}

TEST_P(AddressesTest, AnExpiredCheckLinkDoesNothing) {
  ASSERT_TRUE(Write([](db::Connection& c) {
                return StoreCheckLink(c, "bo@example.nl", "h9", kNow, kNow + kDay, 60);
              }).has_value());
  EXPECT_FALSE(Write([](db::Connection& c) { return UseCheckLink(c, "h9", kNow + kDay); })->has_value());
  EXPECT_FALSE(*db_->Read([](db::Connection& c) { return IsVerified(c, "bo@example.nl"); }));
  EXPECT_FALSE(Write([](db::Connection& c) { return UseCheckLink(c, "other", kNow); })->has_value());
}

TEST_P(AddressesTest, MarkVerifiedKeepsTheFirstTime) {
  ASSERT_TRUE(Write([](db::Connection& c) { return MarkVerified(c, "cor@example.nl", kNow); }).has_value());
  ASSERT_TRUE(Write([](db::Connection& c) { return MarkVerified(c, "COR@example.nl", kNow + 50); }).has_value());
  auto row =
      db_->Read([](db::Connection& c) { return c.QueryOne("SELECT COUNT(*), MIN(verified_at) FROM mail_addresses"); });
  EXPECT_EQ(row->Int(0), 1);
  EXPECT_EQ(row->Int(1), kNow);
  EXPECT_EQ(State(Queue("cor@example.nl", kNow + 60)), "due");
}

// Held mail to an address nobody confirms is not kept for ever (#11 item 9).
TEST_P(AddressesTest, HeldMailAndStaleChecksAreForgottenAfterTheHoldingTime) {
  int64_t stale = Queue("nooit@example.nl", kNow - (kHeldMailDays + 1) * kDay);
  int64_t fresh = Queue("nooit@example.nl", kNow - kDay);
  int64_t verified = Queue("cor@example.nl", kNow - (kHeldMailDays + 2) * kDay, /*proves_control=*/true);
  ASSERT_TRUE(Write([](db::Connection& c) {
                return StoreCheckLink(c, "nooit@example.nl", "h1", kNow - 20 * kDay, kNow - 19 * kDay, 60);
              }).has_value());
  ASSERT_TRUE(Write([](db::Connection& c) {
                return StoreCheckLink(c, "later@example.nl", "h2", kNow - kDay, kNow + 6 * kDay, 60);
              }).has_value());
  auto forgotten = Write([](db::Connection& c) { return ForgetUnverified(c, kNow); });
  ASSERT_TRUE(forgotten.has_value()) << forgotten.error().detail;
  EXPECT_EQ(*forgotten, 1);
  EXPECT_EQ(State(stale), "missing");
  EXPECT_EQ(State(fresh), "held:unverified") << "still within the holding time";
  EXPECT_EQ(State(verified), "due") << "mail that was never held is not touched";
  auto rows = db_->Read([](db::Connection& c) {
    return c.QueryOne("SELECT COUNT(*) FROM mail_addresses WHERE address = 'nooit@example.nl'");
  });
  EXPECT_EQ(rows->Int(0), 0) << "its check link expired long ago";
  EXPECT_TRUE(Write([](db::Connection& c) { return UseCheckLink(c, "h2", kNow); })->has_value())
      << "a check link still valid is kept";
}

INSTANTIATE_TEST_SUITE_P(Backends, AddressesTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace wp::mail
