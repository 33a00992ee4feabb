#include "core/web/components.h"

#include <algorithm>

namespace wp::web {

using nlohmann::json;

json Breadcrumb(const std::vector<Crumb>& trail) {
  if (trail.empty()) return nullptr;
  json items = json::array();
  for (size_t i = 0; i < trail.size(); ++i) {
    items.push_back({{"label", trail[i].label}, {"href", trail[i].href}, {"current", i + 1 == trail.size()}});
  }
  return {{"items", std::move(items)}};
}

namespace {

const char* ToneClass(Tone tone) {
  switch (tone) {
    case Tone::kNeutral:
      return "neutral";
    case Tone::kInfo:
      return "active";
    case Tone::kSuccess:
      return "success";
    case Tone::kWarning:
      return "warning";
    case Tone::kDanger:
      return "danger";
  }
  return "neutral";
}

const char* KindClass(ActionKind kind) {
  switch (kind) {
    case ActionKind::kPrimary:
      return "primary-action";
    case ActionKind::kSecondary:
      return "secondary-action";
    case ActionKind::kSubtle:
      return "subtle";
  }
  return "secondary-action";
}

}  // namespace

json StatusBadge(std::string label, Tone tone) { return {{"label", std::move(label)}, {"tone", ToneClass(tone)}}; }

json ActionLink(std::string label, std::string href, ActionKind kind) {
  return {{"label", std::move(label)},
          {"href", std::move(href)},
          {"kind", KindClass(kind)},
          {"is_link", true},
          {"hidden", json::array()}};
}

json ActionButton(std::string label, std::string action_url, std::string csrf, ActionKind kind,
                  std::vector<std::pair<std::string, std::string>> hidden) {
  json fields = json::array();
  for (auto& [name, value] : hidden) fields.push_back({{"name", std::move(name)}, {"value", std::move(value)}});
  return {{"label", std::move(label)}, {"action", std::move(action_url)}, {"csrf", std::move(csrf)},
          {"kind", KindClass(kind)},   {"hidden", std::move(fields)},     {"is_link", false}};
}

json Card(const CardSpec& card) {
  // Every key is set (empty when unused): a missing key would be looked up
  // in the enclosing page data by the template engine.
  json j = {{"title", card.title}, {"level", std::clamp(card.heading_level, 2, 4)},
            {"href", card.href},   {"text", card.text},
            {"meta", card.meta},   {"badge", card.badge}};
  int level = j["level"].get<int>();
  j["h2"] = level == 2;
  j["h3"] = level == 3;
  j["h4"] = level == 4;
  return j;
}

json PhaseStepper(const std::vector<Step>& steps, int current) {
  json items = json::array();
  for (size_t i = 0; i < steps.size(); ++i) {
    int index = static_cast<int>(i);
    std::string state = current < 0 ? "todo" : index < current ? "done" : index == current ? "current" : "todo";
    json step = {{"label", steps[i].label}, {"number", index + 1},           {"state", state},
                 {"done", state == "done"}, {"current", state == "current"}, {"detail", steps[i].detail}};
    items.push_back(std::move(step));
  }
  return {{"steps", std::move(items)}};
}

json SummaryList(const std::vector<SummaryRow>& rows) {
  json items = json::array();
  for (const auto& r : rows) {
    items.push_back({{"key", r.key}, {"value", r.value}, {"href", r.href}});
  }
  return {{"rows", std::move(items)}};
}

json Table(std::string caption, const std::vector<std::string>& headings, const std::vector<std::vector<Cell>>& rows,
           bool caption_visible) {
  json head = json::array();
  for (const auto& h : headings) head.push_back({{"text", h}, {"numeric", false}});
  json body = json::array();
  for (const auto& row : rows) {
    json cells = json::array();
    for (size_t i = 0; i < row.size(); ++i) {
      cells.push_back({{"text", row[i].text},
                       {"numeric", row[i].numeric},
                       {"first", i == 0},
                       {"href", row[i].href},
                       {"id", row[i].id}});
    }
    // Moved, not copied: a json initializer list copies what it is given.
    body.push_back({{"cells", std::move(cells)}});
  }
  // Numeric columns align their headings too.
  if (!rows.empty()) {
    for (size_t i = 0; i < head.size() && i < rows.front().size(); ++i) head[i]["numeric"] = rows.front()[i].numeric;
  }
  return {{"caption", std::move(caption)},
          {"caption_visible", caption_visible},
          {"head", std::move(head)},
          {"rows", std::move(body)}};
}

namespace {

std::string PageUrl(const std::string& base_url, int64_t n) {
  if (n == 1) return base_url;
  return base_url + (base_url.find('?') == std::string::npos ? "?" : "&") + "pagina=" + std::to_string(n);
}

int64_t LastPage(int64_t total_items, int64_t per_page) {
  if (per_page <= 0) return 1;
  return std::max<int64_t>(1, (total_items + per_page - 1) / per_page);
}

}  // namespace

int64_t PageNumber(const std::optional<std::string>& query_value, int64_t total_items, int64_t per_page) {
  int64_t n = 1;
  if (query_value && !query_value->empty() && query_value->size() < 10 &&
      std::all_of(query_value->begin(), query_value->end(), [](char c) { return c >= '0' && c <= '9'; })) {
    n = std::stoll(*query_value);
  }
  return std::clamp<int64_t>(n, 1, LastPage(total_items, per_page));
}

json Pagination(int64_t total_items, int64_t page, int64_t per_page, const std::string& base_url,
                const PaginationLabels& labels) {
  int64_t last = LastPage(total_items, per_page);
  if (last <= 1) return nullptr;
  page = std::clamp<int64_t>(page, 1, last);
  json pages = json::array();
  // First, last, and two on each side of the current page; gaps as "…".
  int64_t prev_shown = 0;
  for (int64_t n = 1; n <= last; ++n) {
    bool show = n == 1 || n == last || (n >= page - 2 && n <= page + 2);
    if (!show) continue;
    if (n - prev_shown > 1) pages.push_back({{"gap", true}, {"current", false}});
    pages.push_back({{"gap", false}, {"number", n}, {"href", PageUrl(base_url, n)}, {"current", n == page}});
    prev_shown = n;
  }
  json j = {{"nav", labels.nav}, {"pages", pages}, {"previous", nullptr}, {"next", nullptr}};
  if (page > 1) j["previous"] = {{"label", labels.previous}, {"href", PageUrl(base_url, page - 1)}};
  if (page < last) j["next"] = {{"label", labels.next}, {"href", PageUrl(base_url, page + 1)}};
  return j;
}

json EmptyState(std::string message, json action) {
  return {{"message", std::move(message)}, {"action", std::move(action)}};
}

}  // namespace wp::web
