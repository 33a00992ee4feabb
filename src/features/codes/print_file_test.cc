#include "features/codes/print_file.h"

#include <gtest/gtest.h>

namespace wp::codes {
namespace {

TEST(PrintFileTest, RowHasLetterAddressGroupedCodeAndLink) {
  std::string url = VotingUrl("https://wijkplatform.haarlem.nl", "schalkwijk-2027", "ABCDE23456FGHJK");
  EXPECT_EQ(url, "https://wijkplatform.haarlem.nl/wijkbudget/schalkwijk-2027/stemmen?code=ABCDE23456FGHJK");
  EXPECT_EQ(PrintFileRow(12, "Kerkstraat 3", "ABCDE23456FGHJK", url),
            "12,Kerkstraat 3,ABCDE-23456-FGHJK," + url + "\r\n");
  EXPECT_EQ(PrintFileHeader(), "briefnummer,adres,stemcode,stemlink\r\n");
}

TEST(PrintFileTest, QuotesAndDefusesAddresses) {
  EXPECT_EQ(CsvField("Laan 2, achter"), "\"Laan 2, achter\"");
  EXPECT_EQ(CsvField("Dorp \"Oud\" 4"), "\"Dorp \"\"Oud\"\" 4\"");
  EXPECT_EQ(PrintFileRow(1, "=HYPERLINK(\"x\")", "ABCDE23456FGHJK", "u"),
            "1,\"'=HYPERLINK(\"\"x\"\")\",ABCDE-23456-FGHJK,u\r\n");
}

TEST(PrintFileTest, CodesAreReadBackFromTheLinks) {
  std::string file = PrintFileHeader() +
                     PrintFileRow(1, "Laan 2, achter", "ABCDE23456FGHJK", VotingUrl("u", "s", "ABCDE23456FGHJK")) +
                     PrintFileRow(2, "Dorp 4", "KJHGF65432EDCBA", VotingUrl("u", "s", "KJHGF65432EDCBA"));
  EXPECT_EQ(CodesInPrintFile(file), (std::vector<std::string>{"ABCDE23456FGHJK", "KJHGF65432EDCBA"}));
  EXPECT_EQ(CodesInPrintFile("1,a,b,u/stemmen?code=XYZ"), std::vector<std::string>{"XYZ"});
  EXPECT_TRUE(CodesInPrintFile(PrintFileHeader()).empty());
}

}  // namespace
}  // namespace wp::codes
