// InitiativeStore: all SQL of the initiatives feature, as functions on the
// caller's connection so commands decide the transactions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.h"
#include "core/result.h"
#include "features/initiatives/initiative.h"
#include "features/initiatives/start_subsidy.h"

namespace wp::initiatives {

// One line of an initiative's history. Kinds: created, submitted, contact
// (text: the new contact's name), check_started, task, task_answered,
// answer, condition, update (a progress update by the initiator), status,
// withdrawn.
struct HistoryEntry {
  int64_t id = 0;
  int64_t initiative_id = 0;
  int64_t at = 0;
  std::string kind;
  std::string text;
  bool is_public = false;  // shown on the public page (when the initiative is public)
  std::optional<int64_t> actor_user_id;
  std::string actor_name;
};

// Per wijk: how many initiatives the public pages show.
struct DistrictCount {
  std::string district_code;
  int64_t count = 0;
};

class InitiativeStore {
 public:
  static Result<int64_t> Insert(db::Connection& c, const Initiative& i);
  // Writes every field but id and created_at.
  static Result<void> Update(db::Connection& c, const Initiative& i);
  static Result<std::optional<Initiative>> Find(db::Connection& c, int64_t id);
  static Result<int64_t> CountAll(db::Connection& c);
  // Initiatives of an account, newest first.
  static Result<std::vector<Initiative>> OfUser(db::Connection& c, int64_t user_id);
  // Submitted and not closed (the desk's list), by answer deadline.
  static Result<std::vector<Initiative>> Open(db::Connection& c);
  // Public and past the draft (withdrawn ones left out) in a wijk, newest first.
  static Result<std::vector<Initiative>> PublicIn(db::Connection& c, const std::string& district_code, int limit);
  static Result<std::vector<DistrictCount>> PublicPerDistrict(db::Connection& c);
  // Running checks without a reminder whose answer is due before `before`.
  static Result<std::vector<int64_t>> ReminderCandidates(db::Connection& c, int64_t before, int limit);

  // Private links: purpose "follow" or "mail".
  static Result<void> InsertLink(db::Connection& c, const std::string& token_hash, int64_t initiative_id,
                                 const std::string& purpose, int64_t now);
  // (initiative id, purpose) of a link.
  static Result<std::optional<std::pair<int64_t, std::string>>> ByLink(db::Connection& c,
                                                                       const std::string& token_hash);

  static Result<int64_t> InsertHistory(db::Connection& c, const HistoryEntry& e);
  static Result<std::vector<HistoryEntry>> HistoryOf(db::Connection& c, int64_t initiative_id, bool public_only);

  static Result<int64_t> InsertCondition(db::Connection& c, const Condition& x, int64_t now);
  static Result<std::vector<Condition>> ConditionsOf(db::Connection& c, int64_t initiative_id);
  static Result<void> SetConditionStatus(db::Connection& c, int64_t id, ConditionStatus status, int64_t now);

  static Result<int64_t> InsertTask(db::Connection& c, const DepartmentTask& t, int64_t now);
  static Result<std::optional<DepartmentTask>> FindTask(db::Connection& c, int64_t id);
  static Result<std::vector<DepartmentTask>> TasksOf(db::Connection& c, int64_t initiative_id);
  // Open tasks of these departments, by deadline.
  static Result<std::vector<DepartmentTask>> OpenTasksFor(db::Connection& c, const std::vector<std::string>& depts);
  static Result<void> AnswerTask(db::Connection& c, const DepartmentTask& t);

  // Photos and attachments: the list without bytes (oldest first), one with its bytes.
  static Result<void> InsertFile(db::Connection& c, const InitiativeFile& f, const std::string& data);
  static Result<std::vector<InitiativeFile>> FilesOf(db::Connection& c, int64_t initiative_id);
  static Result<std::optional<std::pair<InitiativeFile, std::string>>> FindFile(db::Connection& c, int64_t id);
  static Result<void> DeleteFile(db::Connection& c, int64_t id);

  // A Wijk aan Zet plan that went on as this initiative; the initiative a plan became.
  static Result<void> InsertPlanSource(db::Connection& c, int64_t plan_id, int64_t initiative_id,
                                       const std::string& plan_path, int64_t now);
  static Result<std::optional<int64_t>> InitiativeOfPlan(db::Connection& c, int64_t plan_id);
  // The public page of the plan an initiative came from, or nullopt.
  static Result<std::optional<std::string>> PlanPathOf(db::Connection& c, int64_t initiative_id);

  // Start subsidies: all of one initiative, oldest first; one by id.
  static Result<int64_t> InsertSubsidy(db::Connection& c, const StartSubsidy& s);
  // Writes every field but id, initiative_id and applied_at.
  static Result<void> UpdateSubsidy(db::Connection& c, const StartSubsidy& s);
  static Result<std::vector<StartSubsidy>> SubsidiesOf(db::Connection& c, int64_t initiative_id);
  static Result<std::optional<StartSubsidy>> FindSubsidy(db::Connection& c, int64_t id);
  // Every subsidy granted in `year` (its Committed counts against the year budget).
  static Result<std::vector<StartSubsidy>> SubsidiesOfYear(db::Connection& c, int year);
  // Applications waiting for a decision and accounts waiting to be settled,
  // oldest first, with their initiatives.
  static Result<std::vector<StartSubsidy>> SubsidiesToHandle(db::Connection& c);
};

}  // namespace wp::initiatives
