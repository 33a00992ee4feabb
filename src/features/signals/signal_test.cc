#include "features/signals/signal.h"

#include <gtest/gtest.h>

namespace wp::signals {
namespace {

ReportInput Valid() {
  ReportInput in;
  in.category_slug = "losse-tegel";
  in.description = "Een losse stoeptegel voor de bakker.";
  in.location.lon = 4.64;
  in.location.lat = 52.38;
  return in;
}

std::vector<std::string> Keys(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field + ":" + e.message_key);
  return out;
}

TEST(ReportFieldsTest, Table) {
  struct Case {
    const char* what;
    void (*change)(ReportInput&);
    std::vector<std::string> want;
  } cases[] = {
      {"valid with a point", [](ReportInput&) {}, {}},
      {"valid with buurt and street",
       [](ReportInput& in) {
         in.location = Location{std::nullopt, std::nullopt, "BU03920101", "Grote Markt"};
       },
       {}},
      {"no category", [](ReportInput& in) { in.category_slug = " "; }, {"category:web.required"}},
      {"no description", [](ReportInput& in) { in.description = "  \n "; }, {"description:web.required"}},
      {"description of exactly the limit",
       [](ReportInput& in) { in.description = std::string(kMaxDescriptionChars, 'a'); },
       {}},
      {"description one over",
       [](ReportInput& in) { in.description = std::string(kMaxDescriptionChars + 1, 'a'); },
       {"description:signals.error.too_long"}},
      {"the limit counts characters, not bytes",
       [](ReportInput& in) {
         in.description.clear();
         for (size_t i = 0; i < kMaxDescriptionChars; ++i) in.description += "\xC3\xA9";
       },
       {}},
      {"control characters",
       [](ReportInput& in) { in.description = "tegel\x07los"; },
       {"description:signals.error.bad_characters"}},
      {"newlines are fine", [](ReportInput& in) { in.description = "regel 1\r\nregel 2"; }, {}},
      {"no location at all", [](ReportInput& in) { in.location = Location{}; }, {"location:signals.error.no_location"}},
      {"half a point", [](ReportInput& in) { in.location.lat.reset(); }, {"location:signals.error.no_location"}},
      {"buurt without street",
       [](ReportInput& in) {
         in.location = Location{std::nullopt, std::nullopt, "BU03920101", ""};
       },
       {"street:web.required"}},
      {"street too long",
       [](ReportInput& in) { in.location.street = std::string(kMaxStreetChars + 1, 's'); },
       {"street:signals.error.too_long"}},
      {"bad e-mail", [](ReportInput& in) { in.email = "niet-een-adres"; }, {"email:signals.error.bad_email"}},
      {"good e-mail", [](ReportInput& in) { in.email = " ans@example.nl "; }, {}},
  };
  for (const auto& c : cases) {
    ReportInput in = Valid();
    c.change(in);
    EXPECT_EQ(Keys(CheckReportFields(in)), c.want) << c.what;
  }
}

TEST(CategoryTest, ChecksAndReportableLeaves) {
  Category ok{.id = 1, .slug = "afval", .name = "Afval", .department_slug = "afval"};
  EXPECT_TRUE(CheckCategory(ok).empty());
  Category bad = ok;
  bad.slug = "Afval!";
  bad.name = "";
  bad.handling_days = 0;
  bad.update_interval_days = 91;
  bad.department_slug.clear();
  EXPECT_EQ(Keys(CheckCategory(bad)),
            (std::vector<std::string>{"name:web.required", "slug:signals.error.bad_slug", "department:web.required",
                                      "handling_days:signals.error.days_range",
                                      "update_interval_days:signals.error.days_range"}));
  Category child{.id = 2, .parent_id = 1, .slug = "container-vol", .name = "Container vol", .department_slug = "afval"};
  std::vector<Category> all = {ok, child};
  EXPECT_FALSE(IsReportable(ok, all)) << "a main category with an active sub-category";
  EXPECT_TRUE(IsReportable(child, all));
  all[1].active = false;
  EXPECT_TRUE(IsReportable(all[0], all)) << "its only child is inactive";
  EXPECT_FALSE(IsReportable(all[1], all));
  EXPECT_EQ(child.NameIn("en"), "Container vol") << "no English name: the Dutch one";
}

TEST(SignalNumberTest, FormatsAndParses) {
  EXPECT_EQ(SignalNumber(1042), "M-1042");
  EXPECT_EQ(ParseSignalNumber("M-1042"), 1042);
  EXPECT_EQ(ParseSignalNumber(" m-7 "), 7);
  EXPECT_EQ(ParseSignalNumber("1042"), 1042);
  EXPECT_FALSE(ParseSignalNumber("M-").has_value());
  EXPECT_FALSE(ParseSignalNumber("X-12").has_value());
  EXPECT_FALSE(ParseSignalNumber("M-12a").has_value());
}

}  // namespace
}  // namespace wp::signals
