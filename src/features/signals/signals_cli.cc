#include "features/signals/signals_cli.h"

#include "core/time/format.h"
#include "features/signals/export.h"

namespace wp::signals {

namespace {

constexpr const char* kUsage =
    "Usage: wijkplatform signals export --from YYYY-MM-DD --to YYYY-MM-DD [--format csv|json] [--json]\n"
    "Prints the signals reported from the start of --from up to and including --to (local days) without\n"
    "personal data: no reporter, e-mail address, handler or internal note; the description only when the\n"
    "reporter allowed it to be shown. CSV (the default) has a header line; --format json (or --json) prints\n"
    "{\"ok\", \"from\", \"to\", \"count\", \"signals\"}.";

std::vector<FlagSpec> Specs(const std::vector<FlagSpec>& common) {
  std::vector<FlagSpec> specs = {
      {"from", true, false, "first day of the period (local date)", "YYYY-MM-DD"},
      {"to", true, false, "last day of the period (local date, included)", "YYYY-MM-DD"},
      {"format", true, false, "csv (default) or json", "FORMAT"},
  };
  specs.insert(specs.end(), common.begin(), common.end());
  return specs;
}

}  // namespace

int RunSignalsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                      const SignalsCliHost& host) {
  if (args.empty() || args[0] == "--help") {
    out << kUsage << "\n";
    return args.empty() ? 2 : 0;
  }
  if (args[0] != "export") {
    err << "wijkplatform: unknown signals command '" << args[0] << "'\n" << kUsage << "\n";
    return 2;
  }
  const std::vector<FlagSpec> specs = Specs(host.common_flags);
  Flags flags;
  if (auto done = ParseCommandFlags({args.begin() + 1, args.end()}, specs, kUsage, out, err, flags)) return *done;
  std::string format = flags.Get("format").value_or(flags.Has("json") ? "json" : "csv");
  if (format != "csv" && format != "json") return FailCommand(flags, out, err, "--format must be csv or json", 2);
  if (format == "csv" && flags.Has("json"))
    return FailCommand(flags, out, err, "--json prints JSON: use --format json", 2);
  auto from_day = time::ParseDateInput(flags.Get("from").value_or(""));
  auto to_day = time::ParseDateInput(flags.Get("to").value_or(""));
  if (!from_day || !to_day) return FailCommand(flags, out, err, "--from and --to must be dates (YYYY-MM-DD)", 2);
  auto commands = host.open(flags);
  if (!commands.has_value()) return FailCommand(flags, out, err, commands.error().detail, 1);
  const time::TimeZone& zone = (*commands)->zone();
  int64_t from = zone.StartOfDay(*from_day);
  int64_t to = time::EndOfDay(zone, *to_day);
  if (to <= from) return FailCommand(flags, out, err, "--to is before --from", 2);
  auto signals = (*commands)->Export(from, to);
  if (!signals.has_value()) return FailCommand(flags, out, err, signals.error().detail, 1);
  auto categories = (*commands)->Categories();
  if (!categories.has_value()) return FailCommand(flags, out, err, categories.error().detail, 1);
  auto rows = ExportRows(*signals, *categories);
  out << (format == "json" ? ExportJson(rows, from, to) : ExportCsv(rows));
  return 0;
}

}  // namespace wp::signals
