// Helpers that build the data for form fields and error summaries rendered
// by web/field.html and web/error_summary.html (labels, descriptions and
// errors linked with aria-describedby).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

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

// The fields of one form with the errors to show next to them and in the
// error summary at the top (web/error_summary.html, web/field.html). Built
// from the FieldErrors of a failed command, so a form is shown again with
// exactly what the command refused:
//
//   auto r = commands.Register(input);
//   if (!r.has_value() && r.error().has_fields()) return ShowForm(ctx, input, r.error().fields);
//   ...
//   FormView form(ctx, errors);
//   form.Field({.name = "email", .label_key = "accounts.field.email", .type = "email", .value = in.email});
//   form.AppendTo(data);  // data["fields"]["email"], data["has_errors"], data["errors"]
class FormView {
 public:
  explicit FormView(const Context& ctx, std::vector<FieldError> errors = {});
  // Adds a field; its error (if any) is taken from the errors.
  FormView& Field(FieldSpec spec);
  // Names the label of a field the page renders itself (a checkbox group,
  // a fieldset), so its errors are listed in the summary with that label.
  FormView& Label(const std::string& field, const std::string& label_key);
  // The translated error of `field`, or empty.
  std::string ErrorFor(const std::string& field) const;
  bool has_errors() const { return !errors_.empty(); }
  // Adds "fields", "has_errors" and "errors" (the summary, in form order;
  // errors of fields the form does not name come last) to `data`.
  void AppendTo(nlohmann::json& data) const;

 private:
  const Context& ctx_;
  std::vector<FieldError> errors_;
  nlohmann::json fields_ = nlohmann::json::object();
  std::vector<std::pair<std::string, std::string>> labels_;  // field -> label key, in form order
};

}  // namespace wp::web
