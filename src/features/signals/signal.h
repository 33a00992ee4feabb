// Plain types of a signal (melding): what a resident reports about the public
// space, its category (a tree that administrators edit, each category with a
// department and a handling time), its location, and the checks of a new
// report. Pure values and functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/strings.h"
#include "features/signals/questions.h"
#include "features/signals/status_flow.h"

namespace wp::signals {

// The problems a report field can have; each is the i18n key that explains it.
inline constexpr const char* kMissing = "web.required";
inline constexpr const char* kTooLong = "signals.error.too_long";
inline constexpr const char* kBadEmail = "signals.error.bad_email";
inline constexpr const char* kUnknownCategory = "signals.error.unknown_category";
inline constexpr const char* kOutsideMunicipality = "signals.error.outside";
inline constexpr const char* kNoLocation = "signals.error.no_location";
inline constexpr const char* kUnknownNeighbourhood = "signals.error.unknown_neighbourhood";
inline constexpr const char* kBadCharacters = "signals.error.bad_characters";

inline constexpr size_t kMaxDescriptionChars = 1000;  // characters (code points), not bytes
inline constexpr size_t kMaxStreetChars = 120;
inline constexpr size_t kMaxStaffTextChars = 2000;  // notes, messages, reasons

// A department of the municipality that handles signals, or an outside party
// (a housing corporation) that signals can be forwarded to.
struct Department {
  std::string slug;  // "wegen"; role scopes name it as "afdeling:wegen"
  std::string name;  // "Wegen en verkeer"
  bool external = false;
};

struct Category {
  int64_t id = 0;
  std::optional<int64_t> parent_id;  // a main category has none
  std::string slug;                  // unique; also the Open311 service_code
  std::string name;                  // Dutch
  std::string name_en;               // English; empty: use the Dutch name
  std::string description;
  std::string department_slug;
  int handling_days = 5;         // deadline: days after the day of the report (deadlines.h)
  int update_interval_days = 7;  // no message to the reporter this long: an automatic update
  bool active = true;
  int position = 0;  // order among its siblings

  const std::string& NameIn(std::string_view locale) const {
    return locale == "en" && !name_en.empty() ? name_en : name;
  }
};

// The problems of a category form (admin pages): name, slug, department,
// handling time (1-365 days) and update interval (1-90 days).
std::vector<FieldError> CheckCategory(const Category& c);

// The name of category `id` in `locale` with its main category ("Straat en
// stoep: Losse tegel"); empty for an unknown id.
std::string CategoryLabelIn(std::string_view locale, const std::vector<Category>& all, int64_t id);

// The name of department `slug` ("Wegen en verkeer"); the slug itself when unknown.
std::string DepartmentName(const std::vector<Department>& all, std::string_view slug);

// True when `c` may receive new signals: active and no active children.
bool IsReportable(const Category& c, const std::vector<Category>& all);

// Where the problem is: a point clicked on the map, or a buurt and a street.
struct Location {
  std::optional<double> lon, lat;  // WGS84
  std::string neighbourhood_code;  // "BU03920101"
  std::string street;              // typed by the reporter; may be empty with a point
};

// What the report form sends (pages) or an Open311 client posts.
struct ReportInput {
  std::string category_slug;
  std::string description;
  bool share_publicly = false;  // the description and photos may be shown on the public pages
  Location location;
  std::string email;  // for updates; empty: no updates
  std::string locale = "nl";
  std::string form_nonce;              // one per form; a second post of the same form is refused
  std::optional<int64_t> platform_id;  // reported by a platform for its members
  Answers answers;                     // to the extra questions of the category (questions.h)
};

// Field checks of a report that need no database: description (required, at
// most kMaxDescriptionChars characters, no control characters), street
// (at most kMaxStreetChars), e-mail (plausible when given), location (a point
// or a buurt). Category and area are checked against the stored tree and the
// geography by the command.
std::vector<FieldError> CheckReportFields(const ReportInput& in);

// Lengths and control characters are checked with CountChars and
// HasControlCharacters of core/strings.h.

// The number residents see and quote: "M-1042" for id 1042.
std::string SignalNumber(int64_t id);
// The id in "M-1042", "m-1042" or "1042"; nullopt otherwise.
std::optional<int64_t> ParseSignalNumber(std::string_view text);

// A signal as stored.
struct Signal {
  int64_t id = 0;
  int64_t category_id = 0;
  std::string department_slug;  // who handles it now
  SignalStatus status = SignalStatus::kReported;
  std::string description;
  bool share_publicly = false;
  std::optional<double> lon, lat;
  std::string neighbourhood_code, district_code, borough_slug;
  std::string street;
  std::string source;  // "web", "open311"
  std::optional<int64_t> platform_id;
  int64_t created_at = 0;  // unix seconds, UTC
  int64_t updated_at = 0;
  int64_t deadline_at = 0;
  std::optional<int64_t> closed_at;
  std::optional<int64_t> planned_for;  // ingepland: the day the work is planned (start of that local day)
  std::optional<int64_t> assigned_user_id;
  std::string assigned_name;
  int64_t last_reporter_message_at = 0;
  std::optional<int64_t> next_update_at;
  bool needs_attention = false;
  std::optional<int64_t> merged_into;
  std::string forwarded_to;  // name of the outside party
  std::optional<bool> satisfied;
};

}  // namespace wp::signals
