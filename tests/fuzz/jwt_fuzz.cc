// libFuzzer target for the JWT parser and verifier (jose/jwt.h).
//
// Each input is used twice: as a compact token (ParseJwt, VerifyJwt against a known key),
// and as a claim set that we sign ourselves and then verify, which drives VerifyJwt past the
// signature check into the claim checks. Invariant: a token we signed never fails the kid,
// alg or signature checks.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "jose/jwt.h"
#include "jose/signing_key.h"

namespace {

using muster::jose::SigningKey;

constexpr int64_t kNow = 1'767'225'600;

const std::shared_ptr<const SigningKey>& Key() {
  static const std::shared_ptr<const SigningKey> key = [] {
    auto generated = SigningKey::Generate(muster::jose::JwsAlg::kES256, "fuzz", kNow, 1);
    if (!generated.ok()) std::abort();
    return std::shared_ptr<const SigningKey>(std::move(generated).value());
  }();
  return key;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::shared_ptr<const SigningKey>& key = Key();
  // Every kid resolves, so arbitrary tokens reach the alg and signature checks.
  muster::jose::KeyLookup lookup = [&key](std::string_view) { return key; };
  muster::jose::VerifyOptions options;
  options.issuer = "https://muster.example";
  options.audience = "api";
  options.now_unix = kNow;

  (void)muster::jose::ParseJwt(input);
  (void)muster::jose::VerifyJwt(input, lookup, options);

  if (size > 4096) return 0;  // signing is slow; long inputs are covered by the parser above
  muster::Result<std::string> token = muster::jose::SignJwt(*key, input);
  if (!token.ok()) std::abort();
  muster::Result<muster::jose::JwtClaims> claims = muster::jose::VerifyJwt(*token, lookup, options);
  if (!claims.ok()) {
    const std::string& why = claims.error().internal;
    if (why.rfind("JwtBadSignature", 0) == 0 || why.rfind("JwtAlgMismatch", 0) == 0 ||
        why.rfind("JwtUnknownKid", 0) == 0) {
      std::fprintf(stderr, "self-signed token rejected: %s\n", why.c_str());
      std::abort();
    }
  }
  return 0;
}
