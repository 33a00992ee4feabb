#include "core/mail/outbox.h"

#include <curl/curl.h>

#include <cstring>
#include <ctime>

#include "core/jobs/lease.h"
#include "core/mail/addresses.h"
#include "core/strings.h"

namespace wp::mail {

Result<int64_t> Enqueue(db::Connection& conn, const OutgoingMail& mail, int64_t now) {
  if (!IsPlausibleEmail(mail.to)) return InvalidInput("bad recipient address");
  if (mail.subject.find_first_of("\r\n") != std::string::npos) return InvalidInput("subject has a line break");
  const std::string& u = mail.list_unsubscribe_url;
  if (!u.empty()) {
    bool http = u.rfind("https://", 0) == 0 || u.rfind("http://", 0) == 0;
    bool clean = true;
    for (unsigned char c : u) clean = clean && c > 0x20 && c < 0x7f && c != '<' && c != '>';
    if (!http || !clean) return InvalidInput("bad List-Unsubscribe URL");
  }
  if (mail.list_unsubscribe_one_click && u.empty()) return InvalidInput("one-click unsubscribe without a URL");
  WP_ASSIGN_OR_RETURN(bool verified, IsVerified(conn, mail.to));
  bool send = mail.proves_control || verified;
  return conn.Insert(
      "INSERT INTO mail_outbox (recipient, subject, body_text, created_at, next_attempt_at, list_unsubscribe, "
      "list_unsubscribe_post, held_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {mail.to, mail.subject, mail.body_text, now, now, u.empty() ? db::Null() : db::Text(u),
       db::Int(mail.list_unsubscribe_one_click ? 1 : 0), send ? db::Null() : db::Text("unverified")});
}

namespace {

// RFC 2047 encoded-word (base64) when the header text is not plain ASCII.
std::string EncodeHeader(const std::string& text) {
  bool ascii = true;
  for (unsigned char c : text) {
    if (c >= 0x80) ascii = false;
  }
  if (ascii) return text;
  static const char* kB64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string b;
  size_t i = 0;
  while (i < text.size()) {
    uint32_t v = uint8_t(text[i]) << 16;
    if (i + 1 < text.size()) v |= uint8_t(text[i + 1]) << 8;
    if (i + 2 < text.size()) v |= uint8_t(text[i + 2]);
    b += kB64[(v >> 18) & 63];
    b += kB64[(v >> 12) & 63];
    b += i + 1 < text.size() ? kB64[(v >> 6) & 63] : '=';
    b += i + 2 < text.size() ? kB64[v & 63] : '=';
    i += 3;
  }
  return "=?UTF-8?B?" + b + "?=";
}

std::string AddressOnly(const std::string& from) {
  size_t lt = from.find('<');
  size_t gt = from.find('>');
  if (lt != std::string::npos && gt != std::string::npos && gt > lt) return from.substr(lt + 1, gt - lt - 1);
  return from;
}

}  // namespace

std::string FormatMessage(const OutgoingMail& mail, const std::string& from, int64_t now,
                          const std::string& message_id) {
  char date[64];
  std::time_t t = static_cast<std::time_t>(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  std::string msg;
  msg += "Date: " + std::string(date) + "\r\n";
  msg += "From: " + from + "\r\n";
  msg += "To: " + mail.to + "\r\n";
  msg += "Subject: " + EncodeHeader(mail.subject) + "\r\n";
  msg += "Message-ID: <" + message_id + ">\r\n";
  msg += "MIME-Version: 1.0\r\n";
  msg += "Content-Type: text/plain; charset=utf-8\r\n";
  msg += "Content-Transfer-Encoding: 8bit\r\n";
  if (!mail.list_unsubscribe_url.empty()) {
    msg += "List-Unsubscribe: <" + mail.list_unsubscribe_url + ">\r\n";
    if (mail.list_unsubscribe_one_click) msg += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
  }
  msg += "Auto-Submitted: auto-generated\r\n\r\n";
  // Normalise line ends to CRLF; escape leading dots is done by libcurl.
  for (size_t i = 0; i < mail.body_text.size(); ++i) {
    char c = mail.body_text[i];
    if (c == '\r') continue;
    if (c == '\n')
      msg += "\r\n";
    else
      msg += c;
  }
  if (msg.size() < 2 || msg.substr(msg.size() - 2) != "\r\n") msg += "\r\n";
  return msg;
}

Delivery::Delivery(db::Database& db, SmtpOptions options, const Clock& clock, std::string worker_id)
    : db_(db), options_(std::move(options)), clock_(clock), worker_id_(std::move(worker_id)) {
  static const bool curl_ready = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == 0; }();
  (void)curl_ready;
}

namespace {

struct UploadState {
  const std::string* data;
  size_t offset = 0;
};

size_t ReadChunk(char* buffer, size_t size, size_t nitems, void* userp) {
  auto* st = static_cast<UploadState*>(userp);
  size_t room = size * nitems;
  size_t left = st->data->size() - st->offset;
  size_t n = left < room ? left : room;
  std::memcpy(buffer, st->data->data() + st->offset, n);
  st->offset += n;
  return n;
}

}  // namespace

Result<void> Delivery::Send(const OutgoingMail& mail, int64_t id) {
  CURL* curl = curl_easy_init();
  if (!curl) return Internal("curl_easy_init failed");
  std::string from_addr = AddressOnly(options_.from);
  std::string domain = from_addr.substr(from_addr.find('@') + 1);
  std::string message =
      FormatMessage(mail, options_.from, clock_.NowUnixSeconds(),
                    "wp-" + std::to_string(id) + "-" + std::to_string(clock_.NowUnixSeconds()) + "@" + domain);
  UploadState st{&message};
  curl_slist* rcpt = curl_slist_append(nullptr, ("<" + mail.to + ">").c_str());
  curl_easy_setopt(curl, CURLOPT_URL, options_.url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, ("<" + from_addr + ">").c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadChunk);
  curl_easy_setopt(curl, CURLOPT_READDATA, &st);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(options_.timeout_seconds));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_USE_SSL,
                   options_.require_tls ? static_cast<long>(CURLUSESSL_ALL) : static_cast<long>(CURLUSESSL_TRY));
  if (!options_.username.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, options_.username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, options_.password.c_str());
  }
  CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(rcpt);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) return Unavailable(std::string("SMTP: ") + curl_easy_strerror(rc));
  return Ok();
}

namespace {

// Messages claimed per round trip, and how long a claim lasts: long enough
// to send the whole batch at the SMTP timeout, so a slow but live deliverer
// keeps its claim.
constexpr int kClaimBatch = 10;

}  // namespace

Result<std::vector<ClaimedMail>> Delivery::Claim(int max) {
  int64_t now = clock_.NowUnixSeconds();
  jobs::Lease lease{worker_id_, now, now + 60 + int64_t{max} * (options_.timeout_seconds + 5)};
  WP_ASSIGN_OR_RETURN(db::Rows rows, db_.Write([&](db::Connection& c) {
    return jobs::ClaimRows(
        c,
        {.table = "mail_outbox",
         .due = "sent_at IS NULL AND failed_at IS NULL AND held_reason IS NULL AND next_attempt_at <= ?",
         .returning = "id, recipient, subject, body_text, attempts, list_unsubscribe, "
                      "list_unsubscribe_post"},
        lease, {now}, max);
  }));
  std::vector<ClaimedMail> out;
  for (const auto& row : rows) {
    out.push_back(
        {row.Int(0), OutgoingMail{row.Text(1), row.Text(2), row.Text(3), row.Text(5), row.Bool(6)}, row.Int(4)});
  }
  return out;
}

Result<int> Delivery::SendClaimed(const std::vector<ClaimedMail>& claimed) {
  int sent = 0;
  for (const auto& m : claimed) {
    Result<void> r = Send(m.mail, m.id);
    int64_t at = clock_.NowUnixSeconds();
    int64_t attempts = m.attempts + 1;
    // Every update is guarded by the claim: a deliverer that lost it (its
    // lease ended and another took over) records nothing.
    WP_TRY_VOID(db_.Write([&](db::Connection& c) -> Result<void> {
      if (r.has_value()) {
        WP_TRY_VOID(
            c.Execute("UPDATE mail_outbox SET sent_at = ?, attempts = ?, last_error = NULL, lease_owner = NULL, "
                      "lease_until = NULL WHERE id = ? AND lease_owner = ?",
                      {at, attempts, m.id, worker_id_}));
      } else if (attempts >= 12) {
        WP_TRY_VOID(
            c.Execute("UPDATE mail_outbox SET failed_at = ?, attempts = ?, last_error = ?, lease_owner = NULL, "
                      "lease_until = NULL WHERE id = ? AND lease_owner = ?",
                      {at, attempts, r.error().detail, m.id, worker_id_}));
      } else {
        int64_t backoff = 60LL << std::min<int64_t>(attempts - 1, 10);
        WP_TRY_VOID(
            c.Execute("UPDATE mail_outbox SET next_attempt_at = ?, attempts = ?, last_error = ?, "
                      "lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
                      {at + backoff, attempts, r.error().detail, m.id, worker_id_}));
      }
      return Ok();
    }));
    if (r.has_value()) ++sent;
  }
  return sent;
}

Result<int> Delivery::DeliverDue(int max) {
  if (!enabled()) return 0;
  int sent = 0;
  for (int left = max; left > 0;) {
    WP_ASSIGN_OR_RETURN(std::vector<ClaimedMail> batch, Claim(std::min(left, kClaimBatch)));
    if (batch.empty()) break;
    WP_ASSIGN_OR_RETURN(int n, SendClaimed(batch));
    sent += n;
    left -= static_cast<int>(batch.size());
  }
  return sent;
}

}  // namespace wp::mail
