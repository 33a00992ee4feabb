// The read side of TalkCommands: a meeting as one viewer sees it, the
// rounds with their meetings, a platform's next meeting.
#include <map>
#include <set>

#include "features/talks/commands.h"
#include "features/talks/talk_store.h"

namespace wp::talks {

Result<std::vector<Entry>> TalkCommands::Named(db::Connection& c, std::vector<Entry> history) const {
  std::vector<int64_t> ids;
  for (const auto& h : history) ids.push_back(h.actor_id);
  WP_ASSIGN_OR_RETURN(auto people, roles_.People(c, ids));
  for (auto& h : history) {
    auto it = people.find(h.actor_id);
    if (it != people.end()) h.actor_name = it->second.display_name;
  }
  return history;
}

Result<void> TalkCommands::NameProposers(db::Connection& c, std::vector<AgendaItem>& items) const {
  std::vector<int64_t> ids;
  for (const auto& i : items) ids.push_back(i.proposed_by);
  WP_ASSIGN_OR_RETURN(auto people, roles_.People(c, ids));
  for (auto& i : items) {
    auto it = people.find(i.proposed_by);
    if (it != people.end()) i.proposer_name = it->second.display_name;
  }
  return Ok();
}

Result<MeetingView> TalkCommands::MeetingOf(const auth::User* viewer, int64_t meeting_id) const {
  int64_t now = clock_.NowUnixSeconds();
  return db_.Read([&](db::Connection& c) -> Result<MeetingView> {
    WP_ASSIGN_OR_RETURN(Loaded l, Load(c, meeting_id));
    MeetingView v;
    v.meeting = std::move(l.meeting);
    v.platform = std::move(l.platform);
    WP_ASSIGN_OR_RETURN(auto round, TalkStore::RoundById(c, v.meeting.round_id));
    if (round) v.round = *round;
    WP_ASSIGN_OR_RETURN(v.agenda, TalkStore::Items(c, meeting_id));
    WP_TRY_VOID(NameProposers(c, v.agenda));
    WP_ASSIGN_OR_RETURN(auto history, TalkStore::History(c, meeting_id));
    WP_ASSIGN_OR_RETURN(v.history, Named(c, std::move(history)));
    std::string scope = platforms::PlatformScope(v.platform.id);
    bool takes_part = viewer && CanTakePart(*viewer, scope, v.platform.borough_slug);
    v.plans = viewer && CanPlan(*viewer, v.platform.borough_slug);
    v.reads_drafts = IsPublished(v.meeting.status) || takes_part;
    v.proposes = takes_part && ProposalsOpen(v.meeting, settings_.rules, zone_, now);
    if (v.reads_drafts) {
      WP_ASSIGN_OR_RETURN(v.agreements, TalkStore::Agreements(c, meeting_id));
    } else {
      v.meeting.minutes.clear();  // a draft: not for this viewer, nor the draft agreements in the history
      for (auto& h : v.history) {
        if (h.kind == EntryKind::kAgreement || h.kind == EntryKind::kRemoved) h.text.clear();
      }
    }
    return v;
  });
}

Result<std::vector<RoundView>> TalkCommands::Rounds(const auth::User* planner) const {
  WP_ASSIGN_OR_RETURN(auto rounds, db_.Read([](db::Connection& c) { return TalkStore::Rounds(c); }));
  WP_ASSIGN_OR_RETURN(auto meetings, db_.Read([](db::Connection& c) { return TalkStore::Meetings(c, 0); }));
  std::map<int64_t, std::optional<platforms::Platform>> platforms;
  std::map<int64_t, std::vector<RoundMeeting>> by_round;
  for (auto& m : meetings) {
    auto it = platforms.find(m.platform_id);
    if (it == platforms.end()) {
      WP_ASSIGN_OR_RETURN(auto p, directory_.FindById(m.platform_id));
      it = platforms.emplace(m.platform_id, std::move(p)).first;
    }
    if (!it->second || (planner && !CanPlan(*planner, it->second->borough_slug))) continue;
    by_round[m.round_id].push_back({std::move(m), *it->second});
  }
  std::vector<RoundView> out;
  for (auto& r : rounds) {
    auto& list = by_round[r.id];
    if (list.empty()) continue;
    out.push_back({std::move(r), std::move(list)});
  }
  return out;
}

Result<std::optional<MeetingView>> TalkCommands::NextMeeting(const platforms::Platform& p) const {
  int64_t now = clock_.NowUnixSeconds();
  WP_ASSIGN_OR_RETURN(auto meetings, db_.Read([&](db::Connection& c) { return TalkStore::OfPlatform(c, p.id); }));
  const Meeting* next = nullptr;
  for (const auto& m : meetings) {
    if (!IsUpcoming(m.status) || !m.starts_at || *m.starts_at < now) continue;
    if (!next || *m.starts_at < *next->starts_at) next = &m;
  }
  if (!next) return std::optional<MeetingView>();
  WP_ASSIGN_OR_RETURN(MeetingView v, MeetingOf(nullptr, next->id));
  return std::optional<MeetingView>(std::move(v));
}

Result<std::vector<std::string>> TalkCommands::PlannableBoroughs(const auth::User& user) const {
  WP_ASSIGN_OR_RETURN(auto active, directory_.Active());
  std::set<std::string> boroughs;
  for (const auto& p : active) {
    if (p.status == platforms::PlatformStatus::kRecognised && CanPlan(user, p.borough_slug)) {
      boroughs.insert(p.borough_slug);
    }
  }
  return std::vector<std::string>(boroughs.begin(), boroughs.end());
}

}  // namespace wp::talks
