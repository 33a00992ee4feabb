#include "features/surveys/panel.h"

#include "core/strings.h"

namespace wp::surveys {

std::string AddressKey(const std::string& email) { return Sha256Hex("panel-address:" + ToLower(Trim(email))); }

std::vector<PanelRecipient> WhoGetsACode(const std::vector<PanelRecipient>& members, const std::set<int64_t>& sent,
                                         const std::set<std::string>& sent_keys) {
  std::vector<PanelRecipient> out;
  std::set<std::string> taken = sent_keys;
  for (const auto& m : members) {
    if (sent.count(m.member_id)) continue;
    std::string address(Trim(m.email));
    if (!IsPlausibleEmail(address)) continue;
    if (!taken.insert(AddressKey(address)).second) continue;
    out.push_back({m.member_id, address, m.name});
  }
  return out;
}

}  // namespace wp::surveys
