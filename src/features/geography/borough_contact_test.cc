#include "features/geography/borough_contact.h"

#include <gtest/gtest.h>

namespace wp::geography {
namespace {

BoroughContact Valid() { return {"Fatima El Amrani", "f.elamrani@haarlem.example", "+31 (0)23 511-5115", "", 0}; }

std::vector<std::string> Fields(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field + ":" + e.message_key);
  return out;
}

TEST(BoroughContactTest, EachRuleNamesItsFieldAndReason) {
  struct Case {
    const char* name;
    void (*change)(BoroughContact&);
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {"valid", [](BoroughContact&) {}, {}},
      {"no phone is fine", [](BoroughContact& c) { c.phone = ""; }, {}},
      {"no name", [](BoroughContact& c) { c.contact_name = ""; }, {"contact_name:web.required"}},
      {"long name",
       [](BoroughContact& c) { c.contact_name = std::string(101, 'a'); },
       {"contact_name:geography.contact.too_long"}},
      {"name at the limit", [](BoroughContact& c) { c.contact_name = std::string(100, 'a'); }, {}},
      {"no e-mail", [](BoroughContact& c) { c.email = ""; }, {"email:web.required"}},
      {"bad e-mail", [](BoroughContact& c) { c.email = "geen-email"; }, {"email:geography.contact.bad_email"}},
      {"words as phone", [](BoroughContact& c) { c.phone = "bel me"; }, {"phone:geography.contact.bad_phone"}},
      {"long phone", [](BoroughContact& c) { c.phone = std::string(31, '1'); }, {"phone:geography.contact.bad_phone"}},
      {"long note", [](BoroughContact& c) { c.note = std::string(1001, 'x'); }, {"note:geography.contact.too_long"}},
      {"everything wrong, in form order",
       [](BoroughContact& c) {
         c = {"", "x", "?", std::string(1001, 'x'), 0};
       },
       {"contact_name:web.required", "email:geography.contact.bad_email", "phone:geography.contact.bad_phone",
        "note:geography.contact.too_long"}},
  };
  for (const auto& c : cases) {
    BoroughContact contact = Valid();
    c.change(contact);
    EXPECT_EQ(Fields(CheckBoroughContact(contact)), c.expected) << c.name;
  }
}

TEST(BoroughContactTest, TrimmingRemovesSurroundingSpacesOnly) {
  BoroughContact c = TrimmedContact({"  Henk de Boer ", " henk@haarlem.example\t", " 14 023 ", "\n", 7});
  EXPECT_EQ(c.contact_name, "Henk de Boer");
  EXPECT_EQ(c.email, "henk@haarlem.example");
  EXPECT_EQ(c.phone, "14 023");
  EXPECT_EQ(c.note, "");
  EXPECT_EQ(c.updated_at, 7);
  EXPECT_EQ(Fields(CheckBoroughContact(TrimmedContact({"   ", "a@b.nl", "", "", 0}))),
            std::vector<std::string>{"contact_name:web.required"});
}

}  // namespace
}  // namespace wp::geography
