#include "core/form.h"

namespace muster {
namespace {
int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::optional<std::string> PercentDecode(std::string_view in, bool plus_is_space) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return std::nullopt;
      int hi = HexValue(in[i + 1]);
      int lo = HexValue(in[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi << 4 | lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string PercentEncode(std::string_view in) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(in.size());
  for (unsigned char c : in) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kDigits[c >> 4]);
      out.push_back(kDigits[c & 15]);
    }
  }
  return out;
}

Result<FormFields> ParseForm(std::string_view body, size_t max_fields) {
  FormFields fields;
  size_t pos = 0;
  while (pos <= body.size()) {
    size_t amp = body.find('&', pos);
    if (amp == std::string_view::npos) amp = body.size();
    std::string_view pair = body.substr(pos, amp - pos);
    pos = amp + 1;
    if (pair.empty()) {
      if (amp == body.size()) break;
      continue;
    }
    if (fields.size() >= max_fields) {
      return MakeError(ErrorCode::kInvalidArgument, "invalid_request", "too many form fields");
    }
    size_t eq = pair.find('=');
    std::string_view raw_name = pair.substr(0, eq);
    std::string_view raw_value =
        eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
    auto name = PercentDecode(raw_name, true);
    auto value = PercentDecode(raw_value, true);
    if (!name || !value) {
      return MakeError(ErrorCode::kInvalidArgument, "invalid_request",
                       "malformed percent-encoding in the request body");
    }
    fields.emplace_back(std::move(*name), std::move(*value));
    if (amp == body.size()) break;
  }
  return fields;
}

std::optional<std::string_view> FindField(const FormFields& fields, std::string_view name,
                                          bool* duplicate) {
  std::optional<std::string_view> found;
  for (const auto& [k, v] : fields) {
    if (k != name) continue;
    if (found && duplicate) *duplicate = true;
    if (!found) found = v;
  }
  return found;
}

}  // namespace muster
