#include "features/budgets/edition_form.h"

#include <algorithm>
#include <charconv>

#include "core/money.h"
#include "core/strings.h"
#include "core/time/format.h"
#include "core/web/forms.h"
#include "features/budgets/page_data.h"

namespace wp::budgets {

using nlohmann::json;

namespace {

constexpr const char* kDateFields[] = {"plans_open", "likes_open", "review_open", "voting_open", "voting_close"};

class FormReader {
 public:
  FormReader(const http::FormData& form, std::vector<FieldError>& errors) : form_(form), errors_(errors) {}

  int WholeNumber(const std::string& name, int fallback, bool required) {
    std::string v(Trim(form_.Get(name)));
    if (v.empty()) {
      if (required) errors_.push_back({name, "web.required"});
      return fallback;
    }
    int out = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (ec != std::errc() || p != v.data() + v.size()) {
      errors_.push_back({name, "budgets.edition.error.number"});
      return fallback;
    }
    return out;
  }

  std::optional<int64_t> Amount(const std::string& name, bool required) {
    std::string v(Trim(form_.Get(name)));
    if (v.empty() && !required) return std::nullopt;
    auto money = ParseMoney(v);
    if (!money) {
      errors_.push_back({name, "budgets.edition.error.money"});
      return std::nullopt;
    }
    return money->cents;
  }

  int64_t Date(const std::string& name, const time::TimeZone& zone, bool last_day) {
    auto d = time::ParseDateInput(form_.Get(name));
    if (!d) {
      errors_.push_back({name, "budgets.edition.error.date"});
      return 0;
    }
    return last_day ? time::EndOfDay(zone, *d) : zone.StartOfDay(*d);
  }

 private:
  const http::FormData& form_;
  std::vector<FieldError>& errors_;
};

std::set<std::string> AreaOfForm(const http::FormData& form, const geography::Municipality& m,
                                 const std::string& borough_slug, std::vector<FieldError>& errors) {
  std::set<std::string> area;
  std::vector<std::string> wijken = form.GetAll("wijk");
  for (const auto& w : wijken) {
    auto code = geography::DistrictCode::Parse(w);
    auto buurten =
        code ? geography::NeighbourhoodsOfDistrict(m, *code) : std::vector<const geography::Neighbourhood*>{};
    if (buurten.empty()) area.insert(w);  // reported as unknown by CheckEdition
    for (const auto* n : buurten) area.insert(n->code.str());
  }
  if (!wijken.empty()) return area;
  const geography::Borough* b = geography::FindBoroughBySlug(m, borough_slug);
  if (!b && !borough_slug.empty()) errors.push_back({"area", "budgets.edition.error.borough"});
  for (const auto& n : m.neighbourhoods) {
    if (!b || n.borough == b->name) area.insert(n.code.str());
  }
  return area;
}

// The wijken whose buurten are all in the area, unless the area is the
// whole stadsdeel (then none is ticked).
std::vector<std::string> TickedWijken(const Edition& e, const geography::Municipality& m) {
  const geography::Borough* b = geography::FindBoroughBySlug(m, e.borough_slug);
  size_t borough_buurten = 0;
  if (b) {
    for (const auto& n : m.neighbourhoods) borough_buurten += n.borough == b->name ? 1 : 0;
  }
  std::vector<std::string> ticked;
  if (b && borough_buurten == e.area.size()) return ticked;
  for (const auto& d : m.districts) {
    auto buurten = geography::NeighbourhoodsOfDistrict(m, d.code);
    bool all = !buurten.empty();
    for (const auto* n : buurten) all = all && e.area.count(n->code.str());
    if (all) ticked.push_back(d.code.str());
  }
  return ticked;
}

json AreaChoices(const web::Context& ctx, const http::FormData& form, const geography::Municipality& m, json& wijken) {
  std::string borough = form.Get("borough");
  std::vector<std::string> chosen = form.GetAll("wijk");
  json boroughs = json::array();
  boroughs.push_back(
      {{"slug", ""}, {"name", ctx.T("budgets.field.whole_municipality")}, {"selected", borough.empty()}});
  wijken = json::array();
  for (const auto& b : m.boroughs) {
    boroughs.push_back({{"slug", b.slug}, {"name", b.name}, {"selected", b.slug == borough}});
    json districts = json::array();
    for (const auto* d : geography::DistrictsOfBorough(m, b.name)) {
      bool checked = std::find(chosen.begin(), chosen.end(), d->code.str()) != chosen.end();
      districts.push_back({{"code", d->code.str()}, {"name", d->name}, {"checked", checked}});
    }
    wijken.push_back({{"borough", b.name}, {"districts", districts}});
  }
  return boroughs;
}

}  // namespace

ParsedEdition EditionFromForm(const http::FormData& form, const geography::Municipality& m,
                              const time::TimeZone& zone) {
  ParsedEdition out;
  Edition& e = out.edition;
  FormReader read(form, out.errors);
  e.title = form.Get("title");
  e.slug = ToLower(Trim(form.Get("slug")));
  if (e.slug.empty()) e.slug = Slugify(e.title);
  e.description = form.Get("description");
  e.borough_slug = form.Get("borough");
  e.budget_cents = read.Amount("budget", true).value_or(0);
  const std::string themes_text = form.Get("themes");  // Split returns views into it
  for (auto line : Split(themes_text, '\n')) {
    std::string t(Trim(line));
    if (!t.empty()) e.themes.push_back(t);
  }
  e.min_age = read.WholeNumber("min_age", 16, true);
  e.like_threshold = read.WholeNumber("like_threshold", 50, true);
  e.max_plans = read.WholeNumber("max_plans", 0, false);
  e.ballot_kind = ParseBallotKind(form.Get("ballot_kind")).value_or(BallotKind::kSplitBudget);
  if (e.ballot_kind == BallotKind::kSplitBudget) e.max_plans = 0;
  e.counting_rule = ParseCountingRule(form.Get("counting_rule")).value_or(CountingRule::kGreedy);
  e.min_spend_cents = read.Amount("min_spend", false);
  e.max_spend_cents = read.Amount("max_spend", false);
  e.dates.plans_open = read.Date("plans_open", zone, false);
  e.dates.likes_open = read.Date("likes_open", zone, false);
  e.dates.review_open = read.Date("review_open", zone, false);
  e.dates.voting_open = read.Date("voting_open", zone, false);
  e.dates.voting_close = read.Date("voting_close", zone, true);
  e.published = form.Get("published") == "1";
  e.area = AreaOfForm(form, m, e.borough_slug, out.errors);
  return out;
}

http::FormData FormOfEdition(const Edition& e, const geography::Municipality& m, const time::TimeZone& zone,
                             std::string_view locale) {
  http::FormData f;
  f.AddField("title", e.title);
  f.AddField("slug", e.slug);
  f.AddField("description", e.description);
  f.AddField("budget", PlainAmount(e.budget_cents, locale));
  f.AddField("themes", JoinStrings(e.themes, "\n"));
  f.AddField("min_age", std::to_string(e.min_age));
  f.AddField("like_threshold", std::to_string(e.like_threshold));
  if (e.max_plans > 0) f.AddField("max_plans", std::to_string(e.max_plans));
  if (e.min_spend_cents) f.AddField("min_spend", PlainAmount(*e.min_spend_cents, locale));
  if (e.max_spend_cents) f.AddField("max_spend", PlainAmount(*e.max_spend_cents, locale));
  // The voting_close field holds the last day of voting (voting closes at the end of it).
  f.AddField("plans_open", time::DateInputValue(zone, e.dates.plans_open));
  f.AddField("likes_open", time::DateInputValue(zone, e.dates.likes_open));
  f.AddField("review_open", time::DateInputValue(zone, e.dates.review_open));
  f.AddField("voting_open", time::DateInputValue(zone, e.dates.voting_open));
  f.AddField("voting_close", time::LastDayInputValue(zone, e.dates.voting_close));
  f.AddField("borough", e.borough_slug);
  f.AddField("ballot_kind", std::string(BallotKindName(e.ballot_kind)));
  f.AddField("counting_rule", std::string(CountingRuleName(e.counting_rule)));
  if (e.published) f.AddField("published", "1");
  for (const auto& code : TickedWijken(e, m)) f.AddField("wijk", code);
  return f;
}

http::FormData NewEditionForm(const web::Context& ctx) {
  http::FormData f;
  f.AddField("min_age", "16");
  f.AddField("like_threshold", "50");
  f.AddField("themes", ctx.T("budgets.field.themes_default"));
  for (const auto& g : ctx.user->grants) {
    if (g.role == auth::Role::kAreaLiaison && !g.scope.empty()) {
      f.AddField("borough", g.scope);
      break;
    }
  }
  return f;
}

json EditionFormData(const web::Context& ctx, const http::FormData& form, const geography::Municipality& m,
                     const std::vector<FieldError>& errors) {
  web::FormView view(ctx, errors);
  auto text = [&](const std::string& name, const std::string& type, const std::string& hint, bool required,
                  const std::string& inputmode = "") {
    view.Field({.name = name,
                .label_key = "budgets.field." + name,
                .type = type,
                .value = form.Get(name),
                .description_key = hint,
                .required = required,
                .inputmode = inputmode});
  };
  text("title", "text", "", true);
  text("slug", "text", "budgets.field.slug_hint", true);
  view.Field({.name = "description",
              .label_key = "budgets.field.description",
              .value = form.Get("description"),
              .required = false,
              .textarea = true,
              .rows = 5});
  text("budget", "text", "budgets.field.budget_hint", true, "decimal");
  view.Field({.name = "themes",
              .label_key = "budgets.field.themes",
              .value = form.Get("themes"),
              .description_key = "budgets.field.themes_hint",
              .textarea = true,
              .rows = 4});
  view.Label("area", "budgets.field.area");
  text("min_age", "number", "", true, "numeric");
  text("like_threshold", "number", "budgets.field.like_threshold_hint", true, "numeric");
  text("max_plans", "number", "budgets.field.max_plans_hint", false, "numeric");
  text("min_spend", "text", "budgets.field.spend_hint", false, "decimal");
  text("max_spend", "text", "budgets.field.spend_hint", false, "decimal");
  for (const char* d : kDateFields) text(d, "date", "", true);
  json wijken;
  json data = {{"boroughs", AreaChoices(ctx, form, m, wijken)},
               {"area_error", view.ErrorFor("area")},
               {"kind_split", form.Get("ballot_kind") != "pick_up_to"},
               {"kind_pick", form.Get("ballot_kind") == "pick_up_to"},
               {"rule_greedy", form.Get("counting_rule") != "equal_shares"},
               {"rule_mes", form.Get("counting_rule") == "equal_shares"},
               {"published", form.Get("published") == "1"}};
  data["wijken"] = wijken;
  view.AppendTo(data);
  return data;
}

}  // namespace wp::budgets
