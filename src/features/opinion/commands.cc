#include "features/opinion/commands.h"

#include "core/strings.h"
#include "features/opinion/permissions.h"

namespace wp::opinion {
namespace {

constexpr const char* kConversationColumns =
    "id, area_code, title, question, status, seed, version, created_by, created_at";
constexpr size_t kMaxTitleChars = 120;
constexpr size_t kMaxQuestionChars = 300;

Error ConversationNotFound() { return NotFound("conversation", "opinion.error.not_found"); }
Error NotOrganiser() { return Forbidden("not an organiser", "opinion.error.forbidden"); }

Conversation FromRow(const db::Row& r) {
  Conversation c;
  c.id = r.Int(0);
  c.area_code = r.Text(1);
  c.title = r.Text(2);
  c.question = r.Text(3);
  c.status = ParseConversationStatus(r.Text(4)).value_or(ConversationStatus::kDraft);
  c.seed = static_cast<uint64_t>(r.Int(5));
  c.version = r.Int(6);
  c.created_by = r.Int(7);
  c.created_at = r.Int(8);
  return c;
}

Result<std::optional<Conversation>> FindRow(db::Connection& c, int64_t id) {
  WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional(std::string("SELECT ") + kConversationColumns +
                                                    " FROM opinion_conversations WHERE id = ?",
                                                {id}));
  if (!row) return std::optional<Conversation>();
  return std::optional<Conversation>(FromRow(*row));
}

Result<void> Bump(db::Connection& c, int64_t id) {
  return c.Execute("UPDATE opinion_conversations SET version = version + 1 WHERE id = ?", {id}).has_value()
             ? Ok()
             : Result<void>(Internal("version"));
}

// A one-line text field: required, no control characters, at most `max` characters.
void CheckLine(std::vector<FieldError>& errors, const std::string& field, const std::string& value, size_t max,
               const char* missing_key) {
  if (Trim(value).empty()) {
    errors.push_back({field, missing_key, {}});
  } else if (!IsValidUtf8(value) || HasControlCharacters(value, false)) {
    errors.push_back({field, "opinion.error.statement_control", {}});
  } else if (CountChars(value) > max) {
    errors.push_back({field, "opinion.error.field_too_long", {{"max", static_cast<int64_t>(max)}}});
  }
}

Result<int> ParseVoteName(std::string_view vote) {
  if (vote == "agree") return kAgree;
  if (vote == "disagree") return kDisagree;
  if (vote == "pass") return kPass;
  return InvalidInput("unknown vote", "opinion.error.bad_vote");
}

Result<int64_t> InsertStatement(db::Connection& c, int64_t conv, std::optional<int64_t> participant,
                                const std::string& text, StatementState state, int64_t now) {
  std::string key = NormaliseStatement(text);
  if (key.empty()) return FormInvalid({{"text", "opinion.error.statement_empty", {}}});
  WP_ASSIGN_OR_RETURN(auto dup, c.QueryOptional("SELECT id FROM opinion_statements WHERE conversation_id = ? AND "
                                                "normalised = ?",
                                                {conv, key}));
  if (dup) return FormInvalid({{"text", "opinion.error.duplicate", {}}});
  return c.Insert(
      "INSERT INTO opinion_statements (conversation_id, participant_id, text, normalised, state, reason, created_at) "
      "VALUES (?, ?, ?, ?, ?, '', ?) RETURNING id",
      {conv, db::OptInt(participant), text, key, std::string(StateName(state)), now});
}

}  // namespace

OpinionCommands::OpinionCommands(db::Database& db, const Clock& clock, Random& random, AreaLookup areas,
                                 OpinionSettings settings)
    : db_(db), clock_(clock), random_(random), areas_(std::move(areas)), settings_(settings) {}

std::string OpinionCommands::TokenHash(std::string_view token) { return Sha256Hex("opinion:" + std::string(token)); }

bool OpinionCommands::PlausibleToken(std::string_view token) {
  if (token.size() < 20 || token.size() > 64) return false;
  for (char ch : token) {
    bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
              ch == '_';
    if (!ok) return false;
  }
  return true;
}

bool OpinionCommands::Organises(const auth::User* user, const Conversation& c) const {
  if (!user) return false;
  auto area = areas_(c.area_code);
  return area ? CanOrganise(*user, area->borough_slug, area->platform_scopes) : CanOrganise(*user, "", {});
}

Result<int64_t> OpinionCommands::Create(const auth::User& user, const ConversationForm& form) {
  if (!IsOrganiser(user)) return NotOrganiser();
  std::vector<FieldError> errors;
  CheckLine(errors, "title", form.title, kMaxTitleChars, "opinion.error.missing_title");
  CheckLine(errors, "question", form.question, kMaxQuestionChars, "opinion.error.missing_question");
  auto area = areas_(form.area);
  if (!area) {
    errors.push_back({"area", "opinion.error.unknown_area", {}});
  } else if (!CanOrganise(user, area->borough_slug, area->platform_scopes)) {
    errors.push_back({"area", "opinion.error.outside_area", {}});
  }
  if (!errors.empty()) return FormInvalid(std::move(errors));
  int64_t now = clock_.NowUnixSeconds();
  int64_t seed = static_cast<int64_t>(random_.Uniform(1'000'000) + 1);
  return db_.Write([&](db::Connection& c) {
    return c.Insert(
        "INSERT INTO opinion_conversations (area_code, title, question, status, seed, version, created_by, "
        "created_at) VALUES (?, ?, ?, 'concept', ?, 0, ?, ?) RETURNING id",
        {area->code, std::string(Trim(form.title)), std::string(Trim(form.question)), seed, user.id, now});
  });
}

Result<Conversation> OpinionCommands::LoadForOrganiser(db::Connection& c, const auth::User& user, int64_t id) const {
  WP_ASSIGN_OR_RETURN(auto conv, FindRow(c, id));
  if (!conv) return ConversationNotFound();
  if (!Organises(&user, *conv)) return NotOrganiser();
  return std::move(*conv);
}

Result<void> OpinionCommands::ChangeStatus(const auth::User& user, int64_t id, std::string_view wanted) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Conversation conv, LoadForOrganiser(c, user, id));
    WP_ASSIGN_OR_RETURN(ConversationStatus next, MoveTo(conv.status, wanted));
    const char* column = next == ConversationStatus::kOpen ? "opened_at" : "closed_at";
    WP_TRY_VOID(c.Execute(std::string("UPDATE opinion_conversations SET status = ?, ") + column + " = ? WHERE id = ?",
                          {std::string(StatusName(next)), clock_.NowUnixSeconds(), id}));
    return Ok();
  });
}

Result<int64_t> OpinionCommands::AddSeedStatement(const auth::User& user, int64_t id, std::string_view text) {
  WP_ASSIGN_OR_RETURN(std::string checked, CheckStatement(text));
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(Conversation conv, LoadForOrganiser(c, user, id));
    if (conv.status == ConversationStatus::kClosed) return Conflict("closed", "opinion.error.closed");
    WP_ASSIGN_OR_RETURN(int64_t sid,
                        InsertStatement(c, id, std::nullopt, checked, StatementState::kAccepted,
                                        clock_.NowUnixSeconds()));
    WP_TRY_VOID(Bump(c, id));
    return sid;
  });
}

Result<void> OpinionCommands::Moderate(const auth::User& user, int64_t id, int64_t statement_id,
                                       std::string_view decision, std::string_view reason) {
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(Conversation conv, LoadForOrganiser(c, user, id));
    WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT state FROM opinion_statements WHERE id = ? AND "
                                                  "conversation_id = ?",
                                                  {statement_id, conv.id}));
    if (!row) return NotFound("statement", "opinion.error.statement_not_found");
    auto state = ParseStatementState(row->Text(0)).value_or(StatementState::kPending);
    WP_ASSIGN_OR_RETURN(Decision d, opinion::Moderate(state, decision, reason));
    WP_TRY_VOID(c.Execute("UPDATE opinion_statements SET state = ?, reason = ?, moderated_by = ?, moderated_at = ? "
                          "WHERE id = ?",
                          {std::string(StateName(d.state)), d.reason, user.id, clock_.NowUnixSeconds(), statement_id}));
    if (d.state == StatementState::kAccepted) {
      WP_TRY_VOID(Bump(c, id));
    }
    return Ok();
  });
}

Result<int64_t> OpinionCommands::Participant(db::Connection& c, int64_t id, const Visitor& v, int64_t now) const {
  const std::optional<int64_t> user_id = v.user ? std::optional<int64_t>(v.user->id) : std::nullopt;
  if (user_id) {
    WP_ASSIGN_OR_RETURN(auto mine, c.QueryOptional("SELECT id FROM opinion_participants WHERE conversation_id = ? "
                                                   "AND user_id = ?",
                                                   {id, *user_id}));
    if (mine) return mine->Int(0);
  }
  if (!PlausibleToken(v.token) && !user_id) return InvalidInput("no token", "opinion.error.no_token");
  std::optional<std::string> hash;
  if (PlausibleToken(v.token)) {
    hash = TokenHash(v.token);
    WP_ASSIGN_OR_RETURN(auto found, c.QueryOptional("SELECT id, user_id FROM opinion_participants WHERE "
                                                    "conversation_id = ? AND token_hash = ?",
                                                    {id, *hash}));
    if (found && (!user_id || found->IsNull(1))) {
      if (user_id) {
        WP_TRY_VOID(c.Execute("UPDATE opinion_participants SET user_id = ? WHERE id = ?", {*user_id, found->Int(0)}));
      }
      return found->Int(0);
    }
    if (found) hash.reset();  // the browser's token belongs to another account: this one gets its own
  }
  return c.Insert(
      "INSERT INTO opinion_participants (conversation_id, token_hash, user_id, created_at) VALUES (?, ?, ?, ?) "
      "RETURNING id",
      {id, db::OptText(hash), db::OptInt(user_id), now});
}

Result<int64_t> OpinionCommands::Submit(int64_t id, const Visitor& visitor, std::string_view text) {
  return db_.Write([&](db::Connection& c) -> Result<int64_t> {
    WP_ASSIGN_OR_RETURN(auto conv, FindRow(c, id));
    if (!conv || conv->status == ConversationStatus::kDraft) return ConversationNotFound();
    WP_TRY_VOID(RequireOpen(conv->status));
    WP_ASSIGN_OR_RETURN(std::string checked, CheckStatement(text));
    int64_t now = clock_.NowUnixSeconds();
    WP_ASSIGN_OR_RETURN(int64_t participant, Participant(c, id, visitor, now));
    WP_ASSIGN_OR_RETURN(auto counts, c.QueryOne("SELECT COALESCE(SUM(CASE WHEN participant_id = ? THEN 1 ELSE 0 END), "
                                                "0), COUNT(*) FROM opinion_statements WHERE conversation_id = ? AND "
                                                "participant_id IS NOT NULL AND created_at > ?",
                                                {participant, id, now - 3600}));
    RecentStatements recent{static_cast<int>(counts.Int(0)), static_cast<int>(counts.Int(1))};
    WP_TRY_VOID(CheckRate(recent, settings_.limits));
    return InsertStatement(c, id, participant, checked, StatementState::kPending, now);
  });
}

Result<void> OpinionCommands::Vote(int64_t id, const Visitor& visitor, int64_t statement_id, std::string_view vote) {
  WP_ASSIGN_OR_RETURN(int value, ParseVoteName(vote));
  return db_.Write([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto conv, FindRow(c, id));
    if (!conv || conv->status == ConversationStatus::kDraft) return ConversationNotFound();
    WP_TRY_VOID(RequireOpen(conv->status));
    WP_ASSIGN_OR_RETURN(auto row, c.QueryOptional("SELECT id FROM opinion_statements WHERE id = ? AND "
                                                  "conversation_id = ? AND state = 'accepted'",
                                                  {statement_id, id}));
    if (!row) return NotFound("statement", "opinion.error.statement_not_found");
    int64_t now = clock_.NowUnixSeconds();
    WP_ASSIGN_OR_RETURN(int64_t participant, Participant(c, id, visitor, now));
    WP_TRY_VOID(c.Execute("INSERT INTO opinion_votes (participant_id, statement_id, conversation_id, vote, voted_at) "
                          "VALUES (?, ?, ?, ?, ?) ON CONFLICT (participant_id, statement_id) DO UPDATE SET "
                          "vote = excluded.vote, voted_at = excluded.voted_at",
                          {participant, statement_id, id, db::Int(value), now}));
    return Bump(c, id);
  });
}

Result<Conversation> OpinionCommands::Find(int64_t id, const auth::User* viewer) const {
  WP_ASSIGN_OR_RETURN(auto conv, db_.Read([&](db::Connection& c) { return FindRow(c, id); }));
  if (!conv || (conv->status == ConversationStatus::kDraft && !Organises(viewer, *conv))) {
    return ConversationNotFound();
  }
  if (auto area = areas_(conv->area_code)) conv->area_name = area->name;
  return std::move(*conv);
}

Result<std::vector<Conversation>> OpinionCommands::List(const auth::User* viewer) const {
  WP_ASSIGN_OR_RETURN(auto rows, db_.Read([&](db::Connection& c) {
    return c.Query(std::string("SELECT ") + kConversationColumns + " FROM opinion_conversations ORDER BY id DESC");
  }));
  std::vector<Conversation> out;
  for (const auto& r : rows) {
    Conversation conv = FromRow(r);
    if (conv.status == ConversationStatus::kDraft && !Organises(viewer, conv)) continue;
    if (auto area = areas_(conv.area_code)) conv.area_name = area->name;
    out.push_back(std::move(conv));
  }
  return out;
}

Result<std::vector<Statement>> OpinionCommands::Statements(int64_t id, std::optional<StatementState> state) const {
  WP_ASSIGN_OR_RETURN(auto rows, db_.Read([&](db::Connection& c) {
    std::string sql =
        "SELECT id, text, state, reason, participant_id IS NULL, created_at FROM opinion_statements WHERE "
        "conversation_id = ?";
    db::Params params = {id};
    if (state) {
      sql += " AND state = ?";
      params.push_back(std::string(StateName(*state)));
    }
    return c.Query(sql + " ORDER BY id", params);
  }));
  std::vector<Statement> out;
  for (const auto& r : rows) {
    out.push_back({r.Int(0), r.Text(1), ParseStatementState(r.Text(2)).value_or(StatementState::kPending), r.Text(3),
                   r.Bool(4), r.Int(5)});
  }
  return out;
}

Result<std::optional<int64_t>> OpinionCommands::ParticipantOf(int64_t id, const Visitor& v) const {
  return db_.Read([&](db::Connection& c) -> Result<std::optional<int64_t>> {
    if (v.user) {
      WP_ASSIGN_OR_RETURN(auto mine, c.QueryOptional("SELECT id FROM opinion_participants WHERE conversation_id = ? "
                                                     "AND user_id = ?",
                                                     {id, v.user->id}));
      if (mine) return std::optional<int64_t>(mine->Int(0));
    }
    if (!PlausibleToken(v.token)) return std::optional<int64_t>();
    WP_ASSIGN_OR_RETURN(auto found, c.QueryOptional("SELECT id, user_id FROM opinion_participants WHERE "
                                                    "conversation_id = ? AND token_hash = ?",
                                                    {id, TokenHash(v.token)}));
    if (!found || (!found->IsNull(1) && (!v.user || found->Int(1) != v.user->id))) return std::optional<int64_t>();
    return std::optional<int64_t>(found->Int(0));
  });
}

Result<std::map<int64_t, int>> OpinionCommands::VotesOf(int64_t id, const Visitor& visitor) const {
  std::map<int64_t, int> out;
  WP_ASSIGN_OR_RETURN(auto participant, ParticipantOf(id, visitor));
  if (!participant) return out;
  WP_ASSIGN_OR_RETURN(auto rows, db_.Read([&](db::Connection& c) {
    return c.Query("SELECT statement_id, vote FROM opinion_votes WHERE participant_id = ?", {*participant});
  }));
  for (const auto& r : rows) out[r.Int(0)] = static_cast<int>(r.Int(1));
  return out;
}

Result<std::shared_ptr<const MapView>> OpinionCommands::Map(int64_t id) const {
  WP_ASSIGN_OR_RETURN(auto conv, db_.Read([&](db::Connection& c) { return FindRow(c, id); }));
  if (!conv) return ConversationNotFound();
  {
    std::lock_guard lock(mu_);
    auto it = cache_.find(id);
    if (it != cache_.end() && it->second->version == conv->version) return it->second;
  }
  WP_ASSIGN_OR_RETURN(auto view, Compute(*conv));
  std::lock_guard lock(mu_);
  cache_[id] = view;
  return view;
}

Result<std::shared_ptr<const MapView>> OpinionCommands::Compute(const Conversation& conv) const {
  std::vector<StoredStatement> statements;
  std::vector<StoredVote> votes;
  int64_t version = conv.version;
  WP_TRY_VOID(db_.Read([&](db::Connection& c) -> Result<void> {
    WP_ASSIGN_OR_RETURN(auto now, c.QueryOne("SELECT version FROM opinion_conversations WHERE id = ?", {conv.id}));
    version = now.Int(0);
    WP_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT id, text FROM opinion_statements WHERE conversation_id = ? AND "
                                           "state = 'accepted' ORDER BY id",
                                           {conv.id}));
    for (const auto& r : rows) statements.push_back({r.Int(0), r.Text(1)});
    WP_ASSIGN_OR_RETURN(auto vs, c.Query("SELECT v.participant_id, v.statement_id, v.vote FROM opinion_votes v JOIN "
                                         "opinion_statements s ON s.id = v.statement_id WHERE v.conversation_id = ? "
                                         "AND s.state = 'accepted' ORDER BY v.participant_id, v.statement_id",
                                         {conv.id}));
    for (const auto& r : vs) votes.push_back({r.Int(0), r.Int(1), static_cast<int>(r.Int(2))});
    return Ok();
  }));
  auto view = std::make_shared<MapView>();
  view->version = version;
  view->seed = conv.seed;
  view->data = Publish(statements, votes);
  for (const auto& s : statements) view->text[std::to_string(s.id)] = s.text;
  WP_ASSIGN_OR_RETURN(view->published, BuildPublishedMap(view->data, conv.seed));
  return std::shared_ptr<const MapView>(std::move(view));
}

}  // namespace wp::opinion
