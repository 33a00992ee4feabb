// The e-mail outbox: queue messages inside a database transaction; deliver
// them later over SMTP (libcurl) with retries. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/db/database.h"
#include "core/result.h"
#include "core/strings.h"

namespace wp::mail {

struct OutgoingMail {
  std::string to;       // one address
  std::string subject;  // one line
  std::string body_text;
  // Optional unsubscribe URL for list mail (newsletters): written as the
  // List-Unsubscribe header (RFC 2369). Empty: no header.
  std::string list_unsubscribe_url;
  // Adds "List-Unsubscribe-Post: List-Unsubscribe=One-Click" (RFC 8058):
  // only when the URL accepts that POST without a session or CSRF token.
  bool list_unsubscribe_one_click = false;
  // True only for a message that proves control of the address itself (an
  // address check link, a sign-in link, a password reset): such a message is
  // sent to an address that is not verified yet. Every other message to an
  // unverified address is held (core/mail/addresses.h).
  bool proves_control = false;
};

// Queues `mail` within the caller's transaction; held back (held_reason
// 'unverified', not sent) when the address is not verified and the message
// does not prove control of it (core/mail/addresses.h). Errors: kInvalidInput for a
// bad address, a subject with line breaks, or an unsubscribe URL that is not
// an http(s) URL on one line.
Result<int64_t> Enqueue(db::Connection& conn, const OutgoingMail& mail, int64_t now_unix);

struct SmtpOptions {
  std::string
      url;  // "smtp://host:25", "smtp://host:587" (STARTTLS when offered) or "smtps://host:465"; empty: no delivery
  std::string username;  // empty: no authentication
  std::string password;
  std::string from;          // envelope and header sender, e.g. "Wijkplatform <noreply@haarlem.nl>"
  bool require_tls = false;  // refuse to send without TLS
  int timeout_seconds = 30;
};

// Builds the RFC 5322 message text (headers + body, CRLF line ends).
std::string FormatMessage(const OutgoingMail& mail, const std::string& from, int64_t now_unix,
                          const std::string& message_id);

// A message claimed for sending (see Delivery::Claim).
struct ClaimedMail {
  int64_t id = 0;
  OutgoingMail mail;
  int64_t attempts = 0;  // earlier attempts
};

// Delivers the outbox. Several deliverers (threads, the command line, other
// server processes on the same database) may run at once: each claims the
// messages it sends (core/jobs/lease.h), so every message is sent by one of
// them; a message whose deliverer died between claim and send is sent by
// another once the claim's lease ends. A deliverer that dies after sending
// but before recording it makes that message go out twice: SMTP gives no
// way to avoid that (at-least-once). Thread-safe.
class Delivery {
 public:
  // `worker_id` goes into the claims (jobs::NewWorkerId); distinct per
  // deliverer.
  Delivery(db::Database& db, SmtpOptions options, const Clock& clock, std::string worker_id);
  // Claims and sends up to `max` due messages, in batches. Returns how many
  // this deliverer sent. A failed message is retried with backoff (1, 2, 4
  // ... minutes) and given up after 12 attempts.
  Result<int> DeliverDue(int max = 50);
  // The two halves of DeliverDue, for tests of dying deliverers: claims up
  // to `max` due messages, then sends the claimed ones and records the
  // outcome (only while the claim is still held).
  Result<std::vector<ClaimedMail>> Claim(int max);
  Result<int> SendClaimed(const std::vector<ClaimedMail>& claimed);
  bool enabled() const { return !options_.url.empty(); }

 private:
  Result<void> Send(const OutgoingMail& mail, int64_t id);
  db::Database& db_;
  SmtpOptions options_;
  const Clock& clock_;
  std::string worker_id_;
};

}  // namespace wp::mail
