#pragma once

// The partner API's OpenAPI 3 document: partner_openapi.json, embedded in the binary at
// build time by cmake/embed_file.cmake (no file is read at run time) and served at
// GET /openapi/partner.json. partner_routes_test checks that it names every route of the
// table with the route's scope.

#include <string_view>

namespace muster::partner {

std::string_view PartnerOpenApiJson();

}  // namespace muster::partner
