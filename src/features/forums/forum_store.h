// ForumStore: all SQL of forums (forums, invitations, registrations, draws,
// members, history). Functions take the caller's connection so commands
// control transactions. Thread-safe (no state).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"
#include "features/forums/forums.h"

namespace wp::forums {

struct Forum {
  int64_t id = 0;
  std::string slug;
  ForumSetup setup;
  std::string district_name;
  std::string borough;  // borough slug
  std::string sample_seed;
  int sample_size = 0;
  int address_count = 0;
  std::string address_list_sha256;
  std::optional<int64_t> invited_at;
  int64_t created_by = 0;
  int64_t created_at = 0;
};

struct Invitation {
  int64_t id = 0;
  int64_t forum_id = 0;
  int letter_number = 0;
  std::string address;
  std::string code;
  std::optional<int64_t> registered_at;
  int round = 1;  // 1: the forum's own invitation; 2, ...: a new round
};

// A new registration round (rounds.h): its published sample and deadline.
struct Round {
  int64_t id = 0;
  int64_t forum_id = 0;
  int number = 2;
  std::string sample_seed;
  int sample_size = 0;
  int address_count = 0;
  std::string address_list_sha256;
  int64_t register_until = 0;
  int open_seats = 0;      // when it opened
  std::string quotas_csv;  // the open seats' quotas when it opened
  int64_t created_by = 0;
  int64_t created_at = 0;
};

struct Registration {
  int64_t id = 0;
  int64_t forum_id = 0;
  int64_t invitation_id = 0;
  std::string public_id;
  std::string name, email, phone, availability;
  std::map<std::string, std::string> features;
  int64_t consent_at = 0;
  int64_t created_at = 0;
  std::optional<int64_t> erased_at;
  int round = 1;  // the round of the invitation
};

enum class DrawStatus { kQueued, kRunning, kDone, kFailed };
std::string_view DrawStatusName(DrawStatus s);

struct Draw {
  int64_t id = 0;
  int64_t forum_id = 0;
  std::string kind;  // "draw" | "replacement" | "second_draw" | "round_draw"
  std::string seed;
  DrawStatus status = DrawStatus::kQueued;
  std::string error;
  std::string categories_csv, respondents_csv;
  std::string panel_csv;  // replacement: the panel before, public ids one a line
  std::string dropouts;   // replacement: public ids one a line
  int seats = 0;          // the seats drawn for (second_draw: the extra seats)
  std::string targets_csv;  // second_draw: the targets for the whole forum after it
  int round = 1;            // round_draw: the round it draws from
  std::string result_json;
  int64_t created_by = 0;
  int64_t created_at = 0;
  std::optional<int64_t> finished_at;
};

// True while one of `draws` waits for or runs in the draw job: no other draw,
// replacement or round may start then.
bool AnyDrawRunning(const std::vector<Draw>& draws);

struct Member {
  int64_t registration_id = 0;
  std::string public_id, name, email;
  int64_t draw_id = 0;
  int64_t term_ends_at = 0;
  std::optional<int64_t> left_at;
};

struct HistoryEntry {
  int64_t at = 0;
  int64_t actor = 0;
  std::string event;  // i18n key suffix: forums.history.<event>
  std::string detail;
};

class ForumStore {
 public:
  static Result<int64_t> InsertForum(db::Connection& c, const Forum& f);
  static Result<std::optional<Forum>> FindForum(db::Connection& c, std::string_view slug);
  static Result<std::optional<Forum>> FindForumById(db::Connection& c, int64_t id);
  static Result<std::vector<Forum>> Forums(db::Connection& c);
  static Result<void> SaveSample(db::Connection& c, const Forum& f);
  static Result<void> SetRegisterUntil(db::Connection& c, int64_t forum_id, int64_t at);

  static Result<void> InsertInvitation(db::Connection& c, const Invitation& i);
  static Result<int64_t> InsertRound(db::Connection& c, const Round& r);
  // The forum's rounds after the first, by number.
  static Result<std::vector<Round>> Rounds(db::Connection& c, int64_t forum_id);
  static Result<void> SetRoundRegisterUntil(db::Connection& c, int64_t round_id, int64_t at);
  static Result<std::optional<Invitation>> FindInvitation(db::Connection& c, std::string_view code);
  static Result<std::vector<Invitation>> Invitations(db::Connection& c, int64_t forum_id);
  // Marks the invitation used, only if it was not; returns false when it was.
  static Result<bool> MarkRegistered(db::Connection& c, int64_t invitation_id, int64_t at);

  static Result<int64_t> InsertRegistration(db::Connection& c, const Registration& r);
  static Result<std::vector<Registration>> Registrations(db::Connection& c, int64_t forum_id);
  static Result<int64_t> CountRegistrations(db::Connection& c, int64_t forum_id);
  // Erases contact details and availability; `keep_name_email` keeps name and
  // e-mail (members). Returns the rows changed.
  static Result<int64_t> Erase(db::Connection& c, int64_t registration_id, bool keep_name_email, int64_t at);

  // Erases name and e-mail of the forum's registrations that were never a
  // member (the reserve) and whose other details are erased. Returns the rows.
  static Result<int64_t> EraseReserveContacts(db::Connection& c, int64_t forum_id);

  static Result<int64_t> InsertDraw(db::Connection& c, const Draw& d);
  static Result<std::optional<Draw>> FindDraw(db::Connection& c, int64_t id);
  static Result<std::vector<Draw>> Draws(db::Connection& c, int64_t forum_id);
  // Draw `id` goes to running unless it is done or failed; false when it is.
  static Result<bool> MarkDrawRunning(db::Connection& c, int64_t id);
  // Takes draw `id` for recording its outcome at `now`: false when another
  // run recorded it already (two runs of one draw record once).
  static Result<bool> TakeDrawForRecording(db::Connection& c, int64_t id, int64_t now);
  static Result<void> SetDrawStatus(db::Connection& c, int64_t id, DrawStatus s, const std::string& error,
                                    const std::string& result_json, std::optional<int64_t> finished_at);

  // A second draw grows the forum: its seats and quotas (the targets).
  static Result<void> SetSeatsAndQuotas(db::Connection& c, int64_t forum_id, int seats, const std::string& quotas_csv);

  static Result<void> InsertMember(db::Connection& c, int64_t forum_id, int64_t registration_id, int64_t draw_id,
                                   int64_t term_ends_at);
  static Result<void> SetMemberLeft(db::Connection& c, int64_t forum_id, int64_t registration_id, int64_t at);
  // Ends every term that has run out by `now` (left_at = the term's end);
  // returns the forum ids and public ids of those whose term ended.
  static Result<std::vector<std::pair<int64_t, std::string>>> EndTerms(db::Connection& c, int64_t now);
  // Members (current and former), in order of their draw and public id.
  static Result<std::vector<Member>> Members(db::Connection& c, int64_t forum_id);

  static Result<void> AppendHistory(db::Connection& c, int64_t forum_id, const HistoryEntry& e);
  static Result<std::vector<HistoryEntry>> History(db::Connection& c, int64_t forum_id);
};

}  // namespace wp::forums
