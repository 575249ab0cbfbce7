#pragma once

// JWS (RFC 7518 §3.4) carries an ECDSA signature as R||S, each a fixed-width big-endian
// integer; OpenSSL produces and consumes the DER ECDSA-Sig-Value. These convert.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace muster::jose::internal {

// DER → R||S with each half left-padded to `component_bytes` (32 for P-256). nullopt if the
// DER is malformed, has trailing bytes, or a component does not fit.
std::optional<std::string> EcdsaDerToRaw(std::string_view der, size_t component_bytes);
// R||S (even, non-zero length) → DER.
std::optional<std::string> EcdsaRawToDer(std::string_view raw);

}  // namespace muster::jose::internal
