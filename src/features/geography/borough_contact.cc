#include "features/geography/borough_contact.h"

#include <cctype>

#include "core/strings.h"

namespace wp::geography {

namespace {

bool IsPhoneNumber(std::string_view s) {
  if (s.size() > kMaxPhoneBytes) return false;
  for (char c : s) {
    bool allowed =
        std::isdigit(static_cast<unsigned char>(c)) || c == ' ' || c == '+' || c == '-' || c == '(' || c == ')';
    if (!allowed) return false;
  }
  return true;
}

}  // namespace

BoroughContact TrimmedContact(BoroughContact contact) {
  for (std::string* field : {&contact.contact_name, &contact.email, &contact.phone, &contact.note}) {
    *field = std::string(Trim(*field));
  }
  return contact;
}

std::vector<FieldError> CheckBoroughContact(const BoroughContact& contact) {
  std::vector<FieldError> errors;
  if (contact.contact_name.empty()) {
    errors.push_back({"contact_name", kContactRequired});
  } else if (contact.contact_name.size() > kMaxContactNameBytes) {
    errors.push_back({"contact_name", kContactTooLong});
  }
  if (contact.email.empty()) {
    errors.push_back({"email", kContactRequired});
  } else if (!IsPlausibleEmail(contact.email)) {
    errors.push_back({"email", kContactBadEmail});
  }
  if (!IsPhoneNumber(contact.phone)) errors.push_back({"phone", kContactBadPhone});
  if (contact.note.size() > kMaxContactNoteBytes) errors.push_back({"note", kContactTooLong});
  return errors;
}

}  // namespace wp::geography
