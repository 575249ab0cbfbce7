#include <gtest/gtest.h>

#include "jose/internal/test_keys.h"
#include "jose/jwt.h"

namespace muster::jose {
namespace {

using test::B64;

const char kHeader[] = R"({"alg":"ES256","kid":"k1","typ":"JWT","x5t":"k1"})";

std::string Token(std::string_view header_json, std::string_view payload_json,
                  std::string_view signature = "sig") {
  return B64(header_json) + "." + B64(payload_json) + "." + B64(signature);
}

void ExpectMalformed(std::string_view token, std::string_view defect = "") {
  Result<ParsedJwt> parsed = ParseJwt(token);
  ASSERT_FALSE(parsed.ok()) << token.substr(0, 200);
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(parsed.error().reason, "invalid_token");
  EXPECT_EQ(parsed.error().internal.rfind("JwtMalformed: ", 0), 0u) << parsed.error().internal;
  EXPECT_NE(parsed.error().internal.find(defect), std::string::npos) << parsed.error().internal;
}

TEST(ParseJwt, ReadsHeaderClaimsAndSigningInput) {
  std::string payload = R"({"iss":"https://muster.example","aud":"api","exp":1800000000,)"
                        R"("nbf":1700000000,"iat":1700000001,"jti":"j","sub":"s",)"
                        R"("client_id":"c","scope":"a b  c","userorganisationidentifier":"org",)"
                        R"("vendorid":"v","applicationid":"app","applicationname":"App",)"
                        R"("custom":{"x":[1,true,null,"s"]},"n":1.5})";
  std::string token = Token(kHeader, payload, "\x01\x02\x03");
  Result<ParsedJwt> parsed = ParseJwt(token);
  ASSERT_TRUE(parsed.ok()) << parsed.error().internal;
  EXPECT_EQ(parsed->header.alg, "ES256");
  EXPECT_EQ(parsed->header.kid, "k1");
  EXPECT_EQ(parsed->header.typ, "JWT");
  EXPECT_EQ(parsed->header.x5t, "k1");
  const JwtClaims& c = parsed->claims;
  EXPECT_EQ(c.iss, "https://muster.example");
  EXPECT_EQ(c.aud, std::vector<std::string>{"api"});
  EXPECT_EQ(c.exp, 1800000000);
  EXPECT_TRUE(c.has_exp);
  EXPECT_EQ(c.nbf, 1700000000);
  EXPECT_TRUE(c.has_nbf);
  EXPECT_EQ(c.iat, 1700000001);
  EXPECT_EQ(c.jti, "j");
  EXPECT_EQ(c.sub, "s");
  EXPECT_EQ(c.client_id, "c");
  EXPECT_EQ(c.scope, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(c.userorganisationidentifier, "org");
  EXPECT_EQ(c.vendorid, "v");
  EXPECT_EQ(c.applicationid, "app");
  EXPECT_EQ(c.applicationname, "App");
  ASSERT_EQ(c.extra.size(), 2u);
  EXPECT_EQ(c.extra[0].first, "custom");
  EXPECT_EQ(c.extra[0].second, R"({"x":[1,true,null,"s"]})");
  EXPECT_EQ(c.extra[1].first, "n");
  EXPECT_EQ(c.extra[1].second, "1.5");
  EXPECT_EQ(parsed->signing_input, token.substr(0, token.rfind('.')));
  EXPECT_EQ(parsed->signature, "\x01\x02\x03");
}

TEST(ParseJwt, AcceptsArrayFormsAndFractionalDates) {
  Result<ParsedJwt> parsed =
      ParseJwt(Token(R"({"alg":"RS256"})", R"({"aud":["a","b"],"scope":["x y","z"],"exp":5.9})"));
  ASSERT_TRUE(parsed.ok()) << parsed.error().internal;
  EXPECT_EQ(parsed->claims.aud, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(parsed->claims.scope, (std::vector<std::string>{"x y", "z"}));
  EXPECT_EQ(parsed->claims.exp, 5);
  EXPECT_FALSE(parsed->claims.has_nbf);
  EXPECT_TRUE(parsed->header.kid.empty());
}

TEST(ParseJwt, AcceptsEmptySignatureSegment) {
  // Unsigned tokens parse; VerifyJwt is what refuses them.
  Result<ParsedJwt> parsed = ParseJwt(B64(R"({"alg":"none"})") + "." + B64("{}") + ".");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->signature, "");
}

TEST(ParseJwt, RejectsBadStructure) {
  std::string h = B64(kHeader), p = B64("{}");
  ExpectMalformed("", "segments");
  ExpectMalformed("abc", "segments");
  ExpectMalformed(h + "." + p, "segments");
  ExpectMalformed(h + "." + p + ".c.d", "segments");
  ExpectMalformed(h + "." + p + ".c.", "segments");
  ExpectMalformed("..", "header");
  ExpectMalformed(h + "..", "payload");
  ExpectMalformed(h + "=." + p + ".", "base64url");
  ExpectMalformed(h + "." + p + ".AA==", "base64url");
  ExpectMalformed(h + "." + p + ".a+b/", "base64url");
  ExpectMalformed(h + " ." + p + ".", "base64url");
  ExpectMalformed(h + "." + p + ".A", "base64url");  // impossible length
  ExpectMalformed(std::string(16 * 1024 + 1, 'a'), "16 KiB");
  ExpectMalformed(h + "." + B64(std::string(12 * 1024, ' ') + "{}") + ".", "16 KiB");
}

TEST(ParseJwt, RejectsBadHeaders) {
  ExpectMalformed(Token("not json", "{}"), "header JSON");
  ExpectMalformed(Token("[]", "{}"), "not an object");
  ExpectMalformed(Token("\"alg\"", "{}"), "not an object");
  ExpectMalformed(Token("{}", "{}"), "no alg");
  ExpectMalformed(Token(R"({"alg":256})", "{}"), "not a string");
  ExpectMalformed(Token(R"({"alg":null})", "{}"), "not a string");
  ExpectMalformed(Token(R"({"alg":"ES256","kid":7})", "{}"), "not a string");
  ExpectMalformed(Token(R"({"alg":"ES256","typ":{}})", "{}"), "not a string");
  ExpectMalformed(Token(R"({"alg":"ES256","x5t":["a"]})", "{}"), "not a string");
  ExpectMalformed(Token(R"({"alg":"ES256","crit":["exp"]})", "{}"), "crit");
  ExpectMalformed(Token(R"({"alg":"none","alg":"ES256"})", "{}"), "duplicate");
  ExpectMalformed(Token(R"({"alg":"ES256"} x)", "{}"), "header JSON");
  ExpectMalformed(Token(std::string(R"({"alg":"ES256"})") + '\0' + "x", "{}"), "NUL");
  ExpectMalformed(Token("{\"alg\":\"ES\xff\"}", "{}"), "header JSON");  // invalid UTF-8
}

TEST(ParseJwt, RejectsBadPayloads) {
  ExpectMalformed(Token(kHeader, ""), "payload JSON");
  ExpectMalformed(Token(kHeader, "null"), "not an object");
  ExpectMalformed(Token(kHeader, "[1]"), "not an object");
  ExpectMalformed(Token(kHeader, R"({"exp":1,"exp":2})"), "duplicate");
  ExpectMalformed(Token(kHeader, std::string(40, '[') + std::string(40, ']')), "deeply");
  ExpectMalformed(Token(kHeader, R"({"a":)" + std::string(33, '[') + std::string(33, ']') + "}"),
                  "deeply");
  ExpectMalformed(Token(kHeader, "{\"sub\":\"\xc3\x28\"}"), "payload JSON");
}

TEST(ParseJwt, DepthLimitIgnoresBracketsInStrings) {
  std::string payload = R"({"x":")" + std::string(100, '[') + R"(\"{{{"})";
  Result<ParsedJwt> parsed = ParseJwt(Token(kHeader, payload));
  ASSERT_TRUE(parsed.ok()) << parsed.error().internal;
}

TEST(ParseJwt, RejectsClaimsOfTheWrongType) {
  for (std::string_view payload : {R"({"exp":"1800000000"})",
                                   R"({"exp":true})",
                                   R"({"exp":null})",
                                   R"({"exp":[1]})",
                                   R"({"exp":1e300})",
                                   R"({"exp":18446744073709551615})",
                                   R"({"nbf":"x"})",
                                   R"({"iat":{}})",
                                   R"({"iss":1})",
                                   R"({"iss":null})",
                                   R"({"sub":["s"]})",
                                   R"({"aud":1})",
                                   R"({"aud":["a",1]})",
                                   R"({"aud":[["a"]]})",
                                   R"({"aud":null})",
                                   R"({"scope":{"a":1}})",
                                   R"({"scope":["a",null]})",
                                   R"({"client_id":false})",
                                   R"({"jti":2})",
                                   R"({"userorganisationidentifier":1})",
                                   R"({"vendorid":{}})",
                                   R"({"applicationid":[]})",
                                   R"({"applicationname":0})"}) {
    ExpectMalformed(Token(kHeader, payload), "wrong type");
  }
}

TEST(ParseJwt, KeepsEmbeddedNulInStrings) {
  Result<ParsedJwt> parsed = ParseJwt(Token(kHeader, R"({"sub":"a\u0000b"})"));
  ASSERT_TRUE(parsed.ok()) << parsed.error().internal;
  EXPECT_EQ(parsed->claims.sub, std::string("a\0b", 3));
}

}  // namespace
}  // namespace muster::jose
