// Tests of the outbox: queueing inside a transaction and the message text.
#include "core/mail/outbox.h"

#include <gtest/gtest.h>

#include "core/db/migrations.h"
#include "testing/temp_dir.h"
#include "wp_mail_files.h"

namespace wp::mail {
namespace {

TEST(OutboxTest, ListUnsubscribeIsStoredAndWrittenAsHeaders) {
  wp::testing::TempDir dir;
  auto db = db::Open("sqlite:" + dir.File("mail.db"));
  ASSERT_TRUE(db.has_value()) << db.error().detail;
  ASSERT_TRUE(db::ApplyMigrations(**db, db::MigrationsFromFiles("mail", MailFiles())).has_value());
  OutgoingMail m{"ans@example.nl", "Nieuwsbrief", "Hallo\n", "https://w.test/afmelden/abc", true};
  auto id = (*db)->Write([&](db::Connection& c) { return Enqueue(c, m, 100); });
  ASSERT_TRUE(id.has_value()) << id.error().detail;
  auto row = (*db)->Read([&](db::Connection& c) {
    return c.QueryOne("SELECT list_unsubscribe, list_unsubscribe_post FROM mail_outbox WHERE id = ?", {*id});
  });
  ASSERT_TRUE(row.has_value());
  EXPECT_EQ(row->Text(0), "https://w.test/afmelden/abc");
  EXPECT_EQ(row->Int(1), 1);

  std::string msg = FormatMessage(m, "Wijkplatform <noreply@w.test>", 100, "x@w.test");
  EXPECT_NE(msg.find("\r\nList-Unsubscribe: <https://w.test/afmelden/abc>\r\n"), std::string::npos) << msg;
  EXPECT_NE(msg.find("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"), std::string::npos);
  EXPECT_LT(msg.find("List-Unsubscribe"), msg.find("\r\n\r\n")) << "in the header, not the body";

  OutgoingMail plain{"ans@example.nl", "Wachtwoord", "Hallo\n"};
  EXPECT_EQ(FormatMessage(plain, "W <n@w.test>", 100, "y@w.test").find("List-Unsubscribe"), std::string::npos);
  m.list_unsubscribe_one_click = false;
  EXPECT_EQ(FormatMessage(m, "W <n@w.test>", 100, "y@w.test").find("List-Unsubscribe-Post"), std::string::npos);
}

TEST(OutboxTest, RefusesHeaderInjection) {
  wp::testing::TempDir dir;
  auto db = db::Open("sqlite:" + dir.File("mail.db"));
  ASSERT_TRUE(db.has_value());
  ASSERT_TRUE(db::ApplyMigrations(**db, db::MigrationsFromFiles("mail", MailFiles())).has_value());
  for (const char* url : {"https://w.test/a\r\nBcc: x@evil.example", "javascript:alert(1)", "https://w.test/a>x",
                          "https://w.test/a b"}) {
    OutgoingMail m{"ans@example.nl", "Nieuwsbrief", "Hallo", url};
    auto r = (*db)->Write([&](db::Connection& c) { return Enqueue(c, m, 100); });
    EXPECT_FALSE(r.has_value()) << url;
  }
  OutgoingMail subject{"ans@example.nl", "a\r\nBcc: x@evil.example", "Hallo"};
  EXPECT_FALSE((*db)->Write([&](db::Connection& c) { return Enqueue(c, subject, 100); }).has_value());
  auto count = (*db)->Read([](db::Connection& c) { return c.QueryOne("SELECT COUNT(*) FROM mail_outbox"); });
  EXPECT_EQ(count->Int(0), 0);
}

}  // namespace
}  // namespace wp::mail
