// Flags: a small parser for "--name value", "--name=value" and boolean
// "--name" command-line flags, with the list of allowed flags per command.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace wp {

struct FlagSpec {
  std::string name;  // without dashes
  bool takes_value = true;
  bool repeatable = false;
  std::string help;  // one line for --help
  std::string value_name = "VALUE";
};

class Flags {
 public:
  // Parses `args` against `specs`. Errors name the unknown or malformed flag.
  static Result<Flags> Parse(const std::vector<std::string>& args, const std::vector<FlagSpec>& specs);
  bool Has(const std::string& name) const { return values_.count(name) > 0; }
  std::optional<std::string> Get(const std::string& name) const;
  std::vector<std::string> GetAll(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positional_;
};

// Formats the flag list for --help.
std::string FlagHelp(const std::vector<FlagSpec>& specs);

// The start of every `wijkplatform` command: parses `args` against `specs`.
// On a usage error (an unknown or malformed flag, an unexpected argument)
// writes the problem and `usage` to `err` and returns 2; with --help writes
// `usage` and the flag list to `out` and returns 0; otherwise fills `flags`
// and returns nullopt (the command runs).
std::optional<int> ParseCommandFlags(const std::vector<std::string>& args, const std::vector<FlagSpec>& specs,
                                     std::string_view usage, std::ostream& out, std::ostream& err, Flags& flags);

// Reports a failed command: {"ok": false, "error": message} on `out` when
// --json is set, "wijkplatform: message" on `err`. Returns `code`.
int FailCommand(const Flags& flags, std::ostream& out, std::ostream& err, std::string_view message, int code);

}  // namespace wp
