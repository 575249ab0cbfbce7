#pragma once

// The one place where Result errors become HTTP responses, per API error shape.
// Only Error::reason and Error::message reach the client; Error::internal goes to the log.

#include <string_view>

#include "core/result.h"
#include "http/request.h"
#include "http/response.h"
#include "http/route.h"

namespace muster::http {

// Error::reason of a refusal by the API gateway (subscription keys, product.md §3). It is
// answered in Azure API Management's own shape, {"statusCode": N, "message": "..."}, whatever
// the route's ErrorShape: APIM answers before the API behind it is reached.
inline constexpr std::string_view kGatewayReason = "apim_gateway";

// Error::reason of a refusal answered as the bare {"error": "<message>"} whatever the route's
// shape, with no challenge header: DeX's front door refusing a token whose client has no
// organisation (seed 000: {"error":"The Account is not associated with any Organisations"}).
inline constexpr std::string_view kBareErrorReason = "bare_error";

int HttpStatusFor(ErrorCode code);
Response MapError(ErrorShape shape, const Error& error, const Request& request);

}  // namespace muster::http
