#include "core/web/forms.h"

namespace wp::web {

nlohmann::json FieldJson(const Context& ctx, const FieldSpec& spec) {
  std::string id = "f-" + spec.name;
  nlohmann::json j;
  j["id"] = id;
  j["name"] = spec.name;
  j["label"] = ctx.T(spec.label_key);
  j["type"] = spec.type;
  j["value"] = spec.type == "password" ? "" : spec.value;
  j["autocomplete"] = spec.autocomplete;
  j["required"] = spec.required;
  j["textarea"] = spec.textarea;
  j["rows"] = spec.rows;
  j["inputmode"] = spec.inputmode;
  std::string describedby;
  if (!spec.description_key.empty()) {
    j["description"] = ctx.T(spec.description_key);
    describedby = id + "-desc";
  }
  if (!spec.error_key.empty()) {
    j["error"] = ctx.T(spec.error_key);
    describedby += (describedby.empty() ? "" : " ") + id + "-error";
  }
  j["describedby"] = describedby;
  return j;
}

void FormErrors::Add(const Context& ctx, const std::string& field, const std::string& label_key,
                     const std::string& error_key) {
  errors_.push_back({field, ctx.T(label_key), ctx.T(error_key), error_key});
}

std::string FormErrors::KeyFor(const std::string& field) const {
  for (const auto& e : errors_) {
    if (e.field == field) return e.key;
  }
  return "";
}

void FormErrors::AppendTo(nlohmann::json& data) const {
  data["has_errors"] = !errors_.empty();
  nlohmann::json list = nlohmann::json::array();
  for (const auto& e : errors_) list.push_back({{"id", "f-" + e.field}, {"label", e.label}, {"message", e.message}});
  data["errors"] = list;
}

}  // namespace wp::web
