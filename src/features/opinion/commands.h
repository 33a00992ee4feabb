// OpinionCommands: the use cases of opinion-map conversations. An organiser
// (permissions.h) creates a conversation for a wijk or buurt (a concept),
// adds seed statements (accepted at once), opens it, moderates what
// participants submit and closes it. Participants are anonymous: a random
// cookie token whose SHA-256 alone is stored, tied to the account when
// signed in. They submit short statements (checked, duplicates and floods
// refused, then moderated) and vote agree / disagree / pass; a new vote on
// the same statement replaces the old one. The map is computed from the
// published anonymous files (publish.h) on demand and cached until a vote or
// an accepted statement changes the conversation's version. Each change is
// one transaction. Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/user.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/random.h"
#include "core/result.h"
#include "features/opinion/conversation.h"
#include "features/opinion/publish.h"

namespace wp::opinion {

// A wijk or buurt as the conversation needs it (from the geography and the
// platforms; the feature's registration builds the lookup).
struct Area {
  std::string code;  // "WK039219" or "BU03921901"
  std::string name;
  std::string borough_slug;
  std::vector<std::string> platform_scopes;  // role scopes of the active platforms in its wijk
};
using AreaLookup = std::function<std::optional<Area>(std::string_view code)>;

struct Conversation {
  int64_t id = 0;
  std::string area_code, area_name, title, question;
  ConversationStatus status = ConversationStatus::kDraft;
  uint64_t seed = 1;
  int64_t version = 0;
  int64_t created_by = 0;
  int64_t created_at = 0;
};

struct Statement {
  int64_t id = 0;
  std::string text;
  StatementState state = StatementState::kPending;
  std::string reason;
  bool seed = false;  // the organiser's
  int64_t created_at = 0;
};

// Who is voting: the raw cookie token (empty when none) and the account.
struct Visitor {
  std::string token;
  const auth::User* user = nullptr;
};

struct ConversationForm {
  std::string area, title, question;
};

// The computed map of a conversation at `version`.
struct MapView {
  int64_t version = 0;
  uint64_t seed = 1;
  PublishedData data;
  std::optional<PublishedMap> published;  // nullopt: no votes yet
  std::map<std::string, std::string> text;  // published statement id -> text
};

struct OpinionSettings {
  RateLimits limits;
  int min_participants = 10;  // fewer voters: no groups shown, a notice instead
};

class OpinionCommands {
 public:
  OpinionCommands(db::Database& db, const Clock& clock, Random& random, AreaLookup areas, OpinionSettings settings);

  const OpinionSettings& settings() const { return settings_; }
  std::optional<Area> AreaOf(std::string_view code) const { return areas_(code); }

  // Errors: kForbidden (opinion.error.forbidden), kInvalidInput with fields
  // title, question, area.
  Result<int64_t> Create(const auth::User& user, const ConversationForm& form);
  // Errors: kNotFound, kForbidden, those of MoveTo.
  Result<void> ChangeStatus(const auth::User& user, int64_t id, std::string_view wanted);
  // A statement of the organiser, accepted at once (also in a concept).
  // Errors: kNotFound, kForbidden, kConflict (closed), kInvalidInput (text).
  Result<int64_t> AddSeedStatement(const auth::User& user, int64_t id, std::string_view text);
  // Errors: kNotFound, kForbidden, those of opinion::Moderate.
  Result<void> Moderate(const auth::User& user, int64_t id, int64_t statement_id, std::string_view decision,
                        std::string_view reason);

  // A participant's statement, pending moderation. Errors: kNotFound,
  // kConflict (not open), kInvalidInput (text, or a duplicate:
  // opinion.error.duplicate), kRateLimited (CheckRate).
  Result<int64_t> Submit(int64_t id, const Visitor& visitor, std::string_view text);
  // `vote`: "agree", "disagree" or "pass"; replaces an earlier vote. Errors:
  // kNotFound (no such accepted statement), kConflict (not open),
  // kInvalidInput (opinion.error.bad_vote, opinion.error.no_token).
  Result<void> Vote(int64_t id, const Visitor& visitor, int64_t statement_id, std::string_view vote);

  // A concept only for its organisers (kNotFound for others).
  Result<Conversation> Find(int64_t id, const auth::User* viewer) const;
  // Open and closed conversations, plus the concepts `viewer` organises; newest first.
  Result<std::vector<Conversation>> List(const auth::User* viewer) const;
  bool Organises(const auth::User* user, const Conversation& c) const;
  // The statements in `state` (every state when nullopt), oldest first.
  Result<std::vector<Statement>> Statements(int64_t id, std::optional<StatementState> state) const;
  // The visitor's votes: statement id -> +1 / 0 / -1 (empty for a new visitor).
  Result<std::map<int64_t, int>> VotesOf(int64_t id, const Visitor& visitor) const;
  // The participant id of the visitor, if it voted or wrote before.
  Result<std::optional<int64_t>> ParticipantOf(int64_t id, const Visitor& visitor) const;
  // The map, recomputed only when the conversation's version moved.
  Result<std::shared_ptr<const MapView>> Map(int64_t id) const;

  // The SHA-256 stored for a cookie token.
  static std::string TokenHash(std::string_view token);
  // True for a token the site could have made (base64url, 20..64 characters).
  static bool PlausibleToken(std::string_view token);

 private:
  Result<Conversation> LoadForOrganiser(db::Connection& c, const auth::User& user, int64_t id) const;
  Result<int64_t> Participant(db::Connection& c, int64_t id, const Visitor& visitor, int64_t now) const;
  Result<std::shared_ptr<const MapView>> Compute(const Conversation& conv) const;

  db::Database& db_;
  const Clock& clock_;
  Random& random_;
  AreaLookup areas_;
  OpinionSettings settings_;
  mutable std::mutex mu_;
  mutable std::map<int64_t, std::shared_ptr<const MapView>> cache_;
};

}  // namespace wp::opinion
