#include "features/promises/platform_section.h"

#include "core/html/escape.h"
#include "core/time/format.h"
#include "features/promises/promise_view.h"

namespace wp::promises {

std::string PlatformSection::Render(const platforms::Platform& p, std::string_view locale) const {
  auto text = [&](std::string_view key, const i18n::Args& args) {
    return html::Escape(catalog_.Format(locale, key, args));
  };
  std::string out =
      "<section class=\"wp-promises\" aria-labelledby=\"wp-promises-heading\">"
      "<h2 class=\"utrecht-heading-2\" id=\"wp-promises-heading\">" +
      text("promises.section.heading", {}) + "</h2>";
  auto list = commands_.OfPlatform(p.id);
  auto commitments = commands_.ContractCommitments(p.id);
  if (!list.has_value() || !commitments.has_value()) {
    return out + "<p class=\"utrecht-paragraph\">" + text("promises.section.unavailable", {}) + "</p></section>";
  }
  int64_t now = commands_.Now();
  int64_t open = 0, late = 0, done = 0;
  for (const auto& m : *list) {
    Shown s = ShownStatus(m, now);
    open += s == Shown::kOpen || s == Shown::kLate;
    late += s == Shown::kLate;
    done += s == Shown::kDone;
  }
  out += "<p class=\"utrecht-paragraph\">" +
         text("promises.section.counts", {{"open", open}, {"late", late}, {"done", done}}) + "</p>";
  out += "<ul class=\"utrecht-unordered-list\">";
  size_t shown = 0;
  for (const auto& m : *list) {
    if (m.status != Status::kOpen || shown++ >= kLines) continue;
    std::string due = time::FormatPeriodEnd(commands_.zone(), m.due_at, locale);
    std::string status = IsLate(m.status, m.due_at, now) ? text("promises.status.late", {}) + ", " : "";
    out += "<li class=\"utrecht-unordered-list__item\"><a class=\"utrecht-link\" href=\"" + PromisePath(m.id) + "\">" +
           html::Escape(m.text) + "</a> (" + status + text("promises.section.due", {{"date", due}}) + ")</li>";
  }
  if (!commitments->empty()) {
    out += "<li class=\"utrecht-unordered-list__item\">" +
           text("promises.section.contract", {{"count", static_cast<int64_t>(commitments->size())}}) + "</li>";
  }
  out += "<li class=\"utrecht-unordered-list__item\"><a class=\"utrecht-link\" href=\"" +
         html::Escape(PlatformPath(p)) + "\">" + text("promises.section.all", {}) + "</a></li></ul></section>";
  return out;
}

}  // namespace wp::promises
