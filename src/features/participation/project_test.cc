#include "features/participation/project.h"

#include <gtest/gtest.h>

#include <string>

#include "features/geography/haarlem_fixture_test.h"

namespace wp::participation {
namespace {

using geography::Haarlem;
using geography::GeoDir;

std::string Fields(const std::vector<FieldError>& errors) {
  std::string out;
  for (const auto& e : errors) out += (out.empty() ? "" : " ") + e.field + ":" + e.message_key;
  return out;
}

ProjectForm Good() {
  ProjectForm f;
  f.title = "Nieuwe inrichting Boerhaavepark";
  f.summary = "Het park krijgt nieuwe paden en speelplekken.";
  f.districts = {"WK039219"};
  f.department = "Openbare Ruimte";
  f.contact_name = "Karin Jansen";
  f.contact_email = "k.jansen@haarlem.example";
  f.level = "advise";
  f.can_influence = "Waar de speelplekken komen.";
  f.fixed = "Het budget en de bomen langs de rand.";
  f.platform_role = "Het wijkplatform organiseert de avond.";
  f.phases = {{"Ophalen van ideeen", "2027-01-10", "2027-02-28"}, {"Ontwerp", "2027-03-01", ""}, {"", "", ""}};
  return f;
}

TEST(ProjectTest, TheProjectForm) {
  ASSERT_HAARLEM_LOADED();
  struct Row {
    const char* what;
    void (*change)(ProjectForm&);
    std::string errors;
  };
  const Row kTable[] = {
      {"good", [](ProjectForm&) {}, ""},
      {"two wijken, twice", [](ProjectForm& f) { f.districts = {"WK039218", "WK039219", "WK039219"}; }, ""},
      {"no title", [](ProjectForm& f) { f.title = " "; }, "title:participation.error.missing_title"},
      {"title too long", [](ProjectForm& f) { f.title = std::string(kMaxShortBytes + 1, 'a'); },
       "title:participation.error.too_long"},
      {"no summary", [](ProjectForm& f) { f.summary = ""; }, "summary:participation.error.missing_summary"},
      {"no wijk", [](ProjectForm& f) { f.districts = {}; }, "districts:participation.error.no_district"},
      {"a wijk of another municipality", [](ProjectForm& f) { f.districts = {"WK036301"}; },
       "districts:participation.error.unknown_district"},
      {"a buurt is no wijk", [](ProjectForm& f) { f.districts = {"BU03921901"}; },
       "districts:participation.error.unknown_district"},
      {"no department", [](ProjectForm& f) { f.department = ""; },
       "department:participation.error.missing_department"},
      {"no contact", [](ProjectForm& f) { f.contact_name = "", f.contact_email = "karin"; },
       "contact_name:participation.error.missing_contact_name contact_email:participation.error.bad_email"},
      {"unknown level", [](ProjectForm& f) { f.level = "decide"; }, "level:participation.error.bad_level"},
      {"what you can influence is required", [](ProjectForm& f) { f.can_influence = ""; },
       "can_influence:participation.error.missing_can_influence"},
      {"what is fixed is required", [](ProjectForm& f) { f.fixed = "  "; },
       "fixed:participation.error.missing_fixed"},
      {"how the platform takes part", [](ProjectForm& f) { f.platform_role = ""; },
       "platform_role:participation.error.missing_platform_role"},
      {"no phase", [](ProjectForm& f) { f.phases = {{"", "", ""}}; }, "phase_name_1:participation.error.no_phase"},
      {"a phase without a name", [](ProjectForm& f) { f.phases[1].name = ""; },
       "phase_name_2:participation.error.missing_phase_name"},
      {"a phase without a start", [](ProjectForm& f) { f.phases[0].start = ""; },
       "phase_start_1:participation.error.bad_date"},
      {"not a date", [](ProjectForm& f) { f.phases[1].end = "2027-02-30"; },
       "phase_end_2:participation.error.bad_date"},
      {"end before start", [](ProjectForm& f) { f.phases[0].end = "2027-01-09"; },
       "phase_end_1:participation.error.end_before_start"},
      {"end on the start day", [](ProjectForm& f) { f.phases[0].end = "2027-01-10"; }, ""},
      {"a row with only an end date", [](ProjectForm& f) { f.phases[2].end = "2027-05-01"; },
       "phase_name_3:participation.error.missing_phase_name phase_start_3:participation.error.bad_date"},
  };
  for (const auto& row : kTable) {
    ProjectForm f = Good();
    row.change(f);
    EXPECT_EQ(Fields(CheckProjectForm(f, *Haarlem()).errors), row.errors) << row.what;
  }
}

TEST(ProjectTest, TheCheckedProject) {
  ASSERT_HAARLEM_LOADED();
  ProjectForm f = Good();
  f.districts = {"WK039219", " WK039218"};
  f.phases = {{"Ontwerp", "2027-03-01", ""}, {"Ideeen", " 2027-01-10 ", "2027-02-28"}};
  CheckedProject checked = CheckProjectForm(f, *Haarlem());
  ASSERT_EQ(Fields(checked.errors), "");
  EXPECT_EQ(checked.project.districts, (std::vector<std::string>{"WK039218", "WK039219"})) << "sorted";
  ASSERT_EQ(checked.project.phases.size(), 2u) << "the empty row is left out";
  EXPECT_EQ(checked.project.phases[0], (Phase{"Ideeen", "2027-01-10", "2027-02-28"})) << "by start date";
  EXPECT_EQ(checked.project.level, Level::kAdvise);
  EXPECT_EQ(BoroughsOf(checked.project.districts, *Haarlem()), (std::set<std::string>{"schalkwijk"}));
  EXPECT_EQ(BoroughsOf({"WK039201", "WK039219", "WK039999"}, *Haarlem()),
            (std::set<std::string>{"centrum", "schalkwijk"}));
}

TEST(ProjectTest, StatusChanges) {
  struct Row {
    Status from, to;
    const char* problem;  // "" when allowed
  };
  const Row kTable[] = {
      {Status::kPlanned, Status::kRunning, ""},
      {Status::kPlanned, Status::kCancelled, ""},
      {Status::kRunning, Status::kFinished, ""},
      {Status::kRunning, Status::kCancelled, ""},
      {Status::kPlanned, Status::kFinished, "participation.flow.not_allowed"},
      {Status::kRunning, Status::kPlanned, "participation.flow.not_allowed"},
      {Status::kFinished, Status::kRunning, "participation.flow.not_allowed"},
      {Status::kCancelled, Status::kPlanned, "participation.flow.not_allowed"},
      {Status::kCancelled, Status::kCancelled, "participation.flow.same_status"},
      {Status::kRunning, Status::kRunning, "participation.flow.same_status"},
  };
  for (const auto& row : kTable) {
    auto problem = CheckTransition(row.from, row.to);
    EXPECT_EQ(std::string(problem.value_or("")), row.problem) << StatusName(row.from) << " -> " << StatusName(row.to);
  }
  EXPECT_FALSE(IsClosed(Status::kRunning));
  EXPECT_TRUE(IsClosed(Status::kFinished));
  EXPECT_TRUE(IsClosed(Status::kCancelled));
}

TEST(ProjectTest, TheStatusForm) {
  struct Row {
    const char* what;
    StatusForm form;
    Status current, after;
    std::string errors;
  };
  const Row kTable[] = {
      {"starts", {"running", ""}, Status::kPlanned, Status::kRunning, ""},
      {"finishes with a note", {"finished", "Klaar."}, Status::kRunning, Status::kFinished, ""},
      {"cancelled with its reason", {"cancelled", "Geen geld."}, Status::kPlanned, Status::kCancelled, ""},
      {"cancelled without a reason", {"cancelled", " "}, Status::kRunning, Status::kCancelled,
       "reason:participation.error.missing_reason"},
      {"unknown status", {"paused", ""}, Status::kPlanned, Status::kPlanned, "status:participation.error.bad_status"},
      {"no way back", {"planned", "Toch niet"}, Status::kRunning, Status::kRunning,
       "status:participation.flow.not_allowed"},
      {"reason too long", {"finished", std::string(kMaxTextBytes + 1, 'x')}, Status::kRunning, Status::kFinished,
       "reason:participation.error.too_long"},
  };
  for (const auto& row : kTable) {
    CheckedStatus checked = CheckStatusForm(row.form, row.current);
    EXPECT_EQ(Fields(checked.errors), row.errors) << row.what;
    EXPECT_EQ(checked.status, row.after) << row.what;
  }
}

TEST(ProjectTest, WhereTheTimelineStands) {
  const std::vector<Phase> kPhases = {{"Ideeen", "2027-01-10", "2027-02-28"},
                                      {"Ontwerp", "2027-03-15", "2027-05-31"},
                                      {"Uitvoering", "2027-09-01", ""}};
  struct Row {
    const char* today;
    std::optional<size_t> current, next;
  };
  const Row kTable[] = {
      {"2026-12-01", std::nullopt, 0},     {"2027-01-10", 0, 1},           {"2027-02-28", 0, 1},
      {"2027-03-01", std::nullopt, 1},     {"2027-04-01", 1, 2},           {"2027-06-01", std::nullopt, 2},
      {"2027-09-01", 2, std::nullopt},     {"2030-01-01", 2, std::nullopt},
  };
  for (const auto& row : kTable) {
    TimelinePosition at = PositionOn(kPhases, row.today);
    EXPECT_EQ(at.current, row.current) << row.today;
    EXPECT_EQ(at.next, row.next) << row.today;
  }
  EXPECT_EQ(PositionOn({}, "2027-01-01").current, std::nullopt);
}

TEST(ProjectTest, AreasOverlapWhenTheyShareAWijk) {
  EXPECT_TRUE(Overlaps({"WK039218", "WK039219"}, {"WK039219"}));
  EXPECT_FALSE(Overlaps({"WK039218"}, {"WK039219", "WK039220"}));
  EXPECT_FALSE(Overlaps({}, {"WK039219"}));
  EXPECT_EQ(DistrictsOfArea({"BU03921901", "BU03921902", "BU03921801", "WK039201"}),
            (std::set<std::string>{"WK039218", "WK039219"}))
      << "a platform's buurten give its wijken";
}

TEST(ProjectTest, NamesRoundTrip) {
  for (Level l : kAllLevels) EXPECT_EQ(ParseLevel(LevelName(l)), l);
  for (Status s : kAllStatuses) EXPECT_EQ(ParseStatus(StatusName(s)), s);
  for (EntryKind k : {EntryKind::kCreated, EntryKind::kEdited, EntryKind::kStatus, EntryKind::kNotified}) {
    EXPECT_EQ(ParseEntryKind(EntryKindName(k)), k);
  }
  EXPECT_FALSE(ParseLevel("Meebeslissen"));
}

}  // namespace
}  // namespace wp::participation
