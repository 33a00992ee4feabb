#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/auth/grants.h"
#include "core/auth/key_file.h"
#include "core/auth/password.h"
#include "core/auth/tokens.h"
#include "core/auth/user.h"

namespace wp::auth {
namespace {

TEST(PasswordTest, HashesAndVerifiesWithArgon2id) {
  PasswordHasher hasher(PasswordCost::MinimumForTest());
  auto h = hasher.Hash("correct horse battery");
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(hasher.Verify(*h, "correct horse battery"));
  EXPECT_FALSE(hasher.Verify(*h, "correct horse batterx"));
  EXPECT_FALSE(hasher.Verify("not a hash", "x"));
  EXPECT_NE(*h, *hasher.Hash("correct horse battery")) << "salted";
}

TEST(PasswordTest, PolicyTable) {
  struct Case {
    const char* pw;
    const char* email;
    PasswordProblem want;
  } cases[] = {
      {"short", "", PasswordProblem::kTooShort},
      {"\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", "", PasswordProblem::kTooShort},
      {"ans@example.nl", "Ans@Example.nl", PasswordProblem::kSameAsEmail},
      {"Wachtwoord123", "", PasswordProblem::kTooCommon},
      {"zomer in de Haarlemmerhout", "ans@example.nl", PasswordProblem::kNone},
  };
  for (const auto& c : cases) EXPECT_EQ(CheckPasswordPolicy(c.pw, c.email), c.want) << c.pw;
  EXPECT_EQ(CheckPasswordPolicy(std::string(201, 'a'), ""), PasswordProblem::kTooLong);
}

TEST(TokenTest, CsrfIsBoundToSession) {
  SecureRandom random;
  std::string s1 = NewToken(random), s2 = NewToken(random);
  EXPECT_TRUE(LooksLikeToken(s1));
  EXPECT_FALSE(LooksLikeToken("abc"));
  std::string t = CsrfTokenFor("secret", s1);
  EXPECT_TRUE(CheckCsrfToken("secret", s1, t));
  EXPECT_FALSE(CheckCsrfToken("secret", s2, t));
  EXPECT_FALSE(CheckCsrfToken("other", s1, t));
  EXPECT_FALSE(CheckCsrfToken("secret", s1, ""));
  EXPECT_FALSE(CheckCsrfToken("secret", "", t));
  EXPECT_EQ(TokenHash("abc").size(), 64u);
}

TEST(UserTest, ScopedRoles) {
  User u{1, "a@b.nl", "A", "nl", {{Role::kAreaLiaison, "schalkwijk"}, {Role::kAdministrator, ""}}};
  EXPECT_TRUE(u.HasRole(Role::kResident));
  EXPECT_TRUE(u.HasRole(Role::kAreaLiaison, "schalkwijk"));
  EXPECT_FALSE(u.HasRole(Role::kAreaLiaison, "noord"));
  EXPECT_TRUE(u.HasRole(Role::kAdministrator, "anything"));
  EXPECT_FALSE(User{}.HasRole(Role::kResident));
  for (Role r : kAllRoles) EXPECT_EQ(ParseRole(RoleName(r)), r);
  EXPECT_FALSE(ParseRole("king").has_value());
}

// Every role with an unscoped grant, a scoped grant, and none, asked for each
// role in the scope it was given, in another scope and without a scope.
TEST(UserTest, RoleScopeTable) {
  struct Case {
    std::string scope_granted;
    std::string scope_asked;
    bool want;
  } cases[] = {
      {"", "", true},
      {"", "afdeling:wegen", true},
      {"afdeling:wegen", "afdeling:wegen", true},
      {"afdeling:wegen", "afdeling:groen", false},
      {"afdeling:wegen", "", false},
      {"schalkwijk", "schalkwijk", true},
      {"schalkwijk", "noord", false},
  };
  for (Role held : kAllRoles) {
    if (held == Role::kResident) continue;
    for (const auto& c : cases) {
      User u{7, "u@x.nl", "U", "nl", {{held, c.scope_granted}}};
      for (Role asked : kAllRoles) {
        if (asked == Role::kResident) continue;
        bool want = asked == held && c.want;
        EXPECT_EQ(u.HasRole(asked, c.scope_asked), want)
            << RoleName(held) << ":" << c.scope_granted << " asked " << RoleName(asked) << ":" << c.scope_asked;
      }
    }
  }
  EXPECT_EQ(RoleName(Role::kMunicipalStaff), "municipal_staff");
  EXPECT_EQ(ParseRole("municipal_staff"), Role::kMunicipalStaff);
  EXPECT_EQ(RoleName(Role::kInitiativeDesk), "initiative_desk");
  EXPECT_EQ(ParseRole("initiative_desk"), Role::kInitiativeDesk);
  EXPECT_EQ(RoleName(Role::kPrintOfficer), "print_officer");
  EXPECT_EQ(ParseRole("print_officer"), Role::kPrintOfficer);
  EXPECT_EQ(RoleName(Role::kCouncilMember), "council_member");
  EXPECT_EQ(ParseRole("council_member"), Role::kCouncilMember);
}

// HoldsAnywhere ignores the scope; HoldsExactly wants the same, non-empty
// scope, so an unscoped grant does not speak for one platform.
TEST(GrantsTest, AnywhereAndExactlyTable) {
  struct Case {
    std::string scope_granted;
    std::string scope_asked;
    bool anywhere;
    bool exactly;
  } cases[] = {
      {"", "", true, false},     {"", "12", true, false}, {"12", "12", true, true},
      {"12", "13", true, false}, {"12", "", true, false}, {"12", "1", true, false},
  };
  for (const auto& c : cases) {
    User u{7, "u@x.nl", "U", "nl", {{Role::kKernteamMember, c.scope_granted}}};
    EXPECT_EQ(HoldsAnywhere(u, Role::kKernteamMember), c.anywhere) << c.scope_granted;
    EXPECT_EQ(HoldsExactly(u, Role::kKernteamMember, c.scope_asked), c.exactly)
        << c.scope_granted << " asked " << c.scope_asked;
    EXPECT_FALSE(HoldsAnywhere(u, Role::kAreaLiaison));
    EXPECT_FALSE(HoldsExactly(u, Role::kAreaLiaison, c.scope_asked));
  }
  User two{7, "u@x.nl", "U", "nl", {{Role::kAreaLiaison, "noord"}, {Role::kKernteamMember, "3"}}};
  EXPECT_TRUE(HoldsExactly(two, Role::kKernteamMember, "3"));
  EXPECT_TRUE(HoldsExactly(two, Role::kAreaLiaison, "noord"));
  EXPECT_FALSE(HoldsExactly(User{}, Role::kKernteamMember, "3"));
}

TEST(KeyFileTest, CreatedOwnerOnlyAndReadBackTheSame) {
  auto dir = std::filesystem::temp_directory_path() / ("wp-key-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const std::string path = (dir / "keys" / "csrf.key").string();
  SecureRandom random;
  auto key = LoadOrCreateKeyFile(path, random);
  ASSERT_TRUE(key.has_value()) << key.error().detail;
  EXPECT_EQ(key->size(), 64u);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(*LoadOrCreateKeyFile(path, random), *key) << "the second start reads the same key";
  // Readable by others: refused, with the fix in the message.
  ::chmod(path.c_str(), 0644);
  auto exposed = LoadOrCreateKeyFile(path, random);
  ASSERT_FALSE(exposed.has_value());
  EXPECT_NE(exposed.error().detail.find("chmod 600"), std::string::npos);
  // Not a key: refused.
  ::chmod(path.c_str(), 0600);
  std::ofstream(path) << "short\n";
  EXPECT_EQ(LoadOrCreateKeyFile(path, random).error().code, ErrorCode::kInvalidInput);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace wp::auth
