#include "core/http/metrics.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/assert.h"

namespace wp::http {

namespace {

bool IsValidName(std::string_view name, bool allow_colon) {
  if (name.empty()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (allow_colon && c == ':') ||
              (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

// Shortest decimal text that reads back as the same double; "+Inf", "-Inf", "NaN".
std::string FormatValue(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  char buf[40];
  for (int precision = 15; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  return buf;
}

void AppendEscaped(std::string& out, std::string_view s, bool escape_quote) {
  for (char c : s) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '"' && escape_quote) {
      out += "\\\"";
    } else {
      out.push_back(c);
    }
  }
}

}  // namespace

MetricFamily::MetricFamily(std::string name, std::string help, std::vector<std::string> label_names)
    : name_(std::move(name)), help_(std::move(help)), label_names_(std::move(label_names)) {
  WP_ASSERT(IsValidName(name_, /*allow_colon=*/true), "invalid metric name");
  for (const auto& label : label_names_) {
    WP_ASSERT(IsValidName(label, /*allow_colon=*/false) && label != "le" && !label.starts_with("__"),
              "invalid label name");
  }
}

void MetricFamily::CheckLabels(const LabelValues& values) const {
  WP_ASSERT(values.size() == label_names_.size(), "one value per label name");
}

std::string MetricFamily::LabelText(const LabelValues& values, std::string_view extra) const {
  if (label_names_.empty() && extra.empty()) return {};
  std::string out = "{";
  for (size_t i = 0; i < label_names_.size(); ++i) {
    if (i > 0) out += ",";
    out += label_names_[i];
    out += "=\"";
    AppendEscaped(out, values[i], /*escape_quote=*/true);
    out += "\"";
  }
  if (!extra.empty()) {
    if (!label_names_.empty()) out += ",";
    out += extra;
  }
  out += "}";
  return out;
}

void MetricFamily::RenderHeader(std::string& out, std::string_view type) const {
  out += "# HELP ";
  out += name_;
  out += " ";
  AppendEscaped(out, help_, /*escape_quote=*/false);
  out += "\n# TYPE ";
  out += name_;
  out += " ";
  out += type;
  out += "\n";
}

void CounterFamily::Increment(const LabelValues& values, double amount) {
  CheckLabels(values);
  WP_ASSERT(amount >= 0, "counters only go up");
  std::lock_guard lock(mu_);
  values_[values] += amount;
}

double CounterFamily::Value(const LabelValues& values) const {
  std::lock_guard lock(mu_);
  auto it = values_.find(values);
  return it == values_.end() ? 0 : it->second;
}

void CounterFamily::Render(std::string& out) const {
  RenderHeader(out, "counter");
  std::lock_guard lock(mu_);
  for (const auto& [labels, value] : values_) {
    out += name_ + LabelText(labels) + " " + FormatValue(value) + "\n";
  }
}

void GaugeFamily::Set(const LabelValues& values, double value) {
  CheckLabels(values);
  std::lock_guard lock(mu_);
  values_[values] = value;
}

void GaugeFamily::Add(const LabelValues& values, double amount) {
  CheckLabels(values);
  std::lock_guard lock(mu_);
  values_[values] += amount;
}

double GaugeFamily::Value(const LabelValues& values) const {
  std::lock_guard lock(mu_);
  auto it = values_.find(values);
  return it == values_.end() ? 0 : it->second;
}

void GaugeFamily::Render(std::string& out) const {
  RenderHeader(out, "gauge");
  std::lock_guard lock(mu_);
  for (const auto& [labels, value] : values_) {
    out += name_ + LabelText(labels) + " " + FormatValue(value) + "\n";
  }
}

HistogramFamily::HistogramFamily(std::string name, std::string help, std::vector<std::string> label_names,
                                 std::vector<double> upper_bounds)
    : MetricFamily(std::move(name), std::move(help), std::move(label_names)), upper_bounds_(std::move(upper_bounds)) {
  for (size_t i = 1; i < upper_bounds_.size(); ++i) {
    WP_ASSERT(upper_bounds_[i - 1] < upper_bounds_[i], "histogram buckets must increase");
  }
  if (!upper_bounds_.empty() && std::isinf(upper_bounds_.back())) upper_bounds_.pop_back();
}

void HistogramFamily::Observe(const LabelValues& values, double value) {
  CheckLabels(values);
  size_t bucket = 0;
  while (bucket < upper_bounds_.size() && value > upper_bounds_[bucket]) ++bucket;
  std::lock_guard lock(mu_);
  Series& s = series_[values];
  if (s.buckets.empty()) s.buckets.assign(upper_bounds_.size() + 1, 0);
  ++s.buckets[bucket];
  s.sum += value;
  ++s.count;
}

uint64_t HistogramFamily::Count(const LabelValues& values) const {
  std::lock_guard lock(mu_);
  auto it = series_.find(values);
  return it == series_.end() ? 0 : it->second.count;
}

double HistogramFamily::Sum(const LabelValues& values) const {
  std::lock_guard lock(mu_);
  auto it = series_.find(values);
  return it == series_.end() ? 0 : it->second.sum;
}

void HistogramFamily::Render(std::string& out) const {
  RenderHeader(out, "histogram");
  std::lock_guard lock(mu_);
  for (const auto& [labels, s] : series_) {
    uint64_t cumulative = 0;
    for (size_t i = 0; i <= upper_bounds_.size(); ++i) {
      cumulative += s.buckets[i];
      std::string le = i < upper_bounds_.size() ? FormatValue(upper_bounds_[i]) : "+Inf";
      out += name_ + "_bucket" + LabelText(labels, "le=\"" + le + "\"") + " " + std::to_string(cumulative) + "\n";
    }
    out += name_ + "_sum" + LabelText(labels) + " " + FormatValue(s.sum) + "\n";
    out += name_ + "_count" + LabelText(labels) + " " + std::to_string(s.count) + "\n";
  }
}

std::vector<double> DefaultDurationBuckets() {
  return {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

void MetricsRegistry::CheckNewName(const std::string& name) const {
  for (const auto& f : families_) WP_ASSERT(f->name() != name, "metric registered twice");
}

CounterFamily& MetricsRegistry::AddCounter(std::string name, std::string help, std::vector<std::string> label_names) {
  std::lock_guard lock(mu_);
  CheckNewName(name);
  auto family = std::make_unique<CounterFamily>(std::move(name), std::move(help), std::move(label_names));
  CounterFamily& ref = *family;
  families_.push_back(std::move(family));
  return ref;
}

GaugeFamily& MetricsRegistry::AddGauge(std::string name, std::string help, std::vector<std::string> label_names) {
  std::lock_guard lock(mu_);
  CheckNewName(name);
  auto family = std::make_unique<GaugeFamily>(std::move(name), std::move(help), std::move(label_names));
  GaugeFamily& ref = *family;
  families_.push_back(std::move(family));
  return ref;
}

HistogramFamily& MetricsRegistry::AddHistogram(std::string name, std::string help,
                                               std::vector<std::string> label_names,
                                               std::vector<double> upper_bounds) {
  std::lock_guard lock(mu_);
  CheckNewName(name);
  auto family = std::make_unique<HistogramFamily>(std::move(name), std::move(help), std::move(label_names),
                                                  std::move(upper_bounds));
  HistogramFamily& ref = *family;
  families_.push_back(std::move(family));
  return ref;
}

std::string MetricsRegistry::RenderPrometheus() const {
  std::string out;
  std::lock_guard lock(mu_);
  for (const auto& f : families_) f->Render(out);
  return out;
}

HttpMetrics::HttpMetrics(MetricsRegistry& registry)
    : requests_(registry.AddCounter("wp_http_requests_total", "HTTP requests handled, by method, route and status.",
                                    {"method", "route", "status"})),
      duration_(registry.AddHistogram("wp_http_request_duration_seconds",
                                      "Time from the first byte of a request to its response written, by route.",
                                      {"route"})) {}

void HttpMetrics::Record(const Request& request, const Response& response, std::chrono::microseconds duration) {
  std::string route = request.route.empty() ? "unmatched" : request.route;
  requests_.Increment({std::string(MethodName(request.method)), route, std::to_string(response.status)});
  duration_.Observe({route}, static_cast<double>(duration.count()) / 1e6);
}

}  // namespace wp::http
