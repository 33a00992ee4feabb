#include "app/cli.h"

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/app.h"
#include "app/backup.h"
#include "app/config.h"
#include "app/doctor.h"
#include "core/db/migrations.h"
#include "core/flags.h"
#include "core/i18n/catalog.h"
#include "core/mail/outbox.h"
#include "core/strings.h"
#include "features/accounts/commands.h"
#include "features/budgets/counting/count_cli.h"
#include "features/codes/codes_cli.h"
#include "features/geography/geo_cli.h"
#include "features/geography/service.h"
#include "features/opinion/opinion_cli.h"
#include "features/signals/commands.h"
#include "features/signals/signals_cli.h"
#include "features/sortition/draw_cli.h"

namespace wp::app {

namespace {

using nlohmann::json;

constexpr const char* kVersion = "0.1.0";

const char* kMainHelp = R"(wijkplatform - neighbourhood democracy for a municipality

Usage: wijkplatform COMMAND [FLAGS]

Commands:
  serve                 run the web server (default: http://127.0.0.1:8080)
  migrate               create or update the database tables, then exit
  admin create-user     create an account, e.g. the first administrator
  admin grant-role      give an existing account a role
  admin revoke-role     take a role from an account
  geo import            load a municipality's CBS geography files
  geo show              print the loaded stadsdelen, wijken and buurten
  mail deliver          send queued e-mail now
  count                 count a participatory budget vote (Pabulib .pb file)
  draw                  draw a lottery panel (sortition) from a pool of volunteers
  opinion-map           recompute an opinion map (groups, consensus) from a published vote matrix
  codes import|generate|revoke|erase|status
                        voting codes of a Wijk aan Zet round: addresses, codes, letters
  api-key create|list|revoke
                        Open311 API keys for apps that post signals
  signals export        the signals of a period as CSV or JSON, without personal data
  doctor                list the risks to the secret ballot the settings and files show, with fixes
  backup                copy the database to a file while the site runs; the voting key apart
  restore               put a backup into a new, empty database (and the voting key in place)

Every command takes --help. Settings come from a config file (--config FILE,
or WP_CONFIG, or ./wijkplatform.conf when present), then WP_* environment
variables, then flags. See wijkplatform.conf.example for every setting.

  --help      show this help
  --version   print the version
)";

std::vector<FlagSpec> CommonFlags() {
  return {
      {"config", true, false, "config file (key = value lines); default $WP_CONFIG or ./wijkplatform.conf", "FILE"},
      {"database", true, false, "database URL, overrides database_url (e.g. sqlite:data/wijkplatform.db)", "URL"},
      {"json", false, false, "print the result as JSON"},
      {"help", false, false, "show this help"},
  };
}

std::vector<FlagSpec> With(std::vector<FlagSpec> specs) {
  auto common = CommonFlags();
  specs.insert(specs.end(), common.begin(), common.end());
  return specs;
}

// The config file, the environment and the flags that override settings
// (those a command does not define are simply absent).
Result<Config> LoadConfig(const Flags& flags) {
  ConfigSources sources;
  if (auto f = flags.Get("config")) {
    sources.file_name = *f;
  } else if (const char* e = std::getenv("WP_CONFIG"); e && *e) {
    sources.file_name = e;
  } else if (std::filesystem::exists("wijkplatform.conf")) {
    sources.file_name = "wijkplatform.conf";
  }
  if (!sources.file_name.empty()) {
    std::ifstream in(sources.file_name);
    if (!in) return InvalidInput("cannot read config file " + sources.file_name);
    std::stringstream ss;
    ss << in.rdbuf();
    sources.file_text = ss.str();
  }
  sources.environment = ProcessEnvironment();
  for (const auto& [flag, key] : std::vector<std::pair<std::string, std::string>>{
           {"database", "database_url"}, {"listen", "listen_address"}, {"port", "port"}, {"base-url", "base_url"}}) {
    if (auto v = flags.Get(flag)) sources.overrides[key] = *v;
  }
  return BuildConfig(sources);
}

// Creates the folder of an SQLite database file so a fresh checkout works.
void EnsureDatabaseFolder(const Config& config) {
  std::string url = config.database_url;
  if (url.rfind("postgres", 0) == 0) return;
  if (url.rfind("sqlite:", 0) == 0) url = url.substr(7);
  if (url == ":memory:") return;
  std::filesystem::path p(url);
  if (p.has_parent_path()) {
    std::error_code ec;
    std::filesystem::create_directories(p.parent_path(), ec);
  }
}

int Fail(std::ostream& err, const Flags* flags, std::ostream& out, const std::string& message, int code = 1) {
  return FailCommand(flags ? *flags : Flags(), out, err, message, code);
}

struct Parsed {
  Flags flags;
  Config config;
};

// Parses flags and config for a command; prints help when asked.
std::optional<int> Prepare(const std::vector<std::string>& args, const std::vector<FlagSpec>& specs,
                           const std::string& usage, std::ostream& out, std::ostream& err, Parsed& parsed) {
  Flags flags;
  if (auto done = ParseCommandFlags(args, specs, usage, out, err, flags)) return done;
  auto config = LoadConfig(flags);
  if (!config.has_value()) return Fail(err, &flags, out, config.error().detail, 2);
  parsed.flags = std::move(flags);
  parsed.config = std::move(*config);
  return std::nullopt;
}

Result<std::unique_ptr<App>> OpenApp(const Config& config, bool quiet) {
  EnsureDatabaseFolder(config);
  return App::Create(config, AppOverrides{.quiet = quiet});
}

int Serve(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  auto specs = With({
      {"listen", true, false, "listen address (listen_address)", "ADDRESS"},
      {"port", true, false, "TCP port (port); 0 picks a free one", "N"},
      {"base-url", true, false, "public address used in e-mails (base_url); default follows --port", "URL"},
      {"demo", false, false, "add demo content (idempotent)"},
  });
  Parsed p;
  if (auto r = Prepare(args, specs, "Usage: wijkplatform serve [--config FILE] [--port N] [--demo]", out, err, p))
    return *r;
  // Signals are handled by sigwait in App::WaitForSignal; block them in
  // every thread before any is started.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  auto app = OpenApp(p.config, false);
  if (!app.has_value()) return Fail(err, &p.flags, out, app.error().detail);
  if (p.flags.Has("demo")) {
    auto r = (*app)->LoadDemoContent();
    if (!r.has_value()) return Fail(err, &p.flags, out, "demo content: " + r.error().detail);
  }
  auto started = (*app)->Start();
  if (!started.has_value()) return Fail(err, &p.flags, out, started.error().detail);
  if (p.flags.Has("json")) {
    out << json{{"ok", true},
                {"port", (*app)->port()},
                {"listen", p.config.listen_address},
                {"base_url", p.config.base_url}}
               .dump()
        << std::endl;
  }
  (*app)->WaitForSignal();
  return 0;
}

int Migrate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Parsed p;
  if (auto r = Prepare(args, CommonFlags(), "Usage: wijkplatform migrate [--config FILE] [--json]", out, err, p))
    return *r;
  auto app = OpenApp(p.config, p.flags.Has("json"));
  if (!app.has_value()) return Fail(err, &p.flags, out, app.error().detail);
  if (p.flags.Has("json"))
    out << json{{"ok", true}, {"database", p.config.database_url}}.dump(2) << "\n";
  else
    out << "database is up to date: " << p.config.database_url << "\n";
  return 0;
}

Result<std::string> ReadPassword(const Flags& flags, std::istream& in) {
  if (auto var = flags.Get("password-env")) {
    const char* v = std::getenv(var->c_str());
    if (!v) return InvalidInput("environment variable " + *var + " is not set");
    return std::string(v);
  }
  if (flags.Has("password-stdin")) {
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  return InvalidInput("give the password with --password-stdin or --password-env VAR (never on the command line)");
}

Result<auth::RoleGrant> ParseGrant(const std::string& text) {
  std::string role_name = text, scope;
  size_t colon = text.find(':');
  if (colon != std::string::npos) {
    role_name = text.substr(0, colon);
    scope = text.substr(colon + 1);
  }
  auto role = auth::ParseRole(role_name);
  if (!role) {
    std::string known;
    for (auth::Role r : auth::kAllRoles) known += (known.empty() ? "" : ", ") + std::string(auth::RoleName(r));
    return InvalidInput("unknown role '" + role_name + "' (known: " + known + ")");
  }
  return auth::RoleGrant{*role, scope};
}

std::string DescribeFieldErrors(const Error& error) {
  std::string out;
  for (const auto& e : error.fields) out += (out.empty() ? "" : "; ") + e.field + ": " + e.message_key;
  return out;
}

constexpr const char* kAdminUsage =
    "Usage: wijkplatform admin create-user --email E --name N [--role ROLE[:SCOPE]]... (--password-stdin | "
    "--password-env VAR)\n"
    "       wijkplatform admin grant-role --email E --role ROLE [--scope SCOPE]\n"
    "       wijkplatform admin revoke-role --email E --role ROLE [--scope SCOPE]\n"
    "Roles: resident, platform_member, kernteam_member, gebiedsverbinder, municipal_expert, administrator,\n"
    "       municipal_staff (handles signals; scope afdeling:DEPT, a stadsdeel slug, or afdeling:DEPT/STADSDEEL),\n"
    "       initiative_desk (the initiative desk; scope a stadsdeel slug),\n"
    "       print_officer (downloads a Wijk aan Zet edition's print files before voting opens; scope its slug),\n"
    "       council_member (raadslid: follows platforms and gets a daily digest of their archive; no scope).\n"
    "A scope limits a role to an area, e.g. gebiedsverbinder:schalkwijk (a stadsdeel slug).";

// `wijkplatform admin create-user ...`; `rest` excludes the subcommand.
int CreateUser(const std::vector<std::string>& rest, std::istream& in, std::ostream& out, std::ostream& err) {
  const char* usage = kAdminUsage;
  auto specs = With({
      {"email", true, false, "e-mail address (the login name)", "EMAIL"},
      {"name", true, false, "display name", "NAME"},
      {"role", true, true, "role to give, optionally with a scope: ROLE[:SCOPE]", "ROLE"},
      {"password-stdin", false, false, "read the password from the first line of standard input"},
      {"password-env", true, false, "read the password from this environment variable", "VAR"},
  });
  Parsed p;
  if (auto r = Prepare(rest, specs, usage, out, err, p)) return *r;
  auto email = p.flags.Get("email");
  auto name = p.flags.Get("name");
  if (!email || !name) return Fail(err, &p.flags, out, "--email and --name are required", 2);
  std::vector<auth::RoleGrant> grants;
  for (const auto& g : p.flags.GetAll("role")) {
    auto grant = ParseGrant(g);
    if (!grant.has_value()) return Fail(err, &p.flags, out, grant.error().detail, 2);
    grants.push_back(*grant);
  }
  auto password = ReadPassword(p.flags, in);
  if (!password.has_value()) return Fail(err, &p.flags, out, password.error().detail, 2);
  auto app = OpenApp(p.config, true);
  if (!app.has_value()) return Fail(err, &p.flags, out, app.error().detail);
  auto id = (*app)->accounts().CreateUser(*email, *name, *password, grants);
  if (!id.has_value()) {
    std::string msg = id.error().code == ErrorCode::kConflict ? "an account with this e-mail address already exists"
                      : !id.error().has_fields()              ? id.error().detail
                                                              : "invalid: " + DescribeFieldErrors(id.error());
    return Fail(err, &p.flags, out, msg);
  }
  json roles = json::array();
  for (const auto& g : grants) roles.push_back({{"role", auth::RoleName(g.role)}, {"scope", g.scope}});
  if (p.flags.Has("json"))
    out << json{{"ok", true}, {"id", *id}, {"email", accounts::NormaliseEmail(*email)}, {"roles", roles}}.dump(2)
        << "\n";
  else
    out << "created account " << *id << " for " << accounts::NormaliseEmail(*email) << "\n";
  return 0;
}

// `wijkplatform admin grant-role|revoke-role ...`.
int ChangeRole(const std::string& sub, const std::vector<std::string>& rest, std::ostream& out, std::ostream& err) {
  const char* usage = kAdminUsage;
  auto specs = With({
      {"email", true, false, "e-mail address of the account", "EMAIL"},
      {"role", true, false, "role name", "ROLE"},
      {"scope", true, false, "area the role is limited to (e.g. a stadsdeel slug); empty: everywhere", "SCOPE"},
  });
  Parsed p;
  if (auto r = Prepare(rest, specs, usage, out, err, p)) return *r;
  auto email = p.flags.Get("email");
  auto role_text = p.flags.Get("role");
  if (!email || !role_text) return Fail(err, &p.flags, out, "--email and --role are required", 2);
  auto grant = ParseGrant(*role_text + (p.flags.Has("scope") ? ":" + *p.flags.Get("scope") : ""));
  if (!grant.has_value()) return Fail(err, &p.flags, out, grant.error().detail, 2);
  auto app = OpenApp(p.config, true);
  if (!app.has_value()) return Fail(err, &p.flags, out, app.error().detail);
  auto user = (*app)->accounts().FindUserByEmail(*email);
  if (!user.has_value()) return Fail(err, &p.flags, out, user.error().detail);
  if (!*user) return Fail(err, &p.flags, out, "no account with e-mail address " + *email);
  // The command line acts with administrator rights.
  auth::User operator_user{0, "", "command line", "nl", {{auth::Role::kAdministrator, ""}}};
  auto changed = sub == "grant-role"
                     ? (*app)->accounts().GrantRole(operator_user, (*user)->user.id, grant->role, grant->scope)
                     : (*app)->accounts().RevokeRole(operator_user, (*user)->user.id, grant->role, grant->scope);
  if (!changed.has_value()) return Fail(err, &p.flags, out, changed.error().detail);
  if (p.flags.Has("json"))
    out << json{{"ok", true}, {"changed", *changed}}.dump(2) << "\n";
  else
    out << (*changed ? "done" : "nothing to change") << "\n";
  return 0;
}

int Admin(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  if (args.empty() || args[0] == "--help") {
    out << kAdminUsage << "\n";
    return args.empty() ? 2 : 0;
  }
  std::string sub = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (sub == "create-user") return CreateUser(rest, in, out, err);
  if (sub == "grant-role" || sub == "revoke-role") return ChangeRole(sub, rest, out, err);
  err << "wijkplatform: unknown admin command '" << sub << "'\n" << kAdminUsage << "\n";
  return 2;
}

// `wijkplatform geo ...` (features/geography/geo_cli.h) on the application the
// common flags configure.
int Geo(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::unique_ptr<App> app;
  geography::GeoCliHost host{CommonFlags(),
                             [&app](const Flags& flags, bool import_default) -> Result<geography::GeographyService*> {
                               WP_ASSIGN_OR_RETURN(Config config, LoadConfig(flags));
                               if (!import_default) config.geo_dir.clear();
                               WP_ASSIGN_OR_RETURN(app, OpenApp(config, true));
                               return app->geography();
                             }};
  return geography::RunGeoCommand(args, out, err, host);
}

int Mail(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const char* usage =
      "Usage: wijkplatform mail deliver [--config FILE] [--json]\nSends queued e-mail over the configured SMTP server.";
  if (args.empty() || args[0] == "--help") {
    out << usage << "\n";
    return args.empty() ? 2 : 0;
  }
  if (args[0] != "deliver") {
    err << "wijkplatform: unknown mail command '" << args[0] << "'\n" << usage << "\n";
    return 2;
  }
  Parsed p;
  if (auto r = Prepare(std::vector<std::string>(args.begin() + 1, args.end()), CommonFlags(), usage, out, err, p))
    return *r;
  if (p.config.smtp_url.empty()) return Fail(err, &p.flags, out, "smtp_url is not configured");
  auto app = OpenApp(p.config, true);
  if (!app.has_value()) return Fail(err, &p.flags, out, app.error().detail);
  auto sent = (*app)->DeliverMailNow();
  if (!sent.has_value()) return Fail(err, &p.flags, out, sent.error().detail);
  if (p.flags.Has("json"))
    out << json{{"ok", true}, {"sent", *sent}}.dump(2) << "\n";
  else
    out << "sent " << *sent << " message(s)\n";
  return 0;
}

// `wijkplatform api-key ...`: Open311 API keys (signals). Only a hash of a key
// is stored; `create` prints the key once.
int ApiKey(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const char* usage =
      "Usage: wijkplatform api-key create --name NAME [--json]\n"
      "       wijkplatform api-key list [--json]\n"
      "       wijkplatform api-key revoke --id N [--json]\n"
      "create prints a new key once (only its hash is stored); give it to the app that posts signals over\n"
      "Open311 (/open311/v2/requests, field api_key). revoke stops a key at once.";
  if (args.empty() || args[0] == "--help") {
    out << usage << "\n";
    return args.empty() ? 2 : 0;
  }
  std::string sub = args[0];
  if (sub != "create" && sub != "list" && sub != "revoke") {
    err << "wijkplatform: unknown api-key command '" << sub << "'\n" << usage << "\n";
    return 2;
  }
  std::vector<FlagSpec> extra;
  if (sub == "create") extra.push_back({"name", true, false, "who the key is for, e.g. the app's name", "NAME"});
  if (sub == "revoke") extra.push_back({"id", true, false, "id of the key (see list)", "N"});
  Parsed p;
  if (auto r = Prepare(std::vector<std::string>(args.begin() + 1, args.end()), With(extra), usage, out, err, p)) {
    return *r;
  }
  bool as_json = p.flags.Has("json");
  int64_t id = 0;
  if (sub == "revoke") {
    auto v = p.flags.Get("id");
    if (!v || v->empty() || v->find_first_not_of("0123456789") != std::string::npos || v->size() > 15) {
      return Fail(err, &p.flags, out, "--id must be a key id", 2);
    }
    id = std::stoll(*v);
  }
  auto app = OpenApp(p.config, true);
  if (!app.has_value()) return Fail(err, &p.flags, out, app.error().detail);
  SystemClock clock;
  SecureRandom random;
  i18n::Catalog catalog;
  signals::SignalCommands commands((*app)->db(), clock, random, (*app)->zone(), catalog, *(*app)->geography(), {});
  if (sub == "create") {
    auto key = commands.CreateApiKey(p.flags.Get("name").value_or(""));
    if (!key.has_value()) return Fail(err, &p.flags, out, key.error().detail, 2);
    if (as_json)
      out << json{{"ok", true}, {"id", key->first}, {"key", key->second}}.dump(2) << "\n";
    else
      out << "key " << key->first << ": " << key->second << "\n(shown once; only its hash is stored)\n";
    return 0;
  }
  if (sub == "revoke") {
    auto revoked = commands.RevokeApiKey(id);
    if (!revoked.has_value()) return Fail(err, &p.flags, out, revoked.error().detail);
    if (!*revoked) return Fail(err, &p.flags, out, "no active key with id " + std::to_string(id));
    if (as_json)
      out << json{{"ok", true}, {"id", id}}.dump(2) << "\n";
    else
      out << "key " << id << " revoked\n";
    return 0;
  }
  auto keys = commands.ApiKeys();
  if (!keys.has_value()) return Fail(err, &p.flags, out, keys.error().detail);
  json list = json::array();
  for (const auto& k : *keys) {
    list.push_back({{"id", k.id},
                    {"name", k.name},
                    {"prefix", k.prefix},
                    {"created", FormatIsoUtc(k.created_at)},
                    {"revoked", k.revoked_at ? json(FormatIsoUtc(*k.revoked_at)) : json(nullptr)}});
    if (!as_json) {
      out << k.id << "  " << k.prefix << "...  " << k.name << (k.revoked_at ? "  (revoked)" : "") << "\n";
    }
  }
  if (as_json) out << json{{"ok", true}, {"keys", list}}.dump(2) << "\n";
  return 0;
}

// `wijkplatform codes ...` (features/codes/codes_cli.h) on the application
// the common flags configure.
int Codes(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  std::unique_ptr<App> app;
  codes::CodesCliHost host{CommonFlags(), [&app](const Flags& flags) -> Result<codes::CodeCommands*> {
                             WP_ASSIGN_OR_RETURN(Config config, LoadConfig(flags));
                             WP_ASSIGN_OR_RETURN(app, OpenApp(config, true));
                             return &app->codes();
                           }};
  return codes::RunCodesCommand(args, in, out, err, host);
}

// `wijkplatform signals export` (features/signals/signals_cli.h).
int Signals(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::unique_ptr<App> app;
  SystemClock clock;
  SecureRandom random;
  i18n::Catalog catalog;
  std::unique_ptr<signals::SignalCommands> commands;
  signals::SignalsCliHost host{CommonFlags(), [&](const Flags& flags) -> Result<signals::SignalCommands*> {
                                 WP_ASSIGN_OR_RETURN(Config config, LoadConfig(flags));
                                 WP_ASSIGN_OR_RETURN(app, OpenApp(config, true));
                                 commands = std::make_unique<signals::SignalCommands>(
                                     app->db(), clock, random, app->zone(), catalog, *app->geography(),
                                     signals::SignalsSettings{});
                                 return commands.get();
                               }};
  return signals::RunSignalsCommand(args, out, err, host);
}

// `wijkplatform doctor`: exit 0 when it sees no risk, 1 when it does.
int Doctor(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Parsed p;
  const char* usage =
      "Usage: wijkplatform doctor [--config FILE] [--json]\n"
      "Lists every risk to the secret ballot and to residents' data that the settings and the files show\n"
      "(voting key readable by others or next to the database, print files left, e-mail without TLS, /metrics\n"
      "public, no HTTPS), each with its fix. Opens no database. Exit status 1 when a risk is found.";
  if (auto r = Prepare(args, CommonFlags(), usage, out, err, p)) return *r;
  std::vector<DoctorFinding> findings = Diagnose(p.config);
  if (p.flags.Has("json")) {
    json risks = json::array();
    for (const auto& f : findings) risks.push_back({{"id", f.id}, {"risk", f.risk}, {"fix", f.fix}});
    out << json{{"ok", findings.empty()}, {"risks", risks}}.dump(2) << "\n";
  } else if (findings.empty()) {
    out << "wijkplatform doctor: no risks found\n";
  } else {
    out << "wijkplatform doctor: " << findings.size() << " risk(s) found\n";
    for (const auto& f : findings) out << "\n[" << f.id << "] " << f.risk << "\n  fix: " << f.fix << "\n";
  }
  return findings.empty() ? 0 : 1;
}

// `wijkplatform backup`: the database to one file (SQLite online backup, or
// pg_dump), and, with --key-to, the voting key to another place.
int Backup(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  auto specs = With({
      {"to", true, false, "the backup file to write (never overwritten)", "FILE"},
      {"key-to", true, false, "also copy the voting key to FILE, in another folder than the backup", "FILE"},
  });
  const char* usage =
      "Usage: wijkplatform backup --to FILE [--key-to KEYFILE] [--config FILE] [--json]\n"
      "Copies the database to FILE while the site keeps running: SQLite's online backup API (a consistent\n"
      "snapshot, checked), or pg_dump in its custom format for PostgreSQL. The voting key is never in the\n"
      "backup: keep it apart (--key-to writes a copy, refused in the backup's own folder).";
  Parsed p;
  if (auto r = Prepare(args, specs, usage, out, err, p)) return *r;
  std::string file = p.flags.Get("to").value_or("");
  auto report = BackupDatabase(p.config, file);
  if (!report.has_value()) return Fail(err, &p.flags, out, "backup: " + report.error().detail);
  std::string key_to = p.flags.Get("key-to").value_or("");
  if (!key_to.empty()) {
    auto key = BackupVotingKey(p.config, key_to, file);
    if (!key.has_value()) return Fail(err, &p.flags, out, "backup: " + key.error().detail);
  }
  if (p.flags.Has("json")) {
    out << json{{"ok", true},
                {"backend", report->backend},
                {"file", report->file},
                {"bytes", report->bytes},
                {"voting_key_file", p.config.voting_key_file},
                {"voting_key_backup", key_to.empty() ? json(nullptr) : json(key_to)}}
               .dump(2)
        << "\n";
    return 0;
  }
  out << "backup: " << report->backend << " database written to " << report->file << " (" << report->bytes
      << " bytes)\n";
  if (key_to.empty()) {
    out << "The voting key is not in this backup. Back up " << p.config.voting_key_file
        << " apart (another disk or the secret store), e.g. with --key-to.\n";
  } else {
    out << "The voting key " << p.config.voting_key_file << " is copied to " << key_to << "; keep it apart.\n";
  }
  return 0;
}

// `wijkplatform restore`: a backup into a new, empty database.
int Restore(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  auto specs = With({
      {"from", true, false, "the backup file", "FILE"},
      {"key-from", true, false, "the voting key backup, put in place as voting_key_file", "FILE"},
  });
  const char* usage =
      "Usage: wijkplatform restore --from FILE [--key-from KEYFILE] [--config FILE] [--json]\n"
      "Restores a backup into the configured database, which must not exist yet (SQLite) or be empty\n"
      "(PostgreSQL, with pg_restore). Then start the server with the same voting key.";
  Parsed p;
  if (auto r = Prepare(args, specs, usage, out, err, p)) return *r;
  std::string key_from = p.flags.Get("key-from").value_or("");
  if (!key_from.empty()) {
    auto key = RestoreVotingKey(p.config, key_from);
    if (!key.has_value()) return Fail(err, &p.flags, out, "restore: " + key.error().detail);
  }
  auto report = RestoreDatabase(p.config, p.flags.Get("from").value_or(""));
  if (!report.has_value()) return Fail(err, &p.flags, out, "restore: " + report.error().detail);
  if (p.flags.Has("json")) {
    out << json{{"ok", true}, {"backend", report->backend}, {"database", p.config.database_url}}.dump(2) << "\n";
  } else {
    out << "restore: " << report->file << " restored into " << p.config.database_url << "\n";
  }
  return 0;
}

}  // namespace

int RunCli(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    err << kMainHelp;
    return 2;
  }
  const std::string& cmd = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    out << kMainHelp;
    return 0;
  }
  if (cmd == "--version") {
    out << "wijkplatform " << kVersion << "\n";
    return 0;
  }
  if (cmd == "serve") return Serve(rest, out, err);
  if (cmd == "migrate") return Migrate(rest, out, err);
  if (cmd == "admin") return Admin(rest, in, out, err);
  if (cmd == "geo") return Geo(rest, out, err);
  if (cmd == "mail") return Mail(rest, out, err);
  if (cmd == "count") return budgets::counting::RunCountCommand(rest, out, err);
  if (cmd == "draw") return sortition::RunDrawCommand(rest, out, err);
  if (cmd == "opinion-map") return opinion::RunOpinionMapCommand(rest, out, err);
  if (cmd == "codes") return Codes(rest, in, out, err);
  if (cmd == "api-key") return ApiKey(rest, out, err);
  if (cmd == "signals") return Signals(rest, out, err);
  if (cmd == "doctor") return Doctor(rest, out, err);
  if (cmd == "backup") return Backup(rest, out, err);
  if (cmd == "restore") return Restore(rest, out, err);
  err << "wijkplatform: unknown command '" << cmd << "'\n\n" << kMainHelp;
  return 2;
}

}  // namespace wp::app
