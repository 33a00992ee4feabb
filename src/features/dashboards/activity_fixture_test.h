// Synthetic activity written straight into the other features' tables, for
// the dashboards' tests and benchmark only: signals, platform members,
// activities with participants, initiatives and advice, at given times.
#pragma once

#include <cstdint>
#include <string>

#include "core/db/database.h"
#include "core/result.h"

namespace wp::dashboards::testing {

// A main category (theme) of signals; returns its id.
inline Result<int64_t> AddTheme(db::Connection& c, const std::string& slug, const std::string& name) {
  WP_TRY_VOID(c.Execute("INSERT INTO signal_departments (slug, name) VALUES ('dash', 'Dash') ON CONFLICT DO NOTHING"));
  return c.Insert("INSERT INTO signal_categories (slug, name, name_en, department_slug, handling_days, "
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
  WP_TRY_VOID(c.Execute("INSERT INTO platform_neighbourhoods (platform_id, neighbourhood_code, district_code) "
                        "VALUES (?, ?, ?)",
                        {db::Int(id), db::Text(buurt), db::Text("WK" + buurt.substr(2, 6))}));
  return id;
}

// `n` members joining at `at`, user ids from `first_user`.
inline Result<void> AddMembers(db::Connection& c, int64_t platform, int n, int64_t at, int64_t first_user) {
  for (int i = 0; i < n; ++i) {
    std::string token = std::to_string(platform) + "-" + std::to_string(first_user + i);
    WP_TRY_VOID(c.Execute("INSERT INTO platform_members (platform_id, user_id, kind, joined_at, newsletter_token, "
                          "events_token) VALUES (?, ?, 'resident', ?, ?, ?)",
                          {db::Int(platform), db::Int(first_user + i), db::Int(at), db::Text("n" + token),
                           db::Text("e" + token)}));
  }
  return Ok();
}

// An activity starting at `at` with `participants` confirmed registrations.
inline Result<void> AddEvent(db::Connection& c, int64_t platform, int64_t at, int participants) {
  WP_ASSIGN_OR_RETURN(int64_t id, c.Insert("INSERT INTO events (platform_id, title, kind, description, starts_at, "
                                           "ends_at, place, status, created_at, updated_at) "
                                           "VALUES (?, 'x', 'meeting', '', ?, ?, '', 'published', ?, ?) RETURNING id",
                                           {db::Int(platform), db::Int(at), db::Int(at + 3600), db::Int(at),
                                            db::Int(at)}));
  for (int i = 0; i < participants; ++i) {
    WP_TRY_VOID(c.Execute("INSERT INTO event_registrations (event_id, number, name, email, locale, state, "
                          "registered_at, cancel_token_hash) VALUES (?, ?, 'x', 'x@example.nl', 'nl', 'confirmed', ?, ?)",
                          {db::Int(id), db::Int(i + 1), db::Int(at), db::Text(std::to_string(id) + "-" +
                                                                             std::to_string(i))}));
  }
  return Ok();
}

// `n` initiatives in `buurt` submitted at `at`, answered `answered_after`
// seconds later (0: not yet), due six weeks after submission.
inline Result<void> AddInitiatives(db::Connection& c, const std::string& buurt, int n, int64_t at,
                                   int64_t answered_after) {
  for (int i = 0; i < n; ++i) {
    WP_TRY_VOID(c.Execute("INSERT INTO initiatives (status, title, neighbourhood_code, created_at, updated_at, "
                          "submitted_at, answered_at, answer_due_at) VALUES ('submitted', 'x', ?, ?, ?, ?, ?, ?)",
                          {db::Text(buurt), db::Int(at), db::Int(at), db::Int(at),
                           answered_after ? db::Int(at + answered_after) : db::Null(), db::Int(at + 42 * 86400)}));
  }
  return Ok();
}

// `n` advices of `platform` answered at `answered_at`, due at `due_at`, and
// one request asked at `answered_at - 30 days`.
inline Result<void> AddAdvice(db::Connection& c, int64_t platform, int n, int64_t answered_at, int64_t due_at) {
  WP_TRY_VOID(c.Execute("INSERT INTO advice_requests (subject, questions, level, deadline_at, contact_name, "
                        "contact_email, confidential, confidential_reason, status, created_by, created_at, updated_at) "
                        "VALUES ('x', 'x', 'advise', ?, 'x', 'x@example.nl', 0, '', 'open', 1, ?, ?)",
                        {db::Int(due_at), db::Int(answered_at - 30 * 86400), db::Int(answered_at - 30 * 86400)}));
  for (int i = 0; i < n; ++i) {
    WP_TRY_VOID(c.Execute("INSERT INTO advices (platform_id, addressee, title, input_summary, meetings_held, "
                          "people_reached, confidential, status, created_by, created_at, submitted_at, answer_due_at, "
                          "answered_at) VALUES (?, '', 'x', '', 0, 0, 0, 'answered', 1, ?, ?, ?, ?)",
                          {db::Int(platform), db::Int(answered_at - 20 * 86400), db::Int(answered_at - 20 * 86400),
                           db::Int(due_at), db::Int(answered_at)}));
  }
  return Ok();
}

}  // namespace wp::dashboards::testing
