// ChallengeCommands: the monitoring of running challenges (report reminders
// and overdue notices) and the officials' overview across challenges.
#include "core/time/format.h"
#include "features/challenges/commands.h"

namespace wp::challenges {

namespace {

int64_t SinceOf(const Challenge& ch, const std::vector<Decision>& decisions) {
  return decisions.empty() ? ch.created_at : decisions.back().at;
}

}  // namespace

ReportSchedule ChallengeCommands::ScheduleOf(const ChallengeView& v) const {
  return ScheduleReports(v.challenge.stage, StartedAt(v.decisions), v.reports.size(), Now(), settings_.report_rhythm);
}

Result<std::vector<OverviewItem>> ChallengeCommands::Overview(const auth::User& user,
                                                              const std::string& borough) const {
  if (!IsOfficial(user)) return Forbidden("not an official", "challenges.error.not_official");
  return db_.Read([&](db::Connection& c) -> Result<std::vector<OverviewItem>> {
    WP_ASSIGN_OR_RETURN(auto all, ChallengeStore::All(c));
    std::vector<OverviewItem> items;
    for (auto& ch : all) {
      if (!borough.empty() && ch.borough != borough) continue;
      WP_ASSIGN_OR_RETURN(auto checks, ChallengeStore::Checks(c, ch.id));
      WP_ASSIGN_OR_RETURN(auto business_case, ChallengeStore::FindBusinessCase(c, ch.id));
      WP_ASSIGN_OR_RETURN(auto decisions, ChallengeStore::Decisions(c, ch.id));
      WP_ASSIGN_OR_RETURN(auto reports, ChallengeStore::Reports(c, ch.id));
      OverviewItem item;
      item.reports =
          ScheduleReports(ch.stage, StartedAt(decisions), reports.size(), Now(), settings_.report_rhythm);
      GateState gate = EvaluateGate(checks, ch.estimate_cents, settings_.legal_entity_threshold_cents);
      item.next = NextStepOf(ch.stage, gate, business_case.has_value(), item.reports);
      item.since = SinceOf(ch, decisions);
      item.challenge = std::move(ch);
      items.push_back(std::move(item));
    }
    SortOverview(items);
    return items;
  });
}

Result<bool> ChallengeCommands::SendReportMail(int64_t id) {
  return db_.Write([&](db::Connection& c) -> Result<bool> {
    WP_ASSIGN_OR_RETURN(auto found, ChallengeStore::Find(c, id));
    if (!found) return false;
    const Challenge& ch = *found;
    WP_ASSIGN_OR_RETURN(auto decisions, ChallengeStore::Decisions(c, id));
    WP_ASSIGN_OR_RETURN(auto reports, ChallengeStore::Reports(c, id));
    ReportSchedule s = ScheduleReports(ch.stage, StartedAt(decisions), reports.size(), Now(), settings_.report_rhythm);
    WP_ASSIGN_OR_RETURN(auto reminded, ChallengeStore::LastReportMail(c, id, ReportMailName(ReportMail::kReminder)));
    WP_ASSIGN_OR_RETURN(auto noticed, ChallengeStore::LastReportMail(c, id, ReportMailName(ReportMail::kOverdue)));
    ReportMail mail = ReportMailDue(s, reminded, noticed);
    if (mail == ReportMail::kNone) return false;  // nothing due, or another process was first
    std::string kind(ReportMailName(mail));
    WP_TRY_VOID(ChallengeStore::InsertReportMail(c, id, kind, s.next_due_at, Now()));
    bool overdue = mail == ReportMail::kOverdue;
    WP_TRY_VOID(MailAll(c, ch, overdue ? "challenges.mail.report_overdue_subject" : "challenges.mail.report_reminder_subject",
                        overdue ? "challenges.mail.report_overdue_body" : "challenges.mail.report_reminder_body",
                        {{"task", ch.task},
                         {"due", time::FormatDate(zone_, s.next_due_at, "nl")},
                         {"url", ChallengeUrl(id)}},
                        overdue));
    return true;
  });
}

Result<int> ChallengeCommands::SendReportMails() {
  WP_ASSIGN_OR_RETURN(auto running, db_.Read([](db::Connection& c) {
                        return ChallengeStore::InStage(c, Stage::kRunning);
                      }));
  int sent = 0;
  for (const auto& ch : running) {
    WP_ASSIGN_OR_RETURN(bool mailed, SendReportMail(ch.id));
    if (mailed) ++sent;
  }
  return sent;
}

}  // namespace wp::challenges
