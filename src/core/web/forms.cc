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

FormView::FormView(const Context& ctx, std::vector<FieldError> errors) : ctx_(ctx), errors_(std::move(errors)) {}

namespace {

// The message of a field error in the request's language.
std::string Message(const Context& ctx, const FieldError& e) {
  i18n::Args args;
  for (const auto& [name, value] : e.args) {
    std::visit([&, &name = name](const auto& v) { args.emplace_back(name, i18n::Arg(v)); }, value);
  }
  return ctx.T(e.message_key, args);
}

}  // namespace

std::string FormView::ErrorFor(const std::string& field) const {
  for (const auto& e : errors_) {
    if (e.field == field) return Message(ctx_, e);
  }
  return "";
}

FormView& FormView::Field(FieldSpec spec) {
  labels_.emplace_back(spec.name, spec.label_key);
  nlohmann::json j = FieldJson(ctx_, spec);
  if (std::string error = ErrorFor(spec.name); !error.empty()) {
    j["error"] = error;
    std::string describedby = j.value("describedby", "");
    j["describedby"] = describedby + (describedby.empty() ? "" : " ") + "f-" + spec.name + "-error";
  }
  fields_[spec.name] = std::move(j);
  return *this;
}

FormView& FormView::Label(const std::string& field, const std::string& label_key) {
  labels_.emplace_back(field, label_key);
  return *this;
}

void FormView::AppendTo(nlohmann::json& data) const {
  for (auto it = fields_.begin(); it != fields_.end(); ++it) data["fields"][it.key()] = it.value();
  nlohmann::json list = nlohmann::json::array();
  std::vector<bool> listed(errors_.size(), false);
  for (const auto& [field, label_key] : labels_) {
    for (size_t i = 0; i < errors_.size(); ++i) {
      if (listed[i] || errors_[i].field != field) continue;
      listed[i] = true;
      list.push_back({{"id", "f-" + field}, {"label", ctx_.T(label_key)}, {"message", Message(ctx_, errors_[i])}});
    }
  }
  for (size_t i = 0; i < errors_.size(); ++i) {
    if (listed[i]) continue;
    list.push_back({{"id", "f-" + errors_[i].field}, {"label", ""}, {"message", Message(ctx_, errors_[i])}});
  }
  data["has_errors"] = !errors_.empty();
  data["errors"] = list;
}

}  // namespace wp::web
