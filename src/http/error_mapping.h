#pragma once

// The one place where Result errors become HTTP responses, per API error shape.
// Only Error::reason and Error::message reach the client; Error::internal goes to the log.

#include "core/result.h"
#include "http/request.h"
#include "http/response.h"
#include "http/route.h"

namespace muster::http {

int HttpStatusFor(ErrorCode code);
Response MapError(ErrorShape shape, const Error& error, const Request& request);

}  // namespace muster::http
