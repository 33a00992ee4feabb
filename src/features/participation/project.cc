#include "features/participation/project.h"

#include <algorithm>
#include <utility>

#include "core/strings.h"
#include "core/time/format.h"

namespace wp::participation {

namespace {

// The stored names of the enums, one table each.
template <typename E>
using Names = std::pair<E, std::string_view>;
constexpr Names<Level> kLevelNames[] = {
    {Level::kInform, "inform"}, {Level::kConsult, "consult"}, {Level::kAdvise, "advise"}, {Level::kCoDecide, "co_decide"}};
constexpr Names<Status> kStatusNames[] = {{Status::kPlanned, "planned"},
                                          {Status::kRunning, "running"},
                                          {Status::kFinished, "finished"},
                                          {Status::kCancelled, "cancelled"}};
constexpr Names<EntryKind> kEntryKindNames[] = {{EntryKind::kCreated, "created"},
                                                {EntryKind::kEdited, "edited"},
                                                {EntryKind::kStatus, "status"},
                                                {EntryKind::kNotified, "notified"}};

template <typename E, size_t N>
std::string_view NameOf(const Names<E> (&table)[N], E value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return table[0].second;
}

template <typename E, size_t N>
std::optional<E> ParseName(const Names<E> (&table)[N], std::string_view name) {
  for (const auto& [e, n] : table) {
    if (n == name) return e;
  }
  return std::nullopt;
}

// Checks a required text field; appends to `errors`.
std::string Required(std::string_view value, const std::string& field, const char* missing_key, size_t max,
                     std::vector<FieldError>& errors) {
  std::string_view v = Trim(value);
  if (v.empty()) {
    errors.push_back({field, missing_key});
  } else if (v.size() > max || !IsValidUtf8(v)) {
    errors.push_back({field, kTooLong, {{"max", static_cast<int64_t>(max)}}});
  }
  return std::string(v);
}

// A date field as "YYYY-MM-DD", or nullopt when it is not a real date.
std::optional<std::string> DateOf(std::string_view text) {
  auto parsed = time::ParseDateInput(text);
  if (!parsed) return std::nullopt;
  return time::DateInputValue(*parsed);
}

// The checked wijkcodes, sorted and without doubles.
std::vector<std::string> CheckDistricts(const std::vector<std::string>& typed, const geography::Municipality& m,
                                        std::vector<FieldError>& errors) {
  std::set<std::string> codes;
  for (const auto& t : typed) {
    std::string_view v = Trim(t);
    if (v.empty()) continue;
    auto code = geography::DistrictCode::Parse(v);
    if (!code || !geography::FindDistrict(m, *code)) {
      errors.push_back({"districts", kUnknownDistrict});
      return {};
    }
    codes.insert(code->str());
  }
  if (codes.empty()) errors.push_back({"districts", kNoDistrict});
  return {codes.begin(), codes.end()};
}

// The timeline rows that are not empty, checked, sorted by start date.
std::vector<Phase> CheckPhases(const std::vector<PhaseForm>& rows, std::vector<FieldError>& errors) {
  std::vector<Phase> out;
  size_t errors_before = errors.size();
  for (size_t i = 0; i < rows.size(); ++i) {
    const PhaseForm& row = rows[i];
    if (Trim(row.name).empty() && Trim(row.start).empty() && Trim(row.end).empty()) continue;
    std::string n = std::to_string(i + 1);
    Phase p;
    p.name = Required(row.name, "phase_name_" + n, kMissingPhaseName, kMaxShortBytes, errors);
    auto start = DateOf(row.start);
    if (!start) errors.push_back({"phase_start_" + n, kBadDate});
    p.start = start.value_or("");
    if (!Trim(row.end).empty()) {
      auto end = DateOf(row.end);
      if (!end) {
        errors.push_back({"phase_end_" + n, kBadDate});
      } else if (start && *end < *start) {
        errors.push_back({"phase_end_" + n, kEndBeforeStart});
      }
      p.end = end.value_or("");
    }
    out.push_back(std::move(p));
  }
  if (out.empty() && errors.size() == errors_before) errors.push_back({"phase_name_1", kNoPhase});
  std::stable_sort(out.begin(), out.end(), [](const Phase& a, const Phase& b) { return a.start < b.start; });
  return out;
}

}  // namespace

std::string_view LevelName(Level l) { return NameOf(kLevelNames, l); }
std::optional<Level> ParseLevel(std::string_view name) { return ParseName(kLevelNames, name); }
std::string_view StatusName(Status s) { return NameOf(kStatusNames, s); }
std::optional<Status> ParseStatus(std::string_view name) { return ParseName(kStatusNames, name); }
std::string_view EntryKindName(EntryKind k) { return NameOf(kEntryKindNames, k); }
std::optional<EntryKind> ParseEntryKind(std::string_view name) { return ParseName(kEntryKindNames, name); }

bool IsClosed(Status s) { return s == Status::kFinished || s == Status::kCancelled; }

CheckedProject CheckProjectForm(const ProjectForm& form, const geography::Municipality& m) {
  CheckedProject out;
  Project& p = out.project;
  std::vector<FieldError>& errors = out.errors;
  p.title = Required(form.title, "title", kMissingTitle, kMaxShortBytes, errors);
  p.summary = Required(form.summary, "summary", kMissingSummary, kMaxTextBytes, errors);
  p.districts = CheckDistricts(form.districts, m, errors);
  p.department = Required(form.department, "department", kMissingDepartment, kMaxShortBytes, errors);
  p.contact.name = Required(form.contact_name, "contact_name", kMissingContactName, kMaxShortBytes, errors);
  p.contact.email = std::string(Trim(form.contact_email));
  if (!IsPlausibleEmail(p.contact.email)) errors.push_back({"contact_email", kBadEmail});
  auto level = ParseLevel(Trim(form.level));
  if (!level) errors.push_back({"level", kBadLevel});
  p.level = level.value_or(Level::kConsult);
  p.can_influence = Required(form.can_influence, "can_influence", kMissingCanInfluence, kMaxTextBytes, errors);
  p.fixed = Required(form.fixed, "fixed", kMissingFixed, kMaxTextBytes, errors);
  p.platform_role = Required(form.platform_role, "platform_role", kMissingPlatformRole, kMaxTextBytes, errors);
  p.phases = CheckPhases(form.phases, errors);
  return out;
}

std::set<std::string> BoroughsOf(const std::vector<std::string>& districts, const geography::Municipality& m) {
  std::set<std::string> out;
  for (const auto& d : districts) {
    auto code = geography::DistrictCode::Parse(d);
    const geography::District* district = code ? geography::FindDistrict(m, *code) : nullptr;
    const geography::Borough* borough = district ? geography::FindBorough(m, district->borough) : nullptr;
    if (borough) out.insert(borough->slug);
  }
  return out;
}

std::optional<std::string_view> CheckTransition(Status from, Status to) {
  if (from == to) return "participation.flow.same_status";
  bool allowed = (from == Status::kPlanned && (to == Status::kRunning || to == Status::kCancelled)) ||
                 (from == Status::kRunning && (to == Status::kFinished || to == Status::kCancelled));
  if (!allowed) return "participation.flow.not_allowed";
  return std::nullopt;
}

CheckedStatus CheckStatusForm(const StatusForm& form, Status current) {
  CheckedStatus out;
  out.status = current;
  auto s = ParseStatus(Trim(form.status));
  if (!s) {
    out.errors.push_back({"status", kBadStatus});
  } else if (auto problem = CheckTransition(current, *s)) {
    out.errors.push_back({"status", std::string(*problem)});
  } else {
    out.status = *s;
  }
  std::string_view reason = Trim(form.reason);
  if (reason.size() > kMaxTextBytes || !IsValidUtf8(reason)) {
    out.errors.push_back({"reason", kTooLong, {{"max", static_cast<int64_t>(kMaxTextBytes)}}});
  } else if (reason.empty() && s == Status::kCancelled) {
    out.errors.push_back({"reason", kMissingReason});
  }
  out.reason = std::string(reason);
  return out;
}

TimelinePosition PositionOn(const std::vector<Phase>& phases, std::string_view today) {
  TimelinePosition out;
  for (size_t i = 0; i < phases.size(); ++i) {
    const Phase& p = phases[i];
    if (p.start > today) {
      if (!out.next) out.next = i;
      continue;
    }
    if (p.end.empty() || p.end >= today) out.current = i;
  }
  return out;
}

std::string DistrictNames(const std::vector<std::string>& codes, const geography::Municipality& m) {
  std::vector<std::string> names;
  for (const auto& c : codes) {
    auto code = geography::DistrictCode::Parse(c);
    const geography::District* d = code ? geography::FindDistrict(m, *code) : nullptr;
    names.push_back(d ? d->name : c);
  }
  return JoinStrings(names, ", ");
}

std::set<std::string> DistrictsOfArea(const std::set<std::string>& neighbourhoods) {
  std::set<std::string> out;
  for (const auto& n : neighbourhoods) {
    if (auto code = geography::NeighbourhoodCode::Parse(n)) out.insert(code->district().str());
  }
  return out;
}

bool Overlaps(const std::vector<std::string>& a, const std::set<std::string>& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& code) { return b.count(code) > 0; });
}

}  // namespace wp::participation
