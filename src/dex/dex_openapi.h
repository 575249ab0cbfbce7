#pragma once

// The DeX learner API's OpenAPI 3 document: dex_openapi.json, embedded in the binary at
// build time by cmake/embed_file.cmake (no file is read at run time) and served at
// GET /openapi/dex.json.

#include <string_view>

namespace muster::dex {

std::string_view DexOpenApiJson();

}  // namespace muster::dex
