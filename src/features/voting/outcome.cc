#include "features/voting/outcome.h"

#include <nlohmann/json.hpp>

namespace wp::voting {

using nlohmann::json;

std::string OutcomeJson(const Outcome& o) {
  json plans = json::array();
  for (const auto& p : o.plans) {
    plans.push_back({{"plan_id", p.plan_id},
                     {"title", p.title},
                     {"theme", p.theme},
                     {"summary", p.summary},
                     {"cost_cents", p.cost_cents},
                     {"votes", p.votes},
                     {"selected", p.selected},
                     {"euros_cents", p.euros_cents},
                     {"verdict", p.verdict}});
  }
  json out = {{"selected", o.selected},
              {"total_cost_cents", o.total_cost_cents},
              {"leftover_cents", o.leftover_cents},
              {"plans", plans}};
  if (o.explanation) out["explanation"] = json::parse(budgets::counting::ExplanationToJson(*o.explanation));
  return out.dump();
}

Result<Outcome> ParseOutcomeJson(std::string_view text) {
  json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Internal("the stored outcome is not JSON");
  try {
    Outcome o;
    o.selected = j.at("selected").get<std::vector<int64_t>>();
    o.total_cost_cents = j.at("total_cost_cents").get<int64_t>();
    o.leftover_cents = j.at("leftover_cents").get<int64_t>();
    for (const auto& p : j.at("plans")) {
      o.plans.push_back({p.at("plan_id").get<int64_t>(), p.at("title").get<std::string>(),
                         p.at("theme").get<std::string>(), p.at("summary").get<std::string>(),
                         p.at("cost_cents").get<int64_t>(), p.at("votes").get<int64_t>(), p.at("selected").get<bool>(),
                         p.at("euros_cents").get<int64_t>(), p.at("verdict").get<std::string>()});
    }
    if (j.contains("explanation")) {
      auto explanation = budgets::counting::ExplanationFromJson(j["explanation"].dump());
      if (!explanation) return Internal("the stored outcome has a broken explanation: " + explanation.error().detail);
      o.explanation = std::move(*explanation);
    }
    return o;
  } catch (const json::exception& e) {
    return Internal(std::string("the stored outcome is incomplete: ") + e.what());
  }
}

}  // namespace wp::voting
