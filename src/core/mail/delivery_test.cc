// Tests of delivery from the outbox through a real SMTP server (aiosmtpd),
// on SQLite and on a real PostgreSQL server: several deliverers racing for
// one outbox (as the server's background thread, `wijkplatform mail
// deliver` and other server processes do) send every message exactly once,
// and a deliverer killed between claiming and sending loses nothing.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <map>
#include <thread>

#include "core/db/migrations.h"
#include "core/jobs/lease.h"
#include "core/mail/addresses.h"
#include "core/mail/outbox.h"
#include "testing/backend_test.h"
#include "testing/smtp_sink.h"
#include "wp_mail_files.h"

namespace wp::mail {
namespace {

class DeliveryTest : public wp::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(db::ApplyMigrations(*db_, db::MigrationsFromFiles("mail", MailFiles())).has_value());
  }
  SmtpOptions Smtp() const { return {sink_.url(), "", "", "Wijkplatform <noreply@wijkplatform.test>"}; }
  void QueueMessages(int n) {
    auto r = db_->Write([&](db::Connection& c) -> Result<void> {
      for (int i = 0; i < n; ++i) {
        OutgoingMail m{"m" + std::to_string(i) + "@example.nl", "Bericht " + std::to_string(i), "Hallo\n"};
        WP_TRY_VOID(MarkVerified(c, m.to, clock_.NowUnixSeconds()));
        WP_TRY_VOID(Enqueue(c, m, clock_.NowUnixSeconds()));
      }
      return Ok();
    });
    ASSERT_TRUE(r.has_value()) << r.error().detail;
  }
  // Messages per recipient in the sink.
  std::map<std::string, int> Received(size_t expected) {
    std::map<std::string, int> per;
    for (const auto& msg : sink_.WaitForMessagesTo("", expected)) {
      size_t to = msg.find("\nTo: ");
      if (to == std::string::npos) continue;
      size_t eol = msg.find_first_of("\r\n", to + 5);
      ++per[msg.substr(to + 5, eol - to - 5)];
    }
    return per;
  }
  void Race(int deliverers, int messages) {
    QueueMessages(messages);
    std::vector<std::thread> threads;
    std::atomic<int> sent{0};
    for (int d = 0; d < deliverers; ++d) {
      threads.emplace_back([&, d] {
        auto db = Connect();
        Delivery delivery(*db, Smtp(), clock_, "deliverer-" + std::to_string(d));
        auto n = delivery.DeliverDue(1000);
        EXPECT_TRUE(n.has_value()) << n.error().detail;
        if (n.has_value()) sent += *n;
      });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(sent.load(), messages) << "the deliverers together sent each message once";
    auto per = Received(static_cast<size_t>(messages));
    EXPECT_EQ(per.size(), static_cast<size_t>(messages));
    for (const auto& [to, n] : per) EXPECT_EQ(n, 1) << to << " received " << n << " copies";
    auto left = db_->Read([](db::Connection& c) {
      return c.QueryOne("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL OR lease_owner IS NOT NULL");
    });
    ASSERT_TRUE(left.has_value());
    EXPECT_EQ(left->Int(0), 0);
  }

  wp::testing::SmtpSink sink_;
  FakeClock clock_;
};

TEST_P(DeliveryTest, TwoDeliverersSendEveryMessageExactlyOnce) { Race(2, 40); }

TEST_P(DeliveryTest, EightDeliverersSendEveryMessageExactlyOnce) { Race(8, 80); }

TEST_P(DeliveryTest, AMessageClaimedByADelivererThatWasKilledIsSentByAnother) {
  QueueMessages(3);
  // A real process claims the messages and is killed before it sends them.
  std::string url = url_;
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    auto db = db::Open(url);
    if (!db.has_value()) std::_Exit(3);
    Delivery doomed(**db, Smtp(), clock_, "doomed");
    auto claimed = doomed.Claim(10);
    if (!claimed.has_value() || claimed->size() != 3) std::_Exit(4);
    ::raise(SIGKILL);
    std::_Exit(5);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "child exit " << WEXITSTATUS(status);

  Delivery survivor(*db_, Smtp(), clock_, "survivor");
  auto now = survivor.DeliverDue(100);
  ASSERT_TRUE(now.has_value());
  EXPECT_EQ(*now, 0) << "the dead deliverer's claim holds until its lease ends";
  clock_.Advance(std::chrono::minutes(10));
  auto later = survivor.DeliverDue(100);
  ASSERT_TRUE(later.has_value()) << later.error().detail;
  EXPECT_EQ(*later, 3) << "taken over after the lease";
  auto per = Received(3);
  EXPECT_EQ(per.size(), 3u);
  for (const auto& [to, n] : per) EXPECT_EQ(n, 1) << to;
}

TEST_P(DeliveryTest, ADelivererThatLostItsClaimRecordsNothing) {
  QueueMessages(1);
  Delivery slow(*db_, Smtp(), clock_, "slow");
  auto claimed = slow.Claim(1);
  ASSERT_TRUE(claimed.has_value());
  ASSERT_EQ(claimed->size(), 1u);
  clock_.Advance(std::chrono::minutes(10));
  auto db2 = Connect();
  Delivery other(*db2, Smtp(), clock_, "other");
  auto took = other.Claim(1);
  ASSERT_TRUE(took.has_value());
  ASSERT_EQ(took->size(), 1u) << "the ended lease lets another deliverer claim it";
  // The slow one sends anyway (it cannot know in time), but records nothing:
  // the row stays with the deliverer that holds the claim.
  ASSERT_TRUE(slow.SendClaimed(*claimed).has_value());
  auto row =
      db_->Read([](db::Connection& c) { return c.QueryOne("SELECT sent_at IS NULL, lease_owner FROM mail_outbox"); });
  ASSERT_TRUE(row.has_value());
  EXPECT_TRUE(row->Bool(0));
  EXPECT_EQ(row->Text(1), "other");
}

INSTANTIATE_TEST_SUITE_P(Backends, DeliveryTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace wp::mail
