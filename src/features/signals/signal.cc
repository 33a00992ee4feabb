#include "features/signals/signal.h"

#include "core/strings.h"

namespace wp::signals {

namespace {

bool IsSlug(std::string_view s) {
  if (s.empty() || s.size() > 60) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return s.front() != '-' && s.back() != '-';
}

}  // namespace

std::vector<FieldError> CheckCategory(const Category& c) {
  std::vector<FieldError> errors;
  std::string_view name = Trim(c.name);
  if (name.empty())
    errors.push_back({"name", kMissing});
  else if (CountChars(name) > 80 || CountChars(c.name_en) > 80)
    errors.push_back({"name", kTooLong});
  if (!IsSlug(c.slug)) errors.push_back({"slug", "signals.error.bad_slug"});
  if (CountChars(c.description) > 500) errors.push_back({"description", kTooLong});
  if (c.department_slug.empty()) errors.push_back({"department", kMissing});
  if (c.handling_days < 1 || c.handling_days > 365) {
    errors.push_back({"handling_days", "signals.error.days_range", {{"min", int64_t{1}}, {"max", int64_t{365}}}});
  }
  if (c.update_interval_days < 1 || c.update_interval_days > 90) {
    errors.push_back({"update_interval_days", "signals.error.days_range", {{"min", int64_t{1}}, {"max", int64_t{90}}}});
  }
  if (HasControlCharacters(c.name, false) || HasControlCharacters(c.name_en, false)) {
    errors.push_back({"name", kBadCharacters});
  }
  return errors;
}

bool IsReportable(const Category& c, const std::vector<Category>& all) {
  if (!c.active) return false;
  for (const auto& other : all) {
    if (other.parent_id == c.id && other.active) return false;
  }
  return true;
}

std::vector<FieldError> CheckReportFields(const ReportInput& in) {
  std::vector<FieldError> errors;
  if (Trim(in.category_slug).empty()) errors.push_back({"category", kMissing});
  std::string_view description = Trim(in.description);
  if (description.empty()) {
    errors.push_back({"description", kMissing});
  } else if (CountChars(description) > kMaxDescriptionChars) {
    errors.push_back({"description", kTooLong, {{"max", static_cast<int64_t>(kMaxDescriptionChars)}}});
  } else if (HasControlCharacters(description, true)) {
    errors.push_back({"description", kBadCharacters});
  }
  const Location& loc = in.location;
  if (CountChars(loc.street) > kMaxStreetChars) {
    errors.push_back({"street", kTooLong, {{"max", static_cast<int64_t>(kMaxStreetChars)}}});
  } else if (HasControlCharacters(loc.street, false)) {
    errors.push_back({"street", kBadCharacters});
  }
  bool has_point = loc.lon.has_value() && loc.lat.has_value();
  if (!has_point && loc.neighbourhood_code.empty()) errors.push_back({"location", kNoLocation});
  if (!has_point && !loc.neighbourhood_code.empty() && Trim(loc.street).empty()) {
    errors.push_back({"street", kMissing});
  }
  std::string email(Trim(in.email));
  if (!email.empty() && (!IsPlausibleEmail(email) || email.size() > 200)) errors.push_back({"email", kBadEmail});
  return errors;
}

std::string SignalNumber(int64_t id) { return "M-" + std::to_string(id); }

std::optional<int64_t> ParseSignalNumber(std::string_view text) {
  text = Trim(text);
  if (text.size() > 2 && (text[0] == 'M' || text[0] == 'm') && text[1] == '-') text.remove_prefix(2);
  return ParseId(text);
}

std::string CategoryLabelIn(std::string_view locale, const std::vector<Category>& all, int64_t id) {
  for (const auto& c : all) {
    if (c.id != id) continue;
    if (c.parent_id) {
      for (const auto& p : all) {
        if (p.id == *c.parent_id) return p.NameIn(locale) + ": " + c.NameIn(locale);
      }
    }
    return c.NameIn(locale);
  }
  return "";
}

std::string DepartmentName(const std::vector<Department>& all, std::string_view slug) {
  for (const auto& d : all) {
    if (d.slug == slug) return d.name;
  }
  return std::string(slug);
}

}  // namespace wp::signals
