#include "features/forums/forums.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

#include "core/strings.h"
#include "features/codes/address_list.h"

namespace wp::forums {

namespace {

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",;\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void AddProportional(std::string& csv, std::string_view category,
                     const std::vector<std::pair<std::string, int64_t>>& values, int seats) {
  int64_t total = 0;
  for (const auto& v : values) total += v.second;
  if (total <= 0) return;
  for (const auto& [value, count] : values) {
    double share = static_cast<double>(seats) * static_cast<double>(count) / static_cast<double>(total);
    int min = static_cast<int>(std::floor(share));
    int max = static_cast<int>(std::ceil(share));
    csv += CsvField(category) + "," + CsvField(value) + "," + std::to_string(min) + "," + std::to_string(max) + "\n";
  }
}

void CheckQuotaFit(const sortition::Quotas& quotas, int seats, std::vector<FieldError>& errors) {
  for (const auto& category : quotas.categories) {
    int min_sum = 0, max_sum = 0;
    for (int f : category.features) {
      min_sum += quotas.features[static_cast<size_t>(f)].min;
      max_sum += quotas.features[static_cast<size_t>(f)].max;
    }
    if (min_sum > seats || max_sum < seats) {
      errors.push_back({"quotas",
                        "forums.error.quota_sum",
                        {{"category", category.name},
                         {"min", int64_t{min_sum}},
                         {"max", int64_t{max_sum}},
                         {"seats", int64_t{seats}}}});
      return;
    }
  }
}

}  // namespace

std::string_view KindName(Kind kind) { return kind == Kind::kPanel ? "panel" : "forum"; }

std::optional<Kind> ParseKind(std::string_view name) {
  if (name == "forum") return Kind::kForum;
  if (name == "panel") return Kind::kPanel;
  return std::nullopt;
}

Result<sortition::Quotas> CheckSetup(const ForumSetup& s, int64_t now) {
  std::vector<FieldError> errors;
  if (Trim(s.name).empty()) errors.push_back({"name", "forums.error.name", {}});
  if (s.name.size() > 200) errors.push_back({"name", "forums.error.too_long", {{"max", int64_t{200}}}});
  if (s.district_code.empty()) errors.push_back({"district", "forums.error.district", {}});
  if (Trim(s.purpose).empty()) errors.push_back({"purpose", "forums.error.purpose", {}});
  if (s.purpose.size() > 4000) errors.push_back({"purpose", "forums.error.too_long", {{"max", int64_t{4000}}}});
  if (s.seats < 1 || s.seats > kMaxSeats)
    errors.push_back({"seats", "forums.error.seats", {{"max", int64_t{kMaxSeats}}}});
  if (s.term_months < 1 || s.term_months > kMaxTermMonths) {
    errors.push_back({"term_months", "forums.error.term", {{"max", int64_t{kMaxTermMonths}}}});
  }
  if (s.register_until <= now) errors.push_back({"register_until", "forums.error.register_until", {}});
  if (s.appeal_days < 0 || s.appeal_days > 90) errors.push_back({"appeal_days", "forums.error.appeal_days", {}});
  sortition::Quotas quotas;
  auto parsed = sortition::ParseCategoriesCsv(s.quotas_csv);
  if (!parsed.has_value()) {
    errors.push_back({"quotas", "forums.error.quotas", {{"problem", parsed.error().detail}}});
  } else if (parsed->categories.empty()) {
    errors.push_back({"quotas", "forums.error.quotas_empty", {}});
  } else {
    quotas = std::move(*parsed);
    if (s.seats >= 1) CheckQuotaFit(quotas, s.seats, errors);
  }
  if (!errors.empty()) return FormInvalid(std::move(errors));
  return quotas;
}

std::string ProposeQuotasCsv(const AreaFigures& figures, int seats) {
  std::string csv;
  if (figures.men && figures.women) {
    AddProportional(csv, "geslacht", {{"man", *figures.men}, {"vrouw", *figures.women}}, seats);
  }
  AddProportional(csv, "buurt", figures.buurten, seats);
  if (figures.buurten.empty()) {
    for (const auto& b : figures.buurten_without_figures) {
      csv += "buurt," + CsvField(b) + ",0," + std::to_string(seats) + "\n";
    }
  }
  if (csv.empty()) return csv;
  return "feature,value,min,max\n" + csv;
}

std::string CategoriesCsv(const sortition::Quotas& quotas) {
  std::string csv = "feature,value,min,max\n";
  for (const auto& f : quotas.features) {
    csv += CsvField(f.category) + "," + CsvField(f.value) + "," + std::to_string(f.min) + "," + std::to_string(f.max) +
           "\n";
  }
  return csv;
}

std::vector<int> SampleAddresses(std::string_view seed, const std::vector<std::string>& addresses, int count) {
  std::vector<std::pair<std::string, int>> ranked;
  ranked.reserve(addresses.size());
  for (size_t i = 0; i < addresses.size(); ++i) {
    std::string key = std::string(seed) + "\n" + codes::AddressKey(addresses[i]);
    ranked.emplace_back(Sha256Hex(key), static_cast<int>(i));
  }
  std::sort(ranked.begin(), ranked.end());
  std::vector<int> out;
  for (size_t i = 0; i < ranked.size() && static_cast<int>(i) < count; ++i) out.push_back(ranked[i].second);
  return out;
}

Result<void> CheckFeatures(const sortition::Quotas& quotas, const std::map<std::string, std::string>& features) {
  std::vector<FieldError> errors;
  for (size_t c = 0; c < quotas.categories.size(); ++c) {
    const auto& category = quotas.categories[c];
    auto it = features.find(category.name);
    bool known = it != features.end() && quotas.Find(category.name, it->second) >= 0;
    if (!known) {
      errors.push_back({"feature_" + std::to_string(c), "forums.error.feature", {{"feature", category.name}}});
    }
  }
  if (!errors.empty()) return FormInvalid(std::move(errors));
  return Ok();
}

std::string RespondentsCsv(const sortition::Quotas& quotas, const std::vector<Respondent>& respondents) {
  std::string csv = "id";
  for (const auto& c : quotas.categories) csv += "," + CsvField(c.name);
  csv += "\n";
  for (const auto& r : respondents) {
    csv += CsvField(r.public_id);
    for (const auto& c : quotas.categories) {
      auto it = r.features.find(c.name);
      csv += "," + CsvField(it == r.features.end() ? "" : it->second);
    }
    csv += "\n";
  }
  return csv;
}

std::string PublicId(int n) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "R%03d", n);
  return buf;
}

Result<sortition::Instance> InstanceFromFiles(std::string_view categories_csv, std::string_view respondents_csv,
                                              int seats) {
  sortition::Instance instance;
  WP_ASSIGN_OR_RETURN(instance.quotas, sortition::ParseCategoriesCsv(categories_csv));
  WP_ASSIGN_OR_RETURN(instance.agents, sortition::ParseRespondentsCsv(respondents_csv, instance.quotas, {}));
  instance.panel_size = seats;
  return instance;
}

std::string VerifyCommand(std::string_view folder) { return "wijkplatform draw --verify " + std::string(folder); }

int64_t TermEnd(int64_t start, int term_months, int seat_index, int seats) {
  int whole = (seats + 1) / 2;
  int months = seat_index < whole ? term_months : std::max(1, term_months / 2);
  return start + int64_t{months} * kSecondsPerMonth;
}

bool MayOrganise(const auth::User& user, std::string_view borough_slug) {
  if (user.id == 0) return false;
  return user.IsAdministrator() || user.HasRole(auth::Role::kAreaLiaison, borough_slug);
}

bool IsOrganiser(const auth::User& user) {
  if (user.id == 0) return false;
  if (user.IsAdministrator()) return true;
  return std::any_of(user.grants.begin(), user.grants.end(),
                     [](const auth::RoleGrant& g) { return g.role == auth::Role::kAreaLiaison; });
}

}  // namespace wp::forums

namespace wp::forums {

std::vector<QuotaShortfall> CountShortfalls(const sortition::Instance& instance) {
  std::vector<QuotaShortfall> out;
  int pool = static_cast<int>(instance.agents.size());
  if (pool < instance.panel_size) out.push_back({"", instance.panel_size, pool});
  std::vector<int> have(instance.quotas.features.size(), 0);
  for (const auto& a : instance.agents) {
    for (int f : a.features) ++have[static_cast<size_t>(f)];
  }
  for (size_t f = 0; f < have.size(); ++f) {
    const auto& feature = instance.quotas.features[f];
    if (have[f] < feature.min) out.push_back({feature.Name(), feature.min, have[f]});
  }
  return out;
}

}  // namespace wp::forums
