#include "core/flags.h"

#include <nlohmann/json.hpp>

namespace wp {

Result<Flags> Flags::Parse(const std::vector<std::string>& args, const std::vector<FlagSpec>& specs) {
  Flags f;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.rfind("--", 0) != 0 || a == "--") {
      f.positional_.push_back(a);
      continue;
    }
    std::string name = a.substr(2);
    std::optional<std::string> value;
    size_t eq = name.find('=');
    if (eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    const FlagSpec* spec = nullptr;
    for (const auto& s : specs) {
      if (s.name == name) spec = &s;
    }
    if (!spec) return InvalidInput("unknown flag --" + name + " (see --help)");
    if (spec->takes_value) {
      if (!value) {
        if (i + 1 >= args.size()) return InvalidInput("flag --" + name + " needs a value");
        value = args[++i];
      }
    } else if (value) {
      return InvalidInput("flag --" + name + " takes no value");
    }
    auto& slot = f.values_[name];
    if (!slot.empty() && !spec->repeatable) return InvalidInput("flag --" + name + " given twice");
    slot.push_back(value.value_or(""));
  }
  return f;
}

std::optional<std::string> Flags::Get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> Flags::GetAll(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>() : it->second;
}

std::string FlagHelp(const std::vector<FlagSpec>& specs) {
  std::string out;
  for (const auto& s : specs) {
    std::string left = "  --" + s.name + (s.takes_value ? " " + s.value_name : "");
    if (left.size() < 30)
      left.resize(30, ' ');
    else
      left += "\n" + std::string(30, ' ');
    out += left + s.help + (s.repeatable ? " (repeatable)" : "") + "\n";
  }
  return out;
}

std::optional<int> ParseCommandFlags(const std::vector<std::string>& args, const std::vector<FlagSpec>& specs,
                                     std::string_view usage, std::ostream& out, std::ostream& err, Flags& flags) {
  auto parsed = Flags::Parse(args, specs);
  if (!parsed.has_value()) {
    err << "wijkplatform: " << parsed.error().detail << "\n" << usage << "\n";
    return 2;
  }
  if (parsed->Has("help")) {
    out << usage << "\n\nFlags:\n" << FlagHelp(specs);
    return 0;
  }
  if (!parsed->positional().empty()) {
    err << "wijkplatform: unexpected argument '" << parsed->positional()[0] << "'\n" << usage << "\n";
    return 2;
  }
  flags = std::move(*parsed);
  return std::nullopt;
}

int FailCommand(const Flags& flags, std::ostream& out, std::ostream& err, std::string_view message, int code) {
  if (flags.Has("json")) out << nlohmann::json{{"ok", false}, {"error", message}}.dump(2) << "\n";
  err << "wijkplatform: " << message << "\n";
  return code;
}

}  // namespace wp
