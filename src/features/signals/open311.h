// Open311 GeoReport v2 documents: records (ordered fields) rendered as XML
// (a root with one element per record) or as JSON (a bare array of objects,
// or one object), times in W3C-DTF with the local offset, and parsing of the
// dates clients send. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/time/time_zone.h"

namespace wp::signals::open311 {

// A field's value: text, a number (lat/long), a whole number (an attribute's
// order), a boolean, or a list of records or of texts (a plural container:
// <formats><format>..., or a JSON array).
struct Record;
using Value = std::variant<std::string, double, int64_t, bool, std::vector<Record>, std::vector<std::string>>;
struct Record {
  std::vector<std::pair<std::string, Value>> fields;
  void Add(std::string name, Value v) { fields.emplace_back(std::move(name), std::move(v)); }
};

// "2026-03-14T09:30:00+01:00": `utc` in `zone` with its offset, whole seconds.
std::string W3cTime(const time::TimeZone& zone, int64_t utc);
// The unix time of "YYYY-MM-DDThh:mm:ss[.fff](Z|+hh:mm|-hh:mm)"; nullopt otherwise.
std::optional<int64_t> ParseW3cTime(std::string_view text);

// `<?xml ...?><root><item>...</item>...</root>` for a list.
std::string ListXml(std::string_view root, std::string_view item, const std::vector<Record>& records);
// `<?xml ...?><root>...</root>` for one record.
std::string ObjectXml(std::string_view root, const Record& record);
// `[{...}, ...]` and `{...}`. Nested lists of records become arrays.
std::string ListJson(const std::vector<Record>& records);
std::string ObjectJson(const Record& record);

// An Open311 error list: [{code, description}] / <errors><error>...
std::string ErrorsXml(int code, std::string_view description);
std::string ErrorsJson(int code, std::string_view description);

}  // namespace wp::signals::open311
