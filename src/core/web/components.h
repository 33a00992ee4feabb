// Page components shared by every feature: the data shapes rendered by the
// partials in views/components/*.html, built on NL Design System (Utrecht)
// classes. A page adds a component's data to its view data and includes the
// partial, e.g. `{{#status}}{{> web/components/status_badge.html}}{{/status}}`.
// Breadcrumbs are rendered by the layout itself from data["breadcrumb"].
// Labels are translated text (callers pass ctx.T(...) or user content);
// every value is escaped by the template engine. Pure.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace wp::web {

// --- breadcrumb: where the page sits, from the top down to the page itself.
struct Crumb {
  std::string label;
  std::string href;
};
// The trail for data["breadcrumb"]; the last crumb is the current page
// (aria-current="page"). Null (nothing shown) for an empty trail.
nlohmann::json Breadcrumb(const std::vector<Crumb>& trail);

// --- status badge: the state of a thing in words, with a colour that only
// supports the words (never the only signal).
enum class Tone { kNeutral, kInfo, kSuccess, kWarning, kDanger };
nlohmann::json StatusBadge(std::string label, Tone tone);

// --- actions: a link that looks like a button navigates (GET); a button in
// its own small form changes something (POST with the CSRF token).
enum class ActionKind { kPrimary, kSecondary, kSubtle };
nlohmann::json ActionLink(std::string label, std::string href, ActionKind kind = ActionKind::kSecondary);
// `csrf` is the page's token (Context::csrf_token); `hidden` adds fields.
nlohmann::json ActionButton(std::string label, std::string action_url, std::string csrf,
                            ActionKind kind = ActionKind::kSecondary,
                            std::vector<std::pair<std::string, std::string>> hidden = {});

// --- card: one item in a list of things (a plan, an event, a platform).
struct CardSpec {
  std::string title;
  std::string href;       // the title links here when set
  std::string text;       // a short description
  std::string meta;       // a line of facts (date, place, amount)
  nlohmann::json badge;   // a StatusBadge, or null
  int heading_level = 3;  // 2..4, so the page's outline stays right
};
nlohmann::json Card(const CardSpec& card);

// --- phase stepper: the steps of a process with the current one marked.
struct Step {
  std::string label;
  std::string detail;  // e.g. the date the step starts
};
// `current` is the index of the current step; steps before it are done.
// current == steps.size() marks every step done; -1 none.
nlohmann::json PhaseStepper(const std::vector<Step>& steps, int current);

// --- summary list: facts about one thing as key/value rows.
struct SummaryRow {
  std::string key;
  std::string value;
  std::string href;  // the value links here when set
};
nlohmann::json SummaryList(const std::vector<SummaryRow>& rows);

// --- table: a caption (required: it names the table for screen readers),
// column headings and rows of cells. Numeric cells align to the end.
struct Cell {
  std::string text;
  std::string href;
  bool numeric = false;
  std::string id;  // the cell's element id, a link target ("#id"), e.g. from a map
};
nlohmann::json Table(std::string caption, const std::vector<std::string>& headings,
                     const std::vector<std::vector<Cell>>& rows, bool caption_visible = true);

// --- pagination of a long list. Page numbers start at 1. `url_of(n)` is
// built as base_url + (base_url has '?' ? '&' : '?') + "pagina=" + n. Labels
// are translated by the caller: {previous, next, page (with {n}), nav}.
struct PaginationLabels {
  std::string nav;       // aria-label of the <nav>, e.g. "Pagina's"
  std::string previous;  // "Vorige"
  std::string next;      // "Volgende"
};
// Null when everything fits on one page.
nlohmann::json Pagination(int64_t total_items, int64_t page, int64_t per_page, const std::string& base_url,
                          const PaginationLabels& labels);
// The page number asked for in ?pagina=N, clamped to 1..last page.
int64_t PageNumber(const std::optional<std::string>& query_value, int64_t total_items, int64_t per_page);

// --- empty state: what a list shows when it has nothing yet, and what to do.
nlohmann::json EmptyState(std::string message, nlohmann::json action = nullptr);

}  // namespace wp::web
