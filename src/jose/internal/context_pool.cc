#include "jose/internal/context_pool.h"

#include <utility>

namespace muster::jose::internal {

ContextPool::ContextPool(EVP_PKEY* key, bool prehashed, KeyOp op)
    : key_(key), prehashed_(prehashed), op_(op) {}

ContextPool::Lease ContextPool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!idle_.empty()) {
      std::unique_ptr<PreparedOp> op = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(op));
    }
  }
  return Lease(this, Prepare());
}

void ContextPool::Return(std::unique_ptr<PreparedOp> op) {
  std::lock_guard<std::mutex> lock(mu_);
  if (idle_.size() < kMaxIdle) idle_.push_back(std::move(op));
}

std::unique_ptr<PreparedOp> ContextPool::Prepare() const {
  auto op = std::make_unique<PreparedOp>();
  if (prehashed_) {
    op->pkey_ctx.reset(EVP_PKEY_CTX_new_from_pkey(nullptr, key_, nullptr));
    if (!op->pkey_ctx) return nullptr;
    int init = op_ == KeyOp::kSign ? EVP_PKEY_sign_init(op->pkey_ctx.get())
                                   : EVP_PKEY_verify_init(op->pkey_ctx.get());
    if (init != 1 || EVP_PKEY_CTX_set_signature_md(op->pkey_ctx.get(), EVP_sha256()) != 1) {
      return nullptr;
    }
  } else {
    op->md_ctx.reset(EVP_MD_CTX_new());
    if (!op->md_ctx) return nullptr;
    int init = op_ == KeyOp::kSign
                   ? EVP_DigestSignInit(op->md_ctx.get(), nullptr, nullptr, nullptr, key_)
                   : EVP_DigestVerifyInit(op->md_ctx.get(), nullptr, nullptr, nullptr, key_);
    if (init != 1) return nullptr;
  }
  return op;
}

}  // namespace muster::jose::internal
