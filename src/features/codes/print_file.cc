#include "features/codes/print_file.h"

#include "features/codes/code_format.h"

namespace wp::codes {

std::string VotingUrl(std::string_view base_url, std::string_view edition_slug, std::string_view canonical_code) {
  std::string url;
  url.reserve(base_url.size() + edition_slug.size() + canonical_code.size() + 32);
  url.append(base_url).append("/wijkbudget/").append(edition_slug).append("/stemmen?code=").append(canonical_code);
  return url;
}

std::string PrintFileHeader() { return "briefnummer,adres,stemcode,stemlink\r\n"; }

std::string CsvField(std::string_view value) {
  if (value.find_first_of(",\"\r\n;") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string PrintFileRow(int64_t letter_number, std::string_view address, std::string_view canonical_code,
                         std::string_view voting_url) {
  std::string safe_address;
  if (!address.empty() && (address[0] == '=' || address[0] == '+' || address[0] == '-' || address[0] == '@')) {
    safe_address = "'";
  }
  safe_address.append(address);
  std::string row = std::to_string(letter_number);
  row.push_back(',');
  row.append(CsvField(safe_address)).push_back(',');
  row.append(FormatGrouped(canonical_code)).push_back(',');
  row.append(voting_url).append("\r\n");
  return row;
}

std::string RunCsvName(int64_t run_id) { return "stemcodes-" + std::to_string(run_id) + ".csv"; }

std::string RunPdfName(int64_t run_id, int64_t part) {
  std::string number = std::to_string(part);
  if (number.size() < 3) number.insert(0, 3 - number.size(), '0');
  return "stemcodes-" + std::to_string(run_id) + "-brieven-" + number + ".pdf";
}

std::string ReissueCsvName(int64_t run_id) { return "herdruk-" + std::to_string(run_id) + ".csv"; }
std::string ReissuePdfName(int64_t run_id) { return "herdruk-" + std::to_string(run_id) + ".pdf"; }

bool IsFileOfGenerationRun(std::string_view name, int64_t run_id) {
  const std::string prefix = "stemcodes-" + std::to_string(run_id);
  if (name.substr(0, prefix.size()) != prefix) return false;
  std::string_view rest = name.substr(prefix.size());
  return rest.substr(0, 4) == ".csv" || rest.substr(0, 9) == "-brieven-";
}

bool IsPrintFileName(std::string_view name) {
  if (name.size() < 5 || name.size() > 80) return false;
  std::string_view ext = name.substr(name.size() - 4);
  if (ext != ".csv" && ext != ".pdf") return false;
  for (char c : name.substr(0, name.size() - 4)) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

std::vector<std::string> CodesInPrintFile(std::string_view text) {
  static constexpr std::string_view kParameter = "?code=";
  std::vector<std::string> codes;
  size_t at = 0;
  while ((at = text.find(kParameter, at)) != std::string_view::npos) {
    at += kParameter.size();
    size_t end = text.find_first_of("\r\n\",", at);
    codes.emplace_back(text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at));
  }
  return codes;
}

}  // namespace wp::codes
