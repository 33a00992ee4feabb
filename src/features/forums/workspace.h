// The forum's workspace (#16 item 6): meetings, documents and the yearly
// neighbourhood agenda with its budget, the rules that check them, who may
// edit, and which platform area the forum belongs to. Pure: no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/user.h"
#include "core/result.h"

namespace wp::forums {

struct MeetingForm {
  int64_t held_at = 0;  // unix seconds; 0 when the date was not understood
  std::string place, agenda, minutes;
};
// Errors (FormInvalid): "date" forums.error.meeting_date, "place"
// forums.error.meeting_place, "agenda" forums.error.meeting_agenda, any
// text too long forums.error.too_long.
Result<void> CheckMeeting(const MeetingForm& m);

enum class ItemStatus { kProposed, kAdopted, kRejected };
std::string_view ItemStatusName(ItemStatus s);
std::optional<ItemStatus> ParseItemStatus(std::string_view name);

struct AgendaItem {
  int64_t id = 0;
  std::string title, description;
  int64_t amount_cents = 0;
  ItemStatus status = ItemStatus::kProposed;
  std::string reason;  // why adopted or rejected
};

inline constexpr int kFirstAgendaYear = 2000;
inline constexpr int kLastAgendaYear = 2100;

// A new agenda: its year and budget. Errors: "year" forums.error.agenda_year,
// "budget" forums.error.agenda_budget.
Result<void> CheckAgenda(int year, std::optional<int64_t> budget_cents);

// A new item. Errors: "item_title" forums.error.item_title, "amount"
// forums.error.item_amount, texts too long forums.error.too_long.
Result<void> CheckItem(const AgendaItem& item, bool amount_understood);

// Sum of the amounts of the adopted items.
int64_t AdoptedTotal(const std::vector<AgendaItem>& items);

// A decision on item `item_id` of `items`: adopted or rejected, with a
// reason. Adopting may not take the adopted total over `budget_cents`.
// Errors (FormInvalid): "reason" forums.error.decision_reason, "status"
// forums.error.decision_status, "status" forums.error.over_budget (with the
// budget, the total it would be and by how much it is over).
Result<void> CheckDecision(const std::vector<AgendaItem>& items, int64_t budget_cents, int64_t item_id,
                           ItemStatus decision, std::string_view reason);

// Who edits the workspace: the forum's organisers (MayOrganise) and its
// current members, known by their e-mail address (case does not matter).
bool MayEditWorkspace(const auth::User& user, std::string_view borough_slug,
                      const std::vector<std::string>& member_emails);

// True when a platform whose area holds these CBS buurtcodes ("BU03920301")
// lies (partly) in the forum's wijk ("WK039203").
bool ForumInArea(std::string_view district_code, const std::set<std::string>& buurt_codes);

}  // namespace wp::forums
