#include "core/http/metrics.h"

#include <gtest/gtest.h>

#include <thread>

namespace wp::http {
namespace {

TEST(MetricsTest, RendersCountersInExpositionFormat) {
  MetricsRegistry registry;
  CounterFamily& c = registry.AddCounter("wp_votes_total", "Ballots cast.", {"budget"});
  c.Increment({"noord"});
  c.Increment({"noord"}, 2);
  c.Increment({"a \"quoted\"\\path\nx"});
  EXPECT_EQ(c.Value({"noord"}), 3);
  EXPECT_EQ(registry.RenderPrometheus(),
            "# HELP wp_votes_total Ballots cast.\n"
            "# TYPE wp_votes_total counter\n"
            "wp_votes_total{budget=\"a \\\"quoted\\\"\\\\path\\nx\"} 1\n"
            "wp_votes_total{budget=\"noord\"} 3\n");
}

TEST(MetricsTest, RendersHistogramCumulativeWithInf) {
  MetricsRegistry registry;
  HistogramFamily& h = registry.AddHistogram("wp_x_seconds", "X.", {"route"}, {0.125, 1});
  h.Observe({"/"}, 0.0625);
  h.Observe({"/"}, 0.125);  // upper bounds are inclusive
  h.Observe({"/"}, 0.5);
  h.Observe({"/"}, 7);
  EXPECT_EQ(h.Count({"/"}), 4u);
  EXPECT_EQ(registry.RenderPrometheus(),
            "# HELP wp_x_seconds X.\n"
            "# TYPE wp_x_seconds histogram\n"
            "wp_x_seconds_bucket{route=\"/\",le=\"0.125\"} 2\n"
            "wp_x_seconds_bucket{route=\"/\",le=\"1\"} 3\n"
            "wp_x_seconds_bucket{route=\"/\",le=\"+Inf\"} 4\n"
            "wp_x_seconds_sum{route=\"/\"} 7.6875\n"
            "wp_x_seconds_count{route=\"/\"} 4\n");
}

TEST(MetricsTest, GaugeWithoutLabels) {
  MetricsRegistry registry;
  GaugeFamily& g = registry.AddGauge("wp_open_connections", "Open connections.");
  g.Set({}, 5);
  g.Add({}, -2);
  EXPECT_EQ(registry.RenderPrometheus(),
            "# HELP wp_open_connections Open connections.\n# TYPE wp_open_connections gauge\n"
            "wp_open_connections 3\n");
}

TEST(MetricsTest, HttpMetricsCountByRouteAndStatus) {
  MetricsRegistry registry;
  HttpMetrics metrics(registry);
  Request req;
  req.method = Method::kGet;
  req.route = "/wijk/{code}";
  metrics.Record(req, Response{}, std::chrono::microseconds(1500));
  metrics.Record(req, Response{}, std::chrono::microseconds(1500));
  Request unmatched;
  Response not_found;
  not_found.status = 404;
  metrics.Record(unmatched, not_found, std::chrono::microseconds(10));
  std::string text = registry.RenderPrometheus();
  EXPECT_NE(text.find("wp_http_requests_total{method=\"GET\",route=\"/wijk/{code}\",status=\"200\"} 2\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("wp_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("wp_http_request_duration_seconds_bucket{route=\"/wijk/{code}\",le=\"0.0025\"} 2\n"),
            std::string::npos);
  EXPECT_NE(text.find("wp_http_request_duration_seconds_count{route=\"unmatched\"} 1\n"), std::string::npos);
}

TEST(MetricsTest, ConcurrentIncrementsAreCounted) {
  MetricsRegistry registry;
  CounterFamily& c = registry.AddCounter("wp_c_total", "C.", {"k"});
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) {
        c.Increment({i % 2 == 0 ? "even" : "odd"});
        if (i % 100 == 0) (void)registry.RenderPrometheus();
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(c.Value({"even"}) + c.Value({"odd"}), 4000);
}

TEST(MetricsDeathTest, RejectsInvalidNames) {
  MetricsRegistry registry;
  EXPECT_DEATH(registry.AddCounter("9bad", "x"), "invalid metric name");
  EXPECT_DEATH(registry.AddCounter("ok_total", "x", {"le"}), "invalid label name");
}

}  // namespace
}  // namespace wp::http
