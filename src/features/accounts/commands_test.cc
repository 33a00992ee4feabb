#include "features/accounts/commands.h"

#include <gtest/gtest.h>

#include "core/auth/tokens.h"
#include "core/db/migrations.h"
#include "testing/temp_dir.h"
#include "wp_accounts_files.h"
#include "wp_mail_files.h"

namespace wp::accounts {
namespace {

class AccountCommandsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = std::move(*db::Open("sqlite:" + dir_.File("a.db")));
    auto migrations = db::MigrationsFromFiles("mail", MailFiles());
    for (auto& m : db::MigrationsFromFiles("accounts", AccountsFiles())) migrations.push_back(m);
    ASSERT_TRUE(db::ApplyMigrations(*db_, migrations).has_value());
    ASSERT_TRUE(catalog_.AddFiles(AccountsFiles()).has_value());
    commands_ = std::make_unique<AccountCommands>(*db_, clock_, random_, hasher_, catalog_, AccountSettings{});
  }
  Registration Valid(const std::string& email = "ans@example.nl") {
    return {email, "Ans", "zomer in de Haarlemmerhout", "zomer in de Haarlemmerhout", "nl"};
  }
  int64_t Count(const std::string& sql) {
    return db_->Read([&](db::Connection& c) { return c.QueryOne(sql); })->Int(0);
  }
  // The 43-character token after `path` in the newest mail that has it.
  std::string TokenAfter(const std::string& path) {
    auto row = db_->Read([&](db::Connection& c) {
      return c.QueryOne("SELECT body_text FROM mail_outbox WHERE body_text LIKE ? ORDER BY id DESC",
                        {"%" + path + "%"});
    });
    if (!row.has_value()) return "";
    std::string body = row->Text(0);
    return body.substr(body.find(path) + path.size(), 43);
  }
  wp::testing::TempDir dir_;
  std::unique_ptr<db::Database> db_;
  FakeClock clock_;
  SeededRandom random_{7};
  auth::PasswordHasher hasher_{auth::PasswordCost::MinimumForTest()};
  i18n::Catalog catalog_;
  std::unique_ptr<AccountCommands> commands_;
};

TEST_F(AccountCommandsTest, RegisterMailsACheckLinkThatVerifiesAndSignsIn) {
  ASSERT_TRUE(commands_->Register(Valid()).has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM sessions"), 0) << "not signed in before the address is confirmed";
  auto stored = db_->Read([](db::Connection& c) { return c.QueryOne("SELECT password_hash FROM users"); });
  EXPECT_EQ(stored->Text(0).rfind("$argon2id$", 0), 0u);
  EXPECT_FALSE(*commands_->IsAddressVerified("ans@example.nl"));
  std::string token = TokenAfter("/e-mailadres/bevestigen/");
  ASSERT_EQ(token.size(), 43u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM mail_addresses WHERE check_token_hash = '" + auth::TokenHash(token) + "'"), 1)
      << "only the hash is stored";
  EXPECT_TRUE(*commands_->IsCheckLinkValid(token));
  auto s = commands_->ConfirmAddress(token);
  ASSERT_TRUE(s.has_value()) << s.error().detail;
  ASSERT_TRUE(s->has_value());
  EXPECT_EQ(commands_->UserForSession((*s)->session_token)->email, "ans@example.nl");
  auto session = db_->Read([](db::Connection& c) { return c.QueryOne("SELECT token_hash FROM sessions"); });
  EXPECT_EQ(session->Text(0), auth::TokenHash((*s)->session_token));
  EXPECT_TRUE(*commands_->IsAddressVerified("ans@example.nl"));
  EXPECT_EQ(commands_->ConfirmAddress(token).error().code, ErrorCode::kNotFound) << "single use";
}

// #20 item 2: a token without a session row is remembered, so an anonymous
// visitor is looked up once; a session of a disabled account is not
// remembered that way (the account may be enabled again), and a new session
// is found at once.
TEST_F(AccountCommandsTest, Issue20_TokensWithoutASessionAreRememberedButDisabledAccountsComeBack) {
  const std::string anonymous = auth::NewToken(random_);
  EXPECT_FALSE(commands_->UserForSession(anonymous).has_value());
  EXPECT_FALSE(commands_->UserForSession(anonymous).has_value());
  ASSERT_TRUE(commands_->Register(Valid()).has_value());
  auto s = commands_->ConfirmAddress(TokenAfter("/e-mailadres/bevestigen/"));
  ASSERT_TRUE(s.has_value() && s->has_value());
  const std::string token = (*s)->session_token;
  ASSERT_TRUE(commands_->UserForSession(token).has_value());
  auto set_disabled = [&](const char* sql) {
    ASSERT_TRUE(db_->Write([&](db::Connection& c) { return c.Execute(sql); }).has_value());
  };
  set_disabled("UPDATE users SET disabled_at = 5");
  EXPECT_FALSE(commands_->UserForSession(token).has_value()) << "disabled";
  set_disabled("UPDATE users SET disabled_at = NULL");
  auto back = commands_->UserForSession(token);
  ASSERT_TRUE(back.has_value()) << "enabled again: the session counts again";
  EXPECT_EQ(back->email, "ans@example.nl");
  // The remembered anonymous token stays without a session; the lookups it
  // saves are the point (one query, then none).
  EXPECT_FALSE(commands_->UserForSession(anonymous).has_value());
}

TEST_F(AccountCommandsTest, RegisteringATakenAddressAnswersTheSameAndTellsTheOwner) {
  ASSERT_TRUE(commands_->CreateUser("ans@example.nl", "Ans", "zomer in de Haarlemmerhout", {}).has_value());
  auto again = commands_->Register(Valid(" ANS@example.nl"));
  ASSERT_TRUE(again.has_value()) << "no error that would reveal the account";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM users"), 1);
  auto mail = db_->Read([](db::Connection& c) {
    return c.QueryOne("SELECT recipient, subject, held_reason FROM mail_outbox ORDER BY id DESC");
  });
  EXPECT_EQ(mail->Text(0), "ans@example.nl");
  EXPECT_NE(mail->Text(1).find("al een account"), std::string::npos) << mail->Text(1);
  EXPECT_TRUE(mail->IsNull(2)) << "the owner's verified address gets it";
  // An owner who never confirmed gets a fresh check link instead.
  ASSERT_TRUE(commands_->Register(Valid("bo@example.nl")).has_value());
  clock_.Advance(std::chrono::minutes(2));
  ASSERT_TRUE(commands_->Register(Valid("bo@example.nl")).has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'bo@example.nl' AND body_text LIKE "
                  "'%/e-mailadres/bevestigen/%'"),
            2);
}

TEST_F(AccountCommandsTest, InvalidRegistrationReportsFields) {
  auto r = commands_->Register({"x", "", "a", "b", "nl"});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  EXPECT_GE(r.error().fields.size(), 3u);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM users"), 0);
}

TEST_F(AccountCommandsTest, LoginFailsUniformlyAndSlowsDownPerAccount) {
  ASSERT_TRUE(commands_->Register(Valid()).has_value());
  auto unknown = commands_->Login("nobody@example.nl", "whatever12345", "10.0.0.1");
  auto wrong = commands_->Login("ans@example.nl", "wrong password!", "10.0.0.1");
  ASSERT_FALSE(unknown.has_value());
  ASSERT_FALSE(wrong.has_value());
  EXPECT_EQ(unknown.error().user_message_key, wrong.error().user_message_key);
  for (int i = 1; i < kLoginPerAccount.max_attempts; ++i) {
    EXPECT_FALSE(commands_->Login("ans@example.nl", "wrong password!", "10.0.0." + std::to_string(i + 1)).has_value());
  }
  // Five failures: the next attempt waits 30 seconds, even with the right password.
  auto slowed = commands_->Login("ans@example.nl", "zomer in de Haarlemmerhout", "10.9.9.9");
  ASSERT_FALSE(slowed.has_value());
  EXPECT_EQ(slowed.error().code, ErrorCode::kRateLimited);
  EXPECT_EQ(slowed.error().user_message_key, "accounts.login.wait");
  clock_.Advance(std::chrono::seconds(30));
  EXPECT_TRUE(commands_->Login("ans@example.nl", "zomer in de Haarlemmerhout", "10.9.9.9").has_value());
}

TEST_F(AccountCommandsTest, GuessingSlowsPasswordsDownButNeverLocksTheOwnerOut) {
  ASSERT_TRUE(commands_->Register(Valid()).has_value());
  // An attacker guesses from many addresses, as fast as allowed, for a day.
  int guesses = 0;
  for (int minute = 0; minute < 24 * 60; ++minute) {
    auto r = commands_->Login("ans@example.nl", "guess " + std::to_string(minute),
                              "10.6." + std::to_string(minute % 200) + ".1");
    if (r.has_value()) FAIL() << "a guess signed in";
    if (r.error().code == ErrorCode::kInvalidInput) ++guesses;
    clock_.Advance(std::chrono::seconds(60));
  }
  // The delay grows to 15 minutes: about four checked guesses an hour.
  EXPECT_LE(guesses, 5 + 4 * 24 + 10);
  EXPECT_GE(guesses, 5 + 4 * 22);
  // The owner is slowed down too, but gets in with the e-mailed link.
  auto by_password = commands_->Login("ans@example.nl", "zomer in de Haarlemmerhout", "10.7.7.7");
  ASSERT_FALSE(by_password.has_value());
  EXPECT_EQ(by_password.error().user_message_key, "accounts.login.wait");
  ASSERT_TRUE(commands_->RequestSignInLink("ans@example.nl", "10.7.7.7", "nl").has_value());
  auto mail = db_->Read([](db::Connection& c) {
    return c.QueryOne("SELECT body_text FROM mail_outbox WHERE subject LIKE '%inloglink%' ORDER BY id DESC");
  });
  ASSERT_TRUE(mail.has_value()) << mail.error().detail;
  std::string body = mail->Text(0);
  size_t at = body.find("/inloggen/link/");
  ASSERT_NE(at, std::string::npos) << body;
  std::string token = body.substr(at + 15, body.find('\n', at) - at - 15);
  EXPECT_TRUE(*commands_->IsSignInLinkValid(token));
  auto in = commands_->SignInWithLink(token);
  ASSERT_TRUE(in.has_value()) << in.error().detail;
  EXPECT_EQ(in->user.email, "ans@example.nl");
  // Once only; and the password works again at once (the failures ended).
  EXPECT_EQ(commands_->SignInWithLink(token).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(commands_->Login("ans@example.nl", "zomer in de Haarlemmerhout", "10.7.7.7").has_value());
}

TEST_F(AccountCommandsTest, SignInLinkForUnknownAddressSendsNothingAndExpires) {
  ASSERT_TRUE(commands_->RequestSignInLink("nobody@example.nl", "10.0.0.1", "nl").has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM mail_outbox"), 0);
  ASSERT_TRUE(commands_->Register(Valid()).has_value());
  ASSERT_TRUE(commands_->RequestSignInLink("ans@example.nl", "10.0.0.1", "nl").has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM mail_outbox WHERE body_text LIKE '%/inloggen/link/%'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM mail_outbox WHERE held_reason IS NOT NULL"), 0)
      << "a sign-in link proves control: it goes to an unverified address too";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM sign_in_links"), 1);
  clock_.Advance(std::chrono::minutes(16));
  std::string token = TokenAfter("/inloggen/link/");
  EXPECT_FALSE(*commands_->IsSignInLinkValid(token));
  EXPECT_EQ(commands_->SignInWithLink(token).error().code, ErrorCode::kNotFound);
}

TEST_F(AccountCommandsTest, LoginIsRateLimitedPerAddress) {
  for (int i = 0; i < kLoginPerAddress.max_attempts; ++i) {
    (void)commands_->Login("user" + std::to_string(i) + "@example.nl", "wrong password!", "10.1.1.1");
  }
  ASSERT_TRUE(commands_->Register(Valid()).has_value());
  auto limited = commands_->Login("ans@example.nl", "zomer in de Haarlemmerhout", "10.1.1.1");
  ASSERT_FALSE(limited.has_value());
  EXPECT_EQ(limited.error().user_message_key, "web.too_many_requests");
  EXPECT_TRUE(commands_->Login("ans@example.nl", "zomer in de Haarlemmerhout", "10.1.1.2").has_value());
}

TEST_F(AccountCommandsTest, PasswordResetLinkWorksOnceAndSignsOutEverywhere) {
  ASSERT_TRUE(commands_->Register(Valid()).has_value());
  auto s = commands_->Login("ans@example.nl", "zomer in de Haarlemmerhout", "10.0.0.1");
  ASSERT_TRUE(s.has_value());
  ASSERT_TRUE(commands_->RequestPasswordReset("ans@example.nl", "10.0.0.1", "nl").has_value());
  auto mail = db_->Read([](db::Connection& c) {
    return c.QueryOne("SELECT recipient, body_text FROM mail_outbox WHERE body_text LIKE '%/wachtwoord/herstel/%'");
  });
  ASSERT_TRUE(mail.has_value());
  EXPECT_EQ(mail->Text(0), "ans@example.nl");
  std::string body = mail->Text(1);
  size_t p = body.find("/wachtwoord/herstel/");
  ASSERT_NE(p, std::string::npos) << body;
  std::string token = body.substr(p + 20, 43);
  EXPECT_TRUE(*commands_->IsResetLinkValid(token));
  auto short_password = commands_->ResetPassword(token, "kort", "kort");
  ASSERT_FALSE(short_password.has_value());
  EXPECT_FALSE(short_password.error().fields.empty());
  ASSERT_TRUE(
      commands_->ResetPassword(token, "herfst in de Haarlemmerhout", "herfst in de Haarlemmerhout").has_value());
  EXPECT_FALSE(commands_->UserForSession(s->session_token).has_value()) << "old sessions end";
  auto reused = commands_->ResetPassword(token, "nog een ander wachtwoord", "nog een ander wachtwoord");
  ASSERT_FALSE(reused.has_value());
  EXPECT_EQ(reused.error().user_message_key, "accounts.reset.invalid_link");
  EXPECT_TRUE(commands_->Login("ans@example.nl", "herfst in de Haarlemmerhout", "10.0.0.1").has_value());
  EXPECT_TRUE(*commands_->IsAddressVerified("ans@example.nl")) << "the reset link proved the mailbox";
}

TEST_F(AccountCommandsTest, ResetLinkExpiresAfterAnHour) {
  ASSERT_TRUE(commands_->Register(Valid()).has_value());
  ASSERT_TRUE(commands_->RequestPasswordReset("ans@example.nl", "10.0.0.1", "en").has_value());
  auto mail = db_->Read([](db::Connection& c) {
    return c.QueryOne("SELECT subject, body_text FROM mail_outbox WHERE body_text LIKE '%/wachtwoord/herstel/%'");
  });
  EXPECT_NE(mail->Text(0).find("choose a new password"), std::string::npos) << "English e-mail for an English visitor";
  std::string body = mail->Text(1);
  std::string token = body.substr(body.find("/wachtwoord/herstel/") + 20, 43);
  clock_.Advance(std::chrono::seconds(3601));
  EXPECT_FALSE(*commands_->IsResetLinkValid(token));
}

TEST_F(AccountCommandsTest, ResetForUnknownAddressSendsNothingButSucceeds) {
  EXPECT_TRUE(commands_->RequestPasswordReset("nobody@example.nl", "10.0.0.1", "nl").has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM mail_outbox"), 0);
}

TEST_F(AccountCommandsTest, OnlyAdministratorsManageRolesAndNotTheirOwnAdminRole) {
  auto admin_id = commands_->CreateUser("admin@example.nl", "Admin", "zomer in de Haarlemmerhout",
                                        {{auth::Role::kAdministrator, ""}});
  ASSERT_TRUE(admin_id.has_value());
  auto user_id = commands_->CreateUser("gv@example.nl", "Gert", "zomer in de Haarlemmerhout", {});
  ASSERT_TRUE(user_id.has_value());
  auth::User admin = (*commands_->FindUser(*admin_id))->user;
  auth::User plain = (*commands_->FindUser(*user_id))->user;
  EXPECT_EQ(commands_->GrantRole(plain, *user_id, auth::Role::kAdministrator, "").error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(*commands_->GrantRole(admin, *user_id, auth::Role::kAreaLiaison, "schalkwijk"));
  EXPECT_FALSE(*commands_->GrantRole(admin, *user_id, auth::Role::kAreaLiaison, "schalkwijk")) << "idempotent";
  auto u = (*commands_->FindUser(*user_id))->user;
  EXPECT_TRUE(u.HasRole(auth::Role::kAreaLiaison, "schalkwijk"));
  EXPECT_EQ(commands_->RevokeRole(admin, *admin_id, auth::Role::kAdministrator, "").error().code, ErrorCode::kConflict);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM role_audit"), 2) << "grant at creation and the scoped grant";
}

}  // namespace
}  // namespace wp::accounts
