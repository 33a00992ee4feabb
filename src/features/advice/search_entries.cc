#include "features/advice/search_entries.h"

#include "features/advice/status_flow.h"

namespace wp::advice {

std::vector<search::Entry> RequestEntries(const AdviceRequest& r) {
  std::vector<search::Entry> out;
  if (r.confidential || !IsPublished(r.status) || r.status == RequestStatus::kWithdrawn) return out;
  for (int64_t platform_id : r.platform_ids) {
    out.push_back({kRequestSource, r.id, platform_id, "adviesaanvraag", r.created_at, r.subject, r.questions});
  }
  return out;
}

std::vector<search::Entry> AdviceEntries(const Advice& a) {
  if (a.confidential || a.status == AdviceStatus::kDraft) return {};
  std::string body = a.addressee;
  for (const auto& p : a.points) body += "\n" + std::to_string(p.number) + ". " + p.text;
  if (!a.input_summary.empty()) body += "\n" + a.input_summary;
  return {{kAdviceSource, a.id, a.platform_id, "advies", a.submitted_at.value_or(a.created_at), a.title, body}};
}

std::vector<search::Entry> AnswerEntries(const Advice& a) {
  if (a.confidential || a.status != AdviceStatus::kAnswered) return {};
  std::string body;
  for (const auto& p : a.points) {
    if (!body.empty()) body += "\n";
    body += std::to_string(p.number) + ". " + p.text + "\n" + p.reason;
  }
  return {{kAnswerSource, a.id, a.platform_id, "antwoord", a.answered_at.value_or(a.created_at), a.title, body}};
}

}  // namespace wp::advice
