#include "jose/jwt.h"

#include <algorithm>

#include "core/base64.h"

namespace muster::jose {
namespace {

constexpr size_t kMaxDetailChars = 64;

Error Reject(std::string internal) {
  return MakeError(ErrorCode::kUnauthenticated, "invalid_token", "The access token is invalid.",
                   std::move(internal));
}

// A token-supplied value made safe for a log line: printable ASCII, bounded length.
std::string Printable(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, kMaxDetailChars)) {
    out.push_back(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '?');
  }
  if (s.size() > kMaxDetailChars) out += "...";
  return '"' + out + '"';
}

Status CheckClaims(const JwtClaims& claims, const VerifyOptions& options) {
  if (options.issuer.empty() || claims.iss != options.issuer) {
    return Reject("JwtIssuerMismatch: iss=" + Printable(claims.iss));
  }
  if (options.audience.empty() ||
      std::find(claims.aud.begin(), claims.aud.end(), options.audience) == claims.aud.end()) {
    return Reject("JwtAudienceNotAllowed: aud has " + std::to_string(claims.aud.size()) +
                  " value(s), none " + Printable(options.audience));
  }
  if (!claims.has_exp) return Reject("JwtExpired: no exp claim");
  if (claims.exp <= options.now_unix - options.leeway_seconds) {
    return Reject("JwtExpired: exp=" + std::to_string(claims.exp) +
                  " now=" + std::to_string(options.now_unix));
  }
  if (claims.has_nbf && claims.nbf > options.now_unix + options.leeway_seconds) {
    return Reject("JwtNotYetValid: nbf=" + std::to_string(claims.nbf) +
                  " now=" + std::to_string(options.now_unix));
  }
  return OkStatus();
}

}  // namespace

Result<std::string> SignJwt(const SigningKey& key, std::string_view payload_json) {
  const std::string& header = key.EncodedHeader();
  std::string token;
  // header . payload . signature (at most 512 bytes raw for RSA 4096)
  token.reserve(header.size() + 2 + (payload_json.size() + 2) / 3 * 4 + 683);
  token.append(header).push_back('.');
  token.append(Base64UrlEncode(payload_json));
  MUSTER_ASSIGN_OR_RETURN(std::string signature, key.Sign(token));
  token.push_back('.');
  token.append(Base64UrlEncode(signature));
  return token;
}

Result<JwtClaims> VerifyJwt(std::string_view token, const KeyLookup& keys,
                            const VerifyOptions& options) {
  Result<ParsedJwt> parsed = ParseJwt(token);
  if (!parsed.ok()) return Reject(std::move(parsed).error().internal);
  const JwtHeader& header = parsed->header;
  // Only asymmetric algorithms we implement; "none" and HS* never get near a key.
  if (!ParseJwsAlg(header.alg).ok()) {
    return Reject("JwtAlgMismatch: unsupported alg=" + Printable(header.alg));
  }
  std::shared_ptr<const SigningKey> key = keys ? keys(header.kid) : nullptr;
  if (key == nullptr) return Reject("JwtUnknownKid: kid=" + Printable(header.kid));
  if (header.alg != ToString(key->alg())) {
    return Reject("JwtAlgMismatch: alg=" + Printable(header.alg) + " but key " + key->kid() +
                  " is " + ToString(key->alg()));
  }
  if (!key->Verify(parsed->signing_input, parsed->signature)) {
    return Reject("JwtBadSignature: kid=" + key->kid());
  }
  MUSTER_RETURN_IF_ERROR(CheckClaims(parsed->claims, options));
  return std::move(parsed->claims);
}

}  // namespace muster::jose
