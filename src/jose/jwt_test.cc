#include "jose/jwt.h"

#include <gtest/gtest.h>

#include <map>

#include "core/json_writer.h"
#include "crypto/digest.h"
#include "jose/internal/test_keys.h"

namespace muster::jose {
namespace {

using test::B64;
using test::Keys;
using test::kTestNow;

constexpr JwsAlg kAllAlgs[] = {JwsAlg::kRS256, JwsAlg::kES256, JwsAlg::kEdDSA};
const char kIssuer[] = "https://muster.example.se";
const char kAudience[] = "https://api.muster.example.se/ims/oneroster";

struct ClaimSet {
  std::string iss = kIssuer;
  std::string aud = kAudience;
  std::optional<int64_t> exp = kTestNow + 3600;
  std::optional<int64_t> nbf = kTestNow;
  std::string ToJson() const {
    std::string out;
    JsonWriter w(out);
    w.BeginObject().Member("iss", iss);
    if (nbf) w.Member("nbf", *nbf);
    w.Member("iat", kTestNow);
    if (exp) w.Member("exp", *exp);
    w.Member("aud", aud);
    w.Key("scope").BeginArray().String("oneroster-core.readonly").EndArray();
    w.Member("client_id", "skolplattform-42")
        .Member("userorganisationidentifier", "SE2120001355-42")
        .Member("vendorid", "vendor-7")
        .Member("applicationid", "app-9")
        .Member("applicationname", "Läromedel Ä")
        .Member("jti", "8C2F4D61A5B0E9D7")
        .EndObject();
    return out;
  }
};

// Looks keys up among all six test keys.
KeyLookup AllKeys() {
  return [](std::string_view kid) -> std::shared_ptr<const SigningKey> {
    for (JwsAlg alg : kAllAlgs) {
      for (bool second : {false, true}) {
        const auto& key = Keys().For(alg, second);
        if (key->kid() == kid) return key;
      }
    }
    return nullptr;
  };
}

VerifyOptions Options() {
  VerifyOptions options;
  options.issuer = kIssuer;
  options.audience = kAudience;
  options.now_unix = kTestNow + 60;
  return options;
}

std::string Sign(JwsAlg alg, const ClaimSet& claims = {}) {
  Result<std::string> token = SignJwt(*Keys().For(alg), claims.ToJson());
  EXPECT_TRUE(token.ok());
  return token.ok() ? *token : std::string();
}

void ExpectRejected(std::string_view token, std::string_view check,
                    const VerifyOptions& options = Options()) {
  Result<JwtClaims> claims = VerifyJwt(token, AllKeys(), options);
  ASSERT_FALSE(claims.ok()) << "expected " << check;
  const Error& e = claims.error();
  EXPECT_EQ(e.code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(e.reason, "invalid_token");
  EXPECT_EQ(e.message, "The access token is invalid.");
  EXPECT_TRUE(e.internal == check || e.internal.rfind(std::string(check) + ": ", 0) == 0)
      << "expected " << check << ", got " << e.internal;
}

std::string Segment(std::string_view token, int i) {
  size_t start = 0;
  for (int k = 0; k < i; ++k) start = token.find('.', start) + 1;
  size_t end = token.find('.', start);
  return std::string(token.substr(start, end == std::string_view::npos ? end : end - start));
}

TEST(SignJwt, IsHeaderDotPayloadDotSignature) {
  ClaimSet claims;
  for (JwsAlg alg : kAllAlgs) {
    std::string token = Sign(alg, claims);
    EXPECT_EQ(Segment(token, 0), Keys().For(alg)->EncodedHeader());
    EXPECT_EQ(Segment(token, 1), B64(claims.ToJson()));
    std::string signature = *Base64UrlDecode(Segment(token, 2));
    EXPECT_TRUE(Keys().For(alg)->Verify(token.substr(0, token.rfind('.')), signature));
    EXPECT_EQ(token.find('='), std::string::npos);
  }
}

TEST(VerifyJwt, RoundTripForEveryAlg) {
  for (JwsAlg alg : kAllAlgs) {
    Result<JwtClaims> claims = VerifyJwt(Sign(alg), AllKeys(), Options());
    ASSERT_TRUE(claims.ok()) << ToString(alg) << ": " << claims.error().internal;
    EXPECT_EQ(claims->iss, kIssuer);
    EXPECT_EQ(claims->aud, std::vector<std::string>{kAudience});
    EXPECT_EQ(claims->exp, kTestNow + 3600);
    EXPECT_EQ(claims->client_id, "skolplattform-42");
    EXPECT_EQ(claims->scope, std::vector<std::string>{"oneroster-core.readonly"});
    EXPECT_EQ(claims->applicationname, "Läromedel Ä");
  }
}

TEST(VerifyJwt, RejectsAlgNone) {
  const SigningKey& key = *Keys().rsa;
  std::string payload = B64(ClaimSet().ToJson());
  for (std::string_view alg : {"none", "None", "NONE", ""}) {
    std::string header =
        B64(R"({"alg":")" + std::string(alg) + R"(","kid":")" + key.kid() + R"(","typ":"JWT"})");
    ExpectRejected(header + "." + payload + ".", "JwtAlgMismatch");
    ExpectRejected(header + "." + payload + "." + Segment(Sign(JwsAlg::kRS256), 2),
                   "JwtAlgMismatch");
  }
}

TEST(VerifyJwt, RejectsHs256MadeWithThePublicKey) {
  for (JwsAlg alg : kAllAlgs) {
    const SigningKey& key = *Keys().For(alg);
    std::string input = B64(R"({"alg":"HS256","kid":")" + key.kid() + R"(","typ":"JWT"})") + "." +
                        B64(ClaimSet().ToJson());
    for (const std::string& secret : {key.CertificatePem(), key.PublicJwkJson(), key.kid()}) {
      ExpectRejected(input + "." + B64(crypto::HmacSha256(secret, input)), "JwtAlgMismatch");
    }
  }
}

TEST(VerifyJwt, RejectsAlgOtherThanTheKeys) {
  // An EdDSA-signed token whose header claims ES256 for the EC key, and the like.
  for (JwsAlg alg : kAllAlgs) {
    for (JwsAlg other : kAllAlgs) {
      if (alg == other) continue;
      std::string header = B64(std::string(R"({"alg":")") + ToString(other) + R"(","kid":")" +
                               Keys().For(alg)->kid() + R"("})");
      std::string token = Sign(other);
      ExpectRejected(header + token.substr(token.find('.')), "JwtAlgMismatch");
    }
  }
}

TEST(VerifyJwt, RejectsUnknownOrMissingKid) {
  std::string token = Sign(JwsAlg::kES256);
  std::string rest = token.substr(token.find('.'));
  ExpectRejected(B64(R"({"alg":"ES256","kid":"nope","typ":"JWT"})") + rest, "JwtUnknownKid");
  ExpectRejected(B64(R"({"alg":"ES256","typ":"JWT"})") + rest, "JwtUnknownKid");
  Result<JwtClaims> no_lookup = VerifyJwt(token, KeyLookup(), Options());
  ASSERT_FALSE(no_lookup.ok());
  EXPECT_EQ(no_lookup.error().internal.rfind("JwtUnknownKid", 0), 0u);
}

TEST(VerifyJwt, RejectsSwappedKid) {
  // Same alg, another known key: the signature check must fail.
  for (JwsAlg alg : kAllAlgs) {
    std::string token = Sign(alg);
    std::string header = Keys().For(alg, /*second=*/true)->EncodedHeader();
    ExpectRejected(header + token.substr(token.find('.')), "JwtBadSignature");
  }
}

TEST(VerifyJwt, RejectsFlippedSignatureBitsAndAlteredPayload) {
  for (JwsAlg alg : kAllAlgs) {
    std::string token = Sign(alg);
    std::string signature = *Base64UrlDecode(Segment(token, 2));
    std::string prefix = token.substr(0, token.rfind('.') + 1);
    for (size_t byte : {size_t{0}, signature.size() / 2, signature.size() - 1}) {
      for (int bit : {0, 7}) {
        std::string bad = signature;
        bad[byte] = static_cast<char>(bad[byte] ^ (1 << bit));
        ExpectRejected(prefix + B64(bad), "JwtBadSignature");
      }
    }
    ExpectRejected(prefix + B64(signature.substr(0, signature.size() - 1)), "JwtBadSignature");
    ExpectRejected(prefix, "JwtBadSignature");
    ClaimSet forged;
    forged.aud = "https://elsewhere";
    ExpectRejected(Segment(token, 0) + "." + B64(forged.ToJson()) + "." + Segment(token, 2),
                   "JwtBadSignature");
  }
}

TEST(VerifyJwt, RejectsTruncatedAndGarbage) {
  std::string token = Sign(JwsAlg::kES256);
  // The ES256 signature is 86 characters: one fewer is an impossible base64 length, two
  // fewer decode to 63 bytes.
  ExpectRejected(token.substr(0, token.size() - 1), "JwtMalformed");
  ExpectRejected(token.substr(0, token.size() - 2), "JwtBadSignature");
  ExpectRejected(token.substr(0, token.rfind('.')), "JwtMalformed");
  ExpectRejected(token.substr(0, token.size() / 2), "JwtMalformed");
  ExpectRejected("", "JwtMalformed");
  ExpectRejected("garbage", "JwtMalformed");
  ExpectRejected("a.b.c", "JwtMalformed");
  ExpectRejected(std::string(20000, 'A'), "JwtMalformed");
  ExpectRejected(token + "." + Segment(token, 2), "JwtMalformed");
}

TEST(VerifyJwt, RejectsWrongIssuer) {
  ClaimSet claims;
  claims.iss = "https://evil.example";
  ExpectRejected(Sign(JwsAlg::kES256, claims), "JwtIssuerMismatch");
  VerifyOptions no_issuer = Options();
  no_issuer.issuer.clear();
  ExpectRejected(Sign(JwsAlg::kES256), "JwtIssuerMismatch", no_issuer);
}

TEST(VerifyJwt, RejectsAudienceNotContainingOurs) {
  ClaimSet claims;
  claims.aud = "https://api.other.example";
  ExpectRejected(Sign(JwsAlg::kES256, claims), "JwtAudienceNotAllowed");
  VerifyOptions no_audience = Options();
  no_audience.audience.clear();
  ExpectRejected(Sign(JwsAlg::kES256), "JwtAudienceNotAllowed", no_audience);
}

TEST(VerifyJwt, AcceptsAudienceArrayContainingOurs) {
  const SigningKey& key = *Keys().ec;
  std::string payload = R"({"iss":")" + std::string(kIssuer) + R"(","aud":["x",")" + kAudience +
                        R"("],"exp":)" + std::to_string(kTestNow + 600) + "}";
  Result<std::string> token = SignJwt(key, payload);
  ASSERT_TRUE(token.ok());
  Result<JwtClaims> claims = VerifyJwt(*token, AllKeys(), Options());
  ASSERT_TRUE(claims.ok()) << claims.error().internal;
  EXPECT_EQ(claims->aud.size(), 2u);
  Result<std::string> without =
      SignJwt(key, R"({"iss":")" + std::string(kIssuer) + R"(","aud":["x","y"],"exp":)" +
                       std::to_string(kTestNow + 600) + "}");
  ExpectRejected(*without, "JwtAudienceNotAllowed");
}

TEST(VerifyJwt, ExpiryWithLeeway) {
  VerifyOptions options = Options();  // now = kTestNow + 60, leeway 30
  ClaimSet claims;
  claims.exp = options.now_unix - options.leeway_seconds;
  ExpectRejected(Sign(JwsAlg::kEdDSA, claims), "JwtExpired", options);
  claims.exp = options.now_unix - 3600;
  ExpectRejected(Sign(JwsAlg::kEdDSA, claims), "JwtExpired", options);
  claims.exp = options.now_unix - options.leeway_seconds + 1;
  EXPECT_TRUE(VerifyJwt(Sign(JwsAlg::kEdDSA, claims), AllKeys(), options).ok());
  claims.exp.reset();
  ExpectRejected(Sign(JwsAlg::kEdDSA, claims), "JwtExpired", options);
}

TEST(VerifyJwt, NotBeforeWithLeeway) {
  VerifyOptions options = Options();
  ClaimSet claims;
  claims.nbf = options.now_unix + options.leeway_seconds + 1;
  ExpectRejected(Sign(JwsAlg::kEdDSA, claims), "JwtNotYetValid", options);
  claims.nbf = options.now_unix + options.leeway_seconds;
  EXPECT_TRUE(VerifyJwt(Sign(JwsAlg::kEdDSA, claims), AllKeys(), options).ok());
  claims.nbf.reset();
  EXPECT_TRUE(VerifyJwt(Sign(JwsAlg::kEdDSA, claims), AllKeys(), options).ok());
}

TEST(VerifyJwt, ClaimTypeErrorsAreMalformedNotCrashes) {
  const SigningKey& key = *Keys().ec;
  for (std::string_view payload :
       {R"({"iss":1})", R"({"exp":"soon"})", R"({"aud":{}})", "[]", "", R"({"exp":1e999})"}) {
    Result<std::string> token = SignJwt(key, payload);
    ASSERT_TRUE(token.ok());
    ExpectRejected(*token, "JwtMalformed");
  }
}

TEST(VerifyJwt, UntrustedValuesInInternalAreSanitized) {
  std::string token = Sign(JwsAlg::kES256);
  std::string header =
      B64("{\"alg\":\"ES256\",\"kid\":\"a\\nb\\\"c" + std::string(200, 'x') + "\"}");
  Result<JwtClaims> claims =
      VerifyJwt(header + token.substr(token.find('.')), AllKeys(), Options());
  ASSERT_FALSE(claims.ok());
  const std::string& internal = claims.error().internal;
  EXPECT_EQ(internal.find('\n'), std::string::npos);
  EXPECT_LT(internal.size(), 120u) << internal;
}

}  // namespace
}  // namespace muster::jose
