#include "features/opinion/demo.h"

#include "core/strings.h"
#include "features/opinion/map/synthetic_votes.h"

namespace wp::opinion {
namespace {

constexpr const char* kOpenTitle = "Wonen in de Boerhaavewijk";

const std::vector<std::string>& OpenStatements() {
  static const std::vector<std::string> texts = {
      "Er moeten meer bomen komen in de straten",
      "Auto's horen niet in de woonstraten",
      "Het park is 's avonds veilig genoeg",
      "Er zijn te weinig plekken voor jongeren",
      "De bus naar het centrum moet vaker rijden",
      "Parkeren bij de winkels moet gratis blijven",
      "Er moet een buurthuis komen met een koffiehoek",
      "De stoepen zijn te smal voor rolstoelen",
      "Er mogen hogere flats komen voor meer woningen",
      "Fietsers rijden te hard op het fietspad langs het park",
      "De speeltuin moet groter worden",
      "Er is te veel zwerfafval op straat",
      "Tuinen moeten groen blijven, niet betegeld",
      "De markt op zaterdag is belangrijk voor de wijk",
      "Er moeten meer laadpalen komen voor elektrische auto's",
      "De wijk heeft meer sportvelden nodig",
      "Nieuwe woningen moeten vooral voor starters zijn",
      "Er moet een zebrapad komen bij de school",
      "Het geluid van de snelweg is een groot probleem",
      "De buurt moet zelf beslissen over het wijkbudget",
      "Er zijn genoeg winkels in de buurt",
      "Honden moeten in het park aan de lijn",
      "De gemeente luistert goed naar de wijk",
      "Er moeten meer bankjes komen voor ouderen"};
  return texts;
}

// Participants "demo-<tag>-<n>" and their votes, straight into the tables (one transaction).
Result<void> InsertVotes(db::Database& db, int64_t conv, const std::vector<Statement>& statements,
                         const SyntheticVotes& votes, const std::string& tag, int64_t now) {
  return db.Write([&](db::Connection& c) -> Result<void> {
    std::map<std::string, int64_t> participant;
    for (const VoteRow& r : votes.rows) {
      auto it = participant.find(r.participant);
      if (it == participant.end()) {
        WP_ASSIGN_OR_RETURN(int64_t id, c.Insert("INSERT INTO opinion_participants (conversation_id, token_hash, "
                                                 "created_at) VALUES (?, ?, ?) RETURNING id",
                                                 {conv, Sha256Hex("demo-" + tag + "-" + r.participant), now}));
        it = participant.emplace(r.participant, id).first;
      }
      int64_t statement = statements[std::stoul(r.statement) - 1].id;
      WP_TRY_VOID(c.Execute("INSERT INTO opinion_votes (participant_id, statement_id, conversation_id, vote, voted_at) "
                            "VALUES (?, ?, ?, ?, ?)",
                            {it->second, statement, conv, db::Int(r.vote), now}));
    }
    WP_TRY_VOID(c.Execute("UPDATE opinion_conversations SET version = version + 1 WHERE id = ?", {conv}));
    return Ok();
  });
}

// A conversation with `texts` as seed statements, opened, with synthetic votes.
Result<int64_t> MakeConversation(OpinionCommands& commands, db::Database& db, const auth::User& organiser,
                             const ConversationForm& form, const std::vector<std::string>& texts,
                             const SyntheticSpec& spec, int64_t now) {
  WP_ASSIGN_OR_RETURN(int64_t id, commands.Create(organiser, form));
  for (const auto& t : texts) {
    WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t s, commands.AddSeedStatement(organiser, id, t));
  }
  WP_TRY_VOID(commands.ChangeStatus(organiser, id, "open"));
  WP_ASSIGN_OR_RETURN(auto statements, commands.Statements(id, StatementState::kAccepted));
  WP_TRY_VOID(InsertVotes(db, id, statements, MakeSyntheticVotes(spec), std::to_string(id), now));
  return id;
}

// Two statements awaiting moderation and one rejected with a reason.
Result<void> Moderation(OpinionCommands& commands, const auth::User& organiser, int64_t id) {
  WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t a,
                      commands.Submit(id, {"demo-token-bewoner-een-aaaaaaaa", nullptr}, "Er moet een moestuin komen voor de buurt"));
  WP_ASSIGN_OR_RETURN([[maybe_unused]] int64_t b,
                      commands.Submit(id, {"demo-token-bewoner-twee-bbbbbbb", nullptr}, "De straatverlichting moet feller"));
  WP_ASSIGN_OR_RETURN(int64_t c,
                      commands.Submit(id, {"demo-token-bewoner-drie-ccccccc", nullptr}, "De buurman op nummer 12 is te luid"));
  return commands.Moderate(organiser, id, c, "reject", "Deze stelling gaat over een persoon, niet over de buurt.");
}

}  // namespace

Result<void> LoadOpinionDemo(const web::DemoSeed& seed, OpinionCommands& commands, db::Database& db) {
  WP_ASSIGN_OR_RETURN(auto existing, commands.List(nullptr));
  for (const auto& c : existing) {
    if (c.title == kOpenTitle) return Ok();
  }
  if (!commands.AreaOf("WK039219") || !commands.AreaOf("WK039218")) return Ok();  // another municipality
  std::vector<auth::RoleGrant> grants = {{auth::Role::kAreaLiaison, "schalkwijk"}};
  WP_ASSIGN_OR_RETURN(int64_t uid, seed.ensure_user("gebiedsverbinder@demo.wijkplatform.invalid",
                                                    "Samira de Vries (demo)", grants));
  auth::User organiser{uid, "gebiedsverbinder@demo.wijkplatform.invalid", "Samira de Vries (demo)", "nl", grants};
  const int64_t now = seed.clock->NowUnixSeconds();
  std::vector<std::string> closed_texts(OpenStatements().begin(), OpenStatements().begin() + 8);
  SyntheticSpec small{.participants = 40, .statements = 8, .groups = 2, .min_share = 0.9, .max_share = 1.0,
                      .seed = 11};
  WP_ASSIGN_OR_RETURN(int64_t closed, MakeConversation(commands, db, organiser,
                                                   {"WK039218", "Verkeer in de Europawijk",
                                                    "Hoe maken we de Europawijk veiliger voor fietsers?"},
                                                   closed_texts, small, now));
  WP_TRY_VOID(commands.ChangeStatus(organiser, closed, "gesloten"));
  SyntheticSpec big{.participants = 300, .statements = 24, .groups = 3, .min_share = 0.5, .max_share = 0.9,
                    .pass = 0.1, .loyalty = 0.9, .consensus = 0.15, .seed = 7};
  WP_ASSIGN_OR_RETURN(int64_t open, MakeConversation(commands, db, organiser,
                                                 {"WK039219", kOpenTitle, "Wat vindt u van wonen in de Boerhaavewijk?"},
                                                 OpenStatements(), big, now));
  return Moderation(commands, organiser, open);
}

}  // namespace wp::opinion
