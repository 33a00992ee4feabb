#include "features/participation/sections.h"

#include "core/html/escape.h"
#include "features/participation/project_view.h"

namespace wp::participation {

namespace {

constexpr const char* kItem = "<li class=\"utrecht-unordered-list__item\">";

std::string Link(const std::string& href, const std::string& escaped_text) {
  return "<a class=\"utrecht-link\" href=\"" + html::Escape(href) + "\">" + escaped_text + "</a>";
}

}  // namespace

std::string Sections::Text(std::string_view locale, std::string_view key, const i18n::Args& args) const {
  return html::Escape(catalog_.Format(locale, key, args));
}

std::string Sections::Items(const std::vector<Project>& projects, std::string_view locale) const {
  std::string out;
  size_t shown = 0;
  for (const auto& p : projects) {
    if (IsClosed(p.status) || shown++ >= kLines) continue;
    std::string level = Text(locale, "participation.level." + std::string(LevelName(p.level)));
    std::string status = Text(locale, "participation.status." + std::string(StatusName(p.status)));
    out += kItem + Link(ProjectPath(p.id), html::Escape(p.title)) + " (" + status + ", " + level + ")</li>";
  }
  return out;
}

std::string Sections::District(std::string_view district_code, std::string_view locale) const {
  std::string out =
      "<section class=\"wp-participation\" aria-labelledby=\"wp-participation-heading\">"
      "<h2 class=\"utrecht-heading-2\" id=\"wp-participation-heading\">" +
      Text(locale, "participation.section.heading") + "</h2>";
  auto projects = commands_.InDistricts({std::string(district_code)});
  if (!projects.has_value()) {
    return out + "<p class=\"utrecht-paragraph\">" + Text(locale, "participation.section.unavailable") +
           "</p></section>";
  }
  std::string items = Items(*projects, locale);
  if (items.empty()) out += "<p class=\"utrecht-paragraph\">" + Text(locale, "participation.section.none") + "</p>";
  std::string all = std::string(kCalendarPath) + "?wijk=" + std::string(district_code) + "&stand=alle";
  return out + "<ul class=\"utrecht-unordered-list\">" + items + kItem +
         Link(all, Text(locale, "participation.section.all")) + "</li></ul></section>";
}

std::string Sections::Platform(const platforms::Platform& p, std::string_view locale) const {
  std::string out =
      "<section class=\"wp-participation\" aria-labelledby=\"wp-participation-heading\">"
      "<h2 class=\"utrecht-heading-2\" id=\"wp-participation-heading\">" +
      Text(locale, "participation.section.heading") + "</h2>";
  auto projects = commands_.InDistricts(ProjectCommands::DistrictsOf(p));
  auto sub = commands_.SubscriptionOf(p.id);
  if (!projects.has_value() || !sub.has_value()) {
    return out + "<p class=\"utrecht-paragraph\">" + Text(locale, "participation.section.unavailable") +
           "</p></section>";
  }
  std::string items = Items(*projects, locale);
  if (items.empty()) out += "<p class=\"utrecht-paragraph\">" + Text(locale, "participation.section.none") + "</p>";
  out += "<p class=\"utrecht-paragraph\">" +
         Text(locale, sub->subscribed ? "participation.subscription.on" : "participation.subscription.off") + "</p>";
  return out + "<ul class=\"utrecht-unordered-list\">" + items + kItem +
         Link(PlatformPagePath(p), Text(locale, "participation.section.platform_all")) + "</li></ul></section>";
}

}  // namespace wp::participation
