// Cross-checks SigningKey output with the openssl command-line tool, an implementation
// that shares no code with ours beyond libcrypto. Skipped when the tool is not installed.

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "jose/internal/test_keys.h"
#include "jose/signing_key.h"

namespace muster::jose {
namespace {

using test::Keys;

constexpr JwsAlg kAllAlgs[] = {JwsAlg::kRS256, JwsAlg::kES256, JwsAlg::kEdDSA};

class OpensslCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (std::system("openssl version >/dev/null 2>&1") != 0) GTEST_SKIP() << "no openssl CLI";
    std::string tmpl = (std::filesystem::temp_directory_path() / "muster_jose_XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  std::string Put(const std::string& name, std::string_view content) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  std::filesystem::path dir_;
};

TEST_F(OpensslCliTest, Rs256SignatureVerifiesWithOpensslDgst) {
  const SigningKey& key = *Keys().rsa;
  std::string input = key.EncodedHeader() + ".eyJpc3MiOiJodHRwczovL211c3RlciJ9";
  Result<std::string> sig = key.Sign(input);
  ASSERT_TRUE(sig.ok());
  std::string cert = Put("cert.pem", key.CertificatePem());
  std::string pub = (dir_ / "pub.pem").string();
  std::string in = Put("input", input);
  std::string sig_path = Put("sig", *sig);
  ASSERT_EQ(std::system(("openssl x509 -in " + cert + " -pubkey -noout > " + pub).c_str()), 0);
  std::string verify = "openssl dgst -sha256 -verify " + pub + " -signature ";
  EXPECT_EQ(std::system((verify + sig_path + " " + in + " >/dev/null").c_str()), 0);
  std::string bad = *sig;
  bad[7] ^= 0x20;
  std::string bad_path = Put("bad", bad);
  EXPECT_NE(std::system((verify + bad_path + " " + in + " >/dev/null 2>&1").c_str()), 0);
}

TEST_F(OpensslCliTest, EdDsaSignatureVerifiesWithOpensslPkeyutl) {
  const SigningKey& key = *Keys().ed;
  std::string input = key.EncodedHeader() + ".eyJpc3MiOiJodHRwczovL211c3RlciJ9";
  Result<std::string> sig = key.Sign(input);
  ASSERT_TRUE(sig.ok());
  std::string cert = Put("cert.pem", key.CertificatePem());
  std::string in = Put("input", input);
  std::string sig_path = Put("sig", *sig);
  EXPECT_EQ(std::system(("openssl pkeyutl -verify -certin -inkey " + cert + " -rawin -in " + in +
                         " -sigfile " + sig_path + " >/dev/null")
                            .c_str()),
            0);
}

TEST_F(OpensslCliTest, OpensslAcceptsThePrivateKeyAndCertificate) {
  for (JwsAlg alg : kAllAlgs) {
    const SigningKey& key = *Keys().For(alg);
    std::string pem = Put("key.pem", key.PrivateKeyPem());
    std::string cert = Put("cert.pem", key.CertificatePem());
    EXPECT_EQ(std::system(("openssl pkey -in " + pem +
                           " -check -noout >/dev/null 2>&1 || "
                           "openssl pkey -in " +
                           pem + " -noout")
                              .c_str()),
              0)
        << ToString(alg);
    EXPECT_EQ(std::system(("openssl verify -no_check_time -CAfile " + cert + " -partial_chain " +
                           cert + " >/dev/null")
                              .c_str()),
              0)
        << ToString(alg);
  }
}

}  // namespace
}  // namespace muster::jose
