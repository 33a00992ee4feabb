// AdviceCommands: the members' input: rounds a kernteam opens, reactions of
// members, the werkgroep of an advice, and the e-mail to everyone who
// contributed once the advice is answered.
#include "core/strings.h"
#include "features/advice/commands.h"
#include "features/advice/input_store.h"
#include "features/advice/status_flow.h"

namespace wp::advice {

namespace {

Error RoundNotFound() { return NotFound("input round", "advice.round.not_found"); }

bool IsKernteam(const auth::User& user, const platforms::Platform& p) {
  return Can(user, Action::kWriteAdvice, platforms::PlatformScope(p.id), p.borough_slug);
}

}  // namespace

Result<void> AdviceCommands::CheckRoundSubject(db::Connection& c, const platforms::Platform& p,
                                               const HistoryOf& about) {
  if (about.request_id) {
    WP_ASSIGN_OR_RETURN(auto r, AdviceStore::FindRequest(c, *about.request_id));
    if (!r || !IsPublished(r->status) ||
        std::find(r->platform_ids.begin(), r->platform_ids.end(), p.id) == r->platform_ids.end()) {
      return NotFound("advice request", "advice.request.not_found");
    }
    if (r->confidential) return Conflict("confidential", "advice.error.round_confidential");
    if (!AcceptsAdvice(r->status)) return Conflict("request takes no advice", "advice.error.request_closed");
    return Ok();
  }
  WP_ASSIGN_OR_RETURN(auto a, AdviceStore::FindAdvice(c, about.advice_id.value_or(0)));
  if (!a || a->platform_id != p.id) return NotFound("advice", "advice.advice.not_found");
  if (a->status != AdviceStatus::kDraft) return Conflict("advice submitted", "advice.error.not_draft");
  if (a->confidential) return Conflict("confidential", "advice.error.round_confidential");
  return Ok();
}

Result<int64_t> AdviceCommands::OpenRound(const auth::User& user, const platforms::Platform& p,
                                          const HistoryOf& about, const RoundForm& form) {
  if (!IsKernteam(user, p)) return Forbidden("not the kernteam", "advice.error.not_kernteam");
  int64_t now = clock_.NowUnixSeconds();
  CheckedRound checked = CheckRoundForm(form, zone_, now);
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_TRY_VOID(CheckRoundSubject(c, p, about));
    if (!checked.errors.empty()) return FormInvalid(std::move(checked.errors));
    InputRound r = std::move(checked.round);
    r.platform_id = p.id;
    r.request_id = about.request_id;
    r.advice_id = about.advice_id;
    r.opened_by = user.id;
    r.opened_at = now;
    WP_ASSIGN_OR_RETURN(int64_t id, InputStore::InsertRound(c, r));
    WP_TRY_VOID(AdviceStore::AppendHistory(c, about, {now, user.id, "", "", "input_opened", r.question}));
    return id;
  });
}

Result<void> AdviceCommands::React(const auth::User& user, const platforms::Platform& p, int64_t round_id,
                                   const std::string& text) {
  WP_ASSIGN_OR_RETURN(bool member, directory_.IsMember(p.id, user.id));
  if (!MayReact(user, platforms::PlatformScope(p.id), member)) {
    return Forbidden("not a member", "advice.error.not_member");
  }
  int64_t now = clock_.NowUnixSeconds();
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto round, InputStore::FindRound(c, round_id));
    if (!round || round->platform_id != p.id) return RoundNotFound();
    if (!IsRoundOpen(*round, now)) return Conflict("round closed", "advice.error.round_closed");
    auto errors = CheckReaction(text);
    if (!errors.empty()) return FormInvalid(std::move(errors));
    WP_TRY_VOID(InputStore::InsertReaction(c, {0, round_id, user.id, "", std::string(Trim(text)), now}));
    HistoryOf of{round->request_id, round->advice_id};
    return AdviceStore::AppendHistory(c, of, {now, user.id, "", "", "reaction_added", ""});
  });
}

Result<RoundThread> AdviceCommands::Round(const std::optional<auth::User>& user, const platforms::Platform& p,
                                          int64_t round_id) const {
  RoundThread t;
  t.platform = p;
  bool member = false;
  if (user) {
    WP_ASSIGN_OR_RETURN(member, directory_.IsMember(p.id, user->id));
  }
  t.is_kernteam = user && IsKernteam(*user, p);
  WP_TRY_VOID(db_.Read([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto round, InputStore::FindRound(c, round_id));
    if (!round || round->platform_id != p.id) return RoundNotFound();
    WP_ASSIGN_OR_RETURN(bool may_see, MaySee(c, user, p, *round, member));
    if (!may_see) return RoundNotFound();
    t.round = std::move(*round);
    t.request_id = t.round.request_id;
    t.advice_id = t.round.advice_id;
    if (t.request_id) {
      WP_ASSIGN_OR_RETURN(auto r, AdviceStore::FindRequest(c, *t.request_id));
      t.about_title = r ? r->subject : "";
    } else {
      WP_ASSIGN_OR_RETURN(auto a, AdviceStore::FindAdvice(c, t.advice_id.value_or(0)));
      t.about_title = a ? a->title : "";
    }
    WP_ASSIGN_OR_RETURN(auto reactions, InputStore::Reactions(c, round_id));
    t.reaction_count = reactions.size();
    std::erase_if(reactions, [&](const Reaction& r) { return !t.is_kernteam && (!user || r.user_id != user->id); });
    WP_ASSIGN_OR_RETURN(auto people, roles_.People(c, [&] {
      std::vector<int64_t> ids;
      for (const auto& r : reactions) ids.push_back(r.user_id);
      return ids;
    }()));
    for (auto& r : reactions) {
      if (auto it = people.find(r.user_id); it != people.end()) r.author_name = it->second.display_name;
    }
    t.reactions = std::move(reactions);
    return Ok();
  }));
  t.may_react = user && MayReact(*user, platforms::PlatformScope(p.id), member) && IsRoundOpen(t.round, Now());
  return t;
}

Result<std::vector<InputRound>> AdviceCommands::RoundsOf(int64_t platform_id, const HistoryOf& about) const {
  return db_.Read([&](db::Connection& c) { return InputStore::Rounds(c, platform_id, about); });
}

Result<bool> AdviceCommands::MaySee(db::Connection& c, const std::optional<auth::User>& user,
                                    const platforms::Platform& p, const InputRound& round, bool member) const {
  bool about_public = false;
  if (round.request_id) {
    WP_ASSIGN_OR_RETURN(auto r, AdviceStore::FindRequest(c, *round.request_id));
    about_public = r && IsPublished(r->status) && !r->confidential;
  } else {
    WP_ASSIGN_OR_RETURN(auto a, AdviceStore::FindAdvice(c, round.advice_id.value_or(0)));
    about_public = a && a->status != AdviceStatus::kDraft && !a->confidential;
  }
  return MaySeeRound(user ? &*user : nullptr, platforms::PlatformScope(p.id), member, about_public);
}

Result<std::vector<InputRound>> AdviceCommands::OpenRoundsOf(const std::optional<auth::User>& viewer,
                                                             const platforms::Platform& p) const {
  bool member = false;  // the directory runs its own transaction: asked first
  if (viewer) {
    WP_ASSIGN_OR_RETURN(member, directory_.IsMember(p.id, viewer->id));
  }
  return db_.Read([&](db::Connection& c) -> Result<std::vector<InputRound>> {
    WP_ASSIGN_OR_RETURN(auto rounds, InputStore::OpenRounds(c, p.id, Now()));
    std::vector<InputRound> out;
    for (auto& r : rounds) {
      WP_ASSIGN_OR_RETURN(bool may_see, MaySee(c, viewer, p, r, member));
      if (may_see) out.push_back(std::move(r));
    }
    return out;
  });
}

Result<void> AdviceCommands::AddDrafter(const auth::User& user, const platforms::Platform& p, int64_t advice_id,
                                        const std::string& email) {
  if (!IsKernteam(user, p)) return Forbidden("not the kernteam", "advice.error.not_kernteam");
  WP_ASSIGN_OR_RETURN(auto person, db_.Read([&](db::Connection& c) { return roles_.FindByEmail(c, email); }));
  bool member = false;
  if (person) {
    WP_ASSIGN_OR_RETURN(member, directory_.IsMember(p.id, person->id));
  }
  int64_t now = clock_.NowUnixSeconds();
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto a, AdviceStore::FindAdvice(c, advice_id));
    if (!a || a->platform_id != p.id) return NotFound("advice", "advice.advice.not_found");
    if (a->status != AdviceStatus::kDraft) return Conflict("advice submitted", "advice.error.not_draft");
    if (!person || !member) return FormInvalid({{"email", "advice.error.not_a_member"}});
    WP_ASSIGN_OR_RETURN(bool added, InputStore::AddDrafter(c, advice_id, person->id, now));
    if (!added) return Ok();
    return AdviceStore::AppendHistory(c, {std::nullopt, advice_id},
                                      {now, user.id, "", "", "drafter_added", person->display_name});
  });
}

Result<std::vector<std::string>> AdviceCommands::DrafterNames(int64_t advice_id) const {
  return db_.Read([&](db::Connection& c) -> Result<std::vector<std::string>> {
    WP_ASSIGN_OR_RETURN(auto ids, InputStore::Drafters(c, advice_id));
    WP_ASSIGN_OR_RETURN(auto people, roles_.People(c, ids));
    std::vector<std::string> names;
    for (int64_t id : ids) {
      if (auto it = people.find(id); it != people.end()) names.push_back(it->second.display_name);
    }
    return names;
  });
}

Result<void> AdviceCommands::MailContributors(db::Connection& c, const Advice& a, std::set<std::string>& sent) {
  WP_ASSIGN_OR_RETURN(auto ids, InputStore::Reactors(c, a));
  WP_ASSIGN_OR_RETURN(auto drafters, InputStore::Drafters(c, a.id));
  ids.insert(ids.end(), drafters.begin(), drafters.end());
  WP_ASSIGN_OR_RETURN(auto people, roles_.People(c, ids));
  for (const auto& [id, person] : people) {
    if (!sent.insert(ToLower(person.email)).second) continue;
    i18n::Args args = {{"title", a.title}, {"url", AdviceUrl(a.id)}, {"name", person.display_name}};
    WP_TRY_VOID(Mail(c, person.email, person.locale, "advice.mail.contributor_subject",
                     "advice.mail.contributor_body", args));
  }
  return Ok();
}

}  // namespace wp::advice
