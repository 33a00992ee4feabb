#include "features/codes/letter_pages.h"

#include "core/web/components.h"
#include "features/codes/links.h"

namespace wp::codes {

namespace {

using nlohmann::json;
using web::Context;

std::string LetterPath(const budgets::Edition& e, int64_t number) {
  return CodesPath(e) + "/brief/" + std::to_string(number);
}

std::string AddressOf(const Context& ctx, const LetterMatch& l) {
  return l.address.empty() ? ctx.T("codes.letters.address_erased") : l.address;
}

// While voting is open the managers never see whether a letter's code was
// used (issue #11 item 4): an unused and a used code both read "issued".
CodeState Shown(CodeState s, bool voting_open) {
  return voting_open && (s == CodeState::kUsedOnline || s == CodeState::kUsedOnPaper) ? CodeState::kUnused : s;
}

std::string StateLabel(const Context& ctx, CodeState s, bool voting_open) {
  if (voting_open && s != CodeState::kRevoked) return ctx.T("codes.state.issued");
  return ctx.T("codes.state." + std::string(StoredStateName(s)));
}

web::Tone ToneOf(CodeState s) {
  switch (s) {
    case CodeState::kUnused:
      return web::Tone::kInfo;
    case CodeState::kUsedOnline:
    case CodeState::kUsedOnPaper:
      return web::Tone::kSuccess;
    case CodeState::kRevoked:
    case CodeState::kMalformed:
    case CodeState::kUnknown:
      break;
  }
  return web::Tone::kNeutral;
}

json LettersTable(const Context& ctx, const budgets::Edition& e, const std::vector<LetterMatch>& letters,
                  bool voting_open) {
  std::vector<std::vector<web::Cell>> rows;
  for (const auto& l : letters) {
    rows.push_back({{std::to_string(l.letter_number), LetterPath(e, l.letter_number)},
                    {AddressOf(ctx, l)},
                    {StateLabel(ctx, l.state, voting_open)}});
  }
  return web::Table(ctx.T("codes.letters.caption"),
                    {ctx.T("codes.letters.number"), ctx.T("codes.letters.address"), ctx.T("codes.letters.state")},
                    rows);
}

}  // namespace

Result<http::Response> LetterPages::Find(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.ManagedEdition(ctx.Param("slug"), *ctx.user));
  const std::string q = ctx.Query("q").value_or("");
  WP_ASSIGN_OR_RETURN(auto found, commands_.FindLetters(e, q));
  const std::string title = ctx.T("codes.letters.title");
  json data = {{"title", title},
               {"breadcrumb", CodesTrail(ctx, e, {{title, CodesPath(e) + "/brief"}})},
               {"edition_title", e.title},
               {"base", CodesPath(e)},
               {"q", q},
               {"searched", !q.empty()},
               {"letters", found.empty() ? json(nullptr) : LettersTable(ctx, e, found, commands_.VotingOpen(e))},
               {"none", web::EmptyState(ctx.T("codes.letters.none"))}};
  return web_.Render(ctx, "codes/letters.html", "codes.letters.title", data);
}

Result<http::Response> LetterPages::Show(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.ManagedEdition(ctx.Param("slug"), *ctx.user));
  WP_ASSIGN_OR_RETURN(int64_t number, ctx.IdParam("number"));
  WP_ASSIGN_OR_RETURN(LetterMatch letter, commands_.Letter(e, number));
  const bool voting_open = commands_.VotingOpen(e);
  const CodeState state = Shown(letter.state, voting_open);
  const std::string title = ctx.T("codes.letter_page.title", {{"number", std::to_string(number)}});
  json data = {
      {"title", title},
      {"breadcrumb",
       CodesTrail(ctx, e, {{ctx.T("codes.letters.title"), CodesPath(e) + "/brief"}, {title, LetterPath(e, number)}})},
      {"facts", web::SummaryList({{ctx.T("codes.letters.number"), std::to_string(number)},
                                  {ctx.T("codes.letters.address"), AddressOf(ctx, letter)}})},
      {"state", web::StatusBadge(StateLabel(ctx, letter.state, voting_open), ToneOf(state))},
      {"reissue", state == CodeState::kUnused
                      ? web::ActionButton(ctx.T(voting_open ? "codes.letters.reissue_ask" : "codes.letters.reissue"),
                                          LetterPath(e, number) + "/opnieuw", ctx.csrf_token, web::ActionKind::kPrimary)
                      : json(nullptr)},
      {"why_not", state == CodeState::kRevoked  ? ctx.T("codes.reissue.revoked")
                  : state == CodeState::kUnused ? ""
                                                : ctx.T("codes.reissue.used")}};
  return web_.Render(ctx, "codes/letter.html", "codes.letters.title", data);
}

Result<http::Response> LetterPages::Reissue(Context& ctx) {
  WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.ManagedEdition(ctx.Param("slug"), *ctx.user));
  WP_ASSIGN_OR_RETURN(int64_t number, ctx.IdParam("number"));
  if (commands_.VotingOpen(e)) {
    WP_TRY_VOID(commands_.AskReissue(*ctx.user, e, number));
    return web_.Redirect(ctx, CodesPath(e), web::Flash{"info", "codes.four_eyes.asked"});
  }
  WP_ASSIGN_OR_RETURN(ReissueResult r, commands_.Reissue(*ctx.user, e, number));
  return web_.Redirect(ctx, CodesPath(e) + "/runs/" + std::to_string(r.run_id),
                       web::Flash{"success", "codes.reissue.done"});
}

}  // namespace wp::codes
