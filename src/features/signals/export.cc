#include "features/signals/export.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/time/time_zone.h"

namespace wp::signals {

namespace {

std::string Utc(int64_t t) {
  time::LocalDateTime c = time::CivilFromUnix(t);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year, c.month, c.day, c.hour, c.minute, c.second);
  return buf;
}

std::string OptUtc(const std::optional<int64_t>& t) { return t ? Utc(*t) : std::string(); }

std::string Coordinate(const std::optional<double>& v) {
  if (!v) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", *v);
  return buf;
}

std::string OptId(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : std::string(); }

}  // namespace

const std::vector<std::string>& ExportColumns() {
  static const std::vector<std::string> kColumns = {
      "number",  "category", "category_name", "department",    "status",      "open",        "created",
      "updated", "closed",   "deadline",      "neighbourhood", "district",    "borough",     "street",
      "lat",     "lon",      "description",   "source",        "platform_id", "merged_into", "forwarded_to"};
  return kColumns;
}

std::vector<std::vector<std::string>> ExportRows(const std::vector<Signal>& signals,
                                                 const std::vector<Category>& categories) {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(signals.size());
  for (const auto& s : signals) {
    std::string slug, name;
    for (const auto& c : categories) {
      if (c.id == s.category_id) {
        slug = c.slug;
        name = c.name;
      }
    }
    rows.push_back({SignalNumber(s.id),
                    slug,
                    name,
                    s.department_slug,
                    std::string(StatusName(s.status)),
                    IsOpen(s.status) ? "true" : "false",
                    Utc(s.created_at),
                    Utc(s.updated_at),
                    OptUtc(s.closed_at),
                    Utc(s.deadline_at),
                    s.neighbourhood_code,
                    s.district_code,
                    s.borough_slug,
                    s.street,
                    Coordinate(s.lat),
                    Coordinate(s.lon),
                    s.share_publicly ? s.description : std::string(),
                    s.source,
                    OptId(s.platform_id),
                    s.merged_into ? SignalNumber(*s.merged_into) : std::string(),
                    s.forwarded_to});
  }
  return rows;
}

std::string ExportCsv(const std::vector<std::vector<std::string>>& rows) {
  std::string out;
  auto field = [&out](const std::string& v) {
    std::string text = v;
    if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@')) text = "'" + text;
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
      out += text;
      return;
    }
    out += '"';
    for (char ch : text) {
      if (ch == '"') out += '"';
      out += ch;
    }
    out += '"';
  };
  const auto& columns = ExportColumns();
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i) out += ',';
    field(columns[i]);
  }
  out += "\r\n";
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      field(row[i]);
    }
    out += "\r\n";
  }
  return out;
}

std::string ExportJson(const std::vector<std::vector<std::string>>& rows, int64_t from, int64_t to) {
  const auto& columns = ExportColumns();
  nlohmann::json list = nlohmann::json::array();
  for (const auto& row : rows) {
    nlohmann::json o = nlohmann::json::object();
    for (size_t i = 0; i < columns.size() && i < row.size(); ++i) {
      const std::string& c = columns[i];
      const std::string& v = row[i];
      if (v.empty()) {
        o[c] = nullptr;
      } else if (c == "open") {
        o[c] = v == "true";
      } else if (c == "lat" || c == "lon") {
        o[c] = std::stod(v);
      } else if (c == "platform_id") {
        o[c] = std::stoll(v);
      } else {
        o[c] = v;
      }
    }
    list.push_back(std::move(o));
  }
  nlohmann::json doc = {
      {"ok", true}, {"from", Utc(from)}, {"to", Utc(to)}, {"count", rows.size()}, {"signals", std::move(list)}};
  return doc.dump(2) + "\n";
}

}  // namespace wp::signals
