#include "features/geography/geo_cli.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "features/geography/geography_db_fixture_test.h"

namespace wp::geography {
namespace {

using nlohmann::json;

class GeoCliTest : public GeographyDbTest {
 protected:
  struct Run {
    int code;
    std::string out, err;
  };
  Run Call(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    GeoCliHost host{{{"json", false, false, "print JSON"}, {"help", false, false, "show help"}},
                    [this](const Flags&, bool import_default) -> Result<GeographyService*> {
                      opened_with_default_ = import_default;
                      service_ = std::make_unique<GeographyService>(*db_, clock_);
                      WP_ASSIGN_OR_RETURN(bool loaded, service_->LoadFromDatabase());
                      (void)loaded;
                      return service_.get();
                    }};
    int code = RunGeoCommand(args, out, err, host);
    return {code, out.str(), err.str()};
  }
  std::unique_ptr<GeographyService> service_;
  bool opened_with_default_ = true;
};

TEST_F(GeoCliTest, ImportsHaarlemAndShowsIt) {
  Run r = Call({"import", "--dir", GeoDir().string(), "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_FALSE(opened_with_default_) << "import must not load the default geography first";
  json j = json::parse(r.out);
  EXPECT_EQ(j["ok"], true);
  EXPECT_EQ(j["municipality"], "Haarlem");
  EXPECT_EQ(j["wijken"], 21);
  EXPECT_EQ(j["replaced"], false);

  Run show = Call({"show", "--json"});
  ASSERT_EQ(show.code, 0) << show.err;
  EXPECT_TRUE(opened_with_default_);
  json s = json::parse(show.out);
  size_t wijken = 0;
  for (const auto& b : s["stadsdelen"]) wijken += b["wijken"].size();
  EXPECT_EQ(wijken, 21u);
  Run text = Call({"show"});
  EXPECT_NE(text.out.find("Haarlem"), std::string::npos);
  EXPECT_NE(text.out.find("inwoners"), std::string::npos);
}

TEST_F(GeoCliTest, ASecondImportNeedsReplace) {
  ASSERT_EQ(Call({"import", "--dir", GeoDir().string()}).code, 0);
  Run again = Call({"import", "--dir", GeoDir().string(), "--json"});
  EXPECT_EQ(again.code, 1);
  EXPECT_EQ(json::parse(again.out)["ok"], false);
  Run replaced = Call({"import", "--dir", GeoDir().string(), "--replace"});
  EXPECT_EQ(replaced.code, 0) << replaced.err;
  EXPECT_NE(replaced.out.find("replaced"), std::string::npos);
}

TEST_F(GeoCliTest, UsageErrorsAndHelp) {
  EXPECT_EQ(Call({}).code, 2);
  EXPECT_EQ(Call({"--help"}).code, 0);
  Run help = Call({"import", "--help"});
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("--replace"), std::string::npos) << "flags are documented";
  EXPECT_EQ(Call({"frobnicate"}).code, 2);
  EXPECT_EQ(Call({"import"}).code, 2) << "--dir is required";
  EXPECT_EQ(Call({"show", "extra"}).code, 2);
  EXPECT_EQ(Call({"import", "--dir", (dir_.path() / "nowhere").string()}).code, 1);
  Run empty = Call({"show"});
  EXPECT_EQ(empty.code, 0);
  EXPECT_NE(empty.out.find("geo import"), std::string::npos) << "an empty database says how to load one";
}

}  // namespace
}  // namespace wp::geography
