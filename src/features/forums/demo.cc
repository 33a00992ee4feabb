#include "features/forums/demo.h"

#include <string>
#include <vector>

#include "core/time/time_zone.h"

namespace wp::forums {

namespace {

constexpr const char* kOrganiserEmail = "gebiedsverbinder@demo.wijkplatform.invalid";
constexpr const char* kForumName = "Wijkforum Zijlweg-West";
constexpr const char* kPanelName = "Bewonerspanel Oude Stad";
constexpr const char* kPastForumName = "Wijkforum Haarlemmerhoutkwartier";
constexpr const char* kGreenPanelName = "Bewonerspanel Haarlemmerhout Groen";
constexpr int64_t kDay = 86400;

constexpr const char* kForumQuotas =
    "feature,value,min,max\n"
    "geslacht,man,3,4\n"
    "geslacht,vrouw,3,4\n"
    "leeftijd,16-34,1,3\n"
    "leeftijd,35-64,2,4\n"
    "leeftijd,65+,1,3\n"
    "rol,doener,2,5\n"
    "rol,denker,2,5\n";

std::string AddressCsv(const std::string& street, int count) {
  std::string csv = "adres\n";
  for (int i = 1; i <= count; ++i) csv += street + " " + std::to_string(i) + ", Haarlem\n";
  return csv;
}

// The i-th demo resident's answers: spread so that every quota can be met.
RegistrationForm Resident(int i, const std::string& code) {
  static const char* kAges[] = {"16-34", "35-64", "35-64", "65+"};
  RegistrationForm r;
  r.code = code;
  r.name = "Bewoner " + std::to_string(i + 1) + " (demo)";
  r.email = "bewoner" + std::to_string(i + 1) + "@demo.wijkplatform.invalid";
  r.availability = i % 3 == 0 ? "Doordeweeks 's avonds" : "Zaterdagochtend";
  r.features = {{"geslacht", i % 2 == 0 ? "vrouw" : "man"},
                {"leeftijd", kAges[(i / 2) % 4]},
                {"rol", i % 5 < 2 ? "doener" : "denker"}};
  r.consent = true;
  return r;
}

Result<void> RegisterResidents(ForumCommands& commands, const Forum& forum, int count) {
  WP_ASSIGN_OR_RETURN(auto invitations, commands.Invitations(forum));
  for (int i = 0; i < count && i < static_cast<int>(invitations.size()); ++i) {
    WP_TRY_VOID(commands.Register(Resident(i, invitations[static_cast<size_t>(i) * 5 % invitations.size()].code)));
  }
  return Ok();
}

Result<Forum> SetUp(ForumCommands& commands, const auth::User& organiser, Kind kind, const char* name,
                    const char* district, int seats, const std::string& quotas) {
  ForumSetup s;
  s.kind = kind;
  s.name = name;
  s.district_code = district;
  s.purpose = "Samen met de buurt bepalen wat er dit jaar in de wijk gebeurt, en met welk budget.";
  s.seats = seats;
  s.term_months = 24;
  s.register_until = commands.Now() + 21 * kDay;
  s.appeal_days = 14;
  s.quotas_csv = quotas;
  return commands.Create(organiser, s);
}

// A small valid PDF (one empty A4 page) for the demo documents.
constexpr const char* kMinutesPdf =
    "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n"
    "trailer << /Root 1 0 R >>\n%%EOF\n";

// The workspace of Zijlweg-West: a meeting, its minutes as a PDF, and the
// neighbourhood agenda of next year with budget, decided and published.
Result<void> LoadWorkspace(WorkspaceCommands& workspace, const Forum& f, const auth::User& organiser) {
  int64_t now = workspace.forums().Now();
  MeetingForm meeting{now - 7 * kDay, "Buurthuis De Til, Zijlweg",
                      "1. Kennismaken. 2. Wat speelt er in de wijk? 3. Budget voor de wijkagenda.",
                      "We kozen drie thema's: groen, veilig oversteken en ontmoeten."};
  WP_TRY_VOID(workspace.AddMeeting(organiser, f, meeting));
  WP_TRY_VOID(workspace.AddDocument(organiser, f, "Verslag eerste bijeenkomst", "verslag.pdf", kMinutesPdf));
  int year = time::CivilFromUnix(now).year + 1;
  WP_TRY_VOID(workspace.AddAgenda(organiser, f, year, 1500000));
  struct Line {
    const char* title;
    const char* description;
    int64_t cents;
    ItemStatus decision;
    const char* reason;
  };
  const Line lines[] = {
      {"Meer groen op de Zijlweg", "Geveltuinen en vier nieuwe bomen.", 600000, ItemStatus::kAdopted,
       "Veel bewoners vroegen erom."},
      {"Veilig oversteken bij de school", "Een zebrapad en betere verlichting.", 700000, ItemStatus::kAdopted,
       "De veiligheid van kinderen gaat voor."},
      {"Buurtfeest", "Een feest voor de hele wijk.", 400000, ItemStatus::kRejected,
       "Past niet meer in het budget. Volgend jaar opnieuw."},
  };
  for (const auto& line : lines) {
    AgendaItem item{0, line.title, line.description, line.cents, ItemStatus::kProposed, ""};
    WP_ASSIGN_OR_RETURN(int64_t id, workspace.AddItem(organiser, f, year, item, true));
    WP_TRY_VOID(workspace.Decide(organiser, f, year, id, line.decision, line.reason));
  }
  return workspace.Publish(organiser, f, year);
}

Result<void> LoadZijlweg(ForumCommands& commands, DrawJob& draw_job, WorkspaceCommands& workspace,
                         const auth::User& organiser) {
  WP_ASSIGN_OR_RETURN(Forum f, SetUp(commands, organiser, Kind::kForum, kForumName, "WK039203", 7, kForumQuotas));
  WP_TRY_VOID(commands.Invite(organiser, f, AddressCsv("Zijlweg", 1200), "demo 3 12 27 31 40 44", 323));
  WP_ASSIGN_OR_RETURN(f, commands.Find(f.slug));
  WP_TRY_VOID(RegisterResidents(commands, f, 59));
  WP_TRY_VOID(commands.CloseRegistration(organiser, f));
  WP_ASSIGN_OR_RETURN(f, commands.Find(f.slug));
  WP_ASSIGN_OR_RETURN(int64_t draw, commands.StartDraw(organiser, f, "lotto 5 11 19 23 38 42"));
  WP_TRY_VOID(draw_job.RunDraw(draw));
  WP_ASSIGN_OR_RETURN(auto members, commands.Members(f));
  if (members.empty()) return Internal("the demo draw chose nobody");
  // Someone leaves: the first fitting reserve takes the seat at once.
  WP_ASSIGN_OR_RETURN(Replacement replaced,
                      commands.StartReplacement(organiser, f, {members.front().public_id}, "lotto 2 9 17 28 33 45"));
  if (replaced.from_reserve.empty()) return Internal("the demo replacement took nobody from the reserve");
  if (replaced.draw_id) WP_TRY_VOID(draw_job.RunDraw(*replaced.draw_id));
  WP_TRY_VOID(LoadWorkspace(workspace, f, organiser));
  // A second, weighted draw: 2 extra seats so that doers and thinkers are
  // about even (4 or 5 of each in the forum of 9), as in Zijlweg-West. It is
  // queued, and the job runner draws it just after the start: LEXIMIN takes
  // seconds in a debug build, and the server should answer at once.
  SecondDrawForm second{2, "feature,value,min,max\nrol,doener,4,5\nrol,denker,4,5\n", "lotto 6 13 20 27 34 41"};
  WP_ASSIGN_OR_RETURN(int64_t queued, commands.StartSecondDraw(organiser, f, second));
  return queued > 0 ? Ok() : Internal("the demo second draw was not queued");
}

// Set up, filled and drawn on one day in the past (the clock of `past`).
Result<void> LoadHaarlemmerhout(PastForum past, const auth::User& organiser) {
  WP_ASSIGN_OR_RETURN(Forum f,
                      SetUp(past.commands, organiser, Kind::kForum, kPastForumName, "WK039202", 7, kForumQuotas));
  WP_TRY_VOID(past.commands.Invite(organiser, f, AddressCsv("Wagenweg", 900), "demo 4 15 22 30 36 41", 250));
  WP_ASSIGN_OR_RETURN(f, past.commands.Find(f.slug));
  WP_TRY_VOID(RegisterResidents(past.commands, f, 41));
  WP_TRY_VOID(past.commands.CloseRegistration(organiser, f));
  WP_ASSIGN_OR_RETURN(f, past.commands.Find(f.slug));
  WP_ASSIGN_OR_RETURN(int64_t draw, past.commands.StartDraw(organiser, f, "lotto 1 8 16 24 31 47"));
  return past.draw_job.RunDraw(draw);
}

// A panel whose reserve cannot fill a seat: both women were drawn, one
// leaves, the reserve holds only men and the engine finds nobody either.
// A second registration round with new letters brings women, and the open
// seat is drawn from them in public.
RegistrationForm GreenResident(int i, const std::string& code, const char* gender, const char* role) {
  RegistrationForm r;
  r.code = code;
  r.name = "Buurtbewoner " + std::to_string(i) + " (demo)";
  r.email = "groen" + std::to_string(i) + "@demo.wijkplatform.invalid";
  r.availability = "Doordeweeks 's avonds";
  r.features = {{"geslacht", gender}, {"rol", role}};
  r.consent = true;
  return r;
}

struct Person {
  const char* gender;
  const char* role;
};

Result<void> RegisterGreen(ForumCommands& commands, const Forum& f, int round, int first,
                           const std::vector<Person>& people) {
  WP_ASSIGN_OR_RETURN(auto invitations, commands.Invitations(f));
  std::vector<std::string> codes;
  for (const auto& inv : invitations) {
    if (inv.round == round) codes.push_back(inv.code);
  }
  for (size_t i = 0; i < people.size() && i * 3 < codes.size(); ++i) {
    WP_TRY_VOID(commands.Register(
        GreenResident(first + static_cast<int>(i), codes[i * 3], people[i].gender, people[i].role)));
  }
  return Ok();
}

Result<void> LoadGreenPanel(ForumCommands& commands, DrawJob& draw_job, const auth::User& organiser) {
  const std::string quotas =
      "feature,value,min,max\ngeslacht,man,2,3\ngeslacht,vrouw,2,3\nrol,doener,1,4\nrol,denker,1,4\n";
  WP_ASSIGN_OR_RETURN(Forum f, SetUp(commands, organiser, Kind::kPanel, kGreenPanelName, "WK039202", 5, quotas));
  WP_TRY_VOID(commands.Invite(organiser, f, AddressCsv("Dreef", 300), "demo 2 10 18 26 34 43", 80));
  WP_ASSIGN_OR_RETURN(f, commands.Find(f.slug));
  WP_TRY_VOID(RegisterGreen(commands, f, 1, 1,
                            {{"vrouw", "doener"}, {"vrouw", "denker"}, {"man", "doener"}, {"man", "denker"},
                             {"man", "doener"}, {"man", "denker"}, {"man", "doener"}, {"man", "denker"}}));
  WP_TRY_VOID(commands.CloseRegistration(organiser, f));
  WP_ASSIGN_OR_RETURN(f, commands.Find(f.slug));
  WP_ASSIGN_OR_RETURN(int64_t draw, commands.StartDraw(organiser, f, "lotto 4 9 21 30 37 44"));
  WP_TRY_VOID(draw_job.RunDraw(draw));
  // R001 (a woman, always drawn) leaves: no reserve fits, the engine's
  // replacement draw fails and says which quota.
  WP_ASSIGN_OR_RETURN(Replacement replaced, commands.StartReplacement(organiser, f, {"R001"}, "lotto 5 8 15 22 29 36"));
  if (!replaced.from_reserve.empty() || !replaced.draw_id) return Internal("the demo reserve filled the seat");
  WP_TRY_VOID(draw_job.RunDraw(*replaced.draw_id));
  RoundForm round{AddressCsv("Dreef", 300), "demo 1 7 19 25 33 48", 60, commands.Now() + 10 * kDay};
  WP_ASSIGN_OR_RETURN(int number, commands.OpenRound(organiser, f, round));
  WP_TRY_VOID(RegisterGreen(commands, f, number, 9,
                            {{"vrouw", "doener"}, {"vrouw", "denker"}, {"man", "doener"}, {"vrouw", "denker"}}));
  WP_TRY_VOID(commands.CloseRound(organiser, f));
  WP_ASSIGN_OR_RETURN(int64_t round_draw, commands.StartRoundDraw(organiser, f, "lotto 3 11 17 24 35 40"));
  return draw_job.RunDraw(round_draw);
}

}  // namespace

Result<void> LoadForumsDemo(const web::DemoSeed& seed, ForumCommands& commands, DrawJob& draw_job,
                            WorkspaceCommands& workspace, PastForum past) {
  WP_ASSIGN_OR_RETURN(auto forums, commands.Forums());
  if (!forums.empty()) return Ok();
  if (commands.geography().current()->districts.empty()) return Ok();
  std::vector<auth::RoleGrant> grants = {{auth::Role::kAreaLiaison, "zuidwest"}, {auth::Role::kAreaLiaison, "centrum"}};
  WP_ASSIGN_OR_RETURN(int64_t id, seed.ensure_user(kOrganiserEmail, "Samira de Vries (demo)", grants));
  auth::User organiser{id, kOrganiserEmail, "Samira de Vries (demo)", "nl", grants};
  WP_TRY_VOID(LoadHaarlemmerhout(past, organiser));
  WP_TRY_VOID(LoadZijlweg(commands, draw_job, workspace, organiser));
  WP_TRY_VOID(LoadGreenPanel(commands, draw_job, organiser));
  std::string panel_quotas = commands.ProposeQuotas("WK039201", 12);
  WP_ASSIGN_OR_RETURN(Forum panel, SetUp(commands, organiser, Kind::kPanel, kPanelName, "WK039201", 12, panel_quotas));
  WP_TRY_VOID(commands.Invite(organiser, panel, AddressCsv("Grote Houtstraat", 400), "demo 7 14 21 28 35 42", 120));
  return Ok();
}

}  // namespace wp::forums
