// Plain types of advice (advies) between wijkplatforms and the municipality:
// an advice request (adviesaanvraag) from an official to one or more
// platforms, the advice a platform gives as numbered points (asked for, or
// unsolicited to a department or the alderman), the reasoned answer to each
// point, and the append-only history of every state change. With the checks
// of the forms that create them. Pure values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/time/time_zone.h"
#include "core/time/working_days.h"

namespace wp::advice {

// How far residents' say goes on the subject (participatieladder).
enum class ParticipationLevel { kInform, kConsult, kAdvise, kCoDecide };
inline constexpr ParticipationLevel kAllLevels[] = {ParticipationLevel::kInform, ParticipationLevel::kConsult,
                                                    ParticipationLevel::kAdvise, ParticipationLevel::kCoDecide};
// "inform", "consult", "advise", "co_decide".
std::string_view LevelName(ParticipationLevel l);
std::optional<ParticipationLevel> ParseLevel(std::string_view name);

// The municipality's verdict on one advice point.
enum class Verdict { kAdopted, kPartly, kNotAdopted, kNotOurs };
inline constexpr Verdict kAllVerdicts[] = {Verdict::kAdopted, Verdict::kPartly, Verdict::kNotAdopted,
                                           Verdict::kNotOurs};
// "adopted", "partly", "not_adopted", "not_ours" (not the municipality's to decide).
std::string_view VerdictName(Verdict v);
std::optional<Verdict> ParseVerdict(std::string_view name);

// The states (status_flow.h has the allowed changes).
enum class RequestStatus { kDraft, kOpen, kAdviceSubmitted, kAnswered, kClosed, kWithdrawn };
inline constexpr RequestStatus kAllRequestStatuses[] = {RequestStatus::kDraft,           RequestStatus::kOpen,
                                                        RequestStatus::kAdviceSubmitted, RequestStatus::kAnswered,
                                                        RequestStatus::kClosed,          RequestStatus::kWithdrawn};
// "draft", "open", "advice_submitted", "answered", "closed", "withdrawn".
std::string_view RequestStatusName(RequestStatus s);
std::optional<RequestStatus> ParseRequestStatus(std::string_view name);

enum class AdviceStatus { kDraft, kSubmitted, kAnswered };
inline constexpr AdviceStatus kAllAdviceStatuses[] = {AdviceStatus::kDraft, AdviceStatus::kSubmitted,
                                                      AdviceStatus::kAnswered};
// "draft", "submitted", "answered".
std::string_view AdviceStatusName(AdviceStatus s);
std::optional<AdviceStatus> ParseAdviceStatus(std::string_view name);

struct AdviceRequest {
  int64_t id = 0;
  std::string subject;
  std::string questions;  // free text; paragraphs separated by a blank line
  ParticipationLevel level = ParticipationLevel::kAdvise;
  int64_t deadline_at = 0;  // exclusive end (a local midnight), unix seconds UTC
  std::string contact_name, contact_email;
  bool confidential = false;
  std::string confidential_reason;  // required when confidential
  RequestStatus status = RequestStatus::kDraft;
  std::vector<int64_t> platform_ids;  // the platforms asked, at least one
  int64_t created_by = 0;
  int64_t created_at = 0, updated_at = 0;
};

// One numbered point of an advice, with the municipality's answer once given.
struct AdvicePoint {
  int number = 0;  // 1, 2, ...
  std::string text;
  std::optional<Verdict> verdict;
  std::string reason;  // why, with the verdict
};

struct Advice {
  int64_t id = 0;
  int64_t platform_id = 0;
  std::optional<int64_t> request_id;  // nullopt: unsolicited (ongevraagd)
  std::string addressee;              // unsolicited: the department or the alderman
  std::string title;
  std::vector<AdvicePoint> points;
  // How the input was gathered (issue item 2).
  std::string input_summary;
  int meetings_held = 0;
  int people_reached = 0;
  AdviceStatus status = AdviceStatus::kDraft;
  bool confidential = false;             // follows its request
  std::optional<int64_t> submitted_at;   // unix seconds UTC
  std::optional<int64_t> answer_due_at;  // set on submission (deadlines.h)
  std::optional<int64_t> answered_at;
  // When the reminder before the due date and the one after it were mailed.
  std::optional<int64_t> reminder_sent_at, overdue_sent_at;
  int64_t created_by = 0;
  int64_t created_at = 0;
};

// One line of the append-only history of a request or an advice.
struct HistoryEntry {
  int64_t at = 0;
  int64_t actor_id = 0;
  std::string actor_name;
  std::string from_status, to_status;  // names; from "" when created
  std::string note;
};

// Limits for form fields, in UTF-8 bytes.
inline constexpr size_t kMaxSubjectBytes = 200;
inline constexpr size_t kMaxTextBytes = 20000;
inline constexpr size_t kMaxPointBytes = 5000;
inline constexpr size_t kMaxPoints = 50;

// Error keys of the form checks (the field names are the form's).
inline constexpr const char* kMissingSubject = "advice.error.missing_subject";
inline constexpr const char* kTooLong = "advice.error.too_long";
inline constexpr const char* kMissingQuestions = "advice.error.missing_questions";
inline constexpr const char* kBadLevel = "advice.error.bad_level";
inline constexpr const char* kBadDate = "advice.error.bad_date";
inline constexpr const char* kPastDeadline = "advice.error.past_deadline";
inline constexpr const char* kMissingContact = "advice.error.missing_contact";
inline constexpr const char* kBadEmail = "advice.error.bad_email";
inline constexpr const char* kMissingReason = "advice.error.missing_reason";
inline constexpr const char* kNoPlatform = "advice.error.no_platform";
inline constexpr const char* kMissingTitle = "advice.error.missing_title";
inline constexpr const char* kNoPoints = "advice.error.no_points";
inline constexpr const char* kTooManyPoints = "advice.error.too_many_points";
inline constexpr const char* kMissingAddressee = "advice.error.missing_addressee";
inline constexpr const char* kBadCount = "advice.error.bad_count";
inline constexpr const char* kMissingVerdict = "advice.error.missing_verdict";
inline constexpr const char* kMissingAnswerReason = "advice.error.missing_answer_reason";

// The request form as typed. `deadline` is a date field ("2027-01-15"), the
// last day advice may come in; empty takes the default (deadlines.h).
struct RequestForm {
  std::string subject, questions, level, deadline, contact_name, contact_email;
  bool confidential = false;
  std::string confidential_reason;
  std::vector<int64_t> platform_ids;
};
struct CheckedRequest {
  AdviceRequest request;  // filled when errors is empty (status draft, no ids, no times)
  std::vector<FieldError> errors;
};
// Checks the form at `now`: subject and questions present and not too long,
// a known level, a deadline that is a real date not before today (a past
// deadline: field "deadline", kPastDeadline), a contact with a plausible
// e-mail address, a reason when confidential, at least one platform. The
// platform ids come out sorted, each once.
CheckedRequest CheckRequestForm(const RequestForm& form, const time::TimeZone& zone, const time::WorkingDays& days,
                                int64_t now);

// The advice form as typed: the points are one text, a blank line between
// two points. Unsolicited advice names its addressee.
struct AdviceForm {
  std::string title, points, addressee, input_summary, meetings_held, people_reached;
};
struct CheckedAdvice {
  Advice advice;  // filled when errors is empty: title, points numbered from 1, addressee, input fields
  std::vector<FieldError> errors;
};
CheckedAdvice CheckAdviceForm(const AdviceForm& form, bool unsolicited);

// The points of a text: paragraphs separated by one or more blank lines,
// trimmed, numbered from 1. A leading "1." or "1)" a writer typed is dropped.
std::vector<AdvicePoint> SplitPoints(std::string_view text);

// The answer to one point as typed.
struct PointAnswer {
  std::string verdict, reason;
};
// Checks an answer to every point of an advice with `point_count` points:
// each needs a known verdict (field "verdict_<n>") and a reason
// ("reason_<n>"). Fills `out` with the parsed verdicts when there are no errors.
std::vector<FieldError> CheckAnswer(const std::vector<PointAnswer>& answers, size_t point_count,
                                    std::vector<AdvicePoint>* out);

}  // namespace wp::advice
