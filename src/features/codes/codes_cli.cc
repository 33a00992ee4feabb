#include "features/codes/codes_cli.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/strings.h"

namespace wp::codes {

namespace {

using nlohmann::json;

constexpr const char* kUsage =
    "Usage: wijkplatform codes import --edition SLUG --file ADDRESSES.csv [--json]\n"
    "       wijkplatform codes generate --edition SLUG [--no-letters] [--json]\n"
    "       wijkplatform codes revoke --edition SLUG --letter N [--json]\n"
    "       wijkplatform codes erase --edition SLUG --yes [--json]\n"
    "       wijkplatform codes status --edition SLUG [--json]\n"
    "import reads a CSV with a column 'adres' or 'address' ('-' = standard input); generate makes a code for\n"
    "every address without one and writes the print file (CSV) and letters (PDF) to print_dir/SLUG/, with\n"
    "progress on standard error; revoke revokes the code of a lost letter and writes a new letter; erase\n"
    "deletes the address list (codes keep working).";

// The command line acts with administrator rights.
const auth::User kOperator{0, "", "command line", "nl", {{auth::Role::kAdministrator, ""}}};

// One run of a subcommand: its flags, where it writes, and the edition.
struct Call {
  const Flags& flags;
  std::ostream& out;
  std::ostream& err;
  CodeCommands& commands;
  budgets::Edition edition;
  bool json() const { return flags.Has("json"); }
  std::string folder() const { return commands.options().print_dir + "/" + edition.slug; }
  int Fail(const std::string& message) const { return FailCommand(flags, out, err, message, 1); }
};

std::vector<FlagSpec> SpecsFor(const std::string& sub, const std::vector<FlagSpec>& common) {
  std::vector<FlagSpec> specs = {{"edition", true, false, "slug of the Wijk aan Zet round", "SLUG"}};
  if (sub == "import")
    specs.push_back({"file", true, false, "CSV file with the addresses; - for standard input", "FILE"});
  if (sub == "generate") specs.push_back({"no-letters", false, false, "write only the print file, no PDF letters"});
  if (sub == "revoke") specs.push_back({"letter", true, false, "letter number of the lost letter", "N"});
  if (sub == "erase") specs.push_back({"yes", false, false, "confirm: erase every address of the round"});
  specs.insert(specs.end(), common.begin(), common.end());
  return specs;
}

// The usage errors a subcommand's own flags can have, or "".
std::string CheckFlags(const std::string& sub, const Flags& flags) {
  if (!flags.Get("edition")) return "--edition is required";
  if (sub == "import" && !flags.Get("file")) return "--file is required";
  if (sub == "revoke") {
    auto v = flags.Get("letter");
    if (!v || !ParseId(*v)) return "--letter must be a letter number";
  }
  if (sub == "erase" && !flags.Has("yes")) return "erase needs --yes";
  return "";
}

int Import(const Call& call, std::istream& in) {
  const std::string file = *call.flags.Get("file");
  std::stringstream csv;
  if (file == "-") {
    csv << in.rdbuf();
  } else {
    std::ifstream f(file, std::ios::binary);
    if (!f) return call.Fail("cannot read " + file);
    csv << f.rdbuf();
  }
  auto s = call.commands.ImportAddresses(kOperator, call.edition, csv.str());
  if (!s.has_value()) return call.Fail(s.error().detail);
  if (call.json()) {
    json dups = json::array();
    for (const auto& d : s->duplicates) dups.push_back({{"line", d.line}, {"same_as_line", d.first_line}});
    call.out << json{{"ok", true},         {"in_file", s->in_file},
                     {"added", s->added},  {"already_known", s->already_known},
                     {"total", s->total},  {"empty_lines", s->empty_lines},
                     {"duplicates", dups}, {"ignored_columns", s->ignored_columns}}
                    .dump(2)
             << "\n";
    return 0;
  }
  call.out << s->in_file << " addresses in the file, " << s->added << " added, " << s->already_known
           << " already known; " << s->total << " addresses in the list\n";
  for (const auto& c : s->ignored_columns) call.out << "  column '" << c << "' ignored\n";
  for (int l : s->empty_lines) call.out << "  line " << l << ": no address, skipped\n";
  for (const auto& d : s->duplicates) {
    call.out << "  line " << d.line << ": same address as line " << d.first_line << ", skipped\n";
  }
  return 0;
}

// The files a run or reissue wrote, as text lines or a JSON list.
void PrintFiles(const Call& call, const std::vector<std::string>& files) {
  for (const auto& f : files) call.out << "  " << f << "\n";
}

int Generate(const Call& call) {
  auto status = call.commands.Status(call.edition);
  if (!status.has_value()) return call.Fail(status.error().detail);
  call.err << "wijkplatform: making " << status->waiting << " voting codes for " << call.edition.title << "\n";
  auto run = call.commands.GenerateNow(kOperator, call.edition, !call.flags.Has("no-letters"),
                                       [&err = call.err](int64_t done, int64_t total) {
                                         if (done % 10000 == 0 || done == total) {
                                           err << "wijkplatform: " << done << " of " << total << "\n";
                                         }
                                       });
  if (!run.has_value()) return call.Fail(run.error().detail);
  if (call.json()) {
    call.out
        << json{{"ok", true}, {"run", run->id}, {"codes", run->total}, {"folder", call.folder()}, {"files", run->files}}
               .dump(2)
        << "\n";
    return 0;
  }
  call.out << "made " << run->total << " voting codes (run " << run->id << "); files in " << call.folder() << ":\n";
  PrintFiles(call, run->files);
  return 0;
}

int Revoke(const Call& call) {
  auto r = call.commands.Reissue(kOperator, call.edition, *ParseId(*call.flags.Get("letter")));
  if (!r.has_value()) return call.Fail(r.error().detail);
  if (call.json()) {
    call.out << json{{"ok", true},
                     {"revoked_letter", r->old_letter},
                     {"new_letter", r->new_letter},
                     {"folder", call.folder()},
                     {"files", r->files}}
                    .dump(2)
             << "\n";
    return 0;
  }
  call.out << "revoked the code of letter " << r->old_letter << "; new letter " << r->new_letter << " in "
           << call.folder() << ":\n";
  PrintFiles(call, r->files);
  return 0;
}

int Erase(const Call& call) {
  auto n = call.commands.EraseAddresses(kOperator, call.edition, true);
  if (!n.has_value()) return call.Fail(n.error().detail);
  if (call.json()) {
    call.out << json{{"ok", true}, {"erased_addresses", *n}}.dump(2) << "\n";
  } else {
    call.out << "erased " << *n << " addresses; the voting codes keep working\n";
  }
  return 0;
}

int Status(const Call& call) {
  auto s = call.commands.Status(call.edition);
  if (!s.has_value()) return call.Fail(s.error().detail);
  if (!call.json()) {
    call.out << call.edition.title << ": " << s->addresses << " addresses (" << s->waiting << " without a code)"
             << (s->erased_at ? ", address list erased" : "") << "\ncodes: " << s->unused << " unused, "
             << s->used_online << " used online, " << s->used_paper << " used on paper, " << s->revoked << " revoked\n";
    for (const auto& f : s->files) call.out << "  " << call.folder() << "/" << f.name << " (" << f.bytes << " bytes)\n";
    return 0;
  }
  json runs = json::array();
  for (const auto& r : s->runs) {
    runs.push_back({{"id", r.id},
                    {"kind", RunKindName(r.kind)},
                    {"state", RunStateName(r.state)},
                    {"done", r.done},
                    {"total", r.total},
                    {"files", r.files},
                    {"error", r.error}});
  }
  json files = json::array();
  for (const auto& f : s->files) files.push_back({{"name", f.name}, {"bytes", f.bytes}});
  call.out << json{{"ok", true},
                   {"edition", call.edition.slug},
                   {"addresses", s->addresses},
                   {"waiting", s->waiting},
                   {"unused", s->unused},
                   {"used_online", s->used_online},
                   {"used_paper", s->used_paper},
                   {"revoked", s->revoked},
                   {"addresses_erased", s->erased_at.has_value()},
                   {"runs", runs},
                   {"folder", call.folder()},
                   {"files", files}}
                  .dump(2)
           << "\n";
  return 0;
}

}  // namespace

int RunCodesCommand(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err,
                    const CodesCliHost& host) {
  if (args.empty() || args[0] == "--help") {
    out << kUsage << "\n";
    return args.empty() ? 2 : 0;
  }
  const std::string& sub = args[0];
  if (sub != "import" && sub != "generate" && sub != "revoke" && sub != "erase" && sub != "status") {
    err << "wijkplatform: unknown codes command '" << sub << "'\n" << kUsage << "\n";
    return 2;
  }
  const std::vector<FlagSpec> specs = SpecsFor(sub, host.common_flags);
  Flags flags;
  if (auto done = ParseCommandFlags({args.begin() + 1, args.end()}, specs, kUsage, out, err, flags)) return *done;
  if (std::string usage = CheckFlags(sub, flags); !usage.empty()) return FailCommand(flags, out, err, usage, 2);
  auto commands = host.open(flags);
  if (!commands.has_value()) return FailCommand(flags, out, err, commands.error().detail, 1);
  const std::string slug = *flags.Get("edition");
  auto edition = (*commands)->FindEdition(slug);
  if (!edition.has_value()) return FailCommand(flags, out, err, "no Wijk aan Zet round with slug " + slug, 1);
  const Call call{flags, out, err, **commands, *edition};
  if (sub == "import") return Import(call, in);
  if (sub == "generate") return Generate(call);
  if (sub == "revoke") return Revoke(call);
  if (sub == "erase") return Erase(call);
  return Status(call);
}

}  // namespace wp::codes
