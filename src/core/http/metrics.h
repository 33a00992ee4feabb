// A small Prometheus registry: counter, gauge and histogram families with
// labels, rendered in the text exposition format 0.0.4. No static registry:
// the application owns one MetricsRegistry and passes it where needed.
// Thread-safe: families may be updated and rendered from any thread.
#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/http/message.h"

namespace wp::http {

using LabelValues = std::vector<std::string>;

class MetricFamily {
 public:
  virtual ~MetricFamily() = default;
  const std::string& name() const { return name_; }
  // Appends this family's HELP, TYPE and sample lines.
  virtual void Render(std::string& out) const = 0;

 protected:
  MetricFamily(std::string name, std::string help, std::vector<std::string> label_names);
  void CheckLabels(const LabelValues& values) const;
  // `{a="x",b="y"}` (or empty without labels); `extra` is appended last, e.g. le="0.1".
  std::string LabelText(const LabelValues& values, std::string_view extra = {}) const;
  void RenderHeader(std::string& out, std::string_view type) const;

  std::string name_;
  std::string help_;
  std::vector<std::string> label_names_;
  mutable std::mutex mu_;
};

class CounterFamily final : public MetricFamily {
 public:
  CounterFamily(std::string name, std::string help, std::vector<std::string> label_names)
      : MetricFamily(std::move(name), std::move(help), std::move(label_names)) {}
  // REQUIRES: amount >= 0, one value per label name.
  void Increment(const LabelValues& values, double amount = 1);
  double Value(const LabelValues& values) const;
  void Render(std::string& out) const override;

 private:
  std::map<LabelValues, double> values_;
};

class GaugeFamily final : public MetricFamily {
 public:
  GaugeFamily(std::string name, std::string help, std::vector<std::string> label_names)
      : MetricFamily(std::move(name), std::move(help), std::move(label_names)) {}
  void Set(const LabelValues& values, double value);
  void Add(const LabelValues& values, double amount);
  double Value(const LabelValues& values) const;
  void Render(std::string& out) const override;

 private:
  std::map<LabelValues, double> values_;
};

class HistogramFamily final : public MetricFamily {
 public:
  // REQUIRES: `upper_bounds` strictly increasing; +Inf is implied.
  HistogramFamily(std::string name, std::string help, std::vector<std::string> label_names,
                  std::vector<double> upper_bounds);
  void Observe(const LabelValues& values, double value);
  uint64_t Count(const LabelValues& values) const;
  double Sum(const LabelValues& values) const;
  void Render(std::string& out) const override;

 private:
  struct Series {
    std::vector<uint64_t> buckets;  // per bucket, not cumulative; last is +Inf
    double sum = 0;
    uint64_t count = 0;
  };
  std::vector<double> upper_bounds_;
  std::map<LabelValues, Series> series_;
};

// Request-duration buckets in seconds, 1 ms to 10 s.
std::vector<double> DefaultDurationBuckets();

class MetricsRegistry {
 public:
  MetricsRegistry() = default;
  MetricsRegistry(const MetricsRegistry&) = delete;
  MetricsRegistry& operator=(const MetricsRegistry&) = delete;

  // Each returns a family that lives as long as the registry.
  // REQUIRES: a valid, unused metric name ([a-zA-Z_:][a-zA-Z0-9_:]*) and
  // valid label names ([a-zA-Z_][a-zA-Z0-9_]*, not "le").
  CounterFamily& AddCounter(std::string name, std::string help, std::vector<std::string> label_names = {});
  GaugeFamily& AddGauge(std::string name, std::string help, std::vector<std::string> label_names = {});
  HistogramFamily& AddHistogram(std::string name, std::string help, std::vector<std::string> label_names = {},
                                std::vector<double> upper_bounds = DefaultDurationBuckets());

  // All families in registration order, text exposition format 0.0.4
  // (serve with Content-Type kPrometheusContentType).
  std::string RenderPrometheus() const;

 private:
  void CheckNewName(const std::string& name) const;

  mutable std::mutex mu_;
  std::deque<std::unique_ptr<MetricFamily>> families_;
};

inline constexpr char kPrometheusContentType[] = "text/plain; version=0.0.4; charset=utf-8";

// HTTP request metrics: wp_http_requests_total{method,route,status} and
// wp_http_request_duration_seconds{route}. The route label is Request::route
// (a pattern, so label values stay few) or "unmatched".
class HttpMetrics {
 public:
  explicit HttpMetrics(MetricsRegistry& registry);
  // Fits ServerOptions::on_complete.
  void Record(const Request& request, const Response& response, std::chrono::microseconds duration);

 private:
  CounterFamily& requests_;
  HistogramFamily& duration_;
};

}  // namespace wp::http
