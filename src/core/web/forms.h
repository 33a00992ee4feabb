// Helpers that build the data for form fields and error summaries rendered
// by web/field.html and web/error_summary.html (labels, descriptions and
// errors linked with aria-describedby).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/web/web.h"

namespace wp::web {

struct FieldSpec {
  std::string name;             // form field name; also the element id ("f-" + name)
  std::string label_key;        // i18n key of the label
  std::string type = "text";    // input type: text, email, password, number, date, ...
  std::string value;            // current value (never set for passwords)
  std::string autocomplete;     // autocomplete token, e.g. "email", "current-password"
  std::string description_key;  // optional hint below the label
  std::string error_key;        // i18n key of the error, empty when valid
  bool required = true;
  bool textarea = false;
  int rows = 5;
  std::string inputmode;
};

nlohmann::json FieldJson(const Context& ctx, const FieldSpec& spec);

// Collects field errors for the summary at the top of a form.
class FormErrors {
 public:
  void Add(const Context& ctx, const std::string& field, const std::string& label_key, const std::string& error_key);
  bool empty() const { return errors_.empty(); }
  // The error key for `field`, or empty.
  std::string KeyFor(const std::string& field) const;
  // {"has_errors": bool, "errors": [{id, label, message}]} to merge into view data.
  void AppendTo(nlohmann::json& data) const;

 private:
  struct Item {
    std::string field, label, message, key;
  };
  std::vector<Item> errors_;
};

}  // namespace wp::web
