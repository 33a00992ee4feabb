// New registration rounds (#16): when the reserve cannot fill the open seats
// within the quotas, an official invites a new sample of addresses (round
// 2, 3, ...) and the open seats are drawn from that round's registrations.
// The rules here are pure: which quotas the open seats have, which new
// addresses get a letter, when a round may open, and when personal data
// goes. No I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "features/forums/reserve.h"
#include "features/sortition/selection/instance.h"

namespace wp::forums {

// The seats still open and their quotas: open = seats - members; per quota
// value min' = max(0, min - held) and max' = max(0, max - held), held = the
// members with that value. A round draw fills the open seats under these.
struct OpenSeats {
  int open = 0;
  sortition::Quotas quotas;
};
OpenSeats OpenSeatQuotas(const sortition::Quotas& quotas, int seats, const std::vector<Features>& members);

// Which addresses of a new round get a letter: every address ranked by
// SHA-256 of "<seed>\n<address key>" (as SampleAddresses), without those
// the forum invited before (compared by address key), the first `count`.
// Anyone with the list, the earlier letters and the published seed gets the
// same sample. Returns indices into `addresses`, in rank order.
std::vector<int> SampleNewAddresses(std::string_view seed, const std::vector<std::string>& addresses,
                                    const std::set<std::string>& invited_before, int count);

// Why a new round cannot open, as an i18n key; nullopt when it may.
// In this order: the forum is not drawn yet (forums.error.not_drawn), no seat
// is open (forums.error.no_open_seats), a round is still open for
// registration (forums.error.round_open). A round that closed without a
// draw of its own does not stand in the way.
std::optional<std::string> RoundRefusal(bool drawn, int open_seats, bool round_registering);

// A draw that chose people, for the appeal period.
struct DrawMoment {
  std::string kind;  // "draw" | "replacement" | "second_draw" | "round_draw"
  bool done = false;
  std::optional<int64_t> finished_at;
};
// When the appeal period starts: the end of the latest done draw of any
// kind; nullopt before the first draw is done.
std::optional<int64_t> AppealStart(const std::vector<DrawMoment>& draws);

// Whether a registration's personal data may go at `now`: the appeal period
// (`appeal_days` after AppealStart) has ended, and the registration's round
// is not still waiting for its draw.
bool MayErase(int64_t now, std::optional<int64_t> appeal_start, int appeal_days, bool round_waiting);

// After the appeal period a registration keeps name and e-mail only when it
// is (or was) a member, or is in the reserve (round 1, the first draw's
// reserve order). People of a later round who were not drawn are no
// reserve: everything of theirs goes.
bool KeepsNameAndEmail(bool member, int round);

}  // namespace wp::forums
