#include "app/config.h"

#include <charconv>
#include <cstdlib>
#include <cstring>

#include "core/strings.h"

extern char** environ;

namespace wp::app {

namespace {

struct Field {
  const char* key;
  enum Kind { kString, kInt, kBool } kind;
  std::string Config::*s = nullptr;
  int Config::*i = nullptr;
  bool Config::*b = nullptr;
};

const std::vector<Field>& Fields() {
  static const std::vector<Field> kFields = {
      {"listen_address", Field::kString, &Config::listen_address},
      {"port", Field::kInt, nullptr, &Config::port},
      {"threads", Field::kInt, nullptr, &Config::threads},
      {"database_url", Field::kString, &Config::database_url},
      {"base_url", Field::kString, &Config::base_url},
      {"site_name", Field::kString, &Config::site_name},
      {"municipality_name", Field::kString, &Config::municipality_name},
      {"geo_dir", Field::kString, &Config::geo_dir},
      {"geo_prefix", Field::kString, &Config::geo_prefix},
      {"smtp_url", Field::kString, &Config::smtp_url},
      {"smtp_username", Field::kString, &Config::smtp_username},
      {"smtp_password", Field::kString, &Config::smtp_password},
      {"smtp_require_tls", Field::kBool, nullptr, nullptr, &Config::smtp_require_tls},
      {"mail_from", Field::kString, &Config::mail_from},
      {"csrf_secret", Field::kString, &Config::csrf_secret},
      {"csrf_key_file", Field::kString, &Config::csrf_key_file},
      {"max_body_kib", Field::kInt, nullptr, &Config::max_body_kib},
      {"max_upload_kib", Field::kInt, nullptr, &Config::max_upload_kib},
      {"max_connections", Field::kInt, nullptr, &Config::max_connections},
      {"max_connections_per_client", Field::kInt, nullptr, &Config::max_connections_per_client},
      {"upload_dir", Field::kString, &Config::upload_dir},
      {"files_dir", Field::kString, &Config::files_dir},
      {"voting_key_file", Field::kString, &Config::voting_key_file},
      {"voting_mix_batch", Field::kInt, nullptr, &Config::voting_mix_batch},
      {"voting_codes_per_address", Field::kInt, nullptr, &Config::voting_codes_per_address},
      {"print_dir", Field::kString, &Config::print_dir},
      {"trusted_proxies", Field::kString, &Config::trusted_proxies},
      {"session_idle_minutes_officials", Field::kInt, nullptr, &Config::session_idle_minutes_officials},
      {"session_idle_minutes_residents", Field::kInt, nullptr, &Config::session_idle_minutes_residents},
      {"metrics_addresses", Field::kString, &Config::metrics_addresses},
      {"access_log", Field::kString, &Config::access_log},
      {"page_cache_ms", Field::kInt, nullptr, &Config::page_cache_ms},
      {"edition_cache_ms", Field::kInt, nullptr, &Config::edition_cache_ms},
      {"password_memory_kib", Field::kInt, nullptr, &Config::password_memory_kib},
      {"password_ops", Field::kInt, nullptr, &Config::password_ops},
      {"mail_interval_seconds", Field::kInt, nullptr, &Config::mail_interval_seconds},
      {"initiative_subsidy_max_euros", Field::kInt, nullptr, &Config::initiative_subsidy_max_euros},
      {"initiative_subsidy_year_euros", Field::kInt, nullptr, &Config::initiative_subsidy_year_euros},
      {"advice_reminders", Field::kBool, nullptr, nullptr, &Config::advice_reminders},
      {"advice_reminder_working_days", Field::kInt, nullptr, &Config::advice_reminder_working_days},
  };
  return kFields;
}

}  // namespace

const std::vector<std::string>& ConfigKeys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k;
    for (const auto& f : Fields()) k.push_back(f.key);
    return k;
  }();
  return keys;
}

Result<void> SetConfigValue(Config& config, const std::string& key, const std::string& value) {
  for (const auto& f : Fields()) {
    if (key != f.key) continue;
    switch (f.kind) {
      case Field::kString:
        config.*(f.s) = value;
        return Ok();
      case Field::kInt: {
        int v = 0;
        auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
        if (ec != std::errc() || p != value.data() + value.size()) {
          return InvalidInput(key + ": '" + value + "' is not a whole number");
        }
        config.*(f.i) = v;
        return Ok();
      }
      case Field::kBool: {
        std::string v = ToLower(value);
        if (v == "true" || v == "1" || v == "yes" || v == "on")
          config.*(f.b) = true;
        else if (v == "false" || v == "0" || v == "no" || v == "off")
          config.*(f.b) = false;
        else
          return InvalidInput(key + ": '" + value + "' is not true or false");
        return Ok();
      }
    }
  }
  return InvalidInput("unknown setting '" + key + "' (known: " + JoinStrings(ConfigKeys(), ", ") + ")");
}

Result<void> ApplyConfigText(Config& config, const std::string& text, const std::string& file_name) {
  int line_no = 0;
  for (auto line : Split(text, '\n')) {
    ++line_no;
    std::string_view l = Trim(line);
    if (l.empty() || l[0] == '#') continue;
    size_t eq = l.find('=');
    if (eq == std::string_view::npos) {
      return InvalidInput(file_name + ":" + std::to_string(line_no) + ": expected 'key = value'");
    }
    std::string key(Trim(l.substr(0, eq)));
    std::string value(Trim(l.substr(eq + 1)));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    auto r = SetConfigValue(config, key, value);
    if (!r.has_value()) return InvalidInput(file_name + ":" + std::to_string(line_no) + ": " + r.error().detail);
  }
  return Ok();
}

Result<void> ApplyEnvironment(Config& config, const std::map<std::string, std::string>& env) {
  for (const auto& key : ConfigKeys()) {
    std::string var = "WP_";
    for (char c : key) var += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    auto it = env.find(var);
    if (it == env.end()) continue;
    auto r = SetConfigValue(config, key, it->second);
    if (!r.has_value()) return InvalidInput("environment variable " + var + ": " + r.error().detail);
  }
  return Ok();
}

std::map<std::string, std::string> ProcessEnvironment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; e && *e; ++e) {
    const char* eq = std::strchr(*e, '=');
    if (!eq || std::strncmp(*e, "WP_", 3) != 0) continue;
    env.emplace(std::string(*e, eq - *e), std::string(eq + 1));
  }
  return env;
}

Result<Config> BuildConfig(const ConfigSources& sources) {
  Config config;
  const std::string default_base_url = config.base_url;
  config.base_url.clear();  // still empty afterwards: no source set it
  if (!sources.file_name.empty()) WP_TRY_VOID(ApplyConfigText(config, sources.file_text, sources.file_name));
  WP_TRY_VOID(ApplyEnvironment(config, sources.environment));
  for (const auto& [key, value] : sources.overrides) WP_TRY_VOID(SetConfigValue(config, key, value));
  if (config.base_url.empty()) {
    config.base_url = config.port > 0 ? "http://127.0.0.1:" + std::to_string(config.port) : default_base_url;
  }
  return config;
}

Result<void> ValidateConfig(const Config& c) {
  std::vector<std::string> problems;
  if (c.port < 0 || c.port > 65535) problems.push_back("port must be between 0 and 65535");
  if (c.threads < 0 || c.threads > 256) problems.push_back("threads must be between 0 and 256");
  if (c.page_cache_ms < 0 || c.page_cache_ms > 60000) {
    problems.push_back("page_cache_ms must be between 0 and 60000");
  }
  if (c.edition_cache_ms < 0 || c.edition_cache_ms > 60000) {
    problems.push_back("edition_cache_ms must be between 0 and 60000");
  }
  if (c.listen_address.empty()) problems.push_back("listen_address is empty");
  if (c.database_url.empty()) problems.push_back("database_url is empty");
  if (c.base_url.rfind("http://", 0) != 0 && c.base_url.rfind("https://", 0) != 0) {
    problems.push_back("base_url must start with http:// or https://");
  } else if (!c.base_url.empty() && c.base_url.back() == '/') {
    problems.push_back("base_url must not end with '/'");
  }
  if (!c.smtp_url.empty() && c.smtp_url.rfind("smtp://", 0) != 0 && c.smtp_url.rfind("smtps://", 0) != 0) {
    problems.push_back("smtp_url must start with smtp:// or smtps://");
  }
  if (c.smtp_username.empty() != c.smtp_password.empty()) {
    problems.push_back("smtp_username and smtp_password must be given together");
  }
  if (c.mail_from.find('@') == std::string::npos) problems.push_back("mail_from must contain an e-mail address");
  if (c.max_body_kib < 16 || c.max_body_kib > 1024 * 1024)
    problems.push_back("max_body_kib must be between 16 and 1048576");
  if (c.max_upload_kib < c.max_body_kib || c.max_upload_kib > 1024 * 1024) {
    problems.push_back("max_upload_kib must be between max_body_kib and 1048576");
  }
  if (c.session_idle_minutes_officials < 1 || c.session_idle_minutes_officials > 14 * 24 * 60 ||
      c.session_idle_minutes_residents < 1 || c.session_idle_minutes_residents > 14 * 24 * 60) {
    problems.push_back("session_idle_minutes_officials and session_idle_minutes_residents must be between 1 and 20160");
  }
  if (c.max_connections < 1) problems.push_back("max_connections must be at least 1");
  if (c.max_connections_per_client < 1 || c.max_connections_per_client > c.max_connections) {
    problems.push_back("max_connections_per_client must be between 1 and max_connections");
  }
  if (!c.csrf_secret.empty() && c.csrf_secret.size() < 32)
    problems.push_back("csrf_secret must be at least 32 characters");
  if (c.password_memory_kib < 8 || c.password_memory_kib > 4 * 1024 * 1024) {
    problems.push_back("password_memory_kib must be between 8 and 4194304");
  }
  if (c.password_ops < 1 || c.password_ops > 20) problems.push_back("password_ops must be between 1 and 20");
  if (c.mail_interval_seconds < 1) problems.push_back("mail_interval_seconds must be at least 1");
  if (c.voting_mix_batch < 1) problems.push_back("voting_mix_batch must be at least 1");
  if (c.initiative_subsidy_max_euros < 0 || c.initiative_subsidy_year_euros < 0) {
    problems.push_back("initiative_subsidy_max_euros and initiative_subsidy_year_euros must be 0 or more");
  }
  if (c.advice_reminder_working_days < 1 || c.advice_reminder_working_days > 20) {
    problems.push_back("advice_reminder_working_days must be between 1 and 20");
  }
  if (c.voting_codes_per_address < 1) problems.push_back("voting_codes_per_address must be at least 1");
  if (c.site_name.empty()) problems.push_back("site_name is empty");
  if (c.voting_key_file.empty()) problems.push_back("voting_key_file is empty");
  if (c.print_dir.empty()) problems.push_back("print_dir is empty");
  if (!problems.empty()) return InvalidInput("invalid configuration: " + JoinStrings(problems, "; "));
  return Ok();
}

}  // namespace wp::app
