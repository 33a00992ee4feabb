#include "features/offers/public_pages.h"

#include "core/web/components.h"
#include "features/offers/offer_view.h"

namespace wp::offers {

namespace {

using nlohmann::json;
using web::Context;

}  // namespace

Result<http::Response> PublicPages::Board(Context& ctx) {
  BoardFilter filter;
  std::string kind = ctx.Query("soort").value_or("");
  filter.kind = ParseKind(kind);
  auto m = commands_.geography().current();
  std::string wijk = ctx.Query("wijk").value_or("");
  auto code = geography::DistrictCode::Parse(wijk);
  if (code && geography::FindDistrict(*m, *code)) filter.district_code = code->str();
  WP_ASSIGN_OR_RETURN(auto board, commands_.PublicBoard(filter));
  json needs = json::array();
  for (const auto& n : board.needs) {
    json x = NeedJson(ctx, commands_, n.need);
    x["initiative"] = n.initiative_title;
    x["initiative_path"] = "/vraag-en-aanbod/initiatief/" + std::to_string(n.initiative_id);
    needs.push_back(std::move(x));
  }
  json offers = json::array();
  for (const auto& o : board.offers) offers.push_back(OfferJson(ctx, commands_, o));
  json matches = json::array();
  for (const auto& p : board.matches) {
    matches.push_back({{"need", p.need.need.what.text},
                       {"initiative", p.need.initiative_title},
                       {"initiative_path", "/vraag-en-aanbod/initiatief/" + std::to_string(p.need.initiative_id)},
                       {"offer", p.offer.what.text},
                       {"name", p.offer.what.name},
                       {"why", MatchLabel(ctx, p.match)}});
  }
  json kinds = KindOptions(ctx, filter.kind);
  json data = {{"kinds", kinds},
               {"districts", DistrictOptions(*m, filter.district_code)},
               {"needs", needs},
               {"offers", offers},
               {"matches", matches},
               {"has_needs", !needs.empty()},
               {"has_offers", !offers.empty()},
               {"has_matches", !matches.empty()},
               {"no_needs", web::EmptyState(ctx.T("offers.board.no_needs"))},
               {"no_offers", web::EmptyState(ctx.T("offers.board.no_offers"))},
               {"new_offer", web::ActionLink(ctx.T("offers.board.new_offer"), "/vraag-en-aanbod/aanbod/nieuw",
                                             web::ActionKind::kPrimary)}};
  return web_.Render(ctx, "offers/board.html", "offers.board.title", data);
}

Result<http::Response> PublicPages::Initiative(Context& ctx) {
  WP_ASSIGN_OR_RETURN(int64_t id, ctx.IdParam("id"));
  WP_ASSIGN_OR_RETURN(auto board, commands_.PublicInitiative(id));
  json needs = json::array();
  for (size_t k = 0; k < board.needs.size(); ++k) {
    json n = NeedJson(ctx, commands_, board.needs[k]);
    json offers = json::array();
    for (const auto& s : board.suggestions[k]) {
      json o = OfferJson(ctx, commands_, *s.offer);
      o["why"] = MatchLabel(ctx, s.ranked.match);
      offers.push_back(std::move(o));
    }
    n["offers"] = offers;
    n["has_offers"] = !offers.empty();
    needs.push_back(std::move(n));
  }
  json data = {{"title_text", board.title},
               {"initiative_path", "/initiatieven/" + std::to_string(board.initiative_id)},
               {"needs", needs},
               {"has_needs", !needs.empty()},
               {"empty", web::EmptyState(ctx.T("offers.initiative.empty"))},
               {"breadcrumb",
                web::Breadcrumb({{ctx.T("offers.nav.board"), "/vraag-en-aanbod"}, {board.title, ""}})}};
  return web_.Render(ctx, "offers/initiative.html", "offers.initiative.title", data);
}

Result<http::Response> PublicPages::Funds(Context& ctx) {
  WP_ASSIGN_OR_RETURN(auto funds, commands_.Funds());
  json list = json::array();
  for (const auto& f : funds) {
    list.push_back({{"name", f.name}, {"what", f.what}, {"amounts", f.amounts}, {"url", f.url}, {"areas", f.areas}});
  }
  json data = {{"funds", list},
               {"has_funds", !list.empty()},
               {"empty", web::EmptyState(ctx.T("offers.funds.empty"))},
               {"breadcrumb", web::Breadcrumb({{ctx.T("offers.nav.board"), "/vraag-en-aanbod"},
                                               {ctx.T("offers.funds.title"), ""}})}};
  return web_.Render(ctx, "offers/funds.html", "offers.funds.title", data);
}

}  // namespace wp::offers
