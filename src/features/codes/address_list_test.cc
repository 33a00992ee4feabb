#include "features/codes/address_list.h"

#include <gtest/gtest.h>

namespace wp::codes {
namespace {

TEST(AddressListTest, ReadsAdresColumnAndReportsTheRest) {
  auto list = ParseAddressCsv(
      "\xEF\xBB\xBFwijk;adres;postcode\r\n"
      "Schalkwijk;Amsterdamstraat 1;2032 AA\r\n"
      "Schalkwijk;\"Laan 2; achterhuis\";2032 AB\r\n"
      ";;\r\n"
      "Schalkwijk;amsterdamstraat   1;2032 AA\r\n");
  ASSERT_TRUE(list.has_value()) << list.error().detail;
  ASSERT_EQ(list->addresses.size(), 2u);
  EXPECT_EQ(list->addresses[0], "Amsterdamstraat 1");
  EXPECT_EQ(list->addresses[1], "Laan 2; achterhuis");
  EXPECT_EQ(list->ignored_columns, (std::vector<std::string>{"wijk", "postcode"}));
  EXPECT_EQ(list->empty_lines, (std::vector<int>{4}));
  ASSERT_EQ(list->duplicates.size(), 1u);
  EXPECT_EQ(list->duplicates[0].line, 5);
  EXPECT_EQ(list->duplicates[0].first_line, 2);
  EXPECT_EQ(list->address_lines, (std::vector<int>{2, 3}));
}

TEST(AddressListTest, ReadsTheBuurtCodeOfEachAddressWhenGiven) {
  auto list = ParseAddressCsv("adres;buurtcode\nKerkstraat 3;BU03920101\nPlein 5;\nLaan 7; bu03921901 \n");
  ASSERT_TRUE(list.has_value()) << list.error().detail;
  EXPECT_EQ(list->buurt_codes, (std::vector<std::string>{"BU03920101", "", "BU03921901"}));
  EXPECT_TRUE(list->ignored_columns.empty());
  auto without = ParseAddressCsv("adres\nKerkstraat 3\n");
  ASSERT_TRUE(without.has_value());
  EXPECT_EQ(without->buurt_codes, (std::vector<std::string>{""}));
  for (const char* bad : {"Stationsbuurt", "BU0392010", "BU039201011", "WK039201", "BUx3920101"}) {
    auto refused = ParseAddressCsv(std::string("adres,buurt\nKerkstraat 3,") + bad + "\n");
    ASSERT_FALSE(refused.has_value()) << bad;
    EXPECT_EQ(refused.error().user_message_key, "codes.import.bad_buurt") << bad;
  }
  EXPECT_TRUE(IsBuurtCode("BU03920101"));
  EXPECT_FALSE(IsBuurtCode("bu03920101"));
}

TEST(AddressListTest, AcceptsEnglishHeaderAndCommas) {
  auto list = ParseAddressCsv("Address,note\nKerkstraat 3,x\n\"Dorp \"\"Oud\"\" 4\",y\nPlein 5\n");
  ASSERT_TRUE(list.has_value());
  EXPECT_EQ(list->addresses, (std::vector<std::string>{"Kerkstraat 3", "Dorp \"Oud\" 4", "Plein 5"}));
  EXPECT_EQ(list->ignored_columns, (std::vector<std::string>{"note"}));
}

TEST(AddressListTest, MultiLineQuotedFieldKeepsLineNumbers) {
  auto list = ParseAddressCsv("adres\n\"Kerkstraat 3\nbis\"\n\nPlein 5\n");
  ASSERT_TRUE(list.has_value());
  EXPECT_EQ(list->address_lines, (std::vector<int>{2, 5}));
  EXPECT_EQ(list->empty_lines, (std::vector<int>{4}));
}

TEST(AddressListTest, RefusesBadFilesWithAReason) {
  struct Case {
    std::string text;
    std::string key;
  };
  std::vector<Case> cases = {
      {"", "codes.import.empty"},
      {"  \n \n", "codes.import.empty"},
      {"straat,huisnummer\nKerkstraat,3\n", "codes.import.no_column"},
      {"adres\n\xFF\xFE\n", "codes.import.encoding"},
      {"adres\n\"Kerkstraat 3\n", "codes.import.quote"},
      {"adres\n\n\n", "codes.import.no_addresses"},
      {"adres\n" + std::string(kMaxAddressLength + 1, 'x') + "\n", "codes.import.too_long"},
  };
  for (const auto& c : cases) {
    auto r = ParseAddressCsv(c.text);
    ASSERT_FALSE(r.has_value()) << c.text;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(r.error().user_message_key, c.key) << c.text;
  }
}

TEST(AddressListTest, AddressKeyIgnoresCaseAndSpacing) {
  EXPECT_EQ(AddressKey("  Kerkstraat   3 "), "kerkstraat 3");
  EXPECT_EQ(AddressKey("KERKSTRAAT 3"), AddressKey("kerkstraat 3"));
}

}  // namespace
}  // namespace wp::codes
