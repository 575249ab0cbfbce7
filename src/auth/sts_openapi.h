#pragma once

// The STS's OpenAPI 3 document: sts_openapi.json, embedded in the binary at build time by
// cmake/embed_file.cmake (no file is read at run time) and served at GET /openapi/sts.json.
// sts_routes_test checks that it names every route of the STS table with its method.

#include <string_view>

namespace muster::auth {

std::string_view StsOpenApiJson();

}  // namespace muster::auth
