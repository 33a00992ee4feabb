// App: the composition root. Opens the database, registers every feature,
// applies migrations, loads the municipality's geography into an empty
// database, and serves HTTP. Used by `wijkplatform serve` and by tests
// (AppHarness), so tests run the same wiring as production.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "app/config.h"
#include "core/clock.h"
#include "core/db/database.h"
#include "core/files/blob_sweep.h"
#include "core/http/message.h"
#include "core/random.h"
#include "core/result.h"
#include "core/time/time_zone.h"

namespace wp::accounts {
class AccountCommands;
}
namespace wp::codes {
class CodeCommands;
}
namespace wp::geography {
class GeographyService;
}
namespace wp::i18n {
class Catalog;
}

namespace wp::app {

struct AppOverrides {
  const Clock* clock = nullptr;  // default: the system clock
  Random* random = nullptr;      // default: the OS CSPRNG
  bool quiet = false;            // no access log, no startup messages
};

class App {
 public:
  // Builds the application. Errors: bad database URL, failed migration,
  // unreadable geography files (the message names the file and line).
  static Result<std::unique_ptr<App>> Create(const Config& config, AppOverrides overrides = {});
  ~App();

  // Handles one request through the full stack (router, pages, security
  // headers, metrics). Thread-safe.
  http::Response Handle(http::Request& request);
  // The body limit of a request, from its head: max_upload_kib on an upload
  // route whose sign-in requirement the session meets, else max_body_kib.
  size_t BodyLimit(const http::Request& head);

  // Binds the configured address (port 0: any free port) and serves on
  // background threads; also starts the background tasks (e-mail delivery).
  Result<void> Start();
  uint16_t port() const;
  // Graceful stop: finishes in-flight requests, stops background tasks.
  void Stop();
  // Blocks until SIGTERM or SIGINT, then stops gracefully.
  void WaitForSignal();

  // One tick of the background work in the calling thread: e-mail delivery,
  // due periodic tasks, and the queued jobs this process can claim. Returns
  // how many jobs ran.
  Result<int> RunBackgroundTasksOnce();
  // Removes documents in the files folder that no row names and that are
  // older than the grace period (also a periodic task, "files.sweep").
  Result<files::SweepReport> SweepUnreferencedFiles(files::SweepOptions options = {});
  // Waits until no job queued in this database can be claimed now (tests).
  void WaitForBackgroundJobsForTest();

  db::Database& db();
  // Fills the archive's search anew from the advice and talks tables (as at
  // startup after the migrations). Returns how many entries those sources hold.
  Result<int64_t> RebuildSearchIndex();
  accounts::AccountCommands& accounts();
  geography::GeographyService* geography();
  // The voting codes commands (`wijkplatform codes`).
  codes::CodeCommands& codes();
  // Sends due e-mail from the outbox now. Returns how many this call sent
  // (the background deliverer may have sent others already).
  Result<int> DeliverMailNow();
  const Config& config() const;
  // The zone of every time people see (Europe/Amsterdam, app/local_zone.h).
  const time::TimeZone& zone() const;
  // Every catalog the app loaded (core and features), checked at start.
  const i18n::Catalog& catalog() const;
  // Adds the demo content (idempotent).
  Result<void> LoadDemoContent();

 private:
  App();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wp::app
