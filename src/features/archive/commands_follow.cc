// ArchiveCommands: following platforms and the daily digest of council members.
#include <algorithm>

#include "core/mail/outbox.h"
#include "core/time/format.h"
#include "features/archive/commands.h"

namespace wp::archive {

namespace {

Error NotCouncilMember() { return Forbidden("not a council member", "archive.error.not_council_member"); }

}  // namespace

Result<void> ArchiveCommands::Follow(const auth::User& user, int64_t platform_id) {
  if (!CanFollow(&user)) return NotCouncilMember();
  WP_ASSIGN_OR_RETURN(platforms::Platform p, PlatformById(platform_id));
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_TRY_VOID(ArchiveStore::Follow(c, user.id, p.id, clock_.NowUnixSeconds()));
    return Ok();
  });
}

Result<void> ArchiveCommands::Unfollow(const auth::User& user, int64_t platform_id) {
  if (!CanFollow(&user)) return NotCouncilMember();
  WP_ASSIGN_OR_RETURN(platforms::Platform p, PlatformById(platform_id));
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_TRY_VOID(ArchiveStore::Unfollow(c, user.id, p.id, clock_.NowUnixSeconds()));
    return Ok();
  });
}

Result<std::vector<platforms::Platform>> ArchiveCommands::Following(const auth::User& user) const {
  WP_ASSIGN_OR_RETURN(auto ids, db_.Read([&](db::Connection& c) { return ArchiveStore::Followed(c, user.id); }));
  std::vector<platforms::Platform> out;
  for (int64_t id : ids) {
    WP_ASSIGN_OR_RETURN(auto p, directory_.FindById(id));
    if (p) out.push_back(std::move(*p));
  }
  return out;
}

Result<bool> ArchiveCommands::Follows(const auth::User& user, int64_t platform_id) const {
  WP_ASSIGN_OR_RETURN(auto ids, db_.Read([&](db::Connection& c) { return ArchiveStore::Followed(c, user.id); }));
  return std::find(ids.begin(), ids.end(), platform_id) != ids.end();
}

std::string ArchiveCommands::DigestBody(const accounts::Person& person, const std::vector<Document>& docs) const {
  const std::string& locale = person.locale;
  std::string body = catalog_.Format(locale, "archive.digest.greeting", {{"name", person.display_name}}) + "\n\n" +
                     catalog_.Format(locale, "archive.digest.intro",
                                     {{"count", static_cast<int64_t>(docs.size())}}) +
                     "\n\n";
  for (const auto& d : docs) {
    auto p = directory_.FindById(d.platform_id);
    std::string platform = p.has_value() && *p ? (*p)->name : "";
    body += "- " + platform + ": " + d.title + " (" +
            catalog_.Format(locale, "archive.kind." + std::string(KindName(d.kind))) + ")\n  " +
            settings_.base_url + "/archief/" + std::to_string(d.id) + "\n";
  }
  return body + "\n" + catalog_.Format(locale, "archive.digest.footer", {{"url", settings_.base_url + "/mijn/volgen"}}) +
         "\n";
}

Result<void> ArchiveCommands::DigestFor(int64_t user_id, int64_t follow_since, const std::string& day, int64_t now,
                                        int& sent) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto members, roles_.Holders(c, auth::Role::kCouncilMember, ""));
    auto member = std::find_if(members.begin(), members.end(), [&](const auto& m) { return m.id == user_id; });
    if (member == members.end()) return Ok();  // no longer a council member: no digest
    WP_ASSIGN_OR_RETURN(auto last, ArchiveStore::LastDigestUntil(c, user_id));
    int64_t since = std::max(follow_since, last.value_or(0));
    WP_ASSIGN_OR_RETURN(auto platforms, ArchiveStore::Followed(c, user_id));
    WP_ASSIGN_OR_RETURN(auto docs, ArchiveStore::PublishedBetween(c, platforms, since, now));
    WP_ASSIGN_OR_RETURN(bool claimed,
                        ArchiveStore::ClaimDigest(c, user_id, day, now, static_cast<int64_t>(docs.size())));
    if (!claimed || docs.empty()) return Ok();
    mail::OutgoingMail m;
    m.to = member->email;
    m.subject = settings_.site_name + ": " +
                catalog_.Format(member->locale, "archive.digest.subject", {{"count", static_cast<int64_t>(docs.size())}});
    m.body_text = DigestBody(*member, docs);
    WP_TRY_VOID(mail::Enqueue(c, m, now));
    ++sent;
    return Ok();
  });
}

Result<int> ArchiveCommands::SendDigests() {
  int64_t now = clock_.NowUnixSeconds();
  time::LocalDateTime local = zone_.ToLocal(now);
  if (local.hour < settings_.digest_hour) return 0;
  std::string day = time::DateInputValue(local);
  WP_ASSIGN_OR_RETURN(auto followers, db_.Read([](db::Connection& c) { return ArchiveStore::Followers(c); }));
  int sent = 0;
  for (const auto& [user_id, since] : followers) WP_TRY_VOID(DigestFor(user_id, since, day, now, sent));
  return sent;
}

}  // namespace wp::archive
