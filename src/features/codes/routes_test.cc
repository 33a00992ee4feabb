// HTTP tests of the voting-code pages against the real app, plus the
// CodeBook contract (Check, MarkUsed, CountUsed) on the app's database.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "core/db/database.h"
#include "core/i18n/catalog.h"
#include "core/jobs/jobs.h"
#include "core/strings.h"
#include "core/time/time_zone.h"
#include "features/budgets/commands.h"
#include "features/budgets/edition_directory.h"
#include "features/codes/code_book.h"
#include "features/codes/code_format.h"
#include "features/codes/commands.h"
#include "features/codes/voting_key.h"
#include "testing/app_harness.h"
#include "testing/temp_dir.h"

namespace wp::codes {
namespace {

using wp::testing::AppHarness;
using wp::testing::HttpClient;
using wp::testing::MultipartFile;

constexpr const char* kSlug = "schalkwijk-aan-zet-2027";
constexpr const char* kBase = "/beheer/wijkbudget/schalkwijk-aan-zet-2027/stemcodes";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The grouped codes of a print file, in letter order.
std::vector<std::string> CodesOf(const std::string& csv) {
  std::vector<std::string> out;
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    auto fields = Split(line, ',');
    if (fields.size() >= 4) out.emplace_back(fields[fields.size() - 2]);
  }
  return out;
}

class CodesRoutesTest : public ::testing::Test {
 protected:
  CodesRoutesTest() {
    i18n::Catalog catalog;
    SeededRandom random(1);
    budgets::BudgetCommands budgets(h_.app().db(), h_.clock(), random, catalog, budgets::BudgetsOptions{});
    int64_t now = h_.clock().NowUnixSeconds();
    const int64_t day = 86400;
    budgets::Edition e;
    e.slug = kSlug;
    e.title = "Schalkwijk aan Zet 2027";
    e.description = "Test";
    e.borough_slug = "schalkwijk";
    e.area = {"BU03920001"};
    e.budget_cents = 5'000'000;
    e.themes = {"Groen"};
    // Review phase: voting opens in a day (print files may be downloaded until then).
    e.dates = {now - 100 * day, now - 80 * day, now - 60 * day, now + day, now + 20 * day};
    e.published = true;
    auth::User admin{1, "a@x.nl", "A", "nl", {{auth::Role::kAdministrator, ""}}};
    auto id = budgets.SaveEdition(admin, e, {{"BU03920001", "schalkwijk"}});
    if (!id.has_value()) throw std::runtime_error("SaveEdition: " + id.error().detail);
    edition_id_ = *id;
    auto key = LoadOrCreateVotingKey(files_.File("voting.key"), random);
    if (!key.has_value()) throw std::runtime_error(key.error().detail);
    book_ = std::make_unique<CodeBook>(*key);
    manager_ = h_.SignedInClient("gv@example.nl", {{auth::Role::kAreaLiaison, "schalkwijk"}});
    printer_ = h_.SignedInClient("druk@example.nl", {{auth::Role::kPrintOfficer, kSlug}});
  }

  std::string PrintDir() const { return files_.File("print") + "/" + kSlug; }

  testing::HttpResponse Upload(HttpClient& c, const std::string& csv) {
    std::string token = AppHarness::CsrfToken(c, kBase);
    return c.PostMultipart(std::string(kBase) + "/adressen", {{"_csrf", token}},
                           {MultipartFile{"adressen", "adressen.csv", "text/csv", csv}});
  }

  // Starts a run and waits until its page says it is done; returns the run page.
  testing::HttpResponse GenerateAndWait(HttpClient& c, bool letters) {
    std::vector<std::pair<std::string, std::string>> form;
    if (letters) form.push_back({"brieven", "ja"});
    auto r = AppHarness::SubmitForm(c, kBase, std::string(kBase) + "/maken", form);
    EXPECT_EQ(r.status, 303) << r.body;
    std::string run_page(r.Header("Location"));
    for (int i = 0; i < 600; ++i) {
      auto page = c.Get(run_page);
      if (page.body.find("Klaar") != std::string::npos || page.body.find("Mislukt") != std::string::npos) return page;
      EXPECT_EQ(page.Header("Refresh"), "2") << "the progress page refreshes itself while busy";
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "the run did not finish";
    return {};
  }

  int64_t Count(const std::string& sql) {
    return h_.app().db().Read([&](db::Connection& c) { return c.QueryOne(sql); })->Int(0);
  }

  CodeState StateOf(const std::string& typed) {
    auto r = h_.app().db().Read([&](db::Connection& c) { return book_->Check(c, edition_id_, typed); });
    EXPECT_TRUE(r.has_value());
    return r.has_value() ? r->state : CodeState::kMalformed;
  }

  testing::TempDir files_;
  AppHarness h_{[this](app::Config& c) {
    c.voting_key_file = files_.File("voting.key");
    c.print_dir = files_.File("print");
  }};
  int64_t edition_id_ = 0;
  std::unique_ptr<CodeBook> book_;
  std::unique_ptr<HttpClient> manager_;
  std::unique_ptr<HttpClient> printer_;  // the edition's print officer (drukwerkbeheerder)
};

TEST_F(CodesRoutesTest, OverviewForManagersOnly) {
  auto r = manager_->Get(kBase);
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<h1 class=\"utrecht-heading-1\">Stemcodes: Schalkwijk aan Zet 2027</h1>"), std::string::npos);
  EXPECT_NE(r.body.find("for=\"f-adressen\""), std::string::npos);
  EXPECT_NE(r.body.find("<caption"), std::string::npos);
  auto other = h_.SignedInClient("gv2@example.nl", {{auth::Role::kAreaLiaison, "centrum"}});
  EXPECT_EQ(other->Get(kBase).status, 403);
  auto resident = h_.SignedInClient("bewoner@example.nl");
  EXPECT_EQ(resident->Get(kBase).status, 403);
  auto anonymous = h_.Client();
  auto a = anonymous->Get(kBase);
  EXPECT_EQ(a.status, 303);
  EXPECT_NE(a.Header("Location").find("/inloggen"), std::string::npos);
  EXPECT_EQ(manager_->Get("/beheer/wijkbudget/bestaat-niet/stemcodes").status, 404);
  auto admin = h_.SignedInClient("beheer@example.nl", {{auth::Role::kAdministrator, ""}});
  EXPECT_EQ(admin->Get(kBase).status, 200);
}

TEST_F(CodesRoutesTest, ImportGenerateAndDownloadPrintFileAndLetters) {
  auto r = Upload(*manager_,
                  "wijk;adres\nSchalkwijk;Amsterdamstraat 1\n;\nSchalkwijk;Amsterdamstraat 2\n"
                  "Schalkwijk;AMSTERDAMSTRAAT 1\nSchalkwijk;\"Laan 3, achter\"\n");
  ASSERT_EQ(r.status, 303) << r.body;
  auto report = manager_->Get(std::string(r.Header("Location")));
  EXPECT_EQ(report.status, 200);
  EXPECT_NE(report.body.find("Het bestand heeft 3 verschillende adressen"), std::string::npos) << report.body;
  EXPECT_NE(report.body.find("Regel 3 heeft geen adres"), std::string::npos);
  EXPECT_NE(report.body.find("Regel 5 is hetzelfde adres als regel 2"), std::string::npos);
  EXPECT_NE(report.body.find("Deze kolommen gebruiken we niet: wijk."), std::string::npos);
  EXPECT_NE(report.body.find("Maak 3 stemcodes"), std::string::npos) << "the count is shown before generating";

  auto run = GenerateAndWait(*manager_, true);
  EXPECT_NE(run.body.find("Klaar"), std::string::npos) << run.body;
  EXPECT_NE(run.body.find("3 van 3"), std::string::npos);
  EXPECT_TRUE(run.Header("Refresh").empty());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_codes"), 3);

  std::string csv = ReadFile(PrintDir() + "/stemcodes-1.csv");
  EXPECT_EQ(csv.rfind("briefnummer,adres,stemcode,stemlink\r\n", 0), 0u);
  EXPECT_NE(csv.find("1,Amsterdamstraat 1,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("3,\"Laan 3, achter\","), std::string::npos) << csv;
  auto codes = CodesOf(csv);
  ASSERT_EQ(codes.size(), 3u);
  for (const auto& code : codes) {
    EXPECT_EQ(StateOf(code), CodeState::kUnused) << code;
    auto canonical = NormaliseTyped(code);
    ASSERT_TRUE(canonical);
    EXPECT_NE(csv.find("/wijkbudget/schalkwijk-aan-zet-2027/stemmen?code=" + *canonical), std::string::npos);
    EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_codes WHERE code_hash LIKE '%" + *canonical + "%'"), 0)
        << "codes are stored hashed";
  }
  std::string unknown = std::string("ABCDE23456FGHJ") + CheckCharacter("ABCDE23456FGHJ");
  EXPECT_EQ(StateOf(FormatGrouped(unknown)), CodeState::kUnknown);
  EXPECT_EQ(StateOf("ABCDE-23456-FGHJ"), CodeState::kMalformed);

  // Issue #11 item 3: only the print officer downloads, and every download is recorded.
  EXPECT_EQ(manager_->Get(std::string(kBase) + "/bestanden/stemcodes-1.csv").status, 403);
  auto files_page = printer_->Get(std::string(kBase) + "/drukwerk");
  ASSERT_EQ(files_page.status, 200);
  EXPECT_NE(files_page.body.find("href=\"" + std::string(kBase) + "/bestanden/stemcodes-1.csv\""), std::string::npos);
  auto download = printer_->Get(std::string(kBase) + "/bestanden/stemcodes-1.csv");
  EXPECT_EQ(download.status, 200);
  EXPECT_EQ(download.body, csv);
  EXPECT_NE(download.Header("Content-Disposition").find("attachment"), std::string::npos);
  auto pdf = printer_->Get(std::string(kBase) + "/bestanden/stemcodes-1-brieven-001.pdf");
  EXPECT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(pdf.Header("Content-Type"), "application/pdf");
  auto overview = manager_->Get(kBase);
  EXPECT_EQ(overview.body.find("/bestanden/stemcodes-1.csv\""), std::string::npos) << "no download link";
  EXPECT_NE(overview.body.find("druk@example.nl"), std::string::npos) << "the download record names who";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_downloads"), 2);
  auto other = h_.SignedInClient("druk2@example.nl", {{auth::Role::kPrintOfficer, "noord-aan-zet-2027"}});
  EXPECT_EQ(other->Get(std::string(kBase) + "/bestanden/stemcodes-1.csv").status, 403);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_downloads"), 2) << "a refused download is not recorded";
  int traversal = printer_->Get(std::string(kBase) + "/bestanden/..%2Fvoting.key").status;
  EXPECT_TRUE(traversal == 400 || traversal == 404) << traversal;
  EXPECT_EQ(printer_->Get(std::string(kBase) + "/bestanden/.stemcodes-1.csv").status, 404);
  EXPECT_EQ(printer_->Get(std::string(kBase) + "/bestanden/geen.csv").status, 404);

  // Nothing is waiting any more: a second run is refused and makes no codes.
  auto again = AppHarness::SubmitForm(*manager_, kBase, std::string(kBase) + "/maken", {{"brieven", "ja"}});
  EXPECT_EQ(again.status, 400);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_codes"), 3);

  // After printing, the files can be deleted.
  auto del = AppHarness::SubmitForm(*manager_, kBase, std::string(kBase) + "/bestanden/verwijderen", {});
  EXPECT_EQ(del.status, 303);
  EXPECT_EQ(printer_->Get(std::string(kBase) + "/bestanden/stemcodes-1.csv").status, 404);
  EXPECT_EQ(StateOf(codes[0]), CodeState::kUnused) << "codes keep working without the files";
}

// Issue #11 item 3: print files are owner-only (0600, in a 0700 folder) and
// are deleted when voting opens, also when no page is visited (the job
// runner's tick, as after a restart); then nothing can be downloaded.
TEST_F(CodesRoutesTest, Issue11_PrintFilesAreOwnerOnlyAndGoWhenVotingOpens) {
  ASSERT_EQ(Upload(*manager_, "adres\nAmsterdamstraat 1\nAmsterdamstraat 2\n").status, 303);
  auto run = GenerateAndWait(*manager_, true);
  ASSERT_NE(run.body.find("Klaar"), std::string::npos) << run.body;
  namespace fs = std::filesystem;
  for (const char* name : {"stemcodes-1.csv", "stemcodes-1-brieven-001.pdf"}) {
    auto perms = fs::status(PrintDir() + "/" + name).permissions();
    EXPECT_EQ(perms & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write) << name;
  }
  EXPECT_EQ(fs::status(PrintDir()).permissions() & fs::perms::all, fs::perms::owner_all);
  ASSERT_EQ(printer_->Get(std::string(kBase) + "/bestanden/stemcodes-1.csv").status, 200);

  h_.clock().Advance(std::chrono::hours(24 + 1));  // voting opens
  ASSERT_TRUE(h_.app().RunBackgroundTasksOnce().has_value());
  EXPECT_FALSE(fs::exists(PrintDir() + "/stemcodes-1.csv")) << "deleted by the job runner's tick";
  EXPECT_FALSE(fs::exists(PrintDir() + "/stemcodes-1-brieven-001.pdf"));
  EXPECT_EQ(printer_->Get(std::string(kBase) + "/bestanden/stemcodes-1.csv").status, 409);
  auto page = printer_->Get(std::string(kBase) + "/drukwerk");
  EXPECT_NE(page.body.find("Het stemmen is begonnen"), std::string::npos);
  EXPECT_NE(page.body.find("stemcodes-1.csv"), std::string::npos) << "the download record stays";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_downloads"), 1);
}

// Issue #11 item 4: once voting is open, importing addresses and making
// codes wait for a second official, who confirms on the count page; the one
// who asked cannot.
TEST_F(CodesRoutesTest, Issue11_ImportAndGenerateDuringVotingNeedASecondOfficial) {
  h_.clock().Advance(std::chrono::hours(24 + 1));  // voting opens
  const std::string count = "/beheer/wijkbudget/schalkwijk-aan-zet-2027/telling";
  auto pending = [&](HttpClient& c) {
    auto page = c.Get(count);
    EXPECT_EQ(page.status, 200) << page.body;
    std::vector<std::string> out;
    const std::regex re("(/beheer/wijkbudget/[a-z0-9-]+/telling/verzoeken/[0-9]+/bevestigen)\"");
    for (auto it = std::sregex_iterator(page.body.begin(), page.body.end(), re); it != std::sregex_iterator(); ++it) {
      out.push_back((*it)[1]);
    }
    return out;
  };
  auto asked = Upload(*manager_, "adres\nAmsterdamstraat 1\nAmsterdamstraat 2\n");
  ASSERT_EQ(asked.status, 303) << asked.body;
  EXPECT_EQ(asked.Header("Location"), kBase);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_addresses"), 0) << "nothing before the second official";
  EXPECT_TRUE(pending(*manager_).empty()) << "the one who asked cannot confirm";
  auto second = h_.SignedInClient("gv2@example.nl", {{auth::Role::kAreaLiaison, "schalkwijk"}});
  auto confirms = pending(*second);
  ASSERT_EQ(confirms.size(), 1u);
  EXPECT_EQ(AppHarness::SubmitForm(*manager_, count, confirms[0], {}).status, 403);
  EXPECT_EQ(AppHarness::SubmitForm(*second, count, confirms[0], {}).status, 303);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_addresses"), 2);
  // Making the codes: the same.
  auto generate = AppHarness::SubmitForm(*manager_, kBase, std::string(kBase) + "/maken", {});
  ASSERT_EQ(generate.status, 303);
  EXPECT_EQ(generate.Header("Location"), kBase);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_runs"), 0);
  confirms = pending(*second);
  ASSERT_EQ(confirms.size(), 1u);
  EXPECT_EQ(AppHarness::SubmitForm(*second, count, confirms[0], {}).status, 303);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_runs"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_audit_log WHERE event = 'confirmed'"), 2);
}

// The killed process of AGenerationRunWhoseProcessWasKilledIsTakenOverByAnother,
// started by it as a fresh process; skipped in a normal run.
TEST(CodesGenerationChild, StartsTheRunAndIsKilledAfterItsFirstBatch) {
  const char* db_url = std::getenv("WP_CODES_CHILD_DB");
  if (!db_url) GTEST_SKIP() << "runs only as the child of AGenerationRunWhoseProcessWasKilledIsTakenOverByAnother";
  SeededRandom key_random(7);
  auto key = LoadOrCreateVotingKey(std::getenv("WP_CODES_CHILD_KEY"), key_random);
  if (!key.has_value()) std::_Exit(6);
  CodeBook book(*key);
  time::TimeZone zone = *time::TimeZone::FromPosixRule(time::kAmsterdamRule);
  const std::string print_dir = std::getenv("WP_CODES_CHILD_PRINT");
  const int64_t now = std::stoll(std::getenv("WP_CODES_CHILD_NOW"));
  auto db = db::Open(db_url);
  if (!db.has_value()) std::_Exit(3);
  FakeClock clock(now);
  SeededRandom random(99);
  i18n::Catalog catalog;
  budgets::BudgetCommands budgets(**db, clock, random, catalog, budgets::BudgetsOptions{});
  budgets::EditionDirectory editions(budgets);
  jobs::JobRunner runner(**db, clock, random);
  CodesOptions options;
  options.print_dir = print_dir;
  CodeCommands commands(**db, clock, random, book, editions, catalog, zone, runner, options);
  auto e = commands.FindEdition(kSlug);
  if (!e.has_value()) std::_Exit(4);
  auth::User admin{0, "", "cli", "nl", {{auth::Role::kAdministrator, ""}}};
  (void)commands.GenerateNow(admin, *e, false, [](int64_t done, int64_t) {
    if (done >= 1000) ::raise(SIGKILL);
  });
  std::_Exit(5);
}

// Issue #21: a generation run whose process was killed half-way is taken
// over by another process once its claim's lease ends: the half-done codes
// are revoked, the half-written files removed, and every address ends with
// exactly one valid code in a complete print file.
TEST_F(CodesRoutesTest, AGenerationRunWhoseProcessWasKilledIsTakenOverByAnother) {
  std::string csv = "adres\n";
  for (int i = 1; i <= 1500; ++i) csv += "Amsterdamstraat " + std::to_string(i) + "\n";
  ASSERT_EQ(Upload(*manager_, csv).status, 303);
  // Another process (as `wijkplatform codes generate` is) starts the run and
  // is killed after its first batch of 1000 codes: this test binary again,
  // running only CodesGenerationChild (a fresh process: a fork of this one
  // would copy the locks its server threads hold and could hang on one).
  const std::string exe = std::filesystem::read_symlink("/proc/self/exe").string();
  std::vector<std::string> args = {exe, "--gtest_filter=CodesGenerationChild.*"};
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) env.emplace_back(*e);
  env.push_back("WP_CODES_CHILD_DB=" + h_.config().database_url);
  env.push_back("WP_CODES_CHILD_KEY=" + files_.File("voting.key"));
  env.push_back("WP_CODES_CHILD_PRINT=" + files_.File("print"));
  env.push_back("WP_CODES_CHILD_NOW=" + std::to_string(h_.clock().NowUnixSeconds()));
  std::vector<char*> argv, envp;
  for (auto& a : args) argv.push_back(a.data());
  for (auto& e : env) envp.push_back(e.data());
  argv.push_back(nullptr);
  envp.push_back(nullptr);
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::execve(exe.c_str(), argv.data(), envp.data());
    std::_Exit(127);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status)) << "child exit " << WEXITSTATUS(status);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_codes WHERE state = 'unused'"), 1000) << "the first batch committed";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_runs WHERE state = 'running'"), 1);

  h_.app().WaitForBackgroundJobsForTest();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_runs WHERE state = 'running'"), 1)
      << "the claim holds until its lease ends";
  h_.clock().Advance(std::chrono::seconds(121));
  h_.app().WaitForBackgroundJobsForTest();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_runs WHERE state = 'finished'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_codes WHERE state = 'unused'"), 1500);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_codes WHERE state = 'revoked'"), 1000) << "the killed attempt's codes";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_addresses a WHERE (SELECT COUNT(*) FROM codes_codes k "
                  "WHERE k.address_id = a.id AND k.state = 'unused') <> 1"),
            0)
      << "every address has exactly one valid code";
  auto print = CodesOf(ReadFile(PrintDir() + "/stemcodes-1.csv"));
  EXPECT_EQ(print.size(), 1500u);
  for (size_t i = 0; i < print.size(); i += 250) EXPECT_EQ(StateOf(print[i]), CodeState::kUnused) << print[i];
  std::error_code ec;
  for (const auto& f : std::filesystem::directory_iterator(PrintDir(), ec)) {
    EXPECT_EQ(f.path().extension(), ".csv") << "no half-written file is left: " << f.path();
  }
}

TEST_F(CodesRoutesTest, BadOrEmptyCsvIsRefusedAndChangesNothing) {
  struct Case {
    std::string csv;
    std::string message;
  };
  std::vector<Case> cases = {
      {"straat,nummer\nKerkstraat,1\n", "geen kolom"},
      {"adres\n\n\n", "geen adressen"},
      {"   \n", "Het bestand is leeg"},
  };
  for (const auto& c : cases) {
    auto r = Upload(*manager_, c.csv);
    EXPECT_EQ(r.status, 422) << c.csv;
    EXPECT_NE(r.body.find("wp-error-summary"), std::string::npos);
    EXPECT_NE(r.body.find("href=\"#f-adressen\""), std::string::npos);
    EXPECT_NE(r.body.find(c.message), std::string::npos) << r.body;
  }
  std::string token = AppHarness::CsrfToken(*manager_, kBase);
  auto no_file = manager_->PostMultipart(std::string(kBase) + "/adressen", {{"_csrf", token}}, {});
  EXPECT_EQ(no_file.status, 422);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_addresses"), 0);
}

TEST_F(CodesRoutesTest, PostsWithoutValidCsrfAreRefused) {
  manager_->Get(kBase);
  auto r = manager_->PostMultipart(std::string(kBase) + "/adressen", {{"_csrf", "wrong"}},
                                   {MultipartFile{"adressen", "a.csv", "text/csv", "adres\nKerkstraat 1\n"}});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_addresses"), 0);
  EXPECT_EQ(manager_->PostForm(std::string(kBase) + "/wissen", {{"bevestig", "ja"}}).status, 403);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_editions"), 0);
  // Not a manager, valid token: refused too.
  auto other = h_.SignedInClient("gv2@example.nl", {{auth::Role::kAreaLiaison, "centrum"}});
  std::string token = AppHarness::CsrfToken(*other, "/account");
  auto o = other->PostMultipart(std::string(kBase) + "/adressen", {{"_csrf", token}},
                                {MultipartFile{"adressen", "a.csv", "text/csv", "adres\nKerkstraat 1\n"}});
  EXPECT_EQ(o.status, 403);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_addresses"), 0);
}

TEST_F(CodesRoutesTest, LostLetterIsRevokedAndReissuedOnce) {
  ASSERT_EQ(Upload(*manager_, "adres\nKerkstraat 1\nKerkstraat 2\n").status, 303);
  GenerateAndWait(*manager_, false);
  auto old_codes = CodesOf(ReadFile(PrintDir() + "/stemcodes-1.csv"));
  ASSERT_EQ(old_codes.size(), 2u);

  auto found = manager_->Get(std::string(kBase) + "/brief?q=kerkstraat+2");
  EXPECT_EQ(found.status, 200);
  EXPECT_NE(found.body.find("Kerkstraat 2"), std::string::npos);
  EXPECT_EQ(found.body.find("Kerkstraat 1"), std::string::npos);
  EXPECT_NE(found.body.find("href=\"" + std::string(kBase) + "/brief/2\""), std::string::npos);
  // The letter's own page shows its state and the button that revokes it.
  EXPECT_NE(manager_->Get(std::string(kBase) + "/brief/2").body.find("/brief/2/opnieuw"), std::string::npos);

  auto r = AppHarness::SubmitForm(*manager_, kBase, std::string(kBase) + "/brief/2/opnieuw", {});
  ASSERT_EQ(r.status, 303) << r.body;
  auto page = manager_->Get(std::string(r.Header("Location")));
  EXPECT_NE(page.body.find("herdruk-2.pdf"), std::string::npos) << page.body;
  auto new_codes = CodesOf(ReadFile(PrintDir() + "/herdruk-2.csv"));
  ASSERT_EQ(new_codes.size(), 1u);
  EXPECT_NE(ReadFile(PrintDir() + "/herdruk-2.csv").find("3,Kerkstraat 2,"), std::string::npos);
  EXPECT_EQ(ReadFile(PrintDir() + "/herdruk-2.pdf").rfind("%PDF-", 0), 0u);
  EXPECT_EQ(StateOf(old_codes[1]), CodeState::kRevoked);
  EXPECT_EQ(StateOf(new_codes[0]), CodeState::kUnused);
  EXPECT_EQ(StateOf(old_codes[0]), CodeState::kUnused);

  auto twice = AppHarness::SubmitForm(*manager_, kBase, std::string(kBase) + "/brief/2/opnieuw", {});
  EXPECT_EQ(twice.status, 409);
  EXPECT_NE(twice.body.find("al ingetrokken"), std::string::npos);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_codes"), 3);
  EXPECT_EQ(AppHarness::SubmitForm(*manager_, kBase, std::string(kBase) + "/brief/99/opnieuw", {}).status, 404);
}

TEST_F(CodesRoutesTest, ErasedAddressesLeaveWorkingCodes) {
  ASSERT_EQ(Upload(*manager_, "adres\nKerkstraat 1\nKerkstraat 2\n").status, 303);
  GenerateAndWait(*manager_, false);
  auto codes = CodesOf(ReadFile(PrintDir() + "/stemcodes-1.csv"));
  ASSERT_EQ(codes.size(), 2u);

  auto unconfirmed = AppHarness::SubmitForm(*manager_, kBase, std::string(kBase) + "/wissen", {});
  EXPECT_EQ(unconfirmed.status, 422);
  EXPECT_NE(unconfirmed.body.find("href=\"#f-bevestig\""), std::string::npos);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_addresses"), 2);

  auto r = AppHarness::SubmitForm(*manager_, kBase, std::string(kBase) + "/wissen", {{"bevestig", "ja"}});
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_addresses"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM codes_codes WHERE address_id IS NOT NULL"), 0);
  auto overview = manager_->Get(kBase);
  EXPECT_NE(overview.body.find("De adreslijst is gewist"), std::string::npos);
  EXPECT_NE(overview.body.find("De stemcodes blijven werken"), std::string::npos);
  for (const auto& code : codes) EXPECT_EQ(StateOf(code), CodeState::kUnused);

  auto by_number = manager_->Get(std::string(kBase) + "/brief?q=2");
  EXPECT_NE(by_number.body.find("(adres gewist)"), std::string::npos);
  EXPECT_EQ(Upload(*manager_, "adres\nKerkstraat 3\n").status, 409);
  EXPECT_EQ(AppHarness::SubmitForm(*manager_, kBase, std::string(kBase) + "/wissen", {{"bevestig", "ja"}}).status, 409)
      << "erasing twice";
}

TEST_F(CodesRoutesTest, CodeBookMarksUsedOncePerChannel) {
  ASSERT_EQ(Upload(*manager_, "adres\nKerkstraat 1\nKerkstraat 2\nKerkstraat 3\n").status, 303);
  GenerateAndWait(*manager_, false);
  auto codes = CodesOf(ReadFile(PrintDir() + "/stemcodes-1.csv"));
  ASSERT_EQ(codes.size(), 3u);
  auto& db = h_.app().db();
  auto check = [&](const std::string& code) {
    return *db.Read([&](db::Connection& c) { return book_->Check(c, edition_id_, code); });
  };
  CodeCheck a = check(codes[0]);
  ASSERT_EQ(a.state, CodeState::kUnused);
  EXPECT_EQ(a.ballot_key.size(), 64u);
  EXPECT_EQ(check(" " + ToLower(codes[0]) + " ").ballot_key, a.ballot_key) << "typed forms give the same key";
  EXPECT_NE(check(codes[1]).ballot_key, a.ballot_key);
  auto mark = [&](int64_t id, Channel ch) {
    return db.Write([&](db::Connection& c) { return book_->MarkUsed(c, id, ch); });
  };
  EXPECT_EQ(*mark(a.code_id, Channel::kOnline), true);
  EXPECT_EQ(*mark(a.code_id, Channel::kOnline), false) << "a ballot change";
  auto other = mark(a.code_id, Channel::kPaper);
  ASSERT_FALSE(other.has_value());
  EXPECT_EQ(other.error().code, ErrorCode::kConflict);
  EXPECT_EQ(check(codes[0]).state, CodeState::kUsedOnline);
  CodeCheck b = check(codes[1]);
  EXPECT_EQ(*mark(b.code_id, Channel::kPaper), true);
  EXPECT_EQ(check(codes[1]).state, CodeState::kUsedOnPaper);
  auto count = [&](Channel ch) {
    return *db.Read([&](db::Connection& c) { return book_->CountUsed(c, edition_id_, ch); });
  };
  EXPECT_EQ(count(Channel::kOnline), 1);
  EXPECT_EQ(count(Channel::kPaper), 1);
  // A used code cannot be reissued; a revoked one cannot be used.
  EXPECT_EQ(AppHarness::SubmitForm(*manager_, kBase, std::string(kBase) + "/brief/1/opnieuw", {}).status, 409);
  ASSERT_EQ(AppHarness::SubmitForm(*manager_, kBase, std::string(kBase) + "/brief/3/opnieuw", {}).status, 303);
  CodeCheck c3 = check(codes[2]);
  EXPECT_EQ(c3.state, CodeState::kRevoked);
  EXPECT_TRUE(c3.ballot_key.empty());
  auto revoked = mark(c3.code_id, Channel::kOnline);
  ASSERT_FALSE(revoked.has_value());
  EXPECT_EQ(revoked.error().code, ErrorCode::kConflict);
  // Another edition's id does not find the code.
  EXPECT_EQ(db.Read([&](db::Connection& c) { return book_->Check(c, edition_id_ + 1, codes[1]); })->state,
            CodeState::kUnknown);
}

}  // namespace
}  // namespace wp::codes
