// Rate limits hold under parallel requests on both database backends: the
// check and the count are one transaction, so many sign-in attempts or link
// requests sent at the same moment cannot all slip under the limit.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "core/db/migrations.h"
#include "features/accounts/commands.h"
#include "testing/backend_test.h"
#include "wp_accounts_files.h"
#include "wp_mail_files.h"

namespace wp::accounts {
namespace {

class RateLimitRaceTest : public wp::testing::BackendTest {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto migrations = db::MigrationsFromFiles("mail", MailFiles());
    for (auto& m : db::MigrationsFromFiles("accounts", AccountsFiles())) migrations.push_back(m);
    ASSERT_TRUE(db::ApplyMigrations(*db_, migrations).has_value());
    ASSERT_TRUE(catalog_.AddFiles(AccountsFiles()).has_value());
    commands_ = std::make_unique<AccountCommands>(*db_, clock_, random_, hasher_, catalog_, AccountSettings{});
    ASSERT_TRUE(
        commands_->Register({"ans@example.nl", "Ans", "zomer in de Haarlemmerhout", "zomer in de Haarlemmerhout", "nl"})
            .has_value());
  }

  // Runs `attempt(i)` on `n` threads released at the same moment.
  template <typename Fn>
  void InParallel(int n, Fn attempt) {
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int i = 0; i < n; ++i) {
      threads.emplace_back([&, i] {
        ++ready;
        while (!go) std::this_thread::yield();
        attempt(i);
      });
    }
    while (ready < n) std::this_thread::yield();
    go = true;
    for (auto& t : threads) t.join();
  }

  FakeClock clock_;
  SecureRandom random_;
  auth::PasswordHasher hasher_{auth::PasswordCost::MinimumForTest()};
  i18n::Catalog catalog_;
  std::unique_ptr<AccountCommands> commands_;
};

TEST_P(RateLimitRaceTest, ParallelWrongPasswordsAreCheckedNoMoreThanTheLimit) {
  std::atomic<int> checked{0};
  std::atomic<int> slowed{0};
  InParallel(24, [&](int i) {
    auto r = commands_->Login("ans@example.nl", "wrong password " + std::to_string(i), "10.2.0." + std::to_string(i));
    if (r.has_value()) return;
    if (r.error().code == ErrorCode::kInvalidInput) ++checked;
    if (r.error().code == ErrorCode::kRateLimited) ++slowed;
  });
  EXPECT_EQ(checked, kLoginPerAccount.max_attempts);
  EXPECT_EQ(slowed, 24 - kLoginPerAccount.max_attempts);
}

TEST_P(RateLimitRaceTest, ParallelSignInsFromOneAddressStopAtItsLimit) {
  std::atomic<int> checked{0};
  InParallel(kLoginPerAddress.max_attempts + 10, [&](int i) {
    auto r = commands_->Login("user" + std::to_string(i) + "@example.nl", "wrong password", "10.3.3.3");
    if (!r.has_value() && r.error().code == ErrorCode::kInvalidInput) ++checked;
  });
  EXPECT_EQ(checked, kLoginPerAddress.max_attempts);
}

TEST_P(RateLimitRaceTest, ParallelLinkRequestsSendNoMoreThanTheLimit) {
  InParallel(16,
             [&](int i) { (void)commands_->RequestSignInLink("ans@example.nl", "10.4.0." + std::to_string(i), "nl"); });
  auto mails = db_->Read([](db::Connection& c) {
    return c.QueryOne("SELECT COUNT(*) FROM mail_outbox WHERE body_text LIKE '%/inloggen/link/%'");
  });
  ASSERT_TRUE(mails.has_value());
  EXPECT_EQ(mails->Int(0), kSignInLinkPerAccount.max_attempts);
}

INSTANTIATE_TEST_SUITE_P(Backends, RateLimitRaceTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace wp::accounts
