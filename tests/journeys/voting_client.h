// A resident voting through HTTP, for the journeys that vote under load
// (backup during voting, a process killed behind nginx): the demo edition's
// codes from its print files, one vote from the QR link to the submit, and
// whether the site says a code has voted.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace wp::testing {

// The edition of the demo content in its voting phase, and its voting page.
inline constexpr const char* kVotingEdition = "schalkwijk-aan-zet-2026";
inline constexpr const char* kVotingPage = "/wijkbudget/schalkwijk-aan-zet-2026/stemmen";

class ChildProcess;

// The port a `wijkplatform serve --json` child reports on its first line; 0
// when it reports none within a minute.
uint16_t ServerPort(ChildProcess& server);

// The value of `<input name="field" value="...">` (codes and CSRF tokens need no unescaping).
std::string InputValue(const std::string& html, const std::string& field);

// Codes for `extra` new addresses of the voting edition, made with
// `wijkplatform codes import` and `codes generate` run with `env` (the
// server's settings) but their own print folder (WP_PRINT_DIR + "-cli"):
// the server deletes print files in its own folder once voting is open
// (issue #11 item 3), and the demo's edition is open. Empty on failure.
std::vector<std::string> VotingCodes(const std::map<std::string, std::string>& env, int extra);

// One resident's vote for the first plan; true when the server acknowledged
// it (303 after the submit).
bool CastVote(uint16_t port, const std::string& code);

// True when the site says `code` has voted.
bool HasVoted(uint16_t port, const std::string& code);

// The ballots of the voting edition in the database at `url` (waiting to be
// mixed plus mixed), and its codes used online; -1 when unreadable.
int64_t BallotCount(const std::string& url);
int64_t UsedCodeCount(const std::string& url);

}  // namespace wp::testing
