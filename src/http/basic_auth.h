#pragma once

// HTTP Basic credentials (RFC 7617) as OAuth 2.0 clients send them (RFC 6749 §2.3.1: the
// id and secret are form-urlencoded before base64). Untrusted input: total, fuzzed.

#include <optional>
#include <string>
#include <string_view>

namespace muster::http {

struct BasicCredentials {
  std::string user;
  std::string password;
};

// nullopt when the header is not "Basic <base64>" with a ':' separator, or when the
// decoded parts are not valid form-urlencoding.
std::optional<BasicCredentials> ParseBasicAuth(std::string_view authorization_header);

}  // namespace muster::http
