#include "features/signals/open311_api.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "features/signals/open311.h"
#include "features/signals/signal_view.h"

namespace wp::signals {

namespace {

using open311::Record;

constexpr int64_t kMaxRangeSeconds = 90 * 86400;
constexpr int kMaxRequests = 1000;

// "services.json" -> {"services", "json"}; nullopt for another suffix.
std::optional<std::pair<std::string, bool>> SplitFormat(std::string_view file) {
  size_t dot = file.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string_view ext = file.substr(dot + 1);
  if (ext != "json" && ext != "xml") return std::nullopt;
  return std::make_pair(std::string(file.substr(0, dot)), ext == "json");
}

http::Response Body(std::string body, bool json, int status = 200) {
  http::Response r;
  r.status = status;
  r.headers.Set("Content-Type", json ? "application/json; charset=utf-8" : "text/xml; charset=utf-8");
  r.body = std::move(body);
  return r;
}

http::Response Failure(bool json, int status, std::string_view description) {
  return Body(json ? open311::ErrorsJson(status, description) : open311::ErrorsXml(status, description), json, status);
}

// A refused field in Open311 terms: "attribute[code]" for an answer, the
// English message with its arguments.
std::string FieldProblem(const i18n::Catalog& catalog, const FieldError& f) {
  i18n::Args args;
  for (const auto& [name, value] : f.args) {
    std::visit([&, &name = name](const auto& v) { args.emplace_back(name, i18n::Arg(v)); }, value);
  }
  std::string field = f.field.starts_with("q_") ? "attribute[" + f.field.substr(2) + "]" : f.field;
  return field + ": " + catalog.Format("en", f.message_key, args);
}

http::Response NotFoundText() {
  http::Response r = http::Response::Text("unknown format or resource\n", 404);
  return r;
}

std::string Param(const web::Context& ctx, std::string_view name) {
  if (ctx.request->method == http::Method::kPost) return ctx.form.Get(name);
  return ctx.Query(name).value_or("");
}

}  // namespace

namespace {

bool HasActiveQuestions(const Category& c, const std::vector<Question>& questions) {
  return std::any_of(questions.begin(), questions.end(),
                     [&](const Question& q) { return q.category_id == c.id && q.active; });
}

// An Open311 attribute (GeoReport v2 service definition) of a question.
Record AttributeRecord(const Question& q) {
  Record a;
  a.Add("variable", true);
  a.Add("code", q.code);
  a.Add("datatype", std::string(QuestionKindName(q.kind)));
  a.Add("required", q.required);
  a.Add("datatype_description", std::string());
  a.Add("order", static_cast<int64_t>(q.position + 1));
  a.Add("description", q.text);
  if (IsChoiceKind(q.kind)) {
    std::vector<Record> values;
    for (const auto& c : q.choices) {
      Record v;
      v.Add("key", c.key);
      v.Add("name", c.name);
      values.push_back(std::move(v));
    }
    a.Add("values", std::move(values));
  }
  return a;
}

// The attribute[code] and attribute[code][] fields of a POST (Open311 names
// list answers either way).
Answers PostedAnswers(const http::FormData& form) {
  Answers out;
  for (const auto& [name, value] : form.Fields()) {
    std::string_view n = name;
    if (!n.starts_with("attribute[")) continue;
    n.remove_prefix(10);
    if (n.ends_with("[]")) n.remove_suffix(2);
    if (!n.ends_with("]")) continue;
    n.remove_suffix(1);
    out[std::string(n)].push_back(value);
  }
  return out;
}

Record ServiceRecord(const Category& c, const std::vector<Category>& all, const std::vector<Question>& questions) {
  Record r;
  r.Add("service_code", c.slug);
  r.Add("service_name", c.name);
  r.Add("description", c.description);
  r.Add("metadata", HasActiveQuestions(c, questions));
  r.Add("type", std::string("realtime"));
  r.Add("keywords", std::string());
  std::string group;
  for (const auto& p : all) {
    if (c.parent_id && p.id == *c.parent_id) group = p.name;
  }
  r.Add("group", group);
  return r;
}

}  // namespace

Result<http::Response> Open311Api::Resource(web::Context& ctx) {
  auto file = SplitFormat(ctx.Param("resource"));
  if (!file) return NotFoundText();
  auto [name, json] = *file;
  std::string jurisdiction = Param(ctx, "jurisdiction_id");
  if (!jurisdiction.empty() && jurisdiction != commands_.settings().jurisdiction_id) {
    return Failure(json, 404, "unknown jurisdiction_id");
  }
  if (name == "discovery") {
    Record endpoint;
    endpoint.Add("specification", std::string("http://wiki.open311.org/GeoReport_v2"));
    endpoint.Add("url", commands_.settings().base_url + "/open311/v2");
    endpoint.Add("changeset", open311::W3cTime(commands_.zone(), 1767225600));
    endpoint.Add("type", std::string("production"));
    endpoint.Add("formats", std::vector<std::string>{"text/xml", "application/json"});
    Record d;
    d.Add("changeset", open311::W3cTime(commands_.zone(), 1767225600));
    d.Add("contact", commands_.settings().site_name);
    d.Add("key_service", std::string("wijkplatform api-key create"));
    d.Add("endpoints", std::vector<Record>{endpoint});
    return Body(json ? open311::ObjectJson(d) : open311::ObjectXml("discovery", d), json);
  }
  if (name == "services") {
    WP_ASSIGN_OR_RETURN(auto all, commands_.Categories());
    WP_ASSIGN_OR_RETURN(auto questions, commands_.AllQuestions());
    std::vector<Record> out;
    for (const auto& c : all) {
      if (IsReportable(c, all)) out.push_back(ServiceRecord(c, all, questions));
    }
    return Body(json ? open311::ListJson(out) : open311::ListXml("services", "service", out), json);
  }
  if (name != "requests") return NotFoundText();
  ListFilter f;
  int64_t now = commands_.Now();
  std::string ids = Param(ctx, "service_request_id");
  if (!ids.empty()) {
    size_t start = 0;
    while (start <= ids.size()) {
      size_t comma = ids.find(',', start);
      auto id = ParseSignalNumber(ids.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
      if (id) f.ids.push_back(*id);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    if (f.ids.empty()) return Body(json ? "[]" : open311::ListXml("service_requests", "request", {}), json);
  }
  std::string from = Param(ctx, "start_date"), to = Param(ctx, "end_date");
  auto from_t = from.empty() ? std::optional<int64_t>() : open311::ParseW3cTime(from);
  auto to_t = to.empty() ? std::optional<int64_t>() : open311::ParseW3cTime(to);
  if ((!from.empty() && !from_t) || (!to.empty() && !to_t)) return Failure(json, 400, "bad start_date or end_date");
  f.to = to_t.value_or(from_t ? *from_t + kMaxRangeSeconds : now + 1);
  f.from = from_t.value_or(f.to - kMaxRangeSeconds);
  if (f.to - f.from > kMaxRangeSeconds) return Failure(json, 400, "the date range is longer than 90 days");
  std::string codes = Param(ctx, "service_code");
  if (!codes.empty()) f.category_slugs.push_back(codes);
  std::string status = Param(ctx, "status");
  if (status == "open") f.open = true;
  if (status == "closed") f.open = false;
  f.limit = kMaxRequests;
  return Requests(f, json);
}

Result<http::Response> Open311Api::Requests(const ListFilter& f, bool json) {
  WP_ASSIGN_OR_RETURN(auto signals, commands_.List(f));
  WP_ASSIGN_OR_RETURN(auto all, commands_.Categories());
  WP_ASSIGN_OR_RETURN(auto departments, commands_.Departments());
  std::vector<Record> out;
  for (const auto& s : signals) {
    Record r;
    r.Add("service_request_id", SignalNumber(s.id));
    r.Add("status", std::string(IsOpen(s.status) ? "open" : "closed"));
    WP_ASSIGN_OR_RETURN(std::string notes, commands_.StatusNotes(s.id));
    r.Add("status_notes", s.merged_into ? "duplicate of " + SignalNumber(*s.merged_into) : notes);
    for (const auto& c : all) {
      if (c.id == s.category_id) {
        r.Add("service_name", c.name);
        r.Add("service_code", c.slug);
      }
    }
    r.Add("description", s.share_publicly ? s.description : std::string());
    r.Add("agency_responsible",
          s.forwarded_to.empty() ? DepartmentName(departments, s.department_slug) : s.forwarded_to);
    r.Add("service_notice", std::string());
    r.Add("requested_datetime", open311::W3cTime(commands_.zone(), s.created_at));
    r.Add("updated_datetime", open311::W3cTime(commands_.zone(), s.updated_at));
    if (IsOpen(s.status)) r.Add("expected_datetime", open311::W3cTime(commands_.zone(), s.deadline_at));
    r.Add("address", s.street);
    r.Add("zipcode", std::string());
    if (s.lat && s.lon) {
      r.Add("lat", *s.lat);
      r.Add("long", *s.lon);
    }
    // A photo only when the reporter allowed it on the public pages.
    std::string media;
    if (s.share_publicly) {
      WP_ASSIGN_OR_RETURN(auto photos, commands_.Photos(s.id));
      if (!photos.empty()) media = commands_.settings().base_url + "/meldingen/foto/" + std::to_string(photos[0].id);
    }
    r.Add("media_url", media);
    out.push_back(std::move(r));
  }
  return Body(json ? open311::ListJson(out) : open311::ListXml("service_requests", "request", out), json);
}

Result<http::Response> Open311Api::Service(web::Context& ctx) {
  auto file = SplitFormat(ctx.Param("code"));
  if (!file) return NotFoundText();
  WP_ASSIGN_OR_RETURN(auto all, commands_.Categories());
  for (const auto& c : all) {
    if (c.slug == file->first && IsReportable(c, all)) {
      WP_ASSIGN_OR_RETURN(auto questions, commands_.QuestionsOf(c.id));
      std::vector<Record> attributes;
      for (const auto& q : questions) {
        if (q.active) attributes.push_back(AttributeRecord(q));
      }
      Record d;
      d.Add("service_code", c.slug);
      d.Add("attributes", std::move(attributes));
      return Body(file->second ? open311::ObjectJson(d) : open311::ObjectXml("service_definition", d), file->second);
    }
  }
  return Failure(file->second, 404, "unknown service_code");
}

Result<http::Response> Open311Api::Request(web::Context& ctx) {
  auto file = SplitFormat(ctx.Param("id"));
  if (!file) return NotFoundText();
  auto id = ParseSignalNumber(file->first);
  if (!id) return Failure(file->second, 404, "unknown service_request_id");
  WP_ASSIGN_OR_RETURN(auto s, commands_.PublicSignal(*id));
  if (!s) return Failure(file->second, 404, "unknown service_request_id");
  ListFilter f;
  f.ids = {*id};
  return Requests(f, file->second);
}

Result<http::Response> Open311Api::Token(web::Context& ctx) {
  auto file = SplitFormat(ctx.Param("token"));
  if (!file) return NotFoundText();
  // Requests are realtime: POST returns the id at once, so no token is ever issued.
  return Failure(file->second, 404, "unknown token");
}

Result<http::Response> Open311Api::OpenApi(web::Context&) {
  auto doc = nlohmann::json::parse(openapi_, nullptr, false);
  if (doc.is_discarded()) return Internal("the embedded OpenAPI document is not JSON");
  doc["servers"] = nlohmann::json::array({{{"url", commands_.settings().base_url}}});
  http::Response r = Body(doc.dump(2), true);
  r.headers.Set("Cache-Control", "public, max-age=3600");
  return r;
}

Result<http::Response> Open311Api::PostRequest(web::Context& ctx) {
  auto file = SplitFormat(ctx.Param("resource"));
  if (!file || file->first != "requests") return NotFoundText();
  bool json = file->second;
  WP_ASSIGN_OR_RETURN(auto key_id, commands_.CheckApiKey(ctx.form.Get("api_key")));
  if (!key_id) return Failure(json, 403, "missing or invalid api_key");
  std::string jurisdiction = ctx.form.Get("jurisdiction_id");
  if (!jurisdiction.empty() && jurisdiction != commands_.settings().jurisdiction_id) {
    return Failure(json, 404, "unknown jurisdiction_id");
  }
  ReportInput in;
  in.category_slug = ctx.form.Get("service_code");
  in.description = ctx.form.Get("description");
  in.email = ctx.form.Get("email");
  in.location.lat = ParseCoordinate(ctx.form.Get("lat"));
  in.location.lon = ParseCoordinate(ctx.form.Get("long"));
  in.location.street = ctx.form.Get("address_string");
  in.answers = PostedAnswers(ctx.form);
  if (!in.location.lat || !in.location.lon) return Failure(json, 400, "lat and long are required");
  Intake intake{ctx.request->remote_addr, std::nullopt, *key_id, "open311"};
  auto receipt = commands_.Report(in, {}, intake);
  if (!receipt.has_value()) {
    const Error& e = receipt.error();
    int status = e.code == ErrorCode::kRateLimited ? 429 : 400;
    std::string what = e.fields.empty() ? e.detail : FieldProblem(commands_.catalog(), e.fields[0]);
    return Failure(json, status, what);
  }
  Record r;
  r.Add("service_request_id", receipt->number);
  r.Add("service_notice", std::string());
  r.Add("account_id", std::string());
  return Body(json ? open311::ListJson({r}) : open311::ListXml("service_requests", "request", {r}), json);
}

}  // namespace wp::signals
