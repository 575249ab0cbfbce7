#pragma once

// The provisioning API's OpenAPI 3 document: provisioning_openapi.json, embedded in the
// binary at build time by cmake/embed_file.cmake (no file is read at run time) and served at
// GET /openapi/provisioning.json.

#include <string_view>

namespace muster::provisioning {

std::string_view ProvisioningOpenApiJson();

}  // namespace muster::provisioning
