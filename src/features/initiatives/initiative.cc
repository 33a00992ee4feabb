#include "features/initiatives/initiative.h"

#include <algorithm>
#include <charconv>

#include "core/strings.h"
#include "core/text_field.h"

namespace wp::initiatives {

namespace {

constexpr TextFieldKeys kTextKeys{kMissing, kTooLong, kBadCharacters};

// A text field: required or not, at most `max` characters, no control
// characters (newlines only in multi-line texts).
void CheckText(std::vector<FieldError>& errors, const std::string& field, const std::string& value, size_t max,
               bool required, bool multiline) {
  CheckTextField(errors, field, value, {max, required, multiline}, kTextKeys);
}

void CheckFields(std::vector<FieldError>& errors, const Compass& c, bool complete) {
  CheckText(errors, "title", c.title, kMaxTitleChars, true, false);
  CheckText(errors, "what", c.what, kMaxTextChars, complete, true);
  if (complete && c.neighbourhood_code.empty()) errors.push_back({"neighbourhood", kMissing});
  CheckText(errors, "place", c.place, kMaxShortChars, false, false);
  CheckText(errors, "when", c.when, kMaxShortChars, complete, false);
  CheckText(errors, "helpers", c.helpers, kMaxTextChars, complete, true);
  if (complete && c.needs.empty()) errors.push_back({"needs", kNoNeeds});
  CheckText(errors, "needs_detail", c.needs_detail, kMaxTextChars, false, true);
  CheckText(errors, "initiator_name", c.initiator_name, kMaxTitleChars, complete, false);
}

}  // namespace

std::string_view NeedName(Need n) {
  switch (n) {
    case Need::kPermit:
      return "permit";
    case Need::kMoney:
      return "money";
    case Need::kSpace:
      return "space";
    case Need::kMaterials:
      return "materials";
    case Need::kAdvice:
      return "advice";
  }
  return "advice";
}

std::optional<Need> ParseNeed(std::string_view name) {
  for (Need n : kAllNeeds) {
    if (NeedName(n) == name) return n;
  }
  return std::nullopt;
}

std::string NeedsText(const std::vector<Need>& needs) {
  std::string out;
  for (Need n : kAllNeeds) {
    if (std::find(needs.begin(), needs.end(), n) == needs.end()) continue;
    if (!out.empty()) out += ',';
    out += NeedName(n);
  }
  return out;
}

std::vector<Need> ParseNeeds(std::string_view text) {
  std::vector<Need> out;
  while (!text.empty()) {
    size_t comma = text.find(',');
    std::string_view part = text.substr(0, comma);
    if (auto n = ParseNeed(part); n && std::find(out.begin(), out.end(), *n) == out.end()) out.push_back(*n);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool IsDepartment(std::string_view slug) {
  return std::any_of(std::begin(kDepartments), std::end(kDepartments), [&](const char* d) { return slug == d; });
}

std::vector<FieldError> CheckDraft(const Compass& c) {
  std::vector<FieldError> errors;
  CheckFields(errors, c, false);
  return errors;
}

std::vector<FieldError> CheckSubmission(const Compass& c) {
  std::vector<FieldError> errors;
  CheckFields(errors, c, true);
  return errors;
}

std::string_view FileKindName(FileKind k) { return k == FileKind::kPhoto ? "photo" : "document"; }

std::optional<FileKind> ParseFileKind(std::string_view name) {
  if (name == "photo") return FileKind::kPhoto;
  if (name == "document") return FileKind::kDocument;
  return std::nullopt;
}

std::optional<FieldError> CheckFileCounts(const std::vector<InitiativeFile>& existing, int photos, int documents) {
  for (const auto& f : existing) (f.kind == FileKind::kPhoto ? photos : documents) += 1;
  if (photos > kMaxPhotos) return FieldError{"files", kTooManyPhotos, {{"max", int64_t{kMaxPhotos}}}};
  if (documents > kMaxDocuments) return FieldError{"files", kTooManyDocuments, {{"max", int64_t{kMaxDocuments}}}};
  return std::nullopt;
}

std::string InitiativeNumber(int64_t id) { return "I-" + std::to_string(id); }

std::optional<int64_t> ParseInitiativeNumber(std::string_view text) {
  if (text.size() > 2 && (text[0] == 'I' || text[0] == 'i') && text[1] == '-') text.remove_prefix(2);
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

std::string_view OwnerName(ConditionOwner o) { return o == ConditionOwner::kInitiator ? "initiator" : "municipality"; }

std::optional<ConditionOwner> ParseOwner(std::string_view name) {
  if (name == "initiator") return ConditionOwner::kInitiator;
  if (name == "municipality") return ConditionOwner::kMunicipality;
  return std::nullopt;
}

std::string_view ConditionStatusName(ConditionStatus s) {
  switch (s) {
    case ConditionStatus::kOpen:
      return "open";
    case ConditionStatus::kMet:
      return "met";
    case ConditionStatus::kWaived:
      return "waived";
  }
  return "open";
}

std::optional<ConditionStatus> ParseConditionStatus(std::string_view name) {
  for (ConditionStatus s : {ConditionStatus::kOpen, ConditionStatus::kMet, ConditionStatus::kWaived}) {
    if (ConditionStatusName(s) == name) return s;
  }
  return std::nullopt;
}

std::vector<FieldError> CheckAnswer(const AnswerInput& in) {
  std::vector<FieldError> errors;
  if (in.answer == Answer::kNone) errors.push_back({"answer", kMissing});
  CheckText(errors, "explanation", in.explanation, kMaxTextChars, true, true);
  if (in.answer == Answer::kNoBecause) {
    CheckText(errors, "alternative", in.alternative, kMaxTextChars, true, true);
  } else {
    CheckText(errors, "alternative", in.alternative, kMaxTextChars, false, true);
  }
  if (in.answer == Answer::kYesProvided) {
    if (in.conditions.empty()) errors.push_back({"conditions", kNoConditions});
    if (in.conditions.size() > kMaxConditions) {
      errors.push_back({"conditions", kTooLong, {{"max", static_cast<int64_t>(kMaxConditions)}}});
    }
    for (size_t i = 0; i < in.conditions.size(); ++i) {
      CheckText(errors, "condition_" + std::to_string(i + 1), in.conditions[i].text, kMaxShortChars, true, false);
    }
  } else if (!in.conditions.empty()) {
    errors.push_back({"conditions", "initiatives.error.conditions_only_with_mits"});
  }
  return errors;
}

ConditionCounts CountConditions(const std::vector<Condition>& conditions) {
  ConditionCounts c;
  for (const auto& x : conditions) {
    if (x.status == ConditionStatus::kOpen) ++c.open;
    if (x.status == ConditionStatus::kMet) ++c.met;
    if (x.status == ConditionStatus::kWaived) ++c.waived;
  }
  return c;
}

}  // namespace wp::initiatives
