#include "features/codes/pages.h"

#include <charconv>
#include <fstream>
#include <memory>
#include <sstream>

#include "core/i18n/catalog.h"
#include "core/time/format.h"
#include "core/web/forms.h"

namespace wp::codes {

namespace {

using nlohmann::json;
using web::Context;

std::string Base(const budgets::Edition& e) { return "/beheer/wijkbudget/" + e.slug + "/stemcodes"; }

std::string Num(const Context& ctx, int64_t n) { return i18n::FormatInteger(n, ctx.locale); }

std::optional<int64_t> ParseId(std::string_view s) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v <= 0) return std::nullopt;
  return v;
}

std::string StateLabel(const Context& ctx, const std::string& state) { return ctx.T("codes.state." + state); }

json RunJson(const Context& ctx, const budgets::Edition& e, const RunInfo& r, const time::TimeZone& zone) {
  json files = json::array();
  for (const auto& f : r.files) files.push_back({{"name", f}, {"href", Base(e) + "/bestanden/" + f}});
  bool active = r.state == "queued" || r.state == "running";
  return {{"id", r.id},
          {"href", Base(e) + "/runs/" + std::to_string(r.id)},
          {"kind", ctx.T("codes.run.kind." + r.kind)},
          {"state", ctx.T("codes.run.state." + r.state)},
          {"progress", ctx.T("codes.run.progress", {{"done", r.done}, {"total", r.total}})},
          {"active", active},
          {"failed", r.state == "failed"},
          {"finished", r.state == "finished"},
          {"error", r.error},
          {"files", files},
          {"has_files", !files.empty()},
          {"created", time::FormatDateTime(zone, r.created_at, ctx.locale)}};
}

class Pages {
 public:
  Pages(const web::Web& web, CodeCommands& commands, const time::TimeZone& zone)
      : web_(web), commands_(commands), zone_(zone) {}

  // Finds the edition and checks that the signed-in user manages it.
  Result<budgets::Edition> Load(http::Request& req, Context& ctx) const {
    WP_ASSIGN_OR_RETURN(budgets::Edition e, commands_.FindEdition(req.Param("slug")));
    if (!Can(ctx.user ? &*ctx.user : nullptr, Action::kView, e)) return Forbidden("not a manager", "web.forbidden");
    return e;
  }

  http::Response Overview(Context& ctx, const budgets::Edition& e, const web::FormErrors& errors, int status) const {
    auto s = commands_.Status(e);
    if (!s.has_value()) return web_.ErrorPage(ctx, s.error());
    json data;
    data["title"] = ctx.T("codes.overview.title", {{"edition", e.title}});
    data["edition_title"] = e.title;
    data["base"] = Base(e);
    data["edition_href"] = "/wijkbudget/" + e.slug;
    data["counts"] = json::array();
    auto count = [&](const char* key, int64_t n) {
      data["counts"].push_back({{"label", ctx.T(key)}, {"value", Num(ctx, n)}});
    };
    count("codes.count.addresses", s->addresses);
    count("codes.count.waiting", s->waiting);
    count("codes.count.unused", s->unused);
    count("codes.count.used_online", s->used_online);
    count("codes.count.used_paper", s->used_paper);
    count("codes.count.revoked", s->revoked);
    data["erased"] = s->erased_at.has_value();
    if (s->erased_at) {
      data["erased_text"] =
          ctx.T("codes.erase.erased_on", {{"date", time::FormatDateTime(zone_, *s->erased_at, ctx.locale)}});
    }
    data["busy"] = s->busy();
    data["waiting"] = s->waiting > 0;
    data["generate_button"] = ctx.T("codes.generate.button", {{"count", s->waiting}});
    data["waiting_text"] = ctx.T("codes.generate.waiting", {{"count", s->waiting}});
    data["runs"] = json::array();
    for (const auto& r : s->runs) data["runs"].push_back(RunJson(ctx, e, r, zone_));
    data["has_runs"] = !s->runs.empty();
    data["has_files"] = !s->files.empty();
    data["files"] = json::array();
    for (const auto& f : s->files) {
      data["files"].push_back({{"name", f.name},
                               {"href", Base(e) + "/bestanden/" + f.name},
                               {"size", ctx.T("codes.files.size_kb", {{"kb", (f.bytes + 1023) / 1024}})}});
    }
    data["fields"]["bevestig"] = {{"error", errors.KeyFor("bevestig").empty() ? "" : ctx.T(errors.KeyFor("bevestig"))}};
    data["file_error"] = errors.KeyFor("adressen").empty() ? "" : ctx.T(errors.KeyFor("adressen"));
    errors.AppendTo(data);
    return web_.Render(ctx, "codes/overview.html", "codes.overview.title_short", data, status);
  }

  static void Add(http::Router& router, const std::shared_ptr<const Pages>& self) {
    const web::Web& site = self->web_;
    const std::string kBase = "/beheer/wijkbudget/{slug}/stemcodes";
    web::PageOptions login{.require_login = true};

    router.Get(kBase, site.Page(
                          [self](http::Request& req, Context& ctx) {
                            auto e = self->Load(req, ctx);
                            if (!e.has_value()) return self->web_.ErrorPage(ctx, e.error());
                            return self->Overview(ctx, *e, web::FormErrors(), 200);
                          },
                          login));

    router.Post(kBase + "/adressen", site.Page(
                                         [self](http::Request& req, Context& ctx) {
                                           auto e = self->Load(req, ctx);
                                           if (!e.has_value()) return self->web_.ErrorPage(ctx, e.error());
                                           const http::UploadedFile* file = ctx.form.File("adressen");
                                           web::FormErrors errors;
                                           if (!file || file->data.empty()) {
                                             errors.Add(ctx, "adressen", "codes.import.field", "codes.import.no_file");
                                             return self->Overview(ctx, *e, errors, 422);
                                           }
                                           auto summary = self->commands_.ImportAddresses(*ctx.user, *e, file->data);
                                           if (!summary.has_value()) {
                                             const Error& err = summary.error();
                                             if (err.code == ErrorCode::kInvalidInput) {
                                               errors.Add(ctx, "adressen", "codes.import.field", err.user_message_key);
                                               return self->Overview(ctx, *e, errors, 422);
                                             }
                                             return self->web_.ErrorPage(ctx, err);
                                           }
                                           return self->web_.Redirect(
                                               ctx, Base(*e) + "/adressen/" + std::to_string(summary->report_id));
                                         },
                                         login));

    router.Get(
        kBase + "/adressen/{id}",
        site.Page(
            [self](http::Request& req, Context& ctx) {
              auto e = self->Load(req, ctx);
              if (!e.has_value()) return self->web_.ErrorPage(ctx, e.error());
              auto id = ParseId(req.Param("id"));
              if (!id) return self->web_.ErrorPage(ctx, NotFound("bad id"));
              auto s = self->commands_.ImportReport(*e, *id);
              if (!s.has_value()) return self->web_.ErrorPage(ctx, s.error());
              auto status = self->commands_.Status(*e);
              if (!status.has_value()) return self->web_.ErrorPage(ctx, status.error());
              json data;
              data["base"] = Base(*e);
              data["edition_title"] = e->title;
              data["lines"] = json::array();
              auto line = [&](const std::string& text) { data["lines"].push_back({{"text", text}}); };
              line(ctx.T("codes.import.in_file", {{"count", s->in_file}}));
              line(ctx.T("codes.import.added", {{"count", s->added}}));
              if (s->already_known > 0) line(ctx.T("codes.import.already_known", {{"count", s->already_known}}));
              line(ctx.T("codes.import.total", {{"count", s->total}}));
              data["problems"] = json::array();
              if (!s->ignored_columns.empty()) {
                std::string cols;
                for (const auto& c : s->ignored_columns) cols += (cols.empty() ? "" : ", ") + c;
                data["problems"].push_back({{"text", ctx.T("codes.import.ignored_columns", {{"columns", cols}})}});
              }
              for (int l : s->empty_lines) {
                data["problems"].push_back({{"text", ctx.T("codes.import.empty_line", {{"line", l}})}});
              }
              for (const auto& d : s->duplicates) {
                data["problems"].push_back(
                    {{"text", ctx.T("codes.import.duplicate", {{"line", d.line}, {"first", d.first_line}})}});
              }
              data["has_problems"] = !data["problems"].empty();
              data["waiting"] = status->waiting > 0 && !status->busy();
              data["generate_button"] = ctx.T("codes.generate.button", {{"count", status->waiting}});
              data["waiting_text"] = ctx.T("codes.generate.waiting", {{"count", status->waiting}});
              return self->web_.Render(ctx, "codes/import_report.html", "codes.import.report_title", data);
            },
            login));

    router.Post(kBase + "/maken", site.Page(
                                      [self](http::Request& req, Context& ctx) {
                                        auto e = self->Load(req, ctx);
                                        if (!e.has_value()) return self->web_.ErrorPage(ctx, e.error());
                                        bool letters = ctx.form.Get("brieven") == "ja";
                                        auto run = self->commands_.StartGeneration(*ctx.user, *e, letters);
                                        if (!run.has_value()) return self->web_.ErrorPage(ctx, run.error());
                                        return self->web_.Redirect(ctx, Base(*e) + "/runs/" + std::to_string(run->id));
                                      },
                                      login));

    router.Get(kBase + "/runs/{id}", site.Page(
                                         [self](http::Request& req, Context& ctx) {
                                           auto e = self->Load(req, ctx);
                                           if (!e.has_value()) return self->web_.ErrorPage(ctx, e.error());
                                           auto id = ParseId(req.Param("id"));
                                           if (!id) return self->web_.ErrorPage(ctx, NotFound("bad id"));
                                           auto run = self->commands_.Run(*e, *id);
                                           if (!run.has_value()) return self->web_.ErrorPage(ctx, run.error());
                                           json data = RunJson(ctx, *e, *run, self->zone_);
                                           data["base"] = Base(*e);
                                           data["edition_title"] = e->title;
                                           data["self"] = Base(*e) + "/runs/" + std::to_string(run->id);
                                           http::Response resp =
                                               self->web_.Render(ctx, "codes/run.html", "codes.run.title", data);
                                           // Refreshes itself without JavaScript while the run is under way.
                                           if (data["active"].get<bool>()) resp.headers.Set("Refresh", "2");
                                           return resp;
                                         },
                                         login));

    router.Get(kBase + "/bestanden/{name}",
               site.Page(
                   [self](http::Request& req, Context& ctx) {
                     auto e = self->Load(req, ctx);
                     if (!e.has_value()) return self->web_.ErrorPage(ctx, e.error());
                     std::string name(req.Param("name"));
                     auto path = self->commands_.PrintFilePath(*e, name);
                     if (!path.has_value()) return self->web_.ErrorPage(ctx, path.error());
                     std::ifstream in(*path, std::ios::binary);
                     std::stringstream ss;
                     ss << in.rdbuf();
                     http::Response resp;
                     resp.status = 200;
                     resp.body = ss.str();
                     bool pdf = name.size() > 4 && name.substr(name.size() - 4) == ".pdf";
                     resp.headers.Set("Content-Type", pdf ? "application/pdf" : "text/csv; charset=utf-8");
                     resp.headers.Set("Content-Disposition", "attachment; filename=\"" + name + "\"");
                     resp.headers.Set("Cache-Control", "no-store");
                     return resp;
                   },
                   login));

    router.Post(kBase + "/bestanden/verwijderen",
                site.Page(
                    [self](http::Request& req, Context& ctx) {
                      auto e = self->Load(req, ctx);
                      if (!e.has_value()) return self->web_.ErrorPage(ctx, e.error());
                      auto n = self->commands_.DeletePrintFiles(*ctx.user, *e);
                      if (!n.has_value()) return self->web_.ErrorPage(ctx, n.error());
                      return self->web_.Redirect(ctx, Base(*e), web::Flash{"success", "codes.files.deleted"});
                    },
                    login));

    router.Get(kBase + "/brief",
               site.Page(
                   [self](http::Request& req, Context& ctx) {
                     auto e = self->Load(req, ctx);
                     if (!e.has_value()) return self->web_.ErrorPage(ctx, e.error());
                     std::string q = req.QueryParam("q").value_or("");
                     auto found = self->commands_.FindLetters(*e, q);
                     if (!found.has_value()) return self->web_.ErrorPage(ctx, found.error());
                     json data;
                     data["base"] = Base(*e);
                     data["edition_title"] = e->title;
                     data["q"] = q;
                     data["searched"] = !q.empty();
                     data["letters"] = json::array();
                     for (const auto& l : *found) {
                       data["letters"].push_back(
                           {{"number", l.letter_number},
                            {"address", l.address.empty() ? ctx.T("codes.letters.address_erased") : l.address},
                            {"state", StateLabel(ctx, l.state)},
                            {"can_reissue", l.state == "unused"},
                            {"action", Base(*e) + "/brief/" + std::to_string(l.letter_number) + "/opnieuw"}});
                     }
                     data["has_letters"] = !found->empty();
                     return self->web_.Render(ctx, "codes/letters.html", "codes.letters.title", data);
                   },
                   login));

    router.Post(kBase + "/brief/{number}/opnieuw",
                site.Page(
                    [self](http::Request& req, Context& ctx) {
                      auto e = self->Load(req, ctx);
                      if (!e.has_value()) return self->web_.ErrorPage(ctx, e.error());
                      auto number = ParseId(req.Param("number"));
                      if (!number) return self->web_.ErrorPage(ctx, NotFound("bad letter number"));
                      auto r = self->commands_.Reissue(*ctx.user, *e, *number);
                      if (!r.has_value()) return self->web_.ErrorPage(ctx, r.error());
                      return self->web_.Redirect(ctx, Base(*e) + "/runs/" + std::to_string(r->run_id),
                                                 web::Flash{"success", "codes.reissue.done"});
                    },
                    login));

    router.Post(kBase + "/wissen",
                site.Page(
                    [self](http::Request& req, Context& ctx) {
                      auto e = self->Load(req, ctx);
                      if (!e.has_value()) return self->web_.ErrorPage(ctx, e.error());
                      if (ctx.form.Get("bevestig") != "ja") {
                        web::FormErrors errors;
                        errors.Add(ctx, "bevestig", "codes.erase.confirm", "codes.erase.confirm_required");
                        return self->Overview(ctx, *e, errors, 422);
                      }
                      auto n = self->commands_.EraseAddresses(*ctx.user, *e);
                      if (!n.has_value()) return self->web_.ErrorPage(ctx, n.error());
                      return self->web_.Redirect(ctx, Base(*e), web::Flash{"success", "codes.erase.done_flash"});
                    },
                    login));
  }

 private:
  const web::Web& web_;
  CodeCommands& commands_;
  const time::TimeZone& zone_;
};

}  // namespace

void AddCodeRoutes(http::Router& router, const web::Web& web, CodeCommands& commands, const time::TimeZone& zone) {
  // Every route holds a reference to the shared pages object.
  Pages::Add(router, std::make_shared<const Pages>(web, commands, zone));
}

}  // namespace wp::codes
