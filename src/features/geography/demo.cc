#include "features/geography/demo.h"

#include <array>

namespace wp::geography {

Result<void> LoadGeographyDemo(const web::DemoSeed&, GeographyService& geography) {
  static constexpr std::array<const char*, 8> kNames = {"Samira de Vries", "Pieter van Dam", "Ingrid Mulder",
                                                        "Youssef Amrani",  "Lotte Visser",   "Henk de Boer",
                                                        "Eva Smit",        "Mehmet Kaya"};
  const auth::User system{0, "", "demo", "nl", {{auth::Role::kAdministrator, ""}}};
  GeographyCommands& commands = geography.commands();
  size_t i = 0;
  for (const auto& b : geography.current()->boroughs) {
    WP_ASSIGN_OR_RETURN(std::optional<BoroughContact> existing, commands.Contact(b.slug));
    if (existing) continue;
    BoroughContact contact;
    contact.contact_name = std::string(kNames[i++ % kNames.size()]) + " (demo)";
    contact.email = "gebiedsverbinder." + b.slug + "@demo.wijkplatform.invalid";
    contact.phone = "14 023";
    contact.note = "Spreekuur op dinsdag van 10.00 tot 12.00 uur (demo).";
    WP_TRY_VOID(commands.SaveContact(system, b.slug, contact));
  }
  return Ok();
}

}  // namespace wp::geography
