#include "features/platforms/public_pages.h"

#include <algorithm>
#include <map>

#include "core/html/escape.h"
#include "features/platforms/page_data.h"

namespace wp::platforms {

namespace {

using nlohmann::json;
using web::Context;

// The wijken of each stadsdeel as tables with their platforms, and how many
// wijken have a recognised platform, one not recognised yet, or none.
struct DistrictTables {
  json boroughs = json::array();
  int recognised = 0, forming = 0, none = 0;
};

DistrictTables Districts(const Context& ctx, const geography::Municipality& m, const std::vector<Platform>& all) {
  std::map<std::string, std::vector<const Platform*>> by_district;
  for (const auto& p : all) {
    if (!IsActive(p.status)) continue;
    std::set<std::string> districts;
    for (const auto& code : p.area) {
      if (IsNeighbourhoodCode(code)) districts.insert(DistrictOfNeighbourhood(code));
    }
    for (const auto& d : districts) by_district[d].push_back(&p);
  }
  DistrictTables out;
  for (const auto& b : m.boroughs) {
    std::vector<std::vector<web::Cell>> rows;
    for (const geography::District* d : geography::DistrictsOfBorough(m, b.name)) {
      const auto& platforms = by_district[d->code.str()];
      web::Cell cell{ctx.T("platforms.overview.none")};
      if (!platforms.empty()) {
        cell.text.clear();
        for (const Platform* p : platforms) {
          cell.text += (cell.text.empty() ? "" : ", ") + p->name + " (" + StatusLabel(ctx, p->status) + ")";
        }
        if (platforms.size() == 1) cell.href = PlatformPath(*platforms.front());
      }
      bool recognised = std::any_of(platforms.begin(), platforms.end(),
                                    [](const Platform* p) { return p->status == PlatformStatus::kRecognised; });
      if (platforms.empty()) {
        ++out.none;
      } else if (recognised) {
        ++out.recognised;
      } else {
        ++out.forming;
      }
      rows.push_back({{d->name, "/wijk/" + d->code.str()}, cell});
    }
    out.boroughs.push_back(
        web::Table(ctx.T("platforms.overview.borough_caption", {{"name", b.name}}),
                   {ctx.T("platforms.overview.col_district"), ctx.T("platforms.overview.col_platform")}, rows));
  }
  return out;
}

// Werkgroepen with the viewer's join or leave button.
json GroupsJson(const Context& ctx, const Platform& p, const PlatformPage& page) {
  json groups = json::array();
  for (const auto& g : page.groups) {
    bool in = std::find(page.my_groups.begin(), page.my_groups.end(), g.group.id) != page.my_groups.end();
    std::string path = PlatformPath(p) + "/werkgroepen/" + std::to_string(g.group.id);
    json action = nullptr;
    if (in) {
      action = web::ActionButton(ctx.T("platforms.page.group_leave", {{"theme", g.group.theme}}), path + "/verlaten",
                                 ctx.csrf_token);
    } else if (page.me) {
      action = web::ActionButton(ctx.T("platforms.page.group_join", {{"theme", g.group.theme}}), path + "/deelnemen",
                                 ctx.csrf_token);
    }
    json contact = nullptr;  // shown only after the contact confirmed (consent)
    if (g.contact_confirmed) contact = {{"name", g.group.contact.name}, {"email", g.group.contact.email}};
    groups.push_back({{"theme", g.group.theme},
                      {"description", g.group.description},
                      {"contact", contact},
                      {"member_count", g.member_count},
                      {"action", action}});
  }
  return groups;
}

// Joining, the e-mail choices and leaving, for the viewer.
void AddMembership(const Context& ctx, const Platform& p, const PlatformPage& page, json& data) {
  data["member_count"] = page.member_count;
  data["signed_in"] = ctx.signed_in();
  data["is_member"] = page.me.has_value();
  if (page.me) {
    data["me"] = {{"kind", ctx.T("platforms.member_kind." + std::string(MemberKindName(page.me->kind)))},
                  {"newsletter", page.me->mail_newsletter},
                  {"events", page.me->mail_events}};
    data["leave"] = web::ActionButton(ctx.T("platforms.page.leave"), PlatformPath(p) + "/opzeggen", ctx.csrf_token);
  }
  json kinds = json::array();
  for (MemberKind k : kAllMemberKinds) {
    std::string name(MemberKindName(k));
    kinds.push_back(
        {{"value", name}, {"label", ctx.T("platforms.member_kind." + name)}, {"checked", k == MemberKind::kResident}});
  }
  data["member_kinds"] = kinds;
  data["can_join"] = IsActive(p.status) && !page.me;
  data["login_next"] = "/inloggen?next=" + PlatformPath(p);
}

// Links to the pages the viewer may open: management, recognition, subsidy.
json ManageLinks(const Context& ctx, const Platform& p) {
  json links = json::array();
  if (MayManage(ctx, p)) links.push_back(web::ActionLink(ctx.T("platforms.page.manage"), PlatformPath(p) + "/beheer"));
  if (MayManage(ctx, p) || MaySeeRecognition(ctx, p)) {
    links.push_back(web::ActionLink(ctx.T("platforms.page.status_link"), PlatformPath(p) + "/status"));
  }
  if (MaySeeSubsidy(ctx, p)) {
    links.push_back(web::ActionLink(ctx.T("platforms.page.subsidy_link"), PlatformPath(p) + "/subsidie"));
  }
  return links;
}

}  // namespace

Result<http::Response> PublicPages::Overview(Context& ctx) {
  auto m = commands_.Municipality();
  WP_ASSIGN_OR_RETURN(auto all, commands_.List());
  DistrictTables districts = Districts(ctx, *m, all);
  json cards = json::array();
  for (const auto& p : all) {
    cards.push_back(web::Card({.title = p.name,
                               .href = PlatformPath(p),
                               .meta = ctx.T("platforms.overview.borough") + " " + BoroughName(*m, p.borough_slug),
                               .badge = web::StatusBadge(StatusLabel(ctx, p.status), StatusTone(p.status))}));
  }
  json data = {
      {"register",
       web::ActionLink(ctx.T("platforms.overview.register"), "/wijkplatforms/aanmelden", web::ActionKind::kPrimary)},
      {"boroughs", districts.boroughs},
      {"platforms", cards},
      {"summary",
       ctx.T("platforms.overview.summary",
             {{"recognised", districts.recognised}, {"forming", districts.forming}, {"none", districts.none}})}};
  if (all.empty()) data["empty"] = web::EmptyState(ctx.T("platforms.overview.no_platforms"));
  return web_.Render(ctx, "platforms/overview.html", "platforms.overview.title", data);
}

Result<http::Response> PublicPages::Show(Context& ctx) {
  WP_ASSIGN_OR_RETURN(Platform p, commands_.PlatformOf(ctx.Param("slug")));
  auto m = commands_.Municipality();
  WP_ASSIGN_OR_RETURN(PlatformPage page, commands_.Page(p, ctx.user ? ctx.user->id : 0));
  json kernteam = json::array();
  for (const auto& k : page.kernteam) kernteam.push_back(k.display_name);
  json data = {{"platform", PlatformJson(ctx, p, *m, zone_)},
               {"title", p.name},
               {"breadcrumb", Crumbs(ctx, {{p.name, PlatformPath(p)}})},
               {"actions", ManageLinks(ctx, p)},
               {"area", AreaJson(*m, p.area)},
               {"map_html", AreaMapSvg(ctx, *m, p.area, "platformkaart", p.name)},
               {"kernteam", kernteam},
               {"contact_confirmed", page.contact_confirmed},
               {"groups", GroupsJson(ctx, p, page)},
               {"hours", HoursJson(ctx, page.hours)},
               {"sections_html", directory_.RenderPageSections(p, ctx.user ? &*ctx.user : nullptr, ctx.locale)}};
  data["has_actions"] = !data["actions"].empty();
  if (page.groups.empty()) data["no_groups"] = web::EmptyState(ctx.T("platforms.page.no_groups"));
  if (page.hours.empty()) data["no_hours"] = web::EmptyState(ctx.T("platforms.page.no_hours"));
  AddMembership(ctx, p, page, data);
  return web_.Render(ctx, "platforms/platform.html", "", data);
}

std::string PublicPages::DistrictSection(std::string_view district_code, std::string_view locale) const {
  const i18n::Catalog& catalog = web_.catalog();
  auto text = [&](std::string_view key) { return html::Escape(catalog.Lookup(locale, key)); };
  std::string out = "<section class=\"wp-district-platform\"><h2 class=\"utrecht-heading-2\">" +
                    text("platforms.district.heading") + "</h2>";
  auto platforms = commands_.ActiveInDistrict(district_code);
  if (platforms.has_value() && !platforms->empty()) {
    for (const auto& p : *platforms) {
      out += "<p class=\"utrecht-paragraph\"><a class=\"utrecht-link\" href=\"" + html::Escape(PlatformPath(p)) +
             "\">" + html::Escape(p.name) + "</a> (" +
             text("platforms.status." + std::string(PlatformStatusName(p.status))) + ")</p>";
    }
  } else {
    out += "<p class=\"utrecht-paragraph\">" + text("platforms.district.none") +
           " <a class=\"utrecht-link\" href=\"/wijkplatforms/aanmelden\">" + text("platforms.overview.register") +
           "</a></p>";
  }
  return out + "</section>";
}

}  // namespace wp::platforms
