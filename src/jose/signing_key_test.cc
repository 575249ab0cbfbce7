#include "jose/signing_key.h"

#include <gtest/gtest.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <rapidjson/document.h>

#include <atomic>
#include <thread>
#include <vector>

#include "core/base64.h"
#include "crypto/digest.h"
#include "jose/internal/certificate.h"
#include "jose/internal/ossl.h"
#include "jose/internal/test_keys.h"

namespace muster::jose {
namespace {

using internal::BioPtr;
using internal::EvpPkeyPtr;
using internal::X509Ptr;
using test::B64;
using test::Keys;
using test::kTestNow;
using test::TestKeys;

constexpr JwsAlg kAllAlgs[] = {JwsAlg::kRS256, JwsAlg::kES256, JwsAlg::kEdDSA};

X509Ptr ParseCert(const std::string& pem) {
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  return X509Ptr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

std::string Der(X509* cert) { return internal::CertificateDer(cert); }

// Verifies with plain OpenSSL from the certificate PEM, independently of SigningKey.
bool IndependentVerify(JwsAlg alg, const std::string& cert_pem, std::string_view input,
                       std::string signature) {
  X509Ptr cert = ParseCert(cert_pem);
  if (!cert) return false;
  if (alg == JwsAlg::kES256) {  // R||S → DER, written out here on purpose
    if (signature.size() != 64) return false;
    ECDSA_SIG* sig = ECDSA_SIG_new();
    ECDSA_SIG_set0(sig, BN_bin2bn(internal::Uchars(signature), 32, nullptr),
                   BN_bin2bn(internal::Uchars(signature) + 32, 32, nullptr));
    unsigned char* der = nullptr;
    int len = i2d_ECDSA_SIG(sig, &der);
    signature.assign(reinterpret_cast<char*>(der), static_cast<size_t>(len));
    OPENSSL_free(der);
    ECDSA_SIG_free(sig);
  }
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  const EVP_MD* md = alg == JwsAlg::kEdDSA ? nullptr : EVP_sha256();
  bool ok = EVP_DigestVerifyInit(ctx, nullptr, md, nullptr, X509_get0_pubkey(cert.get())) == 1 &&
            EVP_DigestVerify(ctx, internal::Uchars(signature), signature.size(),
                             internal::Uchars(input), input.size()) == 1;
  EVP_MD_CTX_free(ctx);
  ERR_clear_error();
  return ok;
}

TEST(JwsAlgNames, RoundTripAndRejectOthers) {
  for (JwsAlg alg : kAllAlgs) {
    Result<JwsAlg> parsed = ParseJwsAlg(ToString(alg));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, alg);
  }
  for (std::string_view bad : {"none", "rs256", "HS256", "", "ES256K", "RS256 "}) {
    EXPECT_FALSE(ParseJwsAlg(bad).ok()) << bad;
  }
}

TEST(SigningKey, KidIsX5tIsSha1ThumbprintOfTheCertificate) {
  for (JwsAlg alg : kAllAlgs) {
    const SigningKey& key = *Keys().For(alg);
    X509Ptr cert = ParseCert(key.CertificatePem());
    ASSERT_TRUE(cert);
    EXPECT_EQ(key.alg(), alg);
    EXPECT_EQ(key.x5t(), B64(crypto::Sha1(Der(cert.get()))));
    EXPECT_EQ(key.kid(), key.x5t());
    EXPECT_EQ(key.x5t().size(), 27u);
  }
  EXPECT_NE(Keys().rsa->kid(), Keys().rsa2->kid());
}

TEST(SigningKey, EncodedHeaderIsExactlyTheSortedHeader) {
  for (JwsAlg alg : kAllAlgs) {
    const SigningKey& key = *Keys().For(alg);
    std::string expected = std::string("{\"alg\":\"") + ToString(alg) + "\",\"kid\":\"" +
                           key.kid() + "\",\"typ\":\"JWT\",\"x5t\":\"" + key.x5t() + "\"}";
    EXPECT_EQ(key.EncodedHeader(), B64(expected));
    EXPECT_EQ(key.EncodedHeader().find('='), std::string::npos);
  }
}

TEST(SigningKey, CertificateIsSelfSignedV3WithRequestedValidity) {
  for (JwsAlg alg : kAllAlgs) {
    const SigningKey& key = *Keys().For(alg);
    X509Ptr cert = ParseCert(key.CertificatePem());
    ASSERT_TRUE(cert);
    EXPECT_EQ(X509_get_version(cert.get()), X509_VERSION_3);
    EXPECT_EQ(X509_NAME_cmp(X509_get_subject_name(cert.get()), X509_get_issuer_name(cert.get())),
              0);
    char cn[128];
    X509_NAME_get_text_by_NID(X509_get_subject_name(cert.get()), NID_commonName, cn, sizeof cn);
    EXPECT_EQ(std::string(cn), std::string("muster test ") + (alg == JwsAlg::kRS256   ? "rs256"
                                                              : alg == JwsAlg::kES256 ? "es256"
                                                                                      : "eddsa"));
    int days = 0, secs = 0;
    ASSERT_EQ(ASN1_TIME_diff(&days, &secs, X509_get0_notBefore(cert.get()),
                             X509_get0_notAfter(cert.get())),
              1);
    EXPECT_EQ(days, 90);
    EXPECT_EQ(secs, 0);
    ASN1_TIME* expected_start = ASN1_TIME_set(nullptr, kTestNow);
    EXPECT_EQ(ASN1_TIME_compare(X509_get0_notBefore(cert.get()), expected_start), 0);
    ASN1_TIME_free(expected_start);
    EXPECT_EQ(X509_verify(cert.get(), X509_get0_pubkey(cert.get())), 1);
    EXPECT_EQ(X509_check_ca(cert.get()), 0);
    const ASN1_INTEGER* serial = X509_get0_serialNumber(cert.get());
    EXPECT_EQ(ASN1_STRING_type(serial), V_ASN1_INTEGER);  // positive
    EXPECT_GE(ASN1_STRING_length(serial), 15);
  }
}

TEST(SigningKey, PrivateKeyPemIsPkcs8) {
  for (JwsAlg alg : kAllAlgs) {
    std::string pem = Keys().For(alg)->PrivateKeyPem();
    EXPECT_EQ(pem.rfind("-----BEGIN PRIVATE KEY-----\n", 0), 0u) << pem.substr(0, 40);
  }
}

rapidjson::Document ParseJwk(const SigningKey& key) {
  rapidjson::Document doc;
  std::string json = key.PublicJwkJson();
  doc.Parse(json.data(), json.size());
  EXPECT_FALSE(doc.HasParseError()) << json;
  return doc;
}

std::string Str(const rapidjson::Value& doc, const char* name) {
  return doc.HasMember(name) && doc[name].IsString() ? doc[name].GetString() : "<missing>";
}

std::string DecodedBytes(const rapidjson::Value& doc, const char* name) {
  return Base64UrlDecode(Str(doc, name)).value_or("<bad>");
}

void ExpectCommonJwkMembers(const SigningKey& key, const rapidjson::Document& jwk) {
  EXPECT_EQ(Str(jwk, "use"), "sig");
  EXPECT_EQ(Str(jwk, "alg"), ToString(key.alg()));
  EXPECT_EQ(Str(jwk, "kid"), key.kid());
  EXPECT_EQ(Str(jwk, "x5t"), key.x5t());
  ASSERT_TRUE(jwk.HasMember("x5c") && jwk["x5c"].IsArray() && jwk["x5c"].Size() == 1);
  X509Ptr cert = ParseCert(key.CertificatePem());
  EXPECT_EQ(Base64Decode(jwk["x5c"][0].GetString()).value_or(""), Der(cert.get()));
  EXPECT_NE(std::string(jwk["x5c"][0].GetString()).find_first_of("+/="), std::string::npos)
      << "x5c is standard base64, not base64url (this DER should need one of + / =)";
}

TEST(SigningKey, RsaJwkShape) {
  const SigningKey& key = *Keys().rsa;
  std::string json = key.PublicJwkJson();
  EXPECT_EQ(json.rfind("{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + key.kid() +
                           "\",\"x5t\":\"" + key.x5t() + "\",\"x5c\":[\"",
                       0),
            0u)
      << json;
  rapidjson::Document jwk = ParseJwk(key);
  ExpectCommonJwkMembers(key, jwk);
  EXPECT_EQ(Str(jwk, "e"), "AQAB");
  std::string n = DecodedBytes(jwk, "n");
  EXPECT_EQ(n.size(), 256u);
  EXPECT_TRUE(static_cast<uint8_t>(n[0]) & 0x80);
  EXPECT_EQ(jwk.MemberCount(), 8u);
}

TEST(SigningKey, EcJwkShape) {
  const SigningKey& key = *Keys().ec;
  rapidjson::Document jwk = ParseJwk(key);
  EXPECT_EQ(Str(jwk, "kty"), "EC");
  ExpectCommonJwkMembers(key, jwk);
  EXPECT_EQ(Str(jwk, "crv"), "P-256");
  EXPECT_EQ(DecodedBytes(jwk, "x").size(), 32u);
  EXPECT_EQ(DecodedBytes(jwk, "y").size(), 32u);
  EXPECT_EQ(jwk.MemberCount(), 9u);
  // x and y are the certificate's public point.
  X509Ptr cert = ParseCert(key.CertificatePem());
  unsigned char point[65];
  size_t len = 0;
  ASSERT_EQ(EVP_PKEY_get_octet_string_param(X509_get0_pubkey(cert.get()), "encoded-pub-key", point,
                                            sizeof point, &len),
            1);
  ASSERT_EQ(len, 65u);
  EXPECT_EQ(DecodedBytes(jwk, "x") + DecodedBytes(jwk, "y"),
            std::string(reinterpret_cast<char*>(point) + 1, 64));
}

TEST(SigningKey, OkpJwkShape) {
  const SigningKey& key = *Keys().ed;
  rapidjson::Document jwk = ParseJwk(key);
  EXPECT_EQ(Str(jwk, "kty"), "OKP");
  ExpectCommonJwkMembers(key, jwk);
  EXPECT_EQ(Str(jwk, "crv"), "Ed25519");
  EXPECT_EQ(DecodedBytes(jwk, "x").size(), 32u);
  EXPECT_FALSE(jwk.HasMember("y"));
  EXPECT_EQ(jwk.MemberCount(), 8u);
}

TEST(SigningKey, SignVerifyRoundTrip) {
  const size_t kSizes[] = {256, 64, 64};
  for (JwsAlg alg : kAllAlgs) {
    const SigningKey& key = *Keys().For(alg);
    const SigningKey& other = *Keys().For(alg, /*second=*/true);
    std::string input = key.EncodedHeader() + ".eyJzdWIiOiJ4In0";
    Result<std::string> sig = key.Sign(input);
    ASSERT_TRUE(sig.ok()) << sig.error().internal;
    EXPECT_EQ(sig->size(), kSizes[static_cast<int>(alg)]) << ToString(alg);
    EXPECT_TRUE(key.Verify(input, *sig));
    EXPECT_FALSE(key.Verify(input + "x", *sig));
    EXPECT_FALSE(other.Verify(input, *sig));
    std::string flipped = *sig;
    flipped[flipped.size() / 2] ^= 0x01;
    EXPECT_FALSE(key.Verify(input, flipped));
    EXPECT_FALSE(key.Verify(input, sig->substr(1)));
    EXPECT_FALSE(key.Verify(input, *sig + '\0'));
    EXPECT_FALSE(key.Verify(input, ""));
    EXPECT_EQ(ERR_peek_error(), 0u) << "failed verifies must not leave OpenSSL errors behind";
    EXPECT_TRUE(key.Verify(input, *sig)) << "the pool still works after failures";
  }
}

TEST(SigningKey, SignaturesVerifyIndependentlyFromTheCertificate) {
  for (JwsAlg alg : kAllAlgs) {
    const SigningKey& key = *Keys().For(alg);
    std::string input = key.EncodedHeader() + ".eyJpc3MiOiJodHRwczovL211c3RlciJ9";
    Result<std::string> sig = key.Sign(input);
    ASSERT_TRUE(sig.ok());
    EXPECT_TRUE(IndependentVerify(alg, key.CertificatePem(), input, *sig)) << ToString(alg);
    EXPECT_FALSE(IndependentVerify(alg, Keys().For(alg, true)->CertificatePem(), input, *sig));
  }
}

TEST(SigningKey, EcdsaSignaturesAreRandomizedButBothVerify) {
  const SigningKey& key = *Keys().ec;
  Result<std::string> a = key.Sign("input");
  Result<std::string> b = key.Sign("input");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
  EXPECT_TRUE(key.Verify("input", *a));
  EXPECT_TRUE(key.Verify("input", *b));
}

TEST(SigningKey, FromPemRoundTrip) {
  for (JwsAlg alg : kAllAlgs) {
    const SigningKey& key = *Keys().For(alg);
    Result<std::unique_ptr<SigningKey>> loaded =
        SigningKey::FromPem(alg, key.PrivateKeyPem(), key.CertificatePem());
    ASSERT_TRUE(loaded.ok()) << loaded.error().internal;
    const SigningKey& copy = **loaded;
    EXPECT_EQ(copy.kid(), key.kid());
    EXPECT_EQ(copy.x5t(), key.x5t());
    EXPECT_EQ(copy.EncodedHeader(), key.EncodedHeader());
    EXPECT_EQ(copy.PublicJwkJson(), key.PublicJwkJson());
    EXPECT_EQ(copy.PrivateKeyPem(), key.PrivateKeyPem());
    EXPECT_EQ(copy.CertificatePem(), key.CertificatePem());
    Result<std::string> sig = copy.Sign("payload");
    ASSERT_TRUE(sig.ok());
    EXPECT_TRUE(key.Verify("payload", *sig));
  }
}

void ExpectPemRejected(JwsAlg alg, std::string_view key_pem, std::string_view cert_pem,
                       const std::string& why) {
  Result<std::unique_ptr<SigningKey>> loaded = SigningKey::FromPem(alg, key_pem, cert_pem);
  ASSERT_FALSE(loaded.ok()) << why;
  EXPECT_EQ(loaded.error().code, ErrorCode::kInvalidArgument) << why;
  EXPECT_EQ(ERR_peek_error(), 0u) << why;
}

TEST(SigningKey, FromPemDetectsMismatches) {
  const TestKeys& k = Keys();
  ExpectPemRejected(JwsAlg::kRS256, k.rsa->PrivateKeyPem(), k.rsa2->CertificatePem(),
                    "certificate of another RSA key");
  ExpectPemRejected(JwsAlg::kES256, k.ec->PrivateKeyPem(), k.ec2->CertificatePem(),
                    "certificate of another EC key");
  ExpectPemRejected(JwsAlg::kEdDSA, k.ed->PrivateKeyPem(), k.ed2->CertificatePem(),
                    "certificate of another Ed25519 key");
  ExpectPemRejected(JwsAlg::kES256, k.rsa->PrivateKeyPem(), k.rsa->CertificatePem(),
                    "RSA key as ES256");
  ExpectPemRejected(JwsAlg::kRS256, k.ec->PrivateKeyPem(), k.ec->CertificatePem(),
                    "EC key as RS256");
  ExpectPemRejected(JwsAlg::kEdDSA, k.ec->PrivateKeyPem(), k.ec->CertificatePem(),
                    "EC key as EdDSA");
  ExpectPemRejected(JwsAlg::kRS256, k.rsa->PrivateKeyPem(), k.ec->CertificatePem(),
                    "certificate of another key type");
  ExpectPemRejected(JwsAlg::kRS256, "garbage", k.rsa->CertificatePem(), "garbage key");
  ExpectPemRejected(JwsAlg::kRS256, k.rsa->PrivateKeyPem(), "garbage", "garbage certificate");
  ExpectPemRejected(JwsAlg::kRS256, k.rsa->CertificatePem(), k.rsa->PrivateKeyPem(), "swapped");
  ExpectPemRejected(JwsAlg::kRS256, "", "", "empty");
}

TEST(SigningKey, FromPemRefusesEncryptedKeysWithoutPrompting) {
  EvpPkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  BioPtr bio(BIO_new(BIO_s_mem()));
  char pass[] = "passphrase";
  ASSERT_EQ(PEM_write_bio_PKCS8PrivateKey(bio.get(), key.get(), EVP_aes_256_cbc(), pass,
                                          sizeof pass - 1, nullptr, nullptr),
            1);
  auto cert = internal::MakeSelfSignedCertificate(key.get(), JwsAlg::kES256, "enc", kTestNow, 1);
  ASSERT_TRUE(cert.ok());
  BioPtr cert_bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_X509(cert_bio.get(), cert->get());
  ExpectPemRejected(JwsAlg::kES256, internal::BioContents(bio.get()),
                    internal::BioContents(cert_bio.get()), "encrypted key");
}

TEST(SigningKey, FromPemRefusesShortRsaKeys) {
  EvpPkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{1024}));
  auto cert = internal::MakeSelfSignedCertificate(key.get(), JwsAlg::kRS256, "weak", kTestNow, 1);
  ASSERT_TRUE(cert.ok());
  BioPtr key_bio(BIO_new(BIO_s_mem()));
  BioPtr cert_bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_PKCS8PrivateKey(key_bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  PEM_write_bio_X509(cert_bio.get(), cert->get());
  ExpectPemRejected(JwsAlg::kRS256, internal::BioContents(key_bio.get()),
                    internal::BioContents(cert_bio.get()), "RSA 1024");
}

TEST(SigningKey, GenerateRejectsBadValidity) {
  EXPECT_FALSE(SigningKey::Generate(JwsAlg::kES256, "x", kTestNow, 0).ok());
  EXPECT_FALSE(SigningKey::Generate(JwsAlg::kES256, "x", kTestNow, -5).ok());
  EXPECT_FALSE(SigningKey::Generate(JwsAlg::kES256, std::string(65, 'x'), kTestNow, 1).ok());
  EXPECT_EQ(ERR_peek_error(), 0u);
}

TEST(SigningKey, ConcurrentSignAndVerify) {
  for (JwsAlg alg : {JwsAlg::kES256, JwsAlg::kEdDSA}) {
    const SigningKey& key = *Keys().For(alg);
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&key, &failures, t] {
        for (int i = 0; i < 50; ++i) {
          std::string input = "thread " + std::to_string(t) + " message " + std::to_string(i);
          Result<std::string> sig = key.Sign(input);
          if (!sig.ok() || !key.Verify(input, *sig) || key.Verify(input + "!", *sig)) ++failures;
        }
      });
    }
    for (std::thread& thread : threads) thread.join();
    EXPECT_EQ(failures.load(), 0) << ToString(alg);
  }
}

}  // namespace
}  // namespace muster::jose
