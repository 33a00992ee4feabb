#include "features/advice/input.h"

#include "core/strings.h"
#include "core/time/format.h"
#include "features/advice/advice.h"

namespace wp::advice {

CheckedRound CheckRoundForm(const RoundForm& form, const time::TimeZone& zone, int64_t now) {
  CheckedRound out;
  std::string_view question = Trim(form.question);
  if (question.empty()) {
    out.errors.push_back({"question", kMissingQuestion});
  } else if (question.size() > kMaxQuestionBytes || !IsValidUtf8(question)) {
    out.errors.push_back({"question", kTooLong, {{"max", static_cast<int64_t>(kMaxQuestionBytes)}}});
  }
  auto date = time::ParseDateInput(Trim(form.closes));
  if (!date) {
    out.errors.push_back({"closes", kBadDate});
  } else {
    out.round.closes_at = time::EndOfDay(zone, *date);
    if (out.round.closes_at <= now) out.errors.push_back({"closes", kPastClosing});
  }
  out.round.question = std::string(question);
  return out;
}

std::vector<FieldError> CheckReaction(std::string_view text) {
  std::string_view t = Trim(text);
  if (t.empty()) return {{"text", kMissingReaction}};
  if (t.size() > kMaxReactionBytes || !IsValidUtf8(t)) {
    return {{"text", kTooLong, {{"max", static_cast<int64_t>(kMaxReactionBytes)}}}};
  }
  return {};
}

bool IsRoundOpen(const InputRound& round, int64_t now) { return now < round.closes_at; }

std::string AttachmentName(std::string_view uploaded) {
  size_t slash = uploaded.find_last_of("/\\");
  if (slash != std::string_view::npos) uploaded = uploaded.substr(slash + 1);
  std::string name;
  for (char ch : Trim(uploaded)) {
    if (static_cast<unsigned char>(ch) >= 0x20 && ch != '"' && ch != 0x7f) name += ch;
  }
  if (!IsValidUtf8(name)) name.clear();
  std::string lower = ToLower(name);
  if (lower.size() >= 4 && lower.ends_with(".pdf")) name.resize(name.size() - 4);
  size_t max = kMaxAttachmentNameBytes - 4;
  if (name.size() > max) {
    name.resize(max);
    // Drop a cut-off UTF-8 character.
    while (!name.empty() && !IsValidUtf8(name)) name.pop_back();
  }
  if (Trim(name).empty()) return "bijlage.pdf";
  return name + ".pdf";
}

int64_t SizeInKilobytes(int64_t bytes) { return bytes <= 1024 ? 1 : (bytes + 1023) / 1024; }

}  // namespace wp::advice
