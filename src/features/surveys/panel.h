// Panel mode (Mode::kPanel): which members of a forum or panel get a
// personal code by e-mail. Every current member gets one code, once: a member
// who got a code for this survey never gets a second one, and two members
// with the same e-mail address get one code between them (else one mailbox
// could answer twice). Pure: no I/O; safe to call from any thread.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace wp::surveys {

struct PanelRecipient {
  int64_t member_id = 0;  // the forum's member id (stable)
  std::string email;
  std::string name;
};

// What is kept of an address that got a code: the SHA-256 of the address
// trimmed and in lower case (so " A@x.nl" and "a@x.nl" are one mailbox).
std::string AddressKey(const std::string& email);

// The members of `members` (in their order) who get a code now: not in
// `sent` (member ids that got one before), with a plausible e-mail address,
// and not sharing a mailbox (AddressKey) with one who got a code before
// (`sent_keys`) or earlier in the list. Their addresses come back trimmed.
std::vector<PanelRecipient> WhoGetsACode(const std::vector<PanelRecipient>& members, const std::set<int64_t>& sent,
                                         const std::set<std::string>& sent_keys);

}  // namespace wp::surveys
