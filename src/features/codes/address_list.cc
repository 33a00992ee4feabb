#include "features/codes/address_list.h"

#include <unordered_map>

#include "core/strings.h"

namespace wp::codes {

namespace {

// One CSV record split into fields; `pos` moves past the record's line end.
// Returns false on an unclosed quote.
bool ReadRecord(std::string_view text, size_t& pos, char sep, std::vector<std::string>& fields, int& lines) {
  fields.clear();
  std::string field;
  bool quoted = false;
  lines = 1;
  while (pos < text.size()) {
    char c = text[pos];
    if (quoted) {
      if (c == '"') {
        if (pos + 1 < text.size() && text[pos + 1] == '"') {
          field.push_back('"');
          pos += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c == '\n') ++lines;
        field.push_back(c);
      }
      ++pos;
      continue;
    }
    if (c == '"') {
      quoted = true;
    } else if (c == sep) {
      fields.push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      ++pos;
      if (c == '\r' && pos < text.size() && text[pos] == '\n') ++pos;
      fields.push_back(std::move(field));
      return true;
    } else {
      field.push_back(c);
    }
    ++pos;
  }
  if (quoted) return false;
  fields.push_back(std::move(field));
  return true;
}

bool IsAddressHeader(std::string_view name) {
  std::string n = ToLower(Trim(name));
  return n == "adres" || n == "address" || n == "adressen" || n == "addresses" || n == "woonadres";
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& ch : out) {
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
  }
  return out;
}

bool IsBuurtHeader(std::string_view name) {
  std::string n = ToLower(Trim(name));
  return n == "buurtcode" || n == "buurt_code" || n == "buurt" || n == "neighbourhood" || n == "neighbourhood_code";
}

}  // namespace

bool IsBuurtCode(std::string_view code) {
  if (code.size() != 10 || code.substr(0, 2) != "BU") return false;
  for (char ch : code.substr(2)) {
    if (ch < '0' || ch > '9') return false;
  }
  return true;
}

std::string AddressKey(std::string_view address) {
  std::string out;
  bool space = false;
  for (char c : Trim(address)) {
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return ToLower(out);
}

Result<AddressList> ParseAddressCsv(std::string_view text) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (Trim(text).empty()) return InvalidInput("the file is empty", "codes.import.empty");
  if (!IsValidUtf8(text)) return InvalidInput("the file is not UTF-8 text", "codes.import.encoding");
  std::string_view first_line = text.substr(0, text.find_first_of("\r\n"));
  char sep = first_line.find(';') != std::string_view::npos && first_line.find(',') == std::string_view::npos ? ';'
             : first_line.find(';') != std::string_view::npos && first_line.find(';') < first_line.find(',')  ? ';'
                                                                                                              : ',';
  size_t pos = 0;
  std::vector<std::string> fields;
  int record_lines = 0;
  if (!ReadRecord(text, pos, sep, fields, record_lines)) {
    return InvalidInput("unclosed quote on line 1", "codes.import.quote");
  }
  int column = -1, buurt_column = -1;
  AddressList list;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (column < 0 && IsAddressHeader(fields[i])) {
      column = static_cast<int>(i);
    } else if (buurt_column < 0 && IsBuurtHeader(fields[i])) {
      buurt_column = static_cast<int>(i);
    } else if (!Trim(fields[i]).empty()) {
      list.ignored_columns.emplace_back(Trim(fields[i]));
    }
  }
  if (column < 0) return InvalidInput("no column named adres or address in the first line", "codes.import.no_column");
  std::unordered_map<std::string, int> seen;
  int line = 1 + record_lines;
  while (pos < text.size()) {
    int this_line = line;
    if (!ReadRecord(text, pos, sep, fields, record_lines)) {
      return InvalidInput("unclosed quote on line " + std::to_string(this_line), "codes.import.quote");
    }
    line += record_lines;
    std::string_view address =
        static_cast<size_t>(column) < fields.size() ? Trim(fields[static_cast<size_t>(column)]) : std::string_view();
    if (address.empty()) {
      list.empty_lines.push_back(this_line);
      continue;
    }
    if (address.size() > kMaxAddressLength) {
      return InvalidInput("address on line " + std::to_string(this_line) + " is too long", "codes.import.too_long");
    }
    auto [it, inserted] = seen.emplace(AddressKey(address), this_line);
    if (!inserted) {
      list.duplicates.push_back({this_line, it->second});
      continue;
    }
    if (list.addresses.size() >= kMaxAddresses) {
      return InvalidInput("more than " + std::to_string(kMaxAddresses) + " addresses", "codes.import.too_many");
    }
    std::string buurt;
    if (buurt_column >= 0 && static_cast<size_t>(buurt_column) < fields.size()) {
      buurt = Upper(Trim(fields[static_cast<size_t>(buurt_column)]));
      if (!buurt.empty() && !IsBuurtCode(buurt)) {
        return InvalidInput("buurt code on line " + std::to_string(this_line) + " is not BU and 8 digits",
                            "codes.import.bad_buurt");
      }
    }
    list.addresses.emplace_back(address);
    list.address_lines.push_back(this_line);
    list.buurt_codes.push_back(std::move(buurt));
  }
  if (list.addresses.empty()) return InvalidInput("the file has no addresses", "codes.import.no_addresses");
  return list;
}

}  // namespace wp::codes
