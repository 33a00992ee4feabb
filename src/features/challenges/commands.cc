#include "features/challenges/commands.h"

#include <set>

#include "core/i18n/locale_rules.h"
#include "core/mail/outbox.h"
#include "core/strings.h"
#include "features/challenges/agreement_pdf.h"

namespace wp::challenges {

namespace {

Error ChallengeNotFound() { return NotFound("challenge", "challenges.challenge.not_found"); }

}  // namespace

ChallengeCommands::ChallengeCommands(db::Database& db, const Clock& clock, const i18n::Catalog& catalog,
                                     const accounts::Roles& roles, const geography::GeographyService& geography,
                                     const time::TimeZone& zone, ChallengeSettings settings)
    : db_(db),
      clock_(clock),
      catalog_(catalog),
      roles_(roles),
      geography_(geography),
      zone_(zone),
      settings_(std::move(settings)) {}

std::vector<std::pair<std::string, std::string>> ChallengeCommands::Boroughs() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& b : geography_.current()->boroughs) out.push_back({b.slug, b.name});
  return out;
}

std::string ChallengeCommands::BoroughName(const std::string& slug) const {
  for (const auto& [s, name] : Boroughs()) {
    if (s == slug) return name;
  }
  return slug;
}

template <typename T>
Result<std::vector<T>> ChallengeCommands::Named(db::Connection& c, std::vector<T> list) const {
  std::vector<int64_t> ids;
  for (const auto& x : list) ids.push_back(x.actor_id);
  WP_ASSIGN_OR_RETURN(auto people, roles_.People(c, ids));
  for (auto& x : list) {
    auto it = people.find(x.actor_id);
    if (it != people.end()) x.actor_name = it->second.display_name;
  }
  return list;
}

Result<void> ChallengeCommands::MailAll(db::Connection& c, const Challenge& ch, const std::string& subject_key,
                                        const std::string& body_key, const i18n::Args& args, bool liaisons) {
  std::vector<std::pair<std::string, std::string>> to = {{ch.contact_email, "nl"}};
  if (liaisons) {
    WP_ASSIGN_OR_RETURN(auto holders, roles_.Holders(c, auth::Role::kAreaLiaison, ch.borough));
    for (const auto& p : holders) to.push_back({p.email, p.locale});
  }
  std::set<std::string> sent;
  for (const auto& [address, locale] : to) {
    if (!sent.insert(ToLower(address)).second) continue;
    mail::OutgoingMail m;
    m.to = address;
    m.subject = settings_.site_name + ": " + catalog_.Format(locale, subject_key, args);
    m.body_text = catalog_.Format(locale, body_key, args) + "\n";
    WP_TRY_VOID(mail::Enqueue(c, m, Now()));
  }
  return Ok();
}

Result<Challenge> ChallengeCommands::Load(db::Connection& c, const auth::User& user, int64_t id, Action action) const {
  WP_ASSIGN_OR_RETURN(auto found, ChallengeStore::Find(c, id));
  if (!found) return ChallengeNotFound();
  if (!Can(user, action, *found)) return Forbidden("may not", "challenges.error.forbidden");
  return std::move(*found);
}

Result<int64_t> ChallengeCommands::Submit(const auth::User& user, const ChallengeForm& form) {
  std::vector<std::string> slugs;
  for (const auto& [slug, name] : Boroughs()) slugs.push_back(slug);
  CheckedChallenge checked = CheckChallengeForm(form, slugs);
  if (!checked.errors.empty()) return FormInvalid(std::move(checked.errors));
  Challenge ch = std::move(checked.challenge);
  ch.contact_user_id = user.id;
  ch.stage = Stage::kGate;
  ch.created_at = Now();
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(int64_t id, ChallengeStore::Insert(c, ch));
    WP_TRY_VOID(MailAll(c, ch, "challenges.mail.submitted_subject", "challenges.mail.submitted_body",
                        {{"task", ch.task}, {"group", ch.group_name}, {"url", ChallengeUrl(id)}}));
    return id;
  });
}

Result<void> ChallengeCommands::RecordCheck(const auth::User& user, int64_t id, const std::string& criterion,
                                            const std::string& met, const std::string& reason) {
  std::vector<FieldError> errors;
  auto crit = ParseCriterion(criterion);
  if (!crit) errors.push_back({"criterion", kBadCriterion});
  if (met != "yes" && met != "no") errors.push_back({"met", kBadChoice});
  std::string why = CheckText(reason, "reason", kMaxTextBytes, errors);
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Challenge ch, Load(c, user, id, Action::kCheck));
    if (ch.stage != Stage::kGate) return Conflict("not at the gate", "challenges.error.not_at_gate");
    if (!errors.empty()) return FormInvalid(std::move(errors));
    GateCheck g{*crit, met == "yes", why, user.id, "", Now()};
    WP_TRY_VOID(ChallengeStore::InsertCheck(c, id, g));
    std::string verdict = catalog_.Format("nl", met == "yes" ? "challenges.check.met" : "challenges.check.not_met");
    return MailAll(c, ch, "challenges.mail.check_subject", "challenges.mail.check_body",
                   {{"task", ch.task},
                    {"criterion", catalog_.Format("nl", "challenges.criterion." + criterion)},
                    {"verdict", verdict},
                    {"reason", why},
                    {"url", ChallengeUrl(id)}});
  });
}

Result<void> ChallengeCommands::SaveBusinessCase(const auth::User& user, int64_t id, const BusinessCaseForm& form) {
  CheckedBusinessCase checked = CheckBusinessCaseForm(form);
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Challenge ch, Load(c, user, id, Action::kWriteBusinessCase));
    if (!AcceptsBusinessCase(ch.stage)) return Conflict("not now", "challenges.error.no_business_case_now");
    if (!checked.errors.empty()) return FormInvalid(std::move(checked.errors));
    return ChallengeStore::SaveBusinessCase(c, id, checked.business_case, Now());
  });
}

Result<void> ChallengeCommands::Decide(const auth::User& user, int64_t id, const std::string& moment,
                                       const std::string& decision, const std::string& reasons) {
  std::vector<FieldError> errors;
  if (decision != "go" && decision != "no_go") errors.push_back({"decision", kBadChoice});
  std::string why = CheckText(reasons, "reasons", kMaxTextBytes, errors);
  auto at = ParseMoment(moment);
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Challenge ch, Load(c, user, id, Action::kDecide));
    if (!at) return Conflict("bad moment", std::string(DecisionProblemKey(DecisionProblem::kWrongMoment)));
    if (!errors.empty()) return FormInvalid(std::move(errors));
    bool go = decision == "go";
    WP_ASSIGN_OR_RETURN(auto checks, ChallengeStore::Checks(c, id));
    WP_ASSIGN_OR_RETURN(auto business_case, ChallengeStore::FindBusinessCase(c, id));
    if (auto problem = CheckDecision(ch, *at, go, checks, business_case, settings_.legal_entity_threshold_cents)) {
      return Conflict("decision not allowed", std::string(DecisionProblemKey(*problem)));
    }
    WP_TRY_VOID(ChallengeStore::InsertDecision(c, id, {*at, go, why, user.id, "", Now()}));
    WP_TRY_VOID(ChallengeStore::SetStage(c, id, StageAfter(*at, go)));
    return MailAll(c, ch, "challenges.mail.decision_subject", "challenges.mail.decision_body",
                   {{"task", ch.task},
                    {"moment", catalog_.Format("nl", "challenges.moment." + moment)},
                    {"decision", catalog_.Format("nl", "challenges.decision." + decision)},
                    {"reasons", why},
                    {"url", ChallengeUrl(id)}});
  });
}

Result<void> ChallengeCommands::AddReport(const auth::User& user, int64_t id, const std::string& period,
                                          const std::string& text, const std::string& spent) {
  std::vector<FieldError> errors;
  Report r;
  r.period = CheckText(period, "period", kMaxShortBytes, errors);
  r.text = CheckText(text, "text", kMaxTextBytes, errors);
  auto money = ParseMoney(Trim(spent));
  if (!money || money->cents < 0) {
    errors.push_back({"spent", kBadAmount});
  } else {
    r.spent_cents = money->cents;
  }
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Challenge ch, Load(c, user, id, Action::kReport));
    if (!AcceptsReports(ch.stage)) return Conflict("not running", "challenges.error.not_running");
    if (!errors.empty()) return FormInvalid(std::move(errors));
    r.actor_id = user.id;
    r.at = Now();
    return ChallengeStore::InsertReport(c, id, r);
  });
}

Result<ChallengeView> ChallengeCommands::View(int64_t id) const {
  return db_.Read([&](db::Connection& c) -> Result<ChallengeView> {
    WP_ASSIGN_OR_RETURN(auto found, ChallengeStore::Find(c, id));
    if (!found) return ChallengeNotFound();
    ChallengeView v;
    v.challenge = std::move(*found);
    WP_ASSIGN_OR_RETURN(auto checks, ChallengeStore::Checks(c, id));
    WP_ASSIGN_OR_RETURN(v.checks, Named(c, std::move(checks)));
    WP_ASSIGN_OR_RETURN(v.business_case, ChallengeStore::FindBusinessCase(c, id));
    WP_ASSIGN_OR_RETURN(auto decisions, ChallengeStore::Decisions(c, id));
    WP_ASSIGN_OR_RETURN(v.decisions, Named(c, std::move(decisions)));
    WP_ASSIGN_OR_RETURN(auto reports, ChallengeStore::Reports(c, id));
    WP_ASSIGN_OR_RETURN(v.reports, Named(c, std::move(reports)));
    return v;
  });
}

Result<std::vector<Challenge>> ChallengeCommands::All() const {
  return db_.Read([&](db::Connection& c) { return ChallengeStore::All(c); });
}

Result<std::string> ChallengeCommands::AgreementPdf(int64_t id, const std::string& locale) const {
  WP_ASSIGN_OR_RETURN(ChallengeView v, View(id));
  if ((v.challenge.stage != Stage::kAgreement && v.challenge.stage != Stage::kRunning) || !v.business_case) {
    return Conflict("no agreement yet", "challenges.error.no_agreement");
  }
  AgreementTerms terms{settings_.municipality, v.challenge, BoroughName(v.challenge.borough),
                       *v.business_case,       v.decisions, zone_};
  return DrawAgreementPdf(catalog_, locale, terms);
}

}  // namespace wp::challenges
