// AdviceCommands: reminders to the municipality about advice waiting for an
// answer: one some working days before the due date, one once it is
// overdue. Each is claimed by a conditional UPDATE in the transaction that
// queues its e-mail, so several processes never send it twice.
#include "core/strings.h"
#include "core/time/format.h"
#include "features/advice/commands.h"
#include "features/advice/input_store.h"

namespace wp::advice {

Result<int> AdviceCommands::SendReminders() {
  WP_ASSIGN_OR_RETURN(auto waiting, db_.Read([](db::Connection& c) { return AdviceStore::AwaitingAnswer(c); }));
  int sent = 0;
  for (const auto& a : waiting) {
    if (!a.answer_due_at) continue;
    int64_t at = ReminderAt(zone_, days_, *a.answer_due_at, settings_.reminder_working_days);
    Reminder kind = DueReminder(a, at, Now());
    if (kind == Reminder::kNone) continue;
    WP_ASSIGN_OR_RETURN(bool reminded, Remind(a.id, kind));
    sent += reminded ? 1 : 0;
  }
  return sent;
}

Result<bool> AdviceCommands::Remind(int64_t advice_id, Reminder kind) {
  WP_ASSIGN_OR_RETURN(auto before, db_.Read([&](db::Connection& c) { return AdviceStore::FindAdvice(c, advice_id); }));
  if (!before) return false;
  WP_ASSIGN_OR_RETURN(auto platform, directory_.FindById(before->platform_id));
  if (!platform) return false;
  bool overdue = kind == Reminder::kOverdue;
  int64_t now = Now();
  return db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(bool claimed, InputStore::ClaimReminder(c, advice_id, overdue, now));
    if (!claimed) return false;  // sent already, by this process or another
    const Advice& a = *before;
    std::vector<std::pair<std::string, std::string>> to;  // address, locale
    std::string subject = a.addressee;
    if (a.request_id) {
      WP_ASSIGN_OR_RETURN(auto r, AdviceStore::FindRequest(c, *a.request_id));
      if (r) to.push_back({r->contact_email, "nl"}), subject = r->subject;
    } else if (!platform->borough_slug.empty()) {
      WP_ASSIGN_OR_RETURN(auto liaisons, roles_.Holders(c, auth::Role::kAreaLiaison, platform->borough_slug));
      for (const auto& p : liaisons) to.push_back({p.email, p.locale});
    }
    std::string subject_key = overdue ? "advice.mail.overdue_subject" : "advice.mail.reminder_subject";
    std::string body_key = overdue ? "advice.mail.overdue_body" : "advice.mail.reminder_body";
    for (const auto& [email, locale] : to) {
      i18n::Args args = {{"title", a.title},
                         {"platform", platform->name},
                         {"subject", subject},
                         {"due", time::FormatPeriodEnd(zone_, a.answer_due_at.value_or(0), locale)},
                         {"url", AnswerUrl(a.id)}};
      WP_TRY_VOID(Mail(c, email, locale, subject_key, body_key, args));
    }
    WP_TRY_VOID(AdviceStore::AppendHistory(c, {std::nullopt, a.id},
                                           {now, 0, "", "", overdue ? "overdue_sent" : "reminder_sent", ""}));
    return true;
  });
}

}  // namespace wp::advice
