// Token signing and verification costs (identity.md §6). Run:
//   build/bench/jose_bench --benchmark_min_time=0.5 --benchmark_repetitions=10
//       --benchmark_report_aggregates_only=true   (one command line)
// BM_RawSignFreshContext is the baseline a naive implementation pays per token
// (EVP_DigestSignInit on every call); BM_KeySign is SigningKey::Sign with its context pool.

#include <benchmark/benchmark.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "core/base64.h"
#include "jose/jwt.h"
#include "jose/signing_key.h"

namespace muster::jose {
namespace {

constexpr int64_t kNow = 1'767'225'600;

// A realistic DeX access-token claim set (459 bytes).
const std::string kClaims =
    R"({"iss":"https://muster.example.se/sts","nbf":1767225600,"iat":1767225600,)"
    R"("exp":1767229200,"aud":"https://api.muster.example.se/ims/oneroster",)"
    R"("scope":["oneroster-core.readonly"],"client_id":"c2f0d9b4-6a1e-4f3b-9d2a-7e5c1b8a4f60",)"
    R"("userorganisationidentifier":"SE2120001355","vendorid":"3f8e2a71-5c4d-4b9e-a0f1-6d2c7b9e8a13",)"
    R"("applicationid":"b7d41e92-0c6f-4a8b-9e3d-2f1a5c7e9b04","applicationname":"Digitala läromedel",)"
    R"("jti":"9F86D081884C7D659A2FEAA0C55AD015"})";

const std::shared_ptr<const SigningKey>& Key(JwsAlg alg) {
  static const auto* keys = [] {
    auto* k = new std::shared_ptr<const SigningKey>[3];
    for (JwsAlg a : {JwsAlg::kRS256, JwsAlg::kES256, JwsAlg::kEdDSA}) {
      auto key = SigningKey::Generate(a, "muster bench", kNow, 90);
      if (!key.ok()) std::abort();
      k[static_cast<int>(a)] = std::move(key).value();
    }
    return k;
  }();
  return keys[static_cast<int>(alg)];
}

JwsAlg AlgOf(const benchmark::State& state) { return static_cast<JwsAlg>(state.range(0)); }

// The minimum over repetitions is the least disturbed figure on a shared machine.
double Min(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }

void ApplyAlgs(benchmark::internal::Benchmark* b) {
  b->ComputeStatistics("min", Min);
  b->ArgName("alg");
  for (int alg = 0; alg < 3; ++alg) b->Arg(alg);
}

void BM_SignJwt(benchmark::State& state) {
  const SigningKey& key = *Key(AlgOf(state));
  state.SetLabel(ToString(key.alg()));
  for (auto _ : state) {
    Result<std::string> token = SignJwt(key, kClaims);
    benchmark::DoNotOptimize(token);
  }
}
BENCHMARK(BM_SignJwt)->Apply(ApplyAlgs);
// Two threads sharing one key: the context pool must not serialize them.
BENCHMARK(BM_SignJwt)->Apply(ApplyAlgs)->Threads(2)->UseRealTime();

void BM_KeySign(benchmark::State& state) {
  const SigningKey& key = *Key(AlgOf(state));
  state.SetLabel(ToString(key.alg()));
  std::string input = key.EncodedHeader() + "." + Base64UrlEncode(kClaims);
  for (auto _ : state) {
    Result<std::string> signature = key.Sign(input);
    benchmark::DoNotOptimize(signature);
  }
}
BENCHMARK(BM_KeySign)->Apply(ApplyAlgs);

// Baseline: the same signature with a fresh EVP_MD_CTX + EVP_DigestSignInit per call (no
// R||S conversion for ES256, so it slightly flatters the baseline).
void BM_RawSignFreshContext(benchmark::State& state) {
  const SigningKey& key = *Key(AlgOf(state));
  state.SetLabel(ToString(key.alg()));
  std::string pem = key.PrivateKeyPem();
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  EVP_PKEY* pkey = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  const EVP_MD* md = key.alg() == JwsAlg::kEdDSA ? nullptr : EVP_sha256();
  std::string input = key.EncodedHeader() + "." + Base64UrlEncode(kClaims);
  unsigned char signature[512];
  for (auto _ : state) {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    size_t size = sizeof signature;
    if (EVP_DigestSignInit(ctx, nullptr, md, nullptr, pkey) != 1 ||
        EVP_DigestSign(ctx, signature, &size, reinterpret_cast<const unsigned char*>(input.data()),
                       input.size()) != 1) {
      state.SkipWithError("EVP_DigestSign failed");
    }
    EVP_MD_CTX_free(ctx);
    benchmark::DoNotOptimize(signature);
  }
  EVP_PKEY_free(pkey);
}
BENCHMARK(BM_RawSignFreshContext)->Apply(ApplyAlgs);

void BM_VerifyJwt(benchmark::State& state) {
  std::shared_ptr<const SigningKey> key = Key(AlgOf(state));
  state.SetLabel(ToString(key->alg()));
  std::string token = *SignJwt(*key, kClaims);
  KeyLookup lookup = [&key](std::string_view kid) {
    return kid == key->kid() ? key : std::shared_ptr<const SigningKey>();
  };
  VerifyOptions options;
  options.issuer = "https://muster.example.se/sts";
  options.audience = "https://api.muster.example.se/ims/oneroster";
  options.now_unix = kNow + 60;
  for (auto _ : state) {
    Result<JwtClaims> claims = VerifyJwt(token, lookup, options);
    if (!claims.ok()) state.SkipWithError(claims.error().internal.c_str());
    benchmark::DoNotOptimize(claims);
  }
}
BENCHMARK(BM_VerifyJwt)->Apply(ApplyAlgs);

void BM_ParseJwt(benchmark::State& state) {
  std::string token = *SignJwt(*Key(JwsAlg::kES256), kClaims);
  for (auto _ : state) {
    Result<ParsedJwt> parsed = ParseJwt(token);
    benchmark::DoNotOptimize(parsed);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * token.size()));
}
BENCHMARK(BM_ParseJwt)->ComputeStatistics("min", Min);

void BM_Base64UrlPayload(benchmark::State& state) {
  for (auto _ : state) {
    std::string encoded = Base64UrlEncode(kClaims);
    benchmark::DoNotOptimize(encoded);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * kClaims.size()));
  state.counters["payload_bytes"] = static_cast<double>(kClaims.size());
}
BENCHMARK(BM_Base64UrlPayload)->ComputeStatistics("min", Min);

}  // namespace
}  // namespace muster::jose
