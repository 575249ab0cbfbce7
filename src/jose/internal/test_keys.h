#pragma once

// Test-only: one generated key per algorithm, shared by a test binary (RSA generation is
// slow), plus small token-building helpers.

#include <memory>
#include <string>
#include <string_view>

#include "core/base64.h"
#include "jose/signing_key.h"

namespace muster::jose::test {

inline constexpr int64_t kTestNow = 1'767'225'600;  // 2026-01-01T00:00:00Z

struct TestKeys {
  std::shared_ptr<const SigningKey> rsa, ec, ed;
  std::shared_ptr<const SigningKey> rsa2, ec2, ed2;  // second key of each alg

  const std::shared_ptr<const SigningKey>& For(JwsAlg alg, bool second = false) const {
    switch (alg) {
      case JwsAlg::kRS256:
        return second ? rsa2 : rsa;
      case JwsAlg::kES256:
        return second ? ec2 : ec;
      case JwsAlg::kEdDSA:
        break;
    }
    return second ? ed2 : ed;
  }
};

inline std::shared_ptr<const SigningKey> MakeKey(JwsAlg alg, const std::string& subject) {
  auto key = SigningKey::Generate(alg, subject, kTestNow, 90);
  if (!key.ok()) std::abort();
  return std::shared_ptr<const SigningKey>(std::move(key).value());
}

inline const TestKeys& Keys() {
  static const TestKeys* keys = new TestKeys{MakeKey(JwsAlg::kRS256, "muster test rs256"),
                                             MakeKey(JwsAlg::kES256, "muster test es256"),
                                             MakeKey(JwsAlg::kEdDSA, "muster test eddsa"),
                                             MakeKey(JwsAlg::kRS256, "muster test rs256 b"),
                                             MakeKey(JwsAlg::kES256, "muster test es256 b"),
                                             MakeKey(JwsAlg::kEdDSA, "muster test eddsa b")};
  return *keys;
}

inline std::string B64(std::string_view bytes) { return Base64UrlEncode(bytes); }

}  // namespace muster::jose::test
