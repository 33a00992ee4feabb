#include "features/forums/platform_section.h"

#include "core/html/escape.h"
#include "features/forums/forum_view.h"

namespace wp::forums {

std::string PlatformSection::Render(const platforms::Platform& p, std::string_view locale) const {
  auto forums = commands_.ForumsOfArea(p.area);
  if (!forums.has_value() || forums->empty()) return "";
  auto text = [&](std::string_view key, const i18n::Args& args) {
    return html::Escape(catalog_.Format(locale, key, args));
  };
  auto link = [](const std::string& href, const std::string& label) {
    return "<a class=\"utrecht-link\" href=\"" + html::Escape(href) + "\">" + label + "</a>";
  };
  std::string out =
      "<section class=\"wp-forums\" aria-labelledby=\"wp-forums-heading\">"
      "<h2 class=\"utrecht-heading-2\" id=\"wp-forums-heading\">" +
      text("forums.section.heading", {}) + "</h2><ul class=\"utrecht-unordered-list\">";
  for (const auto& [f, years] : *forums) {
    out += "<li class=\"utrecht-unordered-list__item\">" + link(ForumPath(f), html::Escape(f.setup.name)) + " (" +
           link(ForumPath(f) + "/werkplaats", text("forums.workspace.short", {}));
    for (int y : years) {
      out += ", " + link(ForumPath(f) + "/agenda/" + std::to_string(y),
                         text("forums.agenda.short", {{"year", std::to_string(y)}}));
    }
    out += ")</li>";
  }
  return out + "</ul></section>";
}

}  // namespace wp::forums
