#pragma once

// Finds and redacts passwords in a libpq connection string, in both of its forms:
// key/value ("host=db password='x y'") and URI ("postgresql://user:pw@db/app?sslpassword=z").
// The scan follows libpq's own parser (fe-connect.c), so whatever libpq would take as a
// password is what gets replaced. Pure functions; safe from any thread.

#include <string>
#include <string_view>

namespace muster::config::internal {

inline constexpr std::string_view kRedacted = "***";

struct DsnScan {
  std::string redacted;       // the DSN with each password value replaced by kRedacted
  bool has_password = false;  // a non-empty password or sslpassword was found
  bool malformed = false;     // libpq would reject the syntax (the rest is redacted)
};

DsnScan ScanDsn(std::string_view dsn);

}  // namespace muster::config::internal
