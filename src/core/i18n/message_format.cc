#include "core/i18n/message_format.h"

#include <algorithm>
#include <cctype>

namespace wp::i18n {

struct Branch;

// A piece of a parsed message.
struct Message::Part {
  enum class Kind { kText, kArgument, kPlural, kSelect, kHash };
  Kind kind = Kind::kText;
  std::string text;  // literal text (kText) or argument name
  std::vector<Branch> branches;
};

struct Branch {
  std::string key;  // "=0", "one", "other", or a select value
  std::vector<Message::Part> parts;
};

namespace {

using Part = Message::Part;
using Parts = std::vector<Part>;

uint64_t Magnitude(int64_t v) { return v < 0 ? static_cast<uint64_t>(-(v + 1)) + 1 : static_cast<uint64_t>(v); }

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'; }

// ---- Parsing -----------------------------------------------------------

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Result<Parts> ParseAll() { return ParseParts(/*in_plural=*/false, /*nested=*/false); }

 private:
  Error Fail(const std::string& why) const {
    return InvalidInput("at character " + std::to_string(pos_ + 1) + ": " + why);
  }

  void SkipSpace() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  std::string_view Word() {
    size_t start = pos_;
    while (pos_ < text_.size() && IsNameChar(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }

  // Text and arguments up to the end (top level) or up to the '}' closing a
  // branch (nested; the '}' is consumed).
  Result<Parts> ParseParts(bool in_plural, bool nested) {
    Parts parts;
    std::string text;
    auto flush = [&] {
      if (!text.empty()) parts.push_back(Part{Part::Kind::kText, std::move(text), {}});
      text.clear();
    };
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '{') {
        flush();
        ++pos_;
        WP_ASSIGN_OR_RETURN(Part arg, ParseArgument(in_plural));
        parts.push_back(std::move(arg));
      } else if (c == '}') {
        if (!nested) return Fail("'}' without a matching '{'");
        ++pos_;
        flush();
        return parts;
      } else if (c == '#' && in_plural) {
        flush();
        ++pos_;
        parts.push_back(Part{Part::Kind::kHash, "", {}});
      } else {
        text += c;
        ++pos_;
      }
    }
    if (nested) return Fail("a '{' of a plural or select form is not closed");
    flush();
    return parts;
  }

  // After '{': name [, type [, style]] '}'.
  Result<Part> ParseArgument(bool in_plural) {
    SkipSpace();
    std::string name(Word());
    if (name.empty()) return Fail("an argument needs a name");
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      return Part{Part::Kind::kArgument, std::move(name), {}};
    }
    if (pos_ >= text_.size() || text_[pos_] != ',') return Fail("expected '}' or ',' after {" + name);
    ++pos_;
    SkipSpace();
    std::string type(Word());
    SkipSpace();
    if (type == "number") {
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        SkipSpace();
        if (Word() != "integer") return Fail("{" + name + ", number} takes no style but 'integer'");
        SkipSpace();
      }
      if (pos_ >= text_.size() || text_[pos_] != '}') return Fail("expected '}' after {" + name + ", number");
      ++pos_;
      return Part{Part::Kind::kArgument, std::move(name), {}};
    }
    if (type != "plural" && type != "select") {
      return Fail("unknown type '" + type + "' in {" + name + "} (use number, plural or select)");
    }
    bool plural = type == "plural";
    if (pos_ >= text_.size() || text_[pos_] != ',') return Fail("expected ',' and forms after {" + name + ", " + type);
    ++pos_;
    Part part{plural ? Part::Kind::kPlural : Part::Kind::kSelect, std::move(name), {}};
    while (true) {
      SkipSpace();
      if (pos_ >= text_.size()) return Fail("{" + part.text + ", " + type + "} is not closed");
      if (text_[pos_] == '}') {
        ++pos_;
        break;
      }
      std::string key;
      if (plural && text_[pos_] == '=') {
        ++pos_;
        std::string_view digits = Word();
        if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [](char d) { return d >= '0' && d <= '9'; })) {
          return Fail("'=' must be followed by a whole number in {" + part.text + "}");
        }
        key = "=" + std::string(digits);
      } else {
        key = std::string(Word());
        if (key.empty()) return Fail("expected a form name or '}' in {" + part.text + "}");
        if (plural && !IsPluralKeyword(key)) {
          return Fail("'" + key + "' is not a plural form (zero, one, two, few, many, other or =N) in {" + part.text +
                      "}");
        }
      }
      for (const auto& b : part.branches) {
        if (b.key == key) return Fail("form '" + key + "' given twice in {" + part.text + "}");
      }
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != '{')
        return Fail("expected '{' after '" + key + "' in {" + part.text + "}");
      ++pos_;
      WP_ASSIGN_OR_RETURN(Parts body, ParseParts(plural || in_plural, /*nested=*/true));
      part.branches.push_back(Branch{std::move(key), std::move(body)});
    }
    bool has_other =
        std::any_of(part.branches.begin(), part.branches.end(), [](const Branch& b) { return b.key == "other"; });
    if (!has_other) return Fail("{" + part.text + ", " + type + "} has no 'other' form");
    return part;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

// ---- Formatting --------------------------------------------------------

// The form of a plural for `arg`: an exact value ("=0") first, then the
// locale's category ("one"), then "other". Text or a missing argument takes
// "other".
const Branch* ChoosePlural(const Part& p, const std::optional<Arg>& arg, std::string_view locale) {
  std::optional<PluralOperands> n = arg ? arg->Operands() : std::nullopt;
  const Branch* other = nullptr;
  const Branch* by_category = nullptr;
  std::string exact;
  if (n && n->f == 0 && !arg->IsNegative()) exact = "=" + std::to_string(n->i);
  std::string_view category = n ? PluralCategoryName(CardinalCategory(locale, *n)) : "";
  for (const auto& b : p.branches) {
    if (b.key == exact) return &b;
    if (b.key == category) by_category = &b;
    if (b.key == "other") other = &b;
  }
  return by_category ? by_category : other;
}

struct Formatter {
  std::string_view locale;
  const ArgLookup& lookup;
  std::string out;

  void Render(const Parts& parts, const std::string* hash) {
    for (const auto& p : parts) {
      switch (p.kind) {
        case Part::Kind::kText:
          out += p.text;
          break;
        case Part::Kind::kHash:
          out += hash ? *hash : "#";
          break;
        case Part::Kind::kArgument: {
          std::optional<Arg> a = lookup(p.text);
          out += a ? a->Format(locale) : "{" + p.text + "}";
          break;
        }
        case Part::Kind::kPlural: {
          std::optional<Arg> a = lookup(p.text);
          std::string shown = a ? a->Format(locale) : "{" + p.text + "}";
          const Branch* b = ChoosePlural(p, a, locale);
          Render(b->parts, &shown);
          break;
        }
        case Part::Kind::kSelect: {
          std::optional<Arg> a = lookup(p.text);
          std::string key = a ? a->SelectKey() : "";
          const Branch* chosen = nullptr;
          const Branch* other = nullptr;
          for (const auto& b : p.branches) {
            if (a && b.key == key) chosen = &b;
            if (b.key == "other") other = &b;
          }
          Render((chosen ? chosen : other)->parts, hash);
          break;
        }
      }
    }
  }
};

void CollectNames(const Parts& parts, std::vector<std::string>& names) {
  for (const auto& p : parts) {
    if (p.kind == Part::Kind::kText || p.kind == Part::Kind::kHash) continue;
    names.push_back(p.text);
    for (const auto& b : p.branches) CollectNames(b.parts, names);
  }
}

void CollectPlurals(const Parts& parts, std::vector<PluralUse>& out) {
  for (const auto& p : parts) {
    if (p.kind == Part::Kind::kPlural) {
      bool has_one = std::any_of(p.branches.begin(), p.branches.end(),
                                 [](const Branch& b) { return b.key == "one" || b.key == "=1"; });
      out.push_back(PluralUse{p.text, has_one});
    }
    for (const auto& b : p.branches) CollectPlurals(b.parts, out);
  }
}

}  // namespace

std::string Arg::Format(std::string_view locale) const {
  switch (kind_) {
    case Kind::kInteger:
      return FormatInteger(integer_, locale);
    case Kind::kDecimal:
      return FormatDecimal(decimal_.value, decimal_.digits, locale);
    case Kind::kMoney:
      return FormatMoney(Money{integer_}, locale);
    case Kind::kText:
      return text_;
  }
  return text_;
}

std::optional<PluralOperands> Arg::Operands() const {
  switch (kind_) {
    case Kind::kInteger:
      return PluralOperands{Magnitude(integer_), 0, 0};
    case Kind::kDecimal:
      return OperandsOfDecimal(decimal_.value, decimal_.digits);
    case Kind::kMoney: {
      // As shown: whole euros have no fraction, others two digits.
      uint64_t c = Magnitude(integer_);
      return c % 100 == 0 ? PluralOperands{c / 100, 0, 0} : PluralOperands{c / 100, 2, c % 100};
    }
    case Kind::kText:
      return std::nullopt;
  }
  return std::nullopt;
}

bool Arg::IsNegative() const {
  switch (kind_) {
    case Kind::kInteger:
    case Kind::kMoney:
      return integer_ < 0;
    case Kind::kDecimal:
      return decimal_.value < 0;
    case Kind::kText:
      return false;
  }
  return false;
}

std::string Arg::SelectKey() const {
  switch (kind_) {
    case Kind::kInteger:
      return std::to_string(integer_);
    case Kind::kText:
      return text_;
    default:
      return Format("en");
  }
}

Result<Message> Message::Parse(std::string_view text) {
  Parser parser(text);
  WP_ASSIGN_OR_RETURN(Parts parts, parser.ParseAll());
  Message m;
  m.source_ = std::string(text);
  m.parts_ = std::make_shared<const Parts>(std::move(parts));
  return m;
}

std::string Message::Format(std::string_view locale, const ArgLookup& lookup) const {
  Formatter f{locale, lookup, {}};
  f.Render(*parts_, nullptr);
  return std::move(f.out);
}

std::string Message::Format(std::string_view locale, const Args& args) const {
  ArgLookup lookup = [&args](std::string_view name) -> std::optional<Arg> {
    for (const auto& [k, v] : args) {
      if (k == name) return v;
    }
    return std::nullopt;
  };
  return Format(locale, lookup);
}

std::vector<std::string> Message::ArgumentNames() const {
  std::vector<std::string> names;
  CollectNames(*parts_, names);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::vector<PluralUse> Message::Plurals() const {
  std::vector<PluralUse> out;
  CollectPlurals(*parts_, out);
  return out;
}

}  // namespace wp::i18n
