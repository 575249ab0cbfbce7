#pragma once

// Compact JWS JWTs: signing with a SigningKey, and parsing + verifying untrusted tokens.
// The verifier accepts only the algorithm of the key named by `kid` (never "none", never
// HMAC), and only the compact serialisation. Parsing is total and fuzzed (tests/fuzz).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "jose/signing_key.h"

namespace muster::jose {

// Returns "header.payload.signature" using the key's precomputed header.
Result<std::string> SignJwt(const SigningKey& key, std::string_view payload_json);

// The claims Muster's APIs read. Unknown claims are kept as raw JSON in `extra`.
struct JwtClaims {
  std::string iss;
  std::vector<std::string> aud;  // a string `aud` becomes one element
  int64_t exp = 0;
  int64_t nbf = 0;
  int64_t iat = 0;
  std::string jti;
  std::string sub;
  std::string client_id;
  std::vector<std::string> scope;  // array, or a space-separated string
  std::string userorganisationidentifier;
  std::string vendorid;
  std::string applicationid;
  std::string applicationname;
  bool has_exp = false;
  bool has_nbf = false;
  // Every other claim, in token order: (name, the value re-serialized as compact JSON).
  std::vector<std::pair<std::string, std::string>> extra;
};

struct JwtHeader {
  std::string alg;
  std::string kid;
  std::string typ;
  std::string x5t;
};

// Splits and decodes a compact JWT without checking the signature. Errors: kInvalidArgument
// with reason "invalid_token" and `internal` = "JwtMalformed: <defect>" (size over 16 KiB,
// segments, base64url, JSON, duplicate member names, nesting deeper than 32, a "crit"
// header, claim types). Total on arbitrary bytes.
struct ParsedJwt {
  JwtHeader header;
  JwtClaims claims;
  std::string signing_input;  // "header.payload" as received
  std::string signature;      // raw bytes
};
Result<ParsedJwt> ParseJwt(std::string_view token);

// Looks a verification key up by kid; nullptr when unknown.
using KeyLookup = std::function<std::shared_ptr<const SigningKey>(std::string_view kid)>;

struct VerifyOptions {
  std::string issuer;
  std::string audience;
  int64_t now_unix = 0;
  int64_t leeway_seconds = 30;  // allowed clock skew for exp/nbf
};

// Parses and fully verifies: known kid, header alg equal to the key's alg, signature, iss,
// aud contains audience, exp present and > now - leeway, nbf (if present) <= now + leeway.
// Errors are kUnauthenticated with reason "invalid_token", one generic message, and
// `internal` = "<Check>" or "<Check>: <detail>", where <Check> is one of JwtMalformed,
// JwtAlgMismatch (also "none", HS*, unsupported algs), JwtUnknownKid (also no kid),
// JwtBadSignature, JwtIssuerMismatch, JwtAudienceNotAllowed, JwtExpired (also a missing
// exp), JwtNotYetValid. Token-supplied values in the detail are truncated to printable
// ASCII. An empty `issuer` or `audience` in the options matches nothing (fails closed).
Result<JwtClaims> VerifyJwt(std::string_view token, const KeyLookup& keys,
                            const VerifyOptions& options);

}  // namespace muster::jose
