#include "features/advice/advice.h"

#include <algorithm>
#include <charconv>

#include "core/strings.h"
#include "core/time/format.h"

namespace wp::advice {

namespace {

template <typename E, size_t N>
std::optional<E> ParseByName(std::string_view name, const E (&all)[N], std::string_view (*name_of)(E)) {
  for (E e : all) {
    if (name_of(e) == name) return e;
  }
  return std::nullopt;
}

// Adds kTooLong / `missing_key` errors for a text field.
void CheckText(std::vector<FieldError>& errors, const std::string& field, std::string_view value, size_t max,
               const char* missing_key) {
  if (Trim(value).empty()) {
    errors.push_back({field, missing_key});
  } else if (value.size() > max || !IsValidUtf8(value)) {
    errors.push_back({field, kTooLong, {{"max", static_cast<int64_t>(max)}}});
  }
}

// A count typed by a person: empty is 0; else 0..1000000.
std::optional<int> ParseCount(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return 0;
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0 || value > 1000000) return std::nullopt;
  return value;
}

}  // namespace

std::string_view LevelName(ParticipationLevel l) {
  switch (l) {
    case ParticipationLevel::kInform:
      return "inform";
    case ParticipationLevel::kConsult:
      return "consult";
    case ParticipationLevel::kAdvise:
      return "advise";
    case ParticipationLevel::kCoDecide:
      return "co_decide";
  }
  return "advise";
}
std::optional<ParticipationLevel> ParseLevel(std::string_view name) { return ParseByName(name, kAllLevels, LevelName); }

std::string_view VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kAdopted:
      return "adopted";
    case Verdict::kPartly:
      return "partly";
    case Verdict::kNotAdopted:
      return "not_adopted";
    case Verdict::kNotOurs:
      return "not_ours";
  }
  return "adopted";
}
std::optional<Verdict> ParseVerdict(std::string_view name) { return ParseByName(name, kAllVerdicts, VerdictName); }

std::string_view RequestStatusName(RequestStatus s) {
  switch (s) {
    case RequestStatus::kDraft:
      return "draft";
    case RequestStatus::kOpen:
      return "open";
    case RequestStatus::kAdviceSubmitted:
      return "advice_submitted";
    case RequestStatus::kAnswered:
      return "answered";
    case RequestStatus::kClosed:
      return "closed";
    case RequestStatus::kWithdrawn:
      return "withdrawn";
  }
  return "draft";
}
std::optional<RequestStatus> ParseRequestStatus(std::string_view name) {
  return ParseByName(name, kAllRequestStatuses, RequestStatusName);
}

std::string_view AdviceStatusName(AdviceStatus s) {
  switch (s) {
    case AdviceStatus::kDraft:
      return "draft";
    case AdviceStatus::kSubmitted:
      return "submitted";
    case AdviceStatus::kAnswered:
      return "answered";
  }
  return "draft";
}
std::optional<AdviceStatus> ParseAdviceStatus(std::string_view name) {
  return ParseByName(name, kAllAdviceStatuses, AdviceStatusName);
}

CheckedRequest CheckRequestForm(const RequestForm& form, const time::TimeZone& zone, const time::WorkingDays& days,
                                int64_t now) {
  CheckedRequest out;
  auto& errors = out.errors;
  AdviceRequest& r = out.request;
  CheckText(errors, "subject", form.subject, kMaxSubjectBytes, kMissingSubject);
  CheckText(errors, "questions", form.questions, kMaxTextBytes, kMissingQuestions);
  auto level = ParseLevel(form.level);
  if (!level) errors.push_back({"level", kBadLevel});
  if (Trim(form.deadline).empty()) {
    r.deadline_at = days.DeadlineAfterWeeks(zone, now, 6);  // deadlines.h kDefaultAdviceWeeks
  } else if (auto date = time::ParseDateInput(form.deadline); !date) {
    errors.push_back({"deadline", kBadDate});
  } else {
    r.deadline_at = time::EndOfDay(zone, *date);
    if (r.deadline_at <= now) errors.push_back({"deadline", kPastDeadline});
  }
  CheckText(errors, "contact_name", form.contact_name, kMaxSubjectBytes, kMissingContact);
  if (!IsPlausibleEmail(Trim(form.contact_email))) errors.push_back({"contact_email", kBadEmail});
  if (form.confidential)
    CheckText(errors, "confidential_reason", form.confidential_reason, kMaxTextBytes, kMissingReason);
  if (form.platform_ids.empty()) errors.push_back({"platforms", kNoPlatform});
  if (!errors.empty()) return out;
  r.subject = std::string(Trim(form.subject));
  r.questions = std::string(Trim(form.questions));
  r.level = *level;
  r.contact_name = std::string(Trim(form.contact_name));
  r.contact_email = std::string(Trim(form.contact_email));
  r.confidential = form.confidential;
  r.confidential_reason = form.confidential ? std::string(Trim(form.confidential_reason)) : "";
  // A platform ticked twice (a doubled form field) is asked once; sorted as the store lists them.
  r.platform_ids = form.platform_ids;
  std::sort(r.platform_ids.begin(), r.platform_ids.end());
  r.platform_ids.erase(std::unique(r.platform_ids.begin(), r.platform_ids.end()), r.platform_ids.end());
  return out;
}

std::vector<AdvicePoint> SplitPoints(std::string_view text) {
  std::vector<AdvicePoint> out;
  std::string current;
  auto flush = [&] {
    std::string_view t = Trim(current);
    // Drop a number the writer typed ("1.", "2)"): the points are numbered here.
    size_t digits = 0;
    while (digits < t.size() && t[digits] >= '0' && t[digits] <= '9') ++digits;
    if (digits > 0 && digits < t.size() && (t[digits] == '.' || t[digits] == ')')) t = Trim(t.substr(digits + 1));
    if (!t.empty()) out.push_back({static_cast<int>(out.size()) + 1, std::string(t), std::nullopt, ""});
    current.clear();
  };
  for (std::string_view line : Split(text, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty()) {
      flush();
    } else {
      if (!current.empty()) current += '\n';
      current += line;
    }
  }
  flush();
  return out;
}

CheckedAdvice CheckAdviceForm(const AdviceForm& form, bool unsolicited) {
  CheckedAdvice out;
  auto& errors = out.errors;
  CheckText(errors, "title", form.title, kMaxSubjectBytes, kMissingTitle);
  if (unsolicited) CheckText(errors, "addressee", form.addressee, kMaxSubjectBytes, kMissingAddressee);
  std::vector<AdvicePoint> points = SplitPoints(form.points);
  if (points.empty()) {
    errors.push_back({"points", kNoPoints});
  } else if (points.size() > kMaxPoints) {
    errors.push_back({"points", kTooManyPoints, {{"max", static_cast<int64_t>(kMaxPoints)}}});
  } else if (form.points.size() > kMaxTextBytes || !IsValidUtf8(form.points)) {
    errors.push_back({"points", kTooLong, {{"max", static_cast<int64_t>(kMaxTextBytes)}}});
  } else {
    for (const auto& p : points) {
      if (p.text.size() > kMaxPointBytes) {
        errors.push_back({"points", kTooLong, {{"max", static_cast<int64_t>(kMaxPointBytes)}}});
        break;
      }
    }
  }
  if (form.input_summary.size() > kMaxTextBytes || !IsValidUtf8(form.input_summary)) {
    errors.push_back({"input_summary", kTooLong, {{"max", static_cast<int64_t>(kMaxTextBytes)}}});
  }
  auto meetings = ParseCount(form.meetings_held);
  if (!meetings) errors.push_back({"meetings_held", kBadCount});
  auto people = ParseCount(form.people_reached);
  if (!people) errors.push_back({"people_reached", kBadCount});
  if (!errors.empty()) return out;
  Advice& a = out.advice;
  a.title = std::string(Trim(form.title));
  a.addressee = unsolicited ? std::string(Trim(form.addressee)) : "";
  a.points = std::move(points);
  a.input_summary = std::string(Trim(form.input_summary));
  a.meetings_held = *meetings;
  a.people_reached = *people;
  return out;
}

std::vector<FieldError> CheckAnswer(const std::vector<PointAnswer>& answers, size_t point_count,
                                    std::vector<AdvicePoint>* out) {
  std::vector<FieldError> errors;
  std::vector<AdvicePoint> parsed;
  for (size_t i = 0; i < point_count; ++i) {
    std::string n = std::to_string(i + 1);
    PointAnswer a = i < answers.size() ? answers[i] : PointAnswer{};
    auto verdict = ParseVerdict(a.verdict);
    if (!verdict) errors.push_back({"verdict_" + n, kMissingVerdict, {{"number", static_cast<int64_t>(i + 1)}}});
    std::string_view reason = Trim(a.reason);
    if (reason.empty()) {
      errors.push_back({"reason_" + n, kMissingAnswerReason, {{"number", static_cast<int64_t>(i + 1)}}});
    } else if (reason.size() > kMaxTextBytes || !IsValidUtf8(reason)) {
      errors.push_back({"reason_" + n, kTooLong, {{"max", static_cast<int64_t>(kMaxTextBytes)}}});
    }
    if (verdict) parsed.push_back({static_cast<int>(i + 1), "", verdict, std::string(reason)});
  }
  if (errors.empty() && out) *out = std::move(parsed);
  return errors;
}

}  // namespace wp::advice
