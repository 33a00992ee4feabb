#include "features/news/news_view.h"

#include "core/time/format.h"

namespace wp::news {

using nlohmann::json;

std::string NewsPath(const platforms::Platform& p) { return "/wijkplatform/" + p.slug + "/nieuws"; }
std::string ArchivePath(const platforms::Platform& p) { return "/wijkplatform/" + p.slug + "/nieuwsbrieven"; }

json PostJson(const web::Context& ctx, const time::TimeZone& zone, const Post& post, const platforms::Platform& p) {
  bool draft = post.status == PostStatus::kDraft;
  return {{"id", post.id},
          {"title", post.title},
          {"draft", draft},
          {"status_label", ctx.T(draft ? "news.status.draft" : "news.status.published")},
          {"badge", web::StatusBadge(ctx.T(draft ? "news.status.draft" : "news.status.published"),
                                     draft ? web::Tone::kInfo : web::Tone::kSuccess)},
          {"date", time::FormatDate(zone, post.published_at.value_or(post.created_at), ctx.locale)},
          {"author", post.author_name},
          {"url", NewsPath(p) + "/" + std::to_string(post.id)},
          {"admin_url", "/wijkplatform/" + p.slug + "/beheer/nieuws/" + std::to_string(post.id)}};
}

json LetterJson(const web::Context& ctx, const time::TimeZone& zone, const Newsletter& n,
                const platforms::Platform& p) {
  bool sent = n.sent_at.has_value();
  return {{"id", n.id},
          {"subject", n.subject},
          {"sent", sent},
          {"status_label", ctx.T(sent ? "news.newsletter.status_sent" : "news.newsletter.status_unsent")},
          {"date", time::FormatDate(zone, n.sent_at.value_or(n.created_at), ctx.locale)},
          {"recipients", n.recipient_count},
          {"url", ArchivePath(p) + "/" + std::to_string(n.id)},
          {"admin_url", "/wijkplatform/" + p.slug + "/beheer/nieuwsbrief/" + std::to_string(n.id)}};
}

json PlatformCrumbs(const platforms::Platform& p, std::vector<web::Crumb> trail) {
  trail.insert(trail.begin(), web::Crumb{p.name, "/wijkplatform/" + p.slug});
  return web::Breadcrumb(trail);
}

}  // namespace wp::news
