// The municipality's contact for a stadsdeel (the gebiedsverbinder), as
// published on the stadsdeel page, and the rules a contact must meet. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"

namespace wp::geography {

struct BoroughContact {
  std::string contact_name;
  std::string email;
  std::string phone;  // optional
  std::string note;   // optional, e.g. when and where the consultation hour is
  int64_t updated_at = 0;
};

// Longest accepted values, in bytes.
inline constexpr size_t kMaxContactNameBytes = 100;
inline constexpr size_t kMaxContactNoteBytes = 1000;
inline constexpr size_t kMaxPhoneBytes = 30;

// The reasons CheckBoroughContact gives, as i18n keys.
inline constexpr const char* kContactRequired = "web.required";
inline constexpr const char* kContactTooLong = "geography.contact.too_long";
inline constexpr const char* kContactBadEmail = "geography.contact.bad_email";
inline constexpr const char* kContactBadPhone = "geography.contact.bad_phone";

// The contact with surrounding spaces removed from every field.
BoroughContact TrimmedContact(BoroughContact contact);

// The fields to correct, in form order (contact_name, email, phone, note):
// a name (at most kMaxContactNameBytes) and a plausible e-mail address are
// required; a phone number holds only digits, spaces, "+", "-", "(" and ")"
// (at most kMaxPhoneBytes); the note is at most kMaxContactNoteBytes. Empty
// when the contact may be published.
std::vector<FieldError> CheckBoroughContact(const BoroughContact& contact);

}  // namespace wp::geography
