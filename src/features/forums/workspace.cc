#include "features/forums/workspace.h"

#include <algorithm>

#include "core/money.h"
#include "core/strings.h"
#include "features/forums/forums.h"

namespace wp::forums {

namespace {

void MaxLength(std::vector<FieldError>& errors, const char* field, const std::string& text, size_t max) {
  if (text.size() > max) errors.push_back({field, "forums.error.too_long", {{"max", static_cast<int64_t>(max)}}});
}

}  // namespace

Result<void> CheckMeeting(const MeetingForm& m) {
  std::vector<FieldError> errors;
  if (m.held_at <= 0) errors.push_back({"date", "forums.error.meeting_date", {}});
  if (Trim(m.place).empty()) errors.push_back({"place", "forums.error.meeting_place", {}});
  if (Trim(m.agenda).empty()) errors.push_back({"agenda", "forums.error.meeting_agenda", {}});
  MaxLength(errors, "place", m.place, 200);
  MaxLength(errors, "agenda", m.agenda, 4000);
  MaxLength(errors, "minutes", m.minutes, 20000);
  if (!errors.empty()) return FormInvalid(std::move(errors));
  return Ok();
}

std::string_view ItemStatusName(ItemStatus s) {
  switch (s) {
    case ItemStatus::kProposed:
      return "proposed";
    case ItemStatus::kAdopted:
      return "adopted";
    case ItemStatus::kRejected:
      return "rejected";
  }
  return "proposed";
}

std::optional<ItemStatus> ParseItemStatus(std::string_view name) {
  for (ItemStatus s : {ItemStatus::kProposed, ItemStatus::kAdopted, ItemStatus::kRejected}) {
    if (ItemStatusName(s) == name) return s;
  }
  return std::nullopt;
}

Result<void> CheckAgenda(int year, std::optional<int64_t> budget_cents) {
  std::vector<FieldError> errors;
  if (year < kFirstAgendaYear || year > kLastAgendaYear) errors.push_back({"year", "forums.error.agenda_year", {}});
  if (!budget_cents || *budget_cents <= 0) errors.push_back({"budget", "forums.error.agenda_budget", {}});
  if (!errors.empty()) return FormInvalid(std::move(errors));
  return Ok();
}

Result<void> CheckItem(const AgendaItem& item, bool amount_understood) {
  std::vector<FieldError> errors;
  if (Trim(item.title).empty()) errors.push_back({"item_title", "forums.error.item_title", {}});
  if (!amount_understood || item.amount_cents < 0) errors.push_back({"amount", "forums.error.item_amount", {}});
  MaxLength(errors, "item_title", item.title, 200);
  MaxLength(errors, "description", item.description, 4000);
  if (!errors.empty()) return FormInvalid(std::move(errors));
  return Ok();
}

int64_t AdoptedTotal(const std::vector<AgendaItem>& items) {
  int64_t total = 0;
  for (const auto& i : items) {
    if (i.status == ItemStatus::kAdopted) total += i.amount_cents;
  }
  return total;
}

Result<void> CheckDecision(const std::vector<AgendaItem>& items, int64_t budget_cents, int64_t item_id,
                           ItemStatus decision, std::string_view reason) {
  std::vector<FieldError> errors;
  if (decision == ItemStatus::kProposed) errors.push_back({"status", "forums.error.decision_status", {}});
  if (Trim(reason).empty()) errors.push_back({"reason", "forums.error.decision_reason", {}});
  if (reason.size() > 2000) errors.push_back({"reason", "forums.error.too_long", {{"max", int64_t{2000}}}});
  auto it = std::find_if(items.begin(), items.end(), [item_id](const AgendaItem& i) { return i.id == item_id; });
  if (it == items.end()) return NotFound("no such agenda item", "forums.error.item_not_found");
  if (decision == ItemStatus::kAdopted && it->status != ItemStatus::kAdopted) {
    int64_t total = AdoptedTotal(items) + it->amount_cents;
    if (total > budget_cents) {
      errors.push_back({"status",
                        "forums.error.over_budget",
                        {{"budget", Money{budget_cents}}, {"total", Money{total}}, {"over", Money{total - budget_cents}}}});
    }
  }
  if (!errors.empty()) return FormInvalid(std::move(errors));
  return Ok();
}

bool MayEditWorkspace(const auth::User& user, std::string_view borough_slug,
                      const std::vector<std::string>& member_emails) {
  if (user.id == 0) return false;
  if (MayOrganise(user, borough_slug)) return true;
  std::string mine = ToLower(Trim(user.email));
  return !mine.empty() && std::any_of(member_emails.begin(), member_emails.end(), [&mine](const std::string& e) {
    return ToLower(Trim(e)) == mine;
  });
}

bool ForumInArea(std::string_view district_code, const std::set<std::string>& buurt_codes) {
  if (district_code.size() != 8 || district_code.substr(0, 2) != "WK") return false;
  std::string prefix = "BU" + std::string(district_code.substr(2));
  return std::any_of(buurt_codes.begin(), buurt_codes.end(),
                     [&prefix](const std::string& b) { return b.rfind(prefix, 0) == 0 && b.size() == 10; });
}

}  // namespace wp::forums
