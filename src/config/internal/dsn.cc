#include "config/internal/dsn.h"

#include <algorithm>
#include <optional>

#include "core/form.h"

namespace muster::config::internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i];
    char y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool IsPasswordKeyword(std::string_view keyword) {
  return EqualsIgnoreCase(keyword, "password") || EqualsIgnoreCase(keyword, "sslpassword");
}

// The end of the value that starts at `i`: a single-quoted string or a run of non-blanks, with
// '\' escaping the next byte in both. `closed` is false for an unterminated quote.
size_t ValueEnd(std::string_view dsn, size_t i, bool* closed) {
  const size_t n = dsn.size();
  *closed = true;
  if (i < n && dsn[i] == '\'') {
    *closed = false;
    for (++i; i < n; ++i) {
      if (dsn[i] == '\\') {
        ++i;
      } else if (dsn[i] == '\'') {
        *closed = true;
        return i + 1;
      }
    }
    return n;
  }
  for (; i < n && !IsSpace(dsn[i]); ++i) {
    if (dsn[i] == '\\') ++i;
  }
  return std::min(i, n);
}

// "keyword = value ..." pairs; values may be single-quoted, and '\' escapes the next byte.
DsnScan ScanKeyValue(std::string_view dsn) {
  DsnScan scan;
  std::string& out = scan.redacted;
  size_t i = 0;
  const size_t n = dsn.size();
  while (i < n) {
    if (IsSpace(dsn[i])) {
      out += dsn[i++];
      continue;
    }
    const size_t keyword_start = i;
    while (i < n && !IsSpace(dsn[i]) && dsn[i] != '=') ++i;
    const std::string_view keyword = dsn.substr(keyword_start, i - keyword_start);
    while (i < n && IsSpace(dsn[i])) ++i;
    if (i >= n || dsn[i] != '=') {
      // Not "keyword = value": perhaps a stray password, so show none of the rest.
      scan.malformed = true;
      out += kRedacted;
      return scan;
    }
    out += keyword;
    out += dsn.substr(keyword_start + keyword.size(), i - keyword_start - keyword.size());
    out += dsn[i++];
    while (i < n && IsSpace(dsn[i])) out += dsn[i++];
    const size_t value_start = i;
    bool closed = true;
    i = ValueEnd(dsn, i, &closed);
    const std::string_view value = dsn.substr(value_start, i - value_start);
    if (!closed) scan.malformed = true;
    if (IsPasswordKeyword(keyword) || !closed) {
      out += kRedacted;
      if (IsPasswordKeyword(keyword) && value != "''" && !value.empty()) scan.has_password = true;
    } else {
      out += value;
    }
  }
  return scan;
}

// postgresql://[user[:password]@][host][:port][,...][/dbname][?param=value&...]
DsnScan ScanUri(std::string_view dsn, size_t prefix_length) {
  DsnScan scan;
  std::string& out = scan.redacted;
  out = dsn.substr(0, prefix_length);
  std::string_view rest = dsn.substr(prefix_length);
  // As libpq: user info ends at the first '@' that comes before any '/'.
  const size_t at = rest.find_first_of("@/");
  if (at != std::string_view::npos && rest[at] == '@') {
    const std::string_view user_info = rest.substr(0, at);
    const size_t colon = user_info.find(':');
    if (user_info.find_first_of("?=&") != std::string_view::npos) {
      out += kRedacted;  // not a sane user name; it may hide a password
    } else if (colon != std::string_view::npos) {
      out += user_info.substr(0, colon + 1);
      out += kRedacted;
      scan.has_password = colon + 1 < user_info.size();
    } else {
      out += user_info;
    }
    out += '@';
    rest.remove_prefix(at + 1);
  }
  const size_t question = rest.find('?');
  out += rest.substr(0, question);
  if (question == std::string_view::npos) return scan;
  out += '?';
  std::string_view query = rest.substr(question + 1);
  while (true) {
    const size_t amp = query.find('&');
    const std::string_view param = query.substr(0, amp);
    const size_t eq = param.find('=');
    const std::string_view raw_key = param.substr(0, eq);
    const std::optional<std::string> key = PercentDecode(raw_key, false);
    if (eq != std::string_view::npos && (!key || IsPasswordKeyword(*key))) {
      out += raw_key;
      out += '=';
      out += kRedacted;
      scan.has_password = scan.has_password || eq + 1 < param.size();
    } else {
      out += param;
    }
    if (amp == std::string_view::npos) break;
    out += '&';
    query.remove_prefix(amp + 1);
  }
  return scan;
}

}  // namespace

DsnScan ScanDsn(std::string_view dsn) {
  for (std::string_view scheme :
       {std::string_view("postgresql://"), std::string_view("postgres://")}) {
    if (dsn.substr(0, scheme.size()) == scheme) return ScanUri(dsn, scheme.size());
  }
  return ScanKeyValue(dsn);
}

}  // namespace muster::config::internal
