#pragma once

// The route guard for bearer-protected routes: a valid access token (BearerValidator)
// whose scopes satisfy the route's scope. 401 without or with a bad token, 403 with a
// valid token that lacks the scope.

#include "auth/bearer_validator.h"
#include "http/router.h"

namespace muster::auth {

http::RouteGuard MakeBearerGuard(const BearerValidator& validator);

}  // namespace muster::auth
