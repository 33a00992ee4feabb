// What the budgets page classes share: their dependencies, the paths of the
// pages, and the view data of editions and plans built on the shared
// components (core/web/components.h). Thread-safe (no state).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/time/time_zone.h"
#include "core/web/components.h"
#include "core/web/web.h"
#include "features/budgets/commands.h"
#include "features/budgets/places.h"

namespace wp::budgets {

// What every budgets page class needs.
struct PageDeps {
  const web::Web& web;
  BudgetCommands& commands;
  MunicipalityFn municipality;
  const time::TimeZone& zone;  // every date shown or typed
};

// --- paths
inline constexpr const char* kEditionsPath = "/wijkbudget";
inline constexpr const char* kAdminPath = "/beheer/wijkbudget";
std::string EditionPath(const Edition& e);                // /wijkbudget/{slug}
std::string PlansPath(const Edition& e);                  // /wijkbudget/{slug}/plannen
std::string PlanPath(const Edition& e, int64_t plan_id);  // /wijkbudget/{slug}/plannen/{id}
std::string AdminEditionPath(const Edition& e);           // /beheer/wijkbudget/{slug}
std::string AdminPlansPath(const Edition& e);             // /beheer/wijkbudget/{slug}/plannen
std::string AdminPlanPath(const Edition& e, int64_t plan_id);

// --- breadcrumb steps, from the top: Wijk aan Zet > edition > plans > plan;
// for staff: Wijk aan Zet beheren > edition > plans > plan.
web::Crumb EditionsCrumb(const web::Context& ctx);
web::Crumb EditionCrumb(const Edition& e);
web::Crumb PlansCrumb(const web::Context& ctx, const Edition& e);
web::Crumb AdminCrumb(const web::Context& ctx);
web::Crumb AdminPlansCrumb(const web::Context& ctx, const Edition& e);

// --- words
// "€ 1.250,50" in the request's language.
std::string MoneyText(const web::Context& ctx, int64_t cents);
// An amount as typed in a form field: no euro sign, no grouping, the
// locale's decimal mark ("1250,50" in nl, "1250.50" in en), whole euros bare.
std::string PlainAmount(int64_t cents, std::string_view locale);
std::string PlanStatusLabel(const web::Context& ctx, PlanStatus s);
nlohmann::json PlanStatusBadge(const web::Context& ctx, PlanStatus s);
std::string PhaseLabel(const web::Context& ctx, Phase p);
nlohmann::json PhaseBadge(const web::Context& ctx, Phase p);

// --- editions
// slug, title, description, published, phase_label, now_text (what happens
// in the phase) and next_text (what comes next, with its date).
nlohmann::json EditionData(const web::Context& ctx, const Edition& e, Phase phase, const time::TimeZone& zone);
// The five public phases as a PhaseStepper, each with the day it starts.
nlohmann::json PhaseSteps(const web::Context& ctx, const Edition& e, Phase phase, const time::TimeZone& zone);
// Budget, area, themes, who may take part, likes needed, ballot and counting
// rule as a SummaryList.
nlohmann::json EditionFacts(const web::Context& ctx, const Edition& e, const geography::Municipality& m);

// --- plans
// A plan in a list: its title (linking to `href`), theme, buurt and cost,
// and its status badge.
nlohmann::json PlanCard(const web::Context& ctx, const Plan& p, const geography::Municipality& m,
                        const std::string& href);
// "3 van 50 likes".
std::string LikesText(const web::Context& ctx, const Edition& e, const Plan& p);
// Likes against the threshold: likes_text, reached, threshold, progress_value.
nlohmann::json LikesData(const web::Context& ctx, const Edition& e, const Plan& p);
// True for the plans the public lists show (not withdrawn or merged away).
bool IsListed(PlanStatus s);

}  // namespace wp::budgets
