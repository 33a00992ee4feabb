#include "features/opinion/pages.h"

#include "core/http/error_response.h"
#include "core/web/components.h"
#include "core/web/forms.h"
#include "core/strings.h"
#include "core/web/session_cookie.h"
#include "features/opinion/map_svg.h"
#include "features/opinion/permissions.h"

namespace wp::opinion {
namespace {

using nlohmann::json;
using web::Context;

constexpr int64_t kCookieSeconds = 365 * 24 * 3600;

std::string PathOf(int64_t id) { return "/meningen/" + std::to_string(id); }

web::Tone ToneOf(ConversationStatus s) {
  return s == ConversationStatus::kOpen ? web::Tone::kSuccess
                                        : (s == ConversationStatus::kClosed ? web::Tone::kNeutral : web::Tone::kInfo);
}

json Badge(const Context& ctx, ConversationStatus s) {
  return web::StatusBadge(ctx.T("opinion.status." + std::string(StatusName(s))), ToneOf(s));
}

std::string VoteText(const Context& ctx, int vote) {
  return ctx.T(vote > 0 ? "opinion.vote.agree" : vote < 0 ? "opinion.vote.disagree" : "opinion.vote.pass");
}

// The three answer buttons for statement `id`.
json Answers(const Context& ctx, int64_t id, std::optional<int> current) {
  json out = json::array();
  for (const char* v : {"agree", "disagree", "pass"}) {
    int value = std::string(v) == "agree" ? 1 : std::string(v) == "disagree" ? -1 : 0;
    out.push_back({{"value", v}, {"label", ctx.T(std::string("opinion.vote.") + v)},
                   {"current", current && *current == value}, {"statement", id}});
  }
  return out;
}

json Head(const Context& ctx, const Conversation& c) {
  return {{"id", c.id}, {"title", c.title}, {"question", c.question}, {"area", c.area_name},
          {"status", Badge(ctx, c.status)}, {"path", PathOf(c.id)}, {"open", c.status == ConversationStatus::kOpen},
          {"closed", c.status == ConversationStatus::kClosed}};
}

std::string VoteShares(const Context& ctx, const OpinionMap& map, int j, Direction d) {
  std::string out;
  const auto& groups = map.statements.statement[j].group;
  for (size_t g = 0; g < groups.size(); ++g) {
    const VoteCounts& n = groups[g].counts;
    int64_t share = n.seen() ? (100 * (d == Direction::kAgree ? n.agree : n.disagree) + n.seen() / 2) / n.seen() : 0;
    out += (g ? ", " : "") + ctx.T("opinion.map.share", {{"group", GroupLabel(static_cast<int>(g))}, {"share", share}});
  }
  return out;
}

json Ranked(const Context& ctx, const MapView& v, const std::vector<RankedStatement>& list) {
  json out = json::array();
  const VoteMatrix& m = v.published->matrix;
  for (const RankedStatement& r : list) {
    const std::string& id = m.statements[r.statement];
    out.push_back({{"text", v.text.count(id) ? v.text.at(id) : id},
                   {"direction", ctx.T(r.direction == Direction::kAgree ? "opinion.map.agree" : "opinion.map.disagree")},
                   {"shares", VoteShares(ctx, v.published->map, r.statement, r.direction)}});
  }
  return out;
}

// "Where you stand" in words.
std::string StandingText(const Context& ctx, const MapView& v, std::optional<int64_t> participant) {
  const OpinionMap& map = v.published->map;
  int index = -1, votes = 0;
  if (participant && v.data.number.count(*participant)) {
    const std::string& id = v.data.number.at(*participant);
    const auto& ids = v.published->matrix.participants;
    for (size_t p = 0; p < ids.size(); ++p) {
      if (ids[p] == id) index = static_cast<int>(p);
    }
  }
  if (index >= 0) votes = v.published->matrix.VotesOf(index);
  Standing s = StandingOf(votes, map.groups.vote_threshold, index >= 0 ? map.groups.group[index] : -1,
                          index >= 0 ? map.groups.nearest_group[index] : -1, map.groups.k());
  switch (s.kind) {
    case Standing::Kind::kInGroup:
      return ctx.T("opinion.stand.in_group", {{"group", GroupLabel(s.group)}});
    case Standing::Kind::kTooFewVotes:
      return ctx.T("opinion.stand.more_votes", {{"count", int64_t{s.votes_needed}}});
    default:
      return ctx.T("opinion.stand.no_votes");
  }
}

int ViewerIndex(const MapView& v, std::optional<int64_t> participant) {
  if (!participant || !v.data.number.count(*participant)) return -1;
  const auto& ids = v.published->matrix.participants;
  for (size_t p = 0; p < ids.size(); ++p) {
    if (ids[p] == v.data.number.at(*participant)) return static_cast<int>(p);
  }
  return -1;
}

json MapData(const Context& ctx, const MapView& v, std::optional<int64_t> participant) {
  const OpinionMap& map = v.published->map;
  std::vector<std::vector<web::Cell>> rows;
  std::string description;
  for (int g = 0; g < map.groups.k(); ++g) {
    std::string size = ctx.T("opinion.map.people", {{"count", int64_t{map.groups.size[g]}}});
    rows.push_back({{GroupLabel(g)}, {ctx.T(std::string("opinion.shape.") + GroupShape(g))}, {size, "", true}});
    description += (g ? "; " : "") + ctx.T("opinion.map.group", {{"group", GroupLabel(g)}}) + ": " + size;
  }
  MapSvgText text{ctx.T("opinion.map.svg_title", {{"count", int64_t{map.groups.k()}}}), description,
                  ctx.T("opinion.map.you")};
  json reps = json::array();
  for (int g = 0; g < map.groups.k(); ++g) {
    json statements = Ranked(ctx, v, map.statements.representative[g]);
    reps.push_back({{"group", ctx.T("opinion.map.group", {{"group", GroupLabel(g)}})},
                    {"has_statements", !statements.empty()},
                    {"statements", statements}});
  }
  return {{"map_svg_html", MapSvg(map, ViewerIndex(v, participant), text)},
          {"groups", web::Table(ctx.T("opinion.map.groups_caption"),
                                {ctx.T("opinion.map.group_heading"), ctx.T("opinion.map.shape_heading"),
                                 ctx.T("opinion.map.size_heading")},
                                rows)},
          {"consensus", Ranked(ctx, v, map.statements.consensus)},
          {"has_consensus", !map.statements.consensus.empty()},
          {"representative", reps},
          {"standing", StandingText(ctx, v, participant)},
          {"method", ctx.T("opinion.map.method", {{"count", int64_t{map.groups.vote_threshold}}})}};
}

}  // namespace

Visitor PublicPages::VisitorOf(const Context& ctx) const {
  std::string token = ctx.request->Cookie(web::CookieName("wp_opinion", web_.options().secure_cookies)).value_or("");
  return {OpinionCommands::PlausibleToken(token) ? token : "", ctx.user ? &*ctx.user : nullptr};
}

void PublicPages::KeepToken(const Context& ctx, const std::string& token, http::Response& resp) const {
  if (VisitorOf(ctx).token == token) return;
  http::CookieOptions options{.path = "/", .max_age_seconds = kCookieSeconds, .http_only = true,
                              .secure = web_.options().secure_cookies, .same_site = "Lax"};
  resp.headers.Add("Set-Cookie",
                   http::SetCookieValue(web::CookieName("wp_opinion", web_.options().secure_cookies), token, options));
}

Result<http::Response> PublicPages::List(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto all, commands_.List(ctx.user ? &*ctx.user : nullptr));
  json items = json::array();
  for (const auto& c : all) {
    items.push_back(web::Card({.title = c.title, .href = PathOf(c.id), .text = c.question, .meta = c.area_name,
                               .badge = Badge(ctx, c.status), .heading_level = 2}));
  }
  json data = {{"items", items}};
  if (items.empty()) data["none"] = web::EmptyState(ctx.T("opinion.list.none"));
  if (ctx.user && IsOrganiser(*ctx.user)) {
    data["organise"] = web::ActionLink(ctx.T("opinion.organise.title"), "/beheer/meningen");
  }
  return web_.Render(ctx, "opinion/list.html", "opinion.list.title", data);
}

Result<http::Response> PublicPages::Show(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(Conversation c, commands_.Find(id, ctx.user ? &*ctx.user : nullptr));
  return ShowPage(ctx, c, "", nullptr);
}

Result<http::Response> PublicPages::ShowPage(Context& ctx, const Conversation& c, const std::string& typed,
                                             const Error* error) {
  WP_ASSIGN_OR_RETURN(auto statements, commands_.Statements(c.id, StatementState::kAccepted));
  WP_ASSIGN_OR_RETURN(auto mine, commands_.VotesOf(c.id, VisitorOf(ctx)));
  json data = Head(ctx, c);
  json voted = json::array();
  for (const auto& s : statements) {
    auto it = mine.find(s.id);
    if (it == mine.end()) {
      if (data.contains("next")) continue;
      data["next"] = {{"id", s.id}, {"text", s.text}, {"answers", Answers(ctx, s.id, std::nullopt)}};
      continue;
    }
    voted.push_back({{"text", s.text}, {"vote", VoteText(ctx, it->second)}, {"statement", s.id},
                     {"answers", Answers(ctx, s.id, it->second)}});
  }
  data["has_voted"] = !voted.empty();
  data["voted"] = voted;
  data["progress"] = ctx.T("opinion.show.progress", {{"count", static_cast<int64_t>(mine.size())},
                                                      {"total", static_cast<int64_t>(statements.size())}});
  web::FormView form(ctx, error ? error->fields : std::vector<FieldError>{});
  form.Field({.name = "text", .label_key = "opinion.field.text", .value = typed,
              .description_key = "opinion.field.text_hint"});
  form.AppendTo(data);
  data["breadcrumb"] = web::Breadcrumb({{ctx.T("opinion.list.title"), "/meningen"}, {c.title, PathOf(c.id)}});
  return web_.Render(ctx, "opinion/conversation.html", "opinion.list.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> PublicPages::Vote(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  auto statement = ParseId(ctx.form.Get("statement"));
  if (!statement) return NotFound("statement", "opinion.error.statement_not_found");
  Visitor v = VisitorOf(ctx);
  if (v.token.empty()) v.token = random_.Token(32);
  WP_TRY_VOID(commands_.Vote(id, v, *statement, ctx.form.Get("vote")));
  http::Response resp = web_.Redirect(ctx, PathOf(id), web::Flash{"success", "opinion.show.voted"});
  KeepToken(ctx, v.token, resp);
  return resp;
}

Result<http::Response> PublicPages::Submit(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(Conversation c, commands_.Find(id, ctx.user ? &*ctx.user : nullptr));
  Visitor v = VisitorOf(ctx);
  if (v.token.empty()) v.token = random_.Token(32);
  const std::string text = ctx.form.Get("text");
  auto r = commands_.Submit(id, v, text);
  if (!r.has_value()) {
    if (r.error().has_fields()) return ShowPage(ctx, c, text, &r.error());
    return r.error();
  }
  http::Response resp = web_.Redirect(ctx, PathOf(id), web::Flash{"success", "opinion.show.submitted"});
  KeepToken(ctx, v.token, resp);
  return resp;
}

Result<http::Response> PublicPages::Map(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(Conversation c, commands_.Find(id, ctx.user ? &*ctx.user : nullptr));
  WP_ASSIGN_OR_RETURN(auto view, commands_.Map(id));
  json data = Head(ctx, c);
  int participants = view->published ? view->published->matrix.Participants() : 0;
  if (participants < commands_.settings().min_participants || view->published->map.groups.k() == 0) {
    data["too_few"] = ctx.T("opinion.map.too_few", {{"count", int64_t{participants}},
                                                    {"needed", int64_t{commands_.settings().min_participants}}});
  } else {
    WP_ASSIGN_OR_RETURN(auto participant, commands_.ParticipantOf(id, VisitorOf(ctx)));
    data["map"] = MapData(ctx, *view, participant);
    data["map"]["summary"] = ctx.T("opinion.map.summary", {{"count", int64_t{participants}}});
  }
  data["breadcrumb"] = web::Breadcrumb({{ctx.T("opinion.list.title"), "/meningen"}, {c.title, PathOf(id)},
                                        {ctx.T("opinion.map.title"), PathOf(id) + "/kaart"}});
  return web_.Render(ctx, "opinion/map.html", "opinion.map.title", data);
}

Result<http::Response> PublicPages::Data(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(Conversation c, commands_.Find(id, ctx.user ? &*ctx.user : nullptr));
  WP_ASSIGN_OR_RETURN(auto view, commands_.Map(id));
  json data = Head(ctx, c);
  data["seed"] = std::to_string(view->seed);
  data["command"] = ctx.T("opinion.data.command", {{"seed", std::to_string(view->seed)}});
  data["breadcrumb"] = web::Breadcrumb({{ctx.T("opinion.list.title"), "/meningen"}, {c.title, PathOf(id)},
                                        {ctx.T("opinion.data.title"), PathOf(id) + "/gegevens"}});
  return web_.Render(ctx, "opinion/data.html", "opinion.data.title", data);
}

Result<http::Response> PublicPages::Csv(Context& ctx, bool votes) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(Conversation c, commands_.Find(id, ctx.user ? &*ctx.user : nullptr));
  WP_ASSIGN_OR_RETURN(auto view, commands_.Map(c.id));
  http::Response resp;
  resp.body = votes ? view->data.votes_csv : view->data.statements_csv;
  resp.headers.Set("Content-Type", "text/csv; charset=utf-8");
  resp.headers.Set("Content-Disposition", std::string("attachment; filename=\"") +
                                              (votes ? "stemmen" : "stellingen") + "-" + std::to_string(id) + ".csv\"");
  return resp;
}

Result<http::Response> PublicPages::Votes(Context& ctx) { return Csv(ctx, true); }
Result<http::Response> PublicPages::Texts(Context& ctx) { return Csv(ctx, false); }

}  // namespace wp::opinion
