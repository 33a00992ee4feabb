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

TEST(PrintFileTest, RunFileNamesAreRecognisedAndEverythingElseRefused) {
  EXPECT_EQ(RunCsvName(7), "stemcodes-7.csv");
  EXPECT_EQ(RunPdfName(7, 2), "stemcodes-7-brieven-002.pdf");
  EXPECT_EQ(RunPdfName(7, 1234), "stemcodes-7-brieven-1234.pdf");
  EXPECT_EQ(ReissueCsvName(9), "herdruk-9.csv");
  EXPECT_EQ(ReissuePdfName(9), "herdruk-9.pdf");
  for (const std::string& name : {RunCsvName(7), RunPdfName(7, 2), ReissueCsvName(9), ReissuePdfName(9)}) {
    EXPECT_TRUE(IsPrintFileName(name)) << name;
  }
  EXPECT_TRUE(IsFileOfGenerationRun("stemcodes-7.csv", 7));
  EXPECT_TRUE(IsFileOfGenerationRun("stemcodes-7.csv.part", 7)) << "a half-written file";
  EXPECT_TRUE(IsFileOfGenerationRun("stemcodes-7-brieven-003.pdf.part", 7));
  EXPECT_FALSE(IsFileOfGenerationRun("stemcodes-71.csv", 7)) << "another run";
  EXPECT_FALSE(IsFileOfGenerationRun("stemcodes-71-brieven-001.pdf", 7));
  EXPECT_FALSE(IsFileOfGenerationRun("herdruk-7.csv", 7));
  for (const char* bad : {"../voting.key", ".stemcodes-1.csv", "a.b.csv", "Stemcodes-1.csv", "x.txt", ".csv", "",
                          "stemcodes-1.csv.part"}) {
    EXPECT_FALSE(IsPrintFileName(bad)) << bad;
  }
}

}  // namespace
}  // namespace wp::codes
