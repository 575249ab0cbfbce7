# JWS/JWT micro-benchmarks (sign, verify, base64url). Run: build/bench/jose_bench
muster_bench(jose_bench
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/jose_bench.cc
  DEPS muster_jose OpenSSL::Crypto)
