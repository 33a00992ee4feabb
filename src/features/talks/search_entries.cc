#include "features/talks/search_entries.h"

namespace wp::talks {

std::vector<search::Entry> MinutesEntries(const Meeting& m, const std::vector<Agreement>& agreements,
                                          const std::string& title) {
  if (!IsPublished(m.status)) return {};
  std::string body = m.minutes;
  for (const auto& a : agreements) body += "\n" + a.text + " (" + a.department + ", " + a.person + ")";
  return {{kMinutesSource, m.id, m.platform_id, "notulen", m.starts_at.value_or(m.updated_at), title, body}};
}

}  // namespace wp::talks
