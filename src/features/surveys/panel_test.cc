// Who in a panel gets a personal code (panel.h): each member once, one code
// per mailbox, nobody without a usable address.
#include "features/surveys/panel.h"

#include <gtest/gtest.h>

namespace wp::surveys {
namespace {

struct Case {
  const char* name;
  std::vector<PanelRecipient> members;
  std::set<int64_t> sent;
  std::set<std::string> sent_addresses;
  std::vector<int64_t> expected;  // member ids, in order
};

TEST(WhoGetsACode, Table) {
  const std::vector<Case> cases = {
      {"everyone the first time", {{1, "a@example.nl"}, {2, "b@example.nl"}}, {}, {}, {1, 2}},
      {"nobody twice",
       {{1, "a@example.nl"}, {2, "b@example.nl"}},
       {1, 2},
       {AddressKey("a@example.nl"), AddressKey("b@example.nl")},
       {}},
      {"only the new member (replacement)",
       {{1, "a@example.nl"}, {3, "c@example.nl"}},
       {1, 2},
       {AddressKey("a@example.nl"), AddressKey("b@example.nl")},
       {3}},
      {"one code per mailbox", {{1, "a@example.nl"}, {2, " A@Example.NL "}}, {}, {}, {1}},
      {"a new member at an address that had a code", {{4, "b@example.nl"}}, {2}, {AddressKey("B@example.nl")}, {}},
      {"no usable address", {{1, ""}, {2, "geen adres"}, {3, "c@example.nl"}}, {}, {}, {3}},
      {"empty panel", {}, {}, {}, {}},
  };
  for (const auto& c : cases) {
    auto got = WhoGetsACode(c.members, c.sent, c.sent_addresses);
    std::vector<int64_t> ids;
    for (const auto& r : got) ids.push_back(r.member_id);
    EXPECT_EQ(ids, c.expected) << c.name;
  }
}

TEST(WhoGetsACode, AddressesTrimmedAndKeyedInLowerCase) {
  auto got = WhoGetsACode({{1, "  Jan@Example.NL"}}, {}, {});
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].email, "Jan@Example.NL");
  EXPECT_EQ(AddressKey(" X@Y.nl "), AddressKey("x@y.nl"));
  EXPECT_NE(AddressKey("x@y.nl"), AddressKey("z@y.nl"));
  EXPECT_EQ(AddressKey("x@y.nl").size(), 64u);
}

}  // namespace
}  // namespace wp::surveys
