#include "features/signals/open311.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/strings.h"

namespace wp::signals::open311 {

namespace {

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", v);  // the "C" locale: always a '.'
  return buf;
}

// The singular of a plural container name: "attributes" -> "attribute".
std::string Singular(const std::string& plural) {
  return plural.size() > 1 && plural.back() == 's' ? plural.substr(0, plural.size() - 1) : plural;
}

void FieldsXml(const Record& r, std::string& out) {
  for (const auto& [name, value] : r.fields) {
    out += "<" + name + ">";
    if (const auto* s = std::get_if<std::string>(&value)) out += HtmlEscape(*s);
    if (const auto* d = std::get_if<double>(&value)) out += Number(*d);
    if (const auto* i = std::get_if<int64_t>(&value)) out += std::to_string(*i);
    if (const auto* b = std::get_if<bool>(&value)) out += *b ? "true" : "false";
    if (const auto* list = std::get_if<std::vector<Record>>(&value)) {
      for (const auto& item : *list) {
        out += "<" + Singular(name) + ">";
        FieldsXml(item, out);
        out += "</" + Singular(name) + ">";
      }
    }
    if (const auto* texts = std::get_if<std::vector<std::string>>(&value)) {
      for (const auto& t : *texts) out += "<" + Singular(name) + ">" + HtmlEscape(t) + "</" + Singular(name) + ">";
    }
    out += "</" + name + ">";
  }
}

nlohmann::json ToJson(const Record& r) {
  nlohmann::json o = nlohmann::json::object();
  for (const auto& [name, value] : r.fields) {
    if (const auto* s = std::get_if<std::string>(&value)) o[name] = *s;
    if (const auto* d = std::get_if<double>(&value)) o[name] = std::stod(Number(*d));
    if (const auto* i = std::get_if<int64_t>(&value)) o[name] = *i;
    if (const auto* b = std::get_if<bool>(&value)) o[name] = *b;
    if (const auto* list = std::get_if<std::vector<Record>>(&value)) {
      nlohmann::json a = nlohmann::json::array();
      for (const auto& item : *list) a.push_back(ToJson(item));
      o[name] = a;
    }
    if (const auto* texts = std::get_if<std::vector<std::string>>(&value)) o[name] = *texts;
  }
  return o;
}

constexpr const char* kXmlHead = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

bool Digits(std::string_view s, size_t at, size_t n, int& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

std::string W3cTime(const time::TimeZone& zone, int64_t utc) {
  time::LocalDateTime t = zone.ToLocal(utc);
  int offset = zone.OffsetAt(utc) / 60;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", t.year, t.month, t.day, t.hour, t.minute,
                t.second, offset < 0 ? '-' : '+', std::abs(offset) / 60, std::abs(offset) % 60);
  return buf;
}

std::optional<int64_t> ParseW3cTime(std::string_view s) {
  time::LocalDateTime t;
  if (s.size() < 20 || !Digits(s, 0, 4, t.year) || s[4] != '-' || !Digits(s, 5, 2, t.month) || s[7] != '-' ||
      !Digits(s, 8, 2, t.day) || s[10] != 'T' || !Digits(s, 11, 2, t.hour) || s[13] != ':' ||
      !Digits(s, 14, 2, t.minute) || s[16] != ':' || !Digits(s, 17, 2, t.second)) {
    return std::nullopt;
  }
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > 31 || t.hour > 23 || t.minute > 59 || t.second > 60) {
    return std::nullopt;
  }
  size_t i = 19;
  if (s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  }
  int64_t offset = 0;
  if (i < s.size() && s[i] == 'Z' && i + 1 == s.size()) {
    offset = 0;
  } else if (i + 6 == s.size() && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':') {
    int h = 0, m = 0;
    if (!Digits(s, i + 1, 2, h) || !Digits(s, i + 4, 2, m) || h > 14 || m > 59) return std::nullopt;
    offset = (h * 60 + m) * 60 * (s[i] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  return time::UnixFromCivil(t) - offset;
}

std::string ListXml(std::string_view root, std::string_view item, const std::vector<Record>& records) {
  std::string out = std::string(kXmlHead) + "<" + std::string(root) + ">";
  for (const auto& r : records) {
    out += "<" + std::string(item) + ">";
    FieldsXml(r, out);
    out += "</" + std::string(item) + ">";
  }
  return out + "</" + std::string(root) + ">\n";
}

std::string ObjectXml(std::string_view root, const Record& record) {
  std::string out = std::string(kXmlHead) + "<" + std::string(root) + ">";
  FieldsXml(record, out);
  return out + "</" + std::string(root) + ">\n";
}

std::string ListJson(const std::vector<Record>& records) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& r : records) a.push_back(ToJson(r));
  return a.dump();
}

std::string ObjectJson(const Record& record) { return ToJson(record).dump(); }

std::string ErrorsXml(int code, std::string_view description) {
  Record e;
  e.Add("code", std::to_string(code));
  e.Add("description", std::string(description));
  return ListXml("errors", "error", {e});
}

std::string ErrorsJson(int code, std::string_view description) {
  Record e;
  e.Add("code", std::to_string(code));
  e.Add("description", std::string(description));
  return ListJson({e});
}

}  // namespace wp::signals::open311
