// Plain types of what goes with an advice thread besides its points: PDF
// attachments of a request or an advice, rounds in which a kernteam asks the
// platform's members for input, and the members' reactions. With the checks
// of their forms and the reminder rule of an answer. Pure values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/time/time_zone.h"

namespace wp::advice {

// A PDF kept in the files folder under its SHA-256; the row says whose it is.
struct Attachment {
  int64_t id = 0;
  std::optional<int64_t> request_id, advice_id;  // exactly one is set
  std::string file_name;
  std::string sha256;
  int64_t size_bytes = 0;
  int64_t uploaded_by = 0, uploaded_at = 0;
};

// Members of `platform_id` are asked `question` about a request or a draft
// advice until `closes_at` (exclusive: the midnight after the closing date).
struct InputRound {
  int64_t id = 0;
  int64_t platform_id = 0;
  std::optional<int64_t> request_id, advice_id;  // exactly one is set
  std::string question;
  int64_t closes_at = 0;
  int64_t opened_by = 0, opened_at = 0;
};

struct Reaction {
  int64_t id = 0, round_id = 0, user_id = 0;
  std::string author_name;  // filled by the commands
  std::string text;
  int64_t created_at = 0;
};

inline constexpr size_t kMaxAttachments = 10;          // per request or advice
inline constexpr size_t kMaxAttachmentNameBytes = 120;
inline constexpr size_t kMaxQuestionBytes = 2000;
inline constexpr size_t kMaxReactionBytes = 5000;

inline constexpr const char* kMissingQuestion = "advice.error.missing_question";
inline constexpr const char* kPastClosing = "advice.error.past_closing";
inline constexpr const char* kMissingReaction = "advice.error.missing_reaction";
inline constexpr const char* kNoFile = "advice.error.no_file";
inline constexpr const char* kTooManyFiles = "advice.error.too_many_files";

// The round form as typed: `closes` is a date field ("2026-12-14"), the last day to react.
struct RoundForm {
  std::string question, closes;
};
struct CheckedRound {
  InputRound round;  // question and closes_at filled when errors is empty
  std::vector<FieldError> errors;
};
// Checks the form at `now`: a question ("question": kMissingQuestion or
// kTooLong), a real date ("closes": kBadDate) that is not in the past
// ("closes": kPastClosing).
CheckedRound CheckRoundForm(const RoundForm& form, const time::TimeZone& zone, int64_t now);

// Checks a reaction ("text": kMissingReaction or kTooLong); empty when fine.
std::vector<FieldError> CheckReaction(std::string_view text);

// True while members may still react to `round` at `now`.
bool IsRoundOpen(const InputRound& round, int64_t now);

// The name an uploaded file is shown and saved under: the browser's name
// without folders, cut to kMaxAttachmentNameBytes (whole UTF-8 characters),
// ending in ".pdf"; "bijlage.pdf" when nothing usable is left.
std::string AttachmentName(std::string_view uploaded);

// The size shown next to a file: whole kilobytes, rounded up, at least 1.
int64_t SizeInKilobytes(int64_t bytes);

}  // namespace wp::advice
