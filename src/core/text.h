#pragma once

// Small ASCII text helpers shared by the parsers of untrusted input (OneRoster and OData
// query options, form fields). Values pass through untouched; only names and keywords are
// compared case-insensitively, and only in ASCII.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace muster {

inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b);  // ASCII case folding
std::string_view Trim(std::string_view s);                      // IsSpace at both ends
// `s` begins with `prefix`, folding ASCII case ("Bearer x" begins with "bearer ").
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);
// `s` with 'A'..'Z' lowered and every other byte as it is (no locale, no UTF-8 folding).
std::string AsciiLower(std::string_view s);
// Well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF) and no NUL.
bool IsCleanUtf8(std::string_view s);
// `s` as a decimal number: one or more digits and nothing else (no sign, no spaces). A value
// above INT64_MAX saturates to it and sets `*overflow` (which is cleared first).
std::optional<int64_t> ParseDecimalSaturating(std::string_view s, bool* overflow);
// Request text made safe to quote in a client-facing message: printable ASCII kept, every
// other byte shown as '?', and cut to `max_len` characters with "..." appended.
std::string Echo(std::string_view s, size_t max_len = 64);

}  // namespace muster
