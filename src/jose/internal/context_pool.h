#pragma once

// ContextPool: ready-to-use OpenSSL operation contexts for one key, so the hot path neither
// decodes the key nor fetches algorithm implementations (EVP_DigestSignInit costs about
// 3 µs per call in OpenSSL 3; see bench/jose_bench.cc). A caller leases a context for one
// operation and the lease puts it back, so each context is used by one thread at a time and
// the pool holds about one context per concurrently signing thread.
// Thread-safe. The pool does not own the EVP_PKEY, which must outlive it; each context
// holds its own reference to the key.

#include <memory>
#include <mutex>
#include <vector>

#include "jose/internal/ossl.h"

namespace muster::jose::internal {

// RS256/ES256 use `pkey_ctx` (EVP_PKEY_sign_init/EVP_PKEY_verify_init with SHA-256 set;
// the caller passes the SHA-256 digest). EdDSA uses `md_ctx` (EVP_DigestSignInit /
// EVP_DigestVerifyInit without a digest; one-shot EVP_DigestSign/EVP_DigestVerify).
struct PreparedOp {
  EvpPkeyCtxPtr pkey_ctx;
  EvpMdCtxPtr md_ctx;
};

enum class KeyOp { kSign, kVerify };

class ContextPool {
 public:
  // `prehashed`: true for RS256/ES256 (pkey_ctx), false for EdDSA (md_ctx).
  ContextPool(EVP_PKEY* key, bool prehashed, KeyOp op);
  ContextPool(const ContextPool&) = delete;
  ContextPool& operator=(const ContextPool&) = delete;

  class Lease {
   public:
    Lease(ContextPool* pool, std::unique_ptr<PreparedOp> op) : pool_(pool), op_(std::move(op)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() {
      if (op_) pool_->Return(std::move(op_));
    }
    // Null when preparing a context failed (the OpenSSL error queue says why).
    PreparedOp* get() const { return op_.get(); }
    // Drops the context instead of returning it (after an OpenSSL error its state is unknown).
    void Discard() { op_.reset(); }

   private:
    ContextPool* pool_;
    std::unique_ptr<PreparedOp> op_;
  };

  Lease Acquire();

 private:
  static constexpr size_t kMaxIdle = 64;

  std::unique_ptr<PreparedOp> Prepare() const;
  void Return(std::unique_ptr<PreparedOp> op);

  EVP_PKEY* const key_;
  const bool prehashed_;
  const KeyOp op_;

  std::mutex mu_;
  std::vector<std::unique_ptr<PreparedOp>> idle_;  // GUARDED_BY(mu_)
};

}  // namespace muster::jose::internal
