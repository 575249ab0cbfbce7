#include "http/error_mapping.h"

#include <string>

#include "core/json_writer.h"
#include "core/text.h"

namespace muster::http {
namespace {

std::string DefaultReason(ErrorShape shape, ErrorCode code) {
  if (shape == ErrorShape::kImsx) {
    switch (code) {
      case ErrorCode::kInvalidArgument:
        return "invaliddata";
      case ErrorCode::kUnauthenticated:
        return "unauthorisedrequest";
      case ErrorCode::kPermissionDenied:
        return "forbidden";
      case ErrorCode::kNotFound:
        return "unknownobject";
      case ErrorCode::kRateLimited:
      case ErrorCode::kUnavailable:
        return "server_busy";
      case ErrorCode::kConflict:
        return "invaliddata";
      case ErrorCode::kInternal:
        return "internal_server_error";
    }
  }
  if (shape == ErrorShape::kOAuth2) {
    switch (code) {
      case ErrorCode::kUnauthenticated:
        return "invalid_client";
      case ErrorCode::kInvalidArgument:
        return "invalid_request";
      case ErrorCode::kPermissionDenied:
        return "unauthorized_client";
      case ErrorCode::kRateLimited:
        return "slow_down";
      case ErrorCode::kUnavailable:
        return "temporarily_unavailable";
      default:
        return "server_error";
    }
  }
  if (code == ErrorCode::kUnauthenticated) return "invalid_token";
  if (code == ErrorCode::kPermissionDenied) return "insufficient_scope";
  return ErrorCodeName(code);
}

// The codeMinor values a OneRoster error may carry (oneroster.md §1.8: the 1.2 list plus
// invalid_sort_field). A reason outside it (e.g. the guard's RFC 6750 "invalid_token") is
// replaced by the code's default.
bool IsImsxCodeMinor(std::string_view reason) {
  for (std::string_view v :
       {"fullsuccess", "invalid_filter_field", "invalid_selection_field", "invalid_sort_field",
        "invaliddata", "unauthorisedrequest", "forbidden", "server_busy", "unknownobject",
        "internal_server_error"}) {
    if (reason == v) return true;
  }
  return false;
}

std::string DefaultMessage(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return "The request is not valid.";
    case ErrorCode::kUnauthenticated:
      return "Authentication is required.";
    case ErrorCode::kPermissionDenied:
      return "The credentials do not allow this request.";
    case ErrorCode::kNotFound:
      return "Not found.";
    case ErrorCode::kConflict:
      return "The request conflicts with the current state.";
    case ErrorCode::kRateLimited:
      return "Too many requests; retry later.";
    case ErrorCode::kUnavailable:
      return "The service is temporarily unavailable.";
    case ErrorCode::kInternal:
      return "An internal error occurred.";
  }
  return "An internal error occurred.";
}

// `request_id` is the imsx_messageRefIdentifier the 1.1 binding requires, so a consumer's
// report of a failure names the request in Muster's access log.
std::string Body(ErrorShape shape, const std::string& reason, const std::string& message,
                 std::string_view request_id) {
  std::string out;
  JsonWriter w(out);
  switch (shape) {
    case ErrorShape::kOAuth2:
    case ErrorShape::kPlain:
      w.BeginObject().Member("error", reason).Member("error_description", message).EndObject();
      break;
    case ErrorShape::kImsx:
      w.BeginObject()
          .Member("imsx_codeMajor", "failure")
          .Member("imsx_severity", "error")
          .Member("imsx_messageRefIdentifier", request_id)
          .Member("imsx_description", message)
          .Key("imsx_CodeMinor")
          .BeginObject()
          .Key("imsx_codeMinorField")
          .BeginArray()
          .BeginObject()
          .Member("imsx_codeMinorFieldName", "TargetEndSystem")
          .Member("imsx_codeMinorFieldValue", reason)
          .EndObject()
          .EndArray()
          .EndObject()
          .EndObject();
      break;
    case ErrorShape::kOData:
      w.BeginObject().Key("error").BeginObject();
      w.Member("code", reason).Member("message", message).EndObject().EndObject();
      break;
  }
  return out;
}

// APIM's refusal: {"statusCode": 401, "message": "..."}, no challenge header.
Response GatewayRefusal(int status, const std::string& message) {
  std::string body;
  JsonWriter w(body);
  w.BeginObject().Member("statusCode", status).Member("message", message).EndObject();
  return Response::Json(status, std::move(body));
}

// {"error": "..."}, nothing else.
Response BareError(int status, const std::string& message) {
  std::string body;
  JsonWriter w(body);
  w.BeginObject().Member("error", message).EndObject();
  return Response::Json(status, std::move(body));
}

}  // namespace

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return 400;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kPermissionDenied:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kRateLimited:
      return 429;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

Response MapError(ErrorShape shape, const Error& error, const Request& request) {
  int status = HttpStatusFor(error.code);
  std::string message = error.message.empty() ? DefaultMessage(error.code) : error.message;
  if (error.reason == kGatewayReason) return GatewayRefusal(status, message);
  if (error.reason == kBareErrorReason) return BareError(status, message);
  // RFC 6749 §5.2: unauthorized_client and invalid_grant are 400s, whatever the code.
  if (shape == ErrorShape::kOAuth2 && status == 403) status = 400;
  std::string reason = error.reason.empty() ? DefaultReason(shape, error.code) : error.reason;
  if (shape == ErrorShape::kImsx && !IsImsxCodeMinor(reason))
    reason = DefaultReason(shape, error.code);
  Response r = Response::Json(status, Body(shape, reason, message, request.request_id));
  if (status == 401) {
    if (shape == ErrorShape::kOAuth2) {
      // RFC 6749 §5.2: a client that tried the Authorization header is answered in kind.
      // The scheme name is case-insensitive (RFC 9110 §11.1).
      if (StartsWithIgnoreCase(request.Header("authorization"), "basic ")) {
        r.Header("WWW-Authenticate", "Basic realm=\"muster\", charset=\"UTF-8\"");
      }
    } else {
      std::string challenge = "Bearer realm=\"muster\"";
      if (request.HasHeader("authorization")) challenge += ", error=\"invalid_token\"";
      r.Header("WWW-Authenticate", std::move(challenge));
    }
  } else if (status == 403 && shape != ErrorShape::kOAuth2) {
    r.Header("WWW-Authenticate", "Bearer realm=\"muster\", error=\"insufficient_scope\"");
  }
  if (error.retry_after_s > 0) r.Header("Retry-After", std::to_string(error.retry_after_s));
  if (shape == ErrorShape::kOAuth2) {
    r.Header("Cache-Control", "no-store");
    r.Header("Pragma", "no-cache");
  }
  return r;
}

}  // namespace muster::http
