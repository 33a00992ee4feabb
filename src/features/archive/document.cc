#include "features/archive/document.h"

#include <cctype>

#include "core/strings.h"

namespace wp::archive {

namespace {

constexpr std::array<std::string_view, 7> kKindNames = {"notulen",  "verslag", "jaarverslag",   "advies",
                                                        "antwoord", "overig",  "adviesaanvraag"};

// True for YYYY-MM-DD with digits in the right places and a real month and day.
bool IsDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  int y = std::stoi(std::string(s.substr(0, 4)));
  int m = std::stoi(std::string(s.substr(5, 2)));
  int d = std::stoi(std::string(s.substr(8, 2)));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] && !(m == 2 && d == 29 && !leap);
}

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

}  // namespace

std::string_view KindName(Kind kind) { return kKindNames[static_cast<size_t>(kind)]; }

std::optional<Kind> ParseKind(std::string_view name) {
  for (Kind k : kAllKinds) {
    if (KindName(k) == name) return k;
  }
  return std::nullopt;
}

std::string_view StatusName(Status status) { return status == Status::kPublic ? "public" : "withdrawn"; }

std::optional<Status> ParseStatus(std::string_view name) {
  if (name == "public") return Status::kPublic;
  if (name == "withdrawn") return Status::kWithdrawn;
  return std::nullopt;
}

std::string_view EntryKindName(EntryKind kind) { return kind == EntryKind::kUploaded ? "uploaded" : "withdrawn"; }

std::optional<EntryKind> ParseEntryKind(std::string_view name) {
  if (name == "uploaded") return EntryKind::kUploaded;
  if (name == "withdrawn") return EntryKind::kWithdrawn;
  return std::nullopt;
}

CheckedDocument CheckDocumentForm(const DocumentForm& form, std::string_view today) {
  CheckedDocument out;
  Document& d = out.document;
  d.title = std::string(Trim(form.title));
  d.description = std::string(Trim(form.description));
  d.document_date = std::string(Trim(form.date));
  if (d.title.empty()) out.errors.push_back({"title", kMissingTitle});
  if (d.title.size() > kMaxTitle) out.errors.push_back({"title", kTooLong, {{"max", int64_t{kMaxTitle}}}});
  auto kind = ParseKind(form.kind);
  if (!kind) out.errors.push_back({"kind", kBadKind});
  d.kind = kind.value_or(Kind::kOther);
  if (!IsDate(d.document_date)) {
    out.errors.push_back({"date", kBadDate});
  } else if (d.document_date > today) {
    out.errors.push_back({"date", kFutureDate});
  }
  if (d.description.size() > kMaxDescription) {
    out.errors.push_back({"description", kTooLong, {{"max", int64_t{kMaxDescription}}}});
  }
  return out;
}

std::vector<FieldError> CheckWithdrawReason(std::string_view reason) {
  std::string_view r = Trim(reason);
  if (r.empty()) return {{"reason", kMissingReason}};
  if (r.size() > kMaxReason) return {{"reason", kTooLong, {{"max", int64_t{kMaxReason}}}}};
  return {};
}

std::vector<std::string> SearchTerms(std::string_view query) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty() && out.size() < 8) out.push_back(word.substr(0, 40));
    word.clear();
  };
  for (char ch : query) {
    auto c = static_cast<unsigned char>(ch);
    if (IsWordByte(c)) {
      word.push_back(static_cast<char>(std::tolower(c)));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

}  // namespace wp::archive
