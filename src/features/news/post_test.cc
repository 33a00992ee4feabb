#include "features/news/post.h"

#include <gtest/gtest.h>

namespace wp::news {
namespace {

TEST(PostTest, ChecksFields) {
  std::string title = "  Nieuwe bomen  ", body = " Tekst \n";
  EXPECT_TRUE(CheckPost(title, body).empty());
  EXPECT_EQ(title, "Nieuwe bomen");
  EXPECT_EQ(body, "Tekst");
  std::string empty_title = " ", empty_body = "";
  auto errors = CheckPost(empty_title, empty_body);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0], (FieldError{"title", kMissing}));
  EXPECT_EQ(errors[1], (FieldError{"body", kMissing}));
  std::string long_title(151, 'a'), ok_body = "x";
  EXPECT_EQ(CheckPost(long_title, ok_body)[0].message_key, kTooLong);
  std::string header_injection = "Nieuws\r\nBcc: all@example.nl", body2 = "x";
  EXPECT_EQ(CheckNewsletter(header_injection, body2)[0], (FieldError{"subject", kBadCharacters}));
  std::string subject = "Nieuwsbrief", bad_utf8 = "\xC3\x28";
  EXPECT_EQ(CheckNewsletter(subject, bad_utf8)[0], (FieldError{"body", kBadCharacters}));
  std::string big(kMaxBodyBytes + 1, 'x');
  EXPECT_EQ(CheckNewsletter(subject, big)[0], (FieldError{"body", kTooLong}));
}

// Who sees posts and newsletters: status x writer x member.
TEST(PostTest, VisibilityTable) {
  struct Row {
    bool published_or_sent, writes, member;
    bool see_post, see_newsletter, can_send;
  };
  const Row rows[] = {
      {false, false, false, false, false, true}, {false, false, true, false, false, true},
      {false, true, false, true, true, true},    {true, false, false, true, false, false},
      {true, false, true, true, true, false},    {true, true, false, true, true, false},
  };
  for (const auto& r : rows) {
    Post p;
    p.status = r.published_or_sent ? PostStatus::kPublished : PostStatus::kDraft;
    Newsletter n;
    if (r.published_or_sent) n.sent_at = 100;
    SCOPED_TRACE(std::to_string(r.published_or_sent) + std::to_string(r.writes) + std::to_string(r.member));
    EXPECT_EQ(CanSeePost(p, r.writes), r.see_post);
    EXPECT_EQ(CanSeeNewsletter(n, r.writes, r.member), r.see_newsletter);
    EXPECT_EQ(CanSend(n), r.can_send);
  }
  EXPECT_EQ(ParsePostStatus(PostStatusName(PostStatus::kPublished)), PostStatus::kPublished);
  EXPECT_EQ(ParsePostStatus("x"), std::nullopt);
}

TEST(PostTest, NewsletterMailHasTheUnsubscribeLink) {
  Newsletter n;
  n.body_markdown = "Beste buren,\n\n**Nieuws**";
  std::string text = NewsletterMailText(n, "Wijkplatform Ter Kleef", "Afmelden:", "https://w.test/afmelden/abc");
  EXPECT_EQ(text,
            "Beste buren,\n\n**Nieuws**\n\n-- \nWijkplatform Ter Kleef\nAfmelden:\nhttps://w.test/afmelden/abc\n");
}

}  // namespace
}  // namespace wp::news
