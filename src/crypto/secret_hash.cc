#include "crypto/secret_hash.h"

#include <utility>

#include "core/base64.h"
#include "core/hex.h"
#include "crypto/digest.h"

namespace muster::crypto {
namespace {

constexpr size_t kHashBytes = 32;

}  // namespace

SecretHasher::SecretHasher(std::string pepper) : pepper_(std::move(pepper)) {}

std::string SecretHasher::Hash(std::string_view secret) const {
  return HexEncode(HmacSha256(pepper_, secret));
}

bool SecretHasher::Verify(std::string_view secret, std::string_view hex_hash) const {
  if (hex_hash.size() != 2 * kHashBytes) return false;
  std::optional<std::string> expected = HexDecode(hex_hash);
  if (!expected) return false;
  return ConstantTimeEquals(HmacSha256(pepper_, secret), *expected);
}

std::string GenerateSecret(Random& random, size_t bytes) {
  return Base64UrlEncode(random.Bytes(bytes));
}

}  // namespace muster::crypto
