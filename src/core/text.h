#pragma once

// Small ASCII text helpers shared by the parsers of untrusted input (OneRoster and OData
// query options, form fields). Values pass through untouched; only names and keywords are
// compared case-insensitively, and only in ASCII.

#include <cstddef>
#include <string>
#include <string_view>

namespace muster {

inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b);  // ASCII case folding
std::string_view Trim(std::string_view s);                      // IsSpace at both ends
// Well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF) and no NUL.
bool IsCleanUtf8(std::string_view s);
// Request text made safe to quote in a client-facing message: printable ASCII kept, every
// other byte shown as '?', and cut to `max_len` characters with "..." appended.
std::string Echo(std::string_view s, size_t max_len = 64);

}  // namespace muster
