#include "features/livepolls/join_pages.h"

#include "core/auth/tokens.h"
#include "core/http/error_response.h"
#include "core/strings.h"
#include "core/web/forms.h"

namespace wp::livepolls {

namespace {

using nlohmann::json;
using web::Context;

std::string TokenOf(const Context& ctx) { return ctx.request->Cookie(kParticipantCookie).value_or(""); }

// The choices of a question as radio buttons or checkboxes, the scale as
// radio buttons 1..max; `own` is the stored answer ("0,2").
json ChoicesJson(const Question& q, const std::string& own) {
  json out = json::array();
  std::vector<std::string> labels = q.options;
  int first = 0;
  if (q.kind == QuestionKind::kScale) {
    labels.clear();
    for (int i = 1; i <= q.scale_max; ++i) labels.push_back(std::to_string(i));
    first = 1;
  }
  std::string padded = "," + own + ",";
  for (size_t i = 0; i < labels.size(); ++i) {
    std::string value = std::to_string(static_cast<int>(i) + first);
    out.push_back({{"value", value},
                   {"label", labels[i]},
                   {"checked", padded.find("," + value + ",") != std::string::npos}});
  }
  return out;
}

}  // namespace

Result<http::Response> JoinPages::ShowForm(Context& ctx, const std::string& code, const Error* error) {
  std::vector<FieldError> errors = error ? error->fields : std::vector<FieldError>{};
  web::FormView form(ctx, errors);
  form.Field({.name = "code", .label_key = "livepolls.join.code", .value = code, .autocomplete = "off",
              .description_key = "livepolls.join.code_hint"});
  json data = json::object();
  form.AppendTo(data);
  return web_.Render(ctx, "livepolls/join.html", "livepolls.join.title", data,
                     error ? http::StatusForError(*error) : 200);
}

Result<http::Response> JoinPages::Form(Context& ctx) { return ShowForm(ctx, ctx.Query("code").value_or(""), nullptr); }

Result<http::Response> JoinPages::Join(Context& ctx) {
  std::string typed = ctx.form.Get("code");
  auto poll = commands_.Join(typed, ctx.request->remote_addr);
  if (!poll.has_value()) {
    if (poll.error().has_fields()) return ShowForm(ctx, typed, &poll.error());
    return poll.error();
  }
  return web_.Redirect(ctx, "/doe-mee/" + poll->join_code);
}

Result<http::Response> JoinPages::ShowPoll(Context& ctx, const std::string& code, const Error* error,
                                           const std::vector<std::string>& typed) {
  WP_ASSIGN_OR_RETURN(auto p, commands_.Participate(code, TokenOf(ctx)));
  json data = {{"title_text", p.poll.title},
               {"meeting", p.poll.meeting},
               {"action", "/doe-mee/" + p.poll.join_code},
               {"draft", p.poll.status == PollStatus::kDraft},
               {"closed", p.poll.status == PollStatus::kClosed},
               {"results_path", "/peiling/" + std::to_string(p.poll.id) + "/uitslag"},
               {"has_question", p.question.has_value()},
               {"waiting", p.poll.status == PollStatus::kRunning && !p.question}};
  if (error) {
    data["error"] = ctx.T(error->user_message_key.empty() ? "livepolls.answer.bad_choice" : error->user_message_key);
  }
  if (p.question) {
    const Question& q = *p.question;
    std::string own = typed.empty() ? p.own_answer : (typed.size() == 1 ? typed[0] : "");
    data["question"] = {{"id", q.id},
                        {"text", q.text},
                        {"open", q.kind == QuestionKind::kOpen},
                        {"multiple", q.kind == QuestionKind::kMultiple},
                        {"choices", ChoicesJson(q, own)},
                        {"answer_text", q.kind == QuestionKind::kOpen ? own : ""},
                        {"answered", !p.own_answer.empty()},
                        {"max", kMaxOpenAnswerChars}};
  }
  int status = error ? http::StatusForError(*error) : 200;
  http::Response r = web_.Render(ctx, "livepolls/participate.html", "livepolls.participate.title", data, status);
  r.headers.Set("Cache-Control", "private,no-store");
  return r;
}

Result<http::Response> JoinPages::Participate(Context& ctx) {
  auto code = NormaliseJoinCode(ctx.Param("code"));
  if (!code) return NotFound("bad code in path", "livepolls.join.unknown_code");
  return ShowPoll(ctx, *code, nullptr, {});
}

Result<http::Response> JoinPages::Answer(Context& ctx) {
  auto code = NormaliseJoinCode(ctx.Param("code"));
  if (!code) return NotFound("bad code in path", "livepolls.join.unknown_code");
  std::string token = TokenOf(ctx);
  bool new_token = !auth::LooksLikeToken(token);
  if (new_token) token = commands_.NewParticipantToken();
  int64_t question = ParseId(ctx.form.Get("question")).value_or(0);
  std::vector<std::string> values = ctx.form.GetAll("answer");
  auto stored = commands_.Answer(*code, token, question, values);
  if (!stored.has_value()) {
    if (stored.error().code == ErrorCode::kNotFound) return stored.error();
    // The page again with the reason (a closed question, an empty answer); nothing stored.
    return ShowPoll(ctx, *code, &stored.error(), values);
  }
  http::Response r = web_.Redirect(ctx, "/doe-mee/" + *code, web::Flash{"success", "livepolls.answer.saved"});
  if (new_token) {
    http::CookieOptions options;
    options.secure = web_.options().secure_cookies;
    options.max_age_seconds = 86400;
    r.headers.Add("Set-Cookie", http::SetCookieValue(kParticipantCookie, token, options));
  }
  return r;
}

}  // namespace wp::livepolls
