// Config: deployment settings, loaded from defaults, then a config file
// (key = value lines), then WP_* environment variables, then command-line
// flags; validated at start. Every field lists its meaning and default.
// See wijkplatform.conf.example for a commented file.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace wp::app {

struct Config {
  // listen_address: IP address the HTTP server binds. Default 127.0.0.1.
  std::string listen_address = "127.0.0.1";
  // port: TCP port; 0 picks a free one. Default 8080.
  int port = 8080;
  // threads: HTTP worker threads; 0 = one per CPU core. Default 0.
  int threads = 0;
  // database_url: "sqlite:PATH" (default sqlite:data/wijkplatform.db) or a
  // postgresql:// URL.
  std::string database_url = "sqlite:data/wijkplatform.db";
  // base_url: the public address, used in e-mails and feeds. https:// turns on
  // Secure cookies and HSTS. Default: the local address on the configured
  // port, http://127.0.0.1:<port> (see BuildConfig).
  std::string base_url = "http://127.0.0.1:8080";
  // site_name / municipality_name: shown in the header and titles.
  std::string site_name = "Wijkplatform";
  std::string municipality_name = "Haarlem";
  // geo_dir / geo_prefix: CBS files <geo_dir>/<geo_prefix>-{stadsdelen,wijken,buurten}.csv
  // and -{wijken,buurten}.geojson loaded into an empty database at start.
  // Default: share/geo, prefix haarlem (CBS 2024, CC-BY 4.0 CBS/Kadaster).
  std::string geo_dir = "share/geo";
  std::string geo_prefix = "haarlem";
  // smtp_url: "smtp://host:port" or "smtps://host:port"; empty = e-mail stays
  // in the outbox table (visible to administrators). Default empty.
  std::string smtp_url;
  std::string smtp_username;
  std::string smtp_password;
  // smtp_require_tls: refuse to send mail without TLS. Default false.
  bool smtp_require_tls = false;
  // mail_from: sender of all e-mail. Default "Wijkplatform <noreply@localhost>".
  std::string mail_from = "Wijkplatform <noreply@localhost>";
  // csrf_secret: key for CSRF tokens, shared by all server processes (at
  // least 32 characters); empty = the key in csrf_key_file. Never kept in the
  // database. Default empty.
  std::string csrf_secret;
  // csrf_key_file: file holding the CSRF key when csrf_secret is empty (64
  // hex characters, created with mode 0600 when missing; refused when others
  // may read it). Default: csrf.key in the folder of voting_key_file.
  std::string csrf_key_file;
  // max_body_kib: largest request body accepted, KiB, on every route but the
  // upload routes. Default 64.
  int max_body_kib = 64;
  // max_upload_kib: largest request body on a route that takes uploads
  // (signal photos, plan photos, address lists), and there only when the
  // route's sign-in requirement is met by the session. Default 10240 (10 MiB).
  int max_upload_kib = 10240;
  // max_connections: open HTTP connections in total; more are answered 503.
  // Default 1024.
  int max_connections = 1024;
  // max_connections_per_client: open connections from one peer address
  // (trusted_proxies are exempt; they carry many clients). Default 32.
  int max_connections_per_client = 32;
  // upload_dir: where uploaded photos are stored. Default data/uploads.
  std::string upload_dir = "data/uploads";
  // files_dir: uploaded documents (PDF attachments), one file per SHA-256,
  // never changed once written. Several processes on several machines share
  // it (a shared file system). Back it up with the database. Default data/files.
  std::string files_dir = "data/files";
  // voting_key_file: secret for voting-code hashes and ballot keys (64 hex
  // characters), outside the database; created with mode 0600 when missing.
  // Default data/voting.key.
  std::string voting_key_file = "data/voting.key";
  // voting_mix_batch: cast ballots are written to the ballot table in
  // shuffled batches of at least this many voters (docs/secret-ballot.md).
  // Default 20.
  int voting_mix_batch = 20;
  // voting_codes_per_address: different valid voting codes one client
  // address may use within an hour; one more is refused and logged as an
  // alarm. Default 20.
  int voting_codes_per_address = 20;
  // initiative_subsidy_max_euros / initiative_subsidy_year_euros: the start
  // subsidy of the initiative desk: at most this much in all for one
  // initiative, and at most this much granted in one calendar year. 0 turns
  // the start subsidy off. Defaults 2500 and 50000.
  int initiative_subsidy_max_euros = 2'500;
  int initiative_subsidy_year_euros = 50'000;
  // advice_reminders: whether the municipality is mailed about advice
  // waiting for its answer: a reminder before the due date and a mail once
  // the answer is late (features/advice). Default true.
  bool advice_reminders = true;
  // advice_reminder_working_days: the reminder goes out this many working
  // days (no weekends, no Dutch public holidays) before the answer is due.
  // Between 1 and 20. Default 5.
  int advice_reminder_working_days = 5;
  // print_dir: print files and letters with voting codes, one folder per
  // edition. Default data/print.
  std::string print_dir = "data/print";
  // trusted_proxies: comma-separated addresses of reverse proxies whose
  // X-Forwarded-For header is believed (rate limits per address need the
  // real client). Default empty: the TCP peer is the client.
  std::string trusted_proxies;
  // session_idle_minutes_officials / session_idle_minutes_residents: a
  // signed-in session unused for longer ends. Officials: accounts with any
  // role beyond resident and platform member. Defaults 120 (2 hours) and
  // 10080 (7 days).
  int session_idle_minutes_officials = 120;
  int session_idle_minutes_residents = 7 * 24 * 60;
  // metrics_addresses: comma-separated client addresses that may read
  // /metrics (others get 404). Behind trusted_proxies the client is the
  // forwarded address. Default "127.0.0.1, ::1" (this machine only).
  std::string metrics_addresses = "127.0.0.1, ::1";
  // access_log: file for the JSON access log, "-" = standard output, "" = off. Default "-".
  std::string access_log = "-";
  // page_cache_ms: how long a public page rendered for anonymous visitors
  // may be served again (core/web/page_cache.h); any write by this process
  // ends it sooner. Bounds how late such a visitor sees a change made
  // through another process, or a change of phase at a given hour.
  // 0 = off. Default 1000.
  int page_cache_ms = 1000;
  // edition_cache_ms: how long a process may keep a Wijk aan Zet edition, its
  // ballot plans and whether it is counted (read on every step of a voter)
  // without reading them again; a change through the same process ends that
  // at once, so this bounds how late a change made through another process
  // shows there. A cast still checks counting and its code in its own
  // transaction. 0 = off. Default 1000.
  int edition_cache_ms = 1000;
  // password_memory_kib / password_ops: Argon2id cost. Defaults 65536 KiB, 2 passes.
  int password_memory_kib = 65536;
  int password_ops = 2;
  // mail_interval_seconds: how often the background worker looks for work
  // queued by other processes (e-mail, jobs such as code generation); work
  // queued by this process starts at once. Default 5.
  int mail_interval_seconds = 5;
};

// The keys known to the loader, in documentation order.
const std::vector<std::string>& ConfigKeys();

// Applies one key = value setting. Errors name the key and the problem.
Result<void> SetConfigValue(Config& config, const std::string& key, const std::string& value);
// Parses a config file's text (key = value, '#' comments, blank lines).
// Errors name the file, line and key.
Result<void> ApplyConfigText(Config& config, const std::string& text, const std::string& file_name);
// Applies WP_<KEY> environment variables from `env` (KEY upper-cased).
Result<void> ApplyEnvironment(Config& config, const std::map<std::string, std::string>& env);
// Reads the process environment into a map of WP_* variables.
std::map<std::string, std::string> ProcessEnvironment();
// Checks ranges and formats. Errors name every bad field.
Result<void> ValidateConfig(const Config& config);

// The settings of one run, in increasing precedence after the defaults.
struct ConfigSources {
  std::string file_text;                           // the config file's contents
  std::string file_name;                           // empty: no config file
  std::map<std::string, std::string> environment;  // WP_* variables
  std::map<std::string, std::string> overrides;    // command-line flags, by key ("port", "base_url")
};

// Defaults, then the file, the environment and the overrides. When none of
// them sets base_url, it follows the port: `serve --port 8091` links to
// http://127.0.0.1:8091 in pages and e-mails. Port 0 (a free port, known
// only once the server listens) keeps the default http://127.0.0.1:8080.
Result<Config> BuildConfig(const ConfigSources& sources);

}  // namespace wp::app
