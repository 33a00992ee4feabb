// Synthetic activity written straight into the other features' tables, for
// the dashboards' tests and benchmark only: signals, platform members,
// activities with participants, initiatives, advice, budget rounds with codes
// and ballots, promises, forums with volunteers and surveys, at given times.
#pragma once

#include <cstdint>
#include <string>

#include "core/db/database.h"
#include "core/result.h"

namespace wp::dashboards::testing {

// A main category (theme) of signals; returns its id.
inline Result<int64_t> AddTheme(db::Connection& c, const std::string& slug, const std::string& name) {
  WP_TRY_VOID(c.Execute("INSERT INTO signal_departments (slug, name) VALUES ('dash', 'Dash') ON CONFLICT DO NOTHING"));
  return c.Insert(
      "INSERT INTO signal_categories (slug, name, name_en, department_slug, handling_days, "
      "update_interval_days) VALUES (?, ?, ?, 'dash', 5, 7) RETURNING id",
      {slug, name, name + " (en)"});
}

// `n` signals of category `category` in buurt `buurt` reported at `at`;
// closed `closed_after` seconds later (0: open), with a deadline 5 days on.
inline Result<void> AddSignals(db::Connection& c, int64_t category, const std::string& buurt, int n, int64_t at,
                               int64_t closed_after) {
  for (int i = 0; i < n; ++i) {
    WP_TRY_VOID(c.Execute(
        "INSERT INTO signals (category_id, department_slug, status, description, neighbourhood_code, district_code, "
        "borough_slug, source, created_at, updated_at, deadline_at, closed_at, public_until, last_reporter_message_at) "
        "VALUES (?, 'dash', ?, 'x', ?, ?, 'x', 'web', ?, ?, ?, ?, ?, ?)",
        {db::Int(category), db::Text(closed_after ? "done" : "reported"), db::Text(buurt),
         db::Text("WK" + buurt.substr(2, 6)), db::Int(at + i), db::Int(at + i), db::Int(at + 5 * 86400),
         closed_after ? db::Int(at + i + closed_after) : db::Null(), db::Int(at + 400 * 86400), db::Int(at)}));
  }
  return Ok();
}

// A platform whose area is buurt `buurt`; returns its id.
inline Result<int64_t> AddPlatform(db::Connection& c, const std::string& slug, const std::string& buurt) {
  WP_ASSIGN_OR_RETURN(int64_t id, c.Insert("INSERT INTO platforms (slug, name, description, contact_email, "
                                           "borough_slug, status, created_at, created_by) "
                                           "VALUES (?, ?, '', '', 'x', 'recognised', 0, 1) RETURNING id",
                                           {slug, slug}));
  WP_TRY_VOID(
      c.Execute("INSERT INTO platform_neighbourhoods (platform_id, neighbourhood_code, district_code) "
                "VALUES (?, ?, ?)",
                {db::Int(id), db::Text(buurt), db::Text("WK" + buurt.substr(2, 6))}));
  return id;
}

// `n` members joining at `at`, user ids from `first_user`.
inline Result<void> AddMembers(db::Connection& c, int64_t platform, int n, int64_t at, int64_t first_user) {
  for (int i = 0; i < n; ++i) {
    std::string token = std::to_string(platform) + "-" + std::to_string(first_user + i);
    WP_TRY_VOID(c.Execute(
        "INSERT INTO platform_members (platform_id, user_id, kind, joined_at, newsletter_token, "
        "events_token) VALUES (?, ?, 'resident', ?, ?, ?)",
        {db::Int(platform), db::Int(first_user + i), db::Int(at), db::Text("n" + token), db::Text("e" + token)}));
  }
  return Ok();
}

// An activity starting at `at` with `participants` confirmed registrations.
inline Result<void> AddEvent(db::Connection& c, int64_t platform, int64_t at, int participants) {
  WP_ASSIGN_OR_RETURN(int64_t id,
                      c.Insert("INSERT INTO events (platform_id, title, kind, description, starts_at, "
                               "ends_at, place, status, created_at, updated_at) "
                               "VALUES (?, 'x', 'meeting', '', ?, ?, '', 'published', ?, ?) RETURNING id",
                               {db::Int(platform), db::Int(at), db::Int(at + 3600), db::Int(at), db::Int(at)}));
  for (int i = 0; i < participants; ++i) {
    WP_TRY_VOID(
        c.Execute("INSERT INTO event_registrations (event_id, number, name, email, locale, state, "
                  "registered_at, cancel_token_hash) VALUES (?, ?, 'x', 'x@example.nl', 'nl', 'confirmed', ?, ?)",
                  {db::Int(id), db::Int(i + 1), db::Int(at), db::Text(std::to_string(id) + "-" + std::to_string(i))}));
  }
  return Ok();
}

// `n` initiatives in `buurt` submitted at `at`, answered `answered_after`
// seconds later (0: not yet), due six weeks after submission.
inline Result<void> AddInitiatives(db::Connection& c, const std::string& buurt, int n, int64_t at,
                                   int64_t answered_after) {
  for (int i = 0; i < n; ++i) {
    WP_TRY_VOID(
        c.Execute("INSERT INTO initiatives (status, title, neighbourhood_code, created_at, updated_at, "
                  "submitted_at, answered_at, answer_due_at) VALUES ('submitted', 'x', ?, ?, ?, ?, ?, ?)",
                  {db::Text(buurt), db::Int(at), db::Int(at), db::Int(at),
                   answered_after ? db::Int(at + answered_after) : db::Null(), db::Int(at + 42 * 86400)}));
  }
  return Ok();
}

// `n` advices of `platform` answered at `answered_at`, due at `due_at`, and
// one request asked at `answered_at - 30 days`.
inline Result<void> AddAdvice(db::Connection& c, int64_t platform, int n, int64_t answered_at, int64_t due_at) {
  WP_TRY_VOID(
      c.Execute("INSERT INTO advice_requests (subject, questions, level, deadline_at, contact_name, "
                "contact_email, confidential, confidential_reason, status, created_by, created_at, updated_at) "
                "VALUES ('x', 'x', 'advise', ?, 'x', 'x@example.nl', 0, '', 'open', 1, ?, ?)",
                {db::Int(due_at), db::Int(answered_at - 30 * 86400), db::Int(answered_at - 30 * 86400)}));
  for (int i = 0; i < n; ++i) {
    WP_TRY_VOID(
        c.Execute("INSERT INTO advices (platform_id, addressee, title, input_summary, meetings_held, "
                  "people_reached, confidential, status, created_by, created_at, submitted_at, answer_due_at, "
                  "answered_at) VALUES (?, '', 'x', '', 0, 0, 0, 'answered', 1, ?, ?, ?, ?)",
                  {db::Int(platform), db::Int(answered_at - 20 * 86400), db::Int(answered_at - 20 * 86400),
                   db::Int(due_at), db::Int(answered_at)}));
  }
  return Ok();
}

// A published budget round of stadsdeel `borough` whose voting closed at
// `closed_at`, with `codes` voting codes (and 5 revoked ones), `ballots`
// counted ballots, and one plan of EUR 30,000 and one of EUR 20,000 chosen.
// Returns its id.
inline Result<int64_t> AddRound(db::Connection& c, const std::string& slug, const std::string& borough,
                                int64_t closed_at, int codes, int ballots) {
  WP_ASSIGN_OR_RETURN(
      int64_t id,
      c.Insert(
          "INSERT INTO budget_editions (slug, title, borough_slug, budget_cents, min_age, like_threshold, "
          "ballot_kind, counting_rule, plans_open, likes_open, review_open, voting_open, voting_close, published, "
          "created_at, updated_at) VALUES (?, ?, ?, 10000000, 16, 10, 'approval', 'greedy', ?, ?, ?, ?, ?, 1, ?, ?) "
          "RETURNING id",
          {slug, "Ronde " + slug, borough, db::Int(closed_at - 200 * 86400), db::Int(closed_at - 150 * 86400),
           db::Int(closed_at - 100 * 86400), db::Int(closed_at - 30 * 86400), db::Int(closed_at),
           db::Int(closed_at - 300 * 86400), db::Int(closed_at)}));
  for (int64_t cost : {3000000, 2000000}) {
    WP_TRY_VOID(
        c.Execute("INSERT INTO budget_plans (edition_id, submitter_id, submitter_name, submitter_email, title, "
                  "description, theme, neighbourhood_code, cost_cents, status, created_at, updated_at) "
                  "VALUES (?, 1, 'x', 'x@example.nl', 'x', 'x', 'groen', 'BU03920101', ?, 'selected', ?, ?)",
                  {db::Int(id), db::Int(cost), db::Int(closed_at - 190 * 86400), db::Int(closed_at)}));
  }
  WP_ASSIGN_OR_RETURN(int64_t run, c.Insert("INSERT INTO codes_runs (edition_id, kind, state, created_at) "
                                            "VALUES (?, 'generate', 'finished', ?) RETURNING id",
                                            {db::Int(id), db::Int(closed_at - 40 * 86400)}));
  for (int i = 0; i < codes + 5; ++i) {
    WP_TRY_VOID(c.Execute(
        "INSERT INTO codes_codes (edition_id, code_hash, state, letter_number, run_id) "
        "VALUES (?, ?, ?, ?, ?)",
        {db::Int(id), db::Text(slug + std::to_string(i)),
         db::Text(i < 5 ? "revoked" : (i < 5 + ballots ? "used_online" : "unused")), db::Int(i + 1), db::Int(run)}));
  }
  WP_TRY_VOID(
      c.Execute("INSERT INTO voting_results (edition_id, rule, outcome_json, report_text, pabulib, ballots, "
                "used_online, used_on_paper, counted_at, counted_by) VALUES (?, 'greedy', '{}', '', '', ?, ?, "
                "0, ?, 1)",
                {db::Int(id), db::Int(ballots), db::Int(ballots), db::Int(closed_at + 86400)}));
  return id;
}

// `n` budget plans in `buurt` submitted at `at`, by `n` different people
// (user ids from `first_user`), in round `edition`.
inline Result<void> AddPlans(db::Connection& c, int64_t edition, const std::string& buurt, int n, int64_t at,
                             int64_t first_user) {
  for (int i = 0; i < n; ++i) {
    WP_TRY_VOID(
        c.Execute("INSERT INTO budget_plans (edition_id, submitter_id, submitter_name, submitter_email, title, "
                  "description, theme, neighbourhood_code, cost_cents, status, created_at, updated_at) "
                  "VALUES (?, ?, 'x', 'x@example.nl', 'x', 'x', 'groen', ?, 100000, 'submitted', ?, ?)",
                  {db::Int(edition), db::Int(first_user + i), db::Text(buurt), db::Int(at), db::Int(at)}));
  }
  return Ok();
}

// `n` promises of `platform` made at `made`, due at `due`; marked done at
// `done_at` (0: still open).
inline Result<void> AddPromises(db::Connection& c, int64_t platform, int n, int64_t made, int64_t due,
                                int64_t done_at) {
  for (int i = 0; i < n; ++i) {
    WP_ASSIGN_OR_RETURN(
        int64_t id,
        c.Insert("INSERT INTO promises (platform_id, text, source, source_note, department, "
                 "person, due_at, status, status_reason, created_by, created_at, updated_at) "
                 "VALUES (?, 'x', 'other', '', 'x', 'x', ?, ?, '', 1, ?, ?) RETURNING id",
                 {db::Int(platform), db::Int(due), db::Text(done_at ? "done" : "open"), db::Int(made), db::Int(made)}));
    if (done_at) {
      WP_TRY_VOID(
          c.Execute("INSERT INTO promise_history (promise_id, at, actor_id, kind, from_value, to_value, text) "
                    "VALUES (?, ?, 1, 'status', 'open', 'done', '')",
                    {db::Int(id), db::Int(done_at)}));
    }
  }
  return Ok();
}

// A forum of wijk `district` with `volunteers` registrations at `at` and a
// draw finished a week later.
inline Result<void> AddForum(db::Connection& c, const std::string& slug, const std::string& district, int volunteers,
                             int64_t at) {
  WP_ASSIGN_OR_RETURN(
      int64_t id,
      c.Insert("INSERT INTO forums (slug, kind, name, district_code, district_name, borough, purpose, seats, "
               "term_months, register_until, appeal_days, quotas_csv, sample_seed, sample_size, address_count, "
               "address_list_sha256, created_by, created_at) "
               "VALUES (?, 'forum', 'x', ?, 'x', 'x', 'x', 7, 24, ?, 14, '', 'x', 100, 100, 'x', 1, ?) RETURNING id",
               {slug, district, db::Int(at + 86400), db::Int(at - 86400)}));
  for (int i = 0; i < volunteers; ++i) {
    WP_ASSIGN_OR_RETURN(int64_t inv, c.Insert("INSERT INTO forum_invitations (forum_id, letter_number, address, code) "
                                              "VALUES (?, ?, 'x', ?) RETURNING id",
                                              {db::Int(id), db::Int(i + 1), db::Text(slug + std::to_string(i))}));
    WP_TRY_VOID(
        c.Execute("INSERT INTO forum_registrations (forum_id, invitation_id, public_id, name, email, phone, "
                  "availability, features_json, consent_at, created_at) VALUES (?, ?, ?, 'x', 'x', '', '', "
                  "'{}', ?, ?)",
                  {db::Int(id), db::Int(inv), db::Text("P" + std::to_string(i)), db::Int(at), db::Int(at)}));
  }
  WP_TRY_VOID(
      c.Execute("INSERT INTO forum_draws (forum_id, kind, seed, status, error, categories_csv, respondents_csv, "
                "panel_csv, dropouts, result_json, created_by, created_at, finished_at) "
                "VALUES (?, 'draw', 'x', 'done', '', '', '', '', '', '{}', 1, ?, ?)",
                {db::Int(id), db::Int(at + 7 * 86400), db::Int(at + 7 * 86400)}));
  return Ok();
}

// A survey of wijk `district` that closed at `closed_at` with `responses`.
inline Result<void> AddSurvey(db::Connection& c, const std::string& district, int responses, int64_t closed_at) {
  WP_ASSIGN_OR_RETURN(int64_t id, c.Insert("INSERT INTO surveys (title, district_code, mode, status, created_by, "
                                           "created_at, closed_at) VALUES ('x', ?, 'open', 'closed', 1, ?, ?) "
                                           "RETURNING id",
                                           {db::Text(district), db::Int(closed_at - 30 * 86400), db::Int(closed_at)}));
  for (int i = 0; i < responses; ++i) {
    WP_TRY_VOID(c.Execute("INSERT INTO survey_responses (survey_id, channel) VALUES (?, 'online')", {db::Int(id)}));
  }
  return Ok();
}

}  // namespace wp::dashboards::testing
