#include "features/talks/platform_section.h"

#include "core/html/escape.h"
#include "core/time/format.h"
#include "features/talks/talk_view.h"

namespace wp::talks {

std::string PlatformSection::Render(const platforms::Platform& p, std::string_view locale) const {
  auto text = [&](std::string_view key, const i18n::Args& args) {
    return html::Escape(catalog_.Format(locale, key, args));
  };
  auto paragraph = [](const std::string& inner) { return "<p class=\"utrecht-paragraph\">" + inner + "</p>"; };
  std::string out =
      "<section class=\"wp-talks\" aria-labelledby=\"wp-talks-heading\">"
      "<h2 class=\"utrecht-heading-2\" id=\"wp-talks-heading\">" +
      text("talks.section.heading", {}) + "</h2>";
  auto next = commands_.NextMeeting(p);
  if (!next.has_value()) return out + paragraph(text("talks.section.unavailable", {})) + "</section>";
  std::string all = "<a class=\"utrecht-link\" href=\"" + std::string(kPublicPath) + "\">" +
                    text("talks.section.all", {}) + "</a>";
  if (!*next) return out + paragraph(text("talks.section.none", {})) + paragraph(all) + "</section>";
  const MeetingView& v = **next;
  const time::TimeZone& zone = commands_.zone();
  out += paragraph(text("talks.section.next", {{"date", time::FormatWeekdayDate(zone, *v.meeting.starts_at, locale)},
                                                {"time", time::FormatTime(zone, *v.meeting.starts_at)},
                                                {"place", v.meeting.place}}));
  if (v.agenda.empty()) {
    out += paragraph(text("talks.agenda.none", {}));
  } else {
    out += paragraph(text("talks.agenda.heading", {})) + "<ol class=\"utrecht-ordered-list\">";
    for (const auto& item : v.agenda) {
      out += "<li class=\"utrecht-ordered-list__item\">" + html::Escape(item.text) + "</li>";
    }
    out += "</ol>";
  }
  out += paragraph("<a class=\"utrecht-link\" href=\"" + MeetingPath(v.meeting.id) + "\">" +
                   text("talks.section.meeting", {}) + "</a>");
  return out + "</section>";
}

}  // namespace wp::talks
