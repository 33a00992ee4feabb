#include "features/dashboards/report.h"

#include <algorithm>
#include <iterator>

#include "features/dashboards/figures_view.h"

namespace wp::dashboards {

namespace {

class Builder {
 public:
  Builder(const i18n::Catalog& catalog, const std::string& locale, const geography::Municipality& m, Report& out)
      : catalog_(catalog), locale_(locale), m_(m), out_(out) {}

  std::string T(std::string_view key, const i18n::Args& args = {}) const { return catalog_.Format(locale_, key, args); }
  std::string Band(const std::optional<dashboards::Band>& b) const { return BandText(catalog_, locale_, b); }

  void Heading(std::string text) { out_.blocks.push_back({ReportBlock::Kind::kHeading, std::move(text), {}}); }
  void Paragraph(std::string text) { out_.blocks.push_back({ReportBlock::Kind::kParagraph, std::move(text), {}}); }
  void Table(ReportTable t) { out_.blocks.push_back({ReportBlock::Kind::kTable, "", std::move(t)}); }

  void Year(const YearFigures& f) {
    Heading(T("dashboards.report.year", {{"year", std::to_string(f.year)}}));
    if (f.quarters == 0) {
      Paragraph(T("dashboards.no_quarters"));
      return;
    }
    if (!f.year_ended) Paragraph(T("dashboards.report.running", {{"quarters", f.quarters}}));
    Reach(f);
    Topics(f);
    Outcomes(f);
  }

 private:
  // Who took part: per measure the year (so far) for the city and each
  // stadsdeel, in two tables of at most four measures (to fit on A4).
  void Reach(const YearFigures& f) {
    const auto& city = f.reach.at("members").at(std::string(kCityKey));
    Paragraph(T("dashboards.report.reach_intro", {{"members", Band(city.total)}}));
    std::vector<std::string_view> measures(std::begin(kMeasures), std::end(kMeasures));
    for (size_t first = 0; first < measures.size(); first += 4) {
      ReportTable t;
      t.caption = T(first == 0 ? "dashboards.report.reach_caption" : "dashboards.report.reach_caption_more",
                    {{"year", std::to_string(f.year)}});
      t.headings = {T("dashboards.area.area")};
      size_t last = std::min(measures.size(), first + 4);
      for (size_t i = first; i < last; ++i) t.headings.push_back(T("dashboards.measure." + std::string(measures[i])));
      auto row = [&](const std::string& key, const std::string& name) {
        std::vector<std::string> r{name};
        for (size_t i = first; i < last; ++i) r.push_back(Band(f.reach.at(std::string(measures[i])).at(key).total));
        t.rows.push_back(std::move(r));
      };
      for (const auto& b : m_.boroughs) row(BoroughKey(b.slug), b.name);
      row(std::string(kCityKey), T("dashboards.area.total", {{"area", m_.name}}));
      Table(std::move(t));
    }
  }

  void Topics(const YearFigures& f) {
    Heading(T("dashboards.topics.title"));
    Paragraph(T("dashboards.report.topics_intro"));
    ReportTable t;
    t.caption = T("dashboards.topics.caption", {{"area", m_.name}});
    t.headings = {T("dashboards.topics.theme"), T(f.year_ended ? "dashboards.whole_year" : "dashboards.year_so_far")};
    for (const auto& theme : f.themes) {
      auto it = f.topics.find(theme.slug);
      if (it == f.topics.end()) continue;
      const std::string& name = locale_ == "en" && !theme.name_en.empty() ? theme.name_en : theme.name;
      t.rows.push_back({name, Band(it->second.at(std::string(kCityKey)).total)});
    }
    if (!t.rows.empty()) Table(std::move(t));
  }

  void Outcomes(const YearFigures& f) {
    Heading(T("dashboards.outcomes.title"));
    Paragraph(T("dashboards.outcomes.privacy"));
    ReportTable t;
    t.caption = T("dashboards.report.outcomes_caption", {{"year", std::to_string(f.year)}});
    t.headings = {T("dashboards.topics.theme"), T("dashboards.period"), T("dashboards.outcomes.in_time"),
                  T("dashboards.outcomes.late"), T("dashboards.outcomes.total")};
    auto count = [&](const std::optional<int64_t>& v) {
      return v ? i18n::Arg(*v).Format(locale_) : T("dashboards.small");
    };
    auto add = [&](const std::string& what, const ProtectedTable& p) {
      for (size_t q = 0; q < p.cells.size(); ++q) {
        t.rows.push_back({T("dashboards.outcomes." + what), T("dashboards.quarter", {{"n", q + 1}}),
                          count(p.cells[q][0]), count(p.cells[q][1]), count(p.row_totals[q])});
      }
      if (f.year_ended && !p.cells.empty()) {
        t.rows.push_back({T("dashboards.outcomes." + what), T("dashboards.whole_year"), count(p.column_totals[0]),
                          count(p.column_totals[1]), count(p.grand_total)});
      }
    };
    add("advice", f.advice_answered);
    add("signals", f.signals_handled);
    add("initiatives", f.initiative_checks);
    add("promises", f.promises_kept);
    Table(std::move(t));
    MoreOutcomes(f);
  }

  // Promises open past their date, forums held and the budget rounds.
  void MoreOutcomes(const YearFigures& f) {
    ReportTable t;
    t.caption = T("dashboards.report.more_caption", {{"year", std::to_string(f.year)}});
    t.headings = {T("dashboards.period"), T("dashboards.outcomes.overdue_count"),
                  T("dashboards.outcomes.forums_count")};
    for (size_t q = 0; q < f.promises_overdue.size() && q < f.forums_held.size(); ++q) {
      t.rows.push_back({T("dashboards.quarter", {{"n", q + 1}}), Band(f.promises_overdue[q]),
                        i18n::Arg(f.forums_held[q]).Format(locale_)});
    }
    if (!t.rows.empty()) Table(std::move(t));
    Heading(T("dashboards.rounds.title"));
    Paragraph(T("dashboards.rounds.intro"));
    if (f.rounds.empty()) {
      Paragraph(T("dashboards.rounds.none"));
      return;
    }
    ReportTable r;
    r.caption = T("dashboards.rounds.caption", {{"year", std::to_string(f.year)}});
    r.headings = RoundHeadings(catalog_, locale_);
    for (const auto& round : f.rounds) r.rows.push_back(RoundRow(catalog_, locale_, round, m_));
    Table(std::move(r));
  }

  const i18n::Catalog& catalog_;
  const std::string& locale_;
  const geography::Municipality& m_;
  Report& out_;
};

}  // namespace

Report BuildReport(const i18n::Catalog& catalog, const std::string& locale,
                   const std::vector<std::shared_ptr<const YearFigures>>& years, const geography::Municipality& m) {
  Report r;
  int first = years.empty() ? 0 : years.front()->year, last = years.empty() ? 0 : years.back()->year;
  r.title = catalog.Format(locale, "dashboards.report.title",
                           {{"area", m.name}, {"from", std::to_string(first)}, {"to", std::to_string(last)}});
  Builder b(catalog, locale, m, r);
  b.Paragraph(b.T("dashboards.report.intro"));
  b.Paragraph(b.T("dashboards.privacy"));
  b.Paragraph(b.T("dashboards.cbs.note"));
  for (const auto& y : years) b.Year(*y);
  return r;
}

}  // namespace wp::dashboards
