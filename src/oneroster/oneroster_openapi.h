#pragma once

// The OneRoster 1.1 API's OpenAPI 3 document: oneroster_openapi.json (generated from the
// official 1.1 description by scripts/oneroster_openapi.py), embedded in the binary at build
// time by cmake/embed_file.cmake (no file is read at run time), to be served at
// GET /openapi/oneroster.json. Library: muster_oneroster_openapi.

#include <string_view>

namespace muster::oneroster {

std::string_view OneRosterOpenApiJson();

}  // namespace muster::oneroster
