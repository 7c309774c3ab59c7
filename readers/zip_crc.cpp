// CRC-32 by carry-less multiplication: the method of Gopal et al., "Fast CRC Computation for Generic
// Polynomials Using PCLMULQDQ Instruction" (Intel, 2009), for the bit-reflected polynomial
// 0xEDB88320. The constants are powers of x modulo that polynomial (bit-reflected, shifted by one):
// k1 = x^(4*128+32), k2 = x^(4*128-32) fold 512 bits ahead; k3 = x^(128+32), k4 = x^(128-32) fold
// 128 bits; k5 = x^64 folds 64 to 32; mu and P (with its x^32 term) reduce to 32 bits (Barrett).
#include "readers/zip_crc.h"

#include <zlib.h>

#include <climits>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define JIXIAO_CLMUL 1
#endif

namespace jixiao {

namespace {

uint32_t crc_zlib(uint32_t crc, const unsigned char* p, size_t n) {
  while (n > 0) {  // crc32_z takes a z_size_t; crc32 an unsigned int: stay with the portable one
    const unsigned chunk = static_cast<unsigned>(n < (1u << 30) ? n : (1u << 30));
    crc = static_cast<uint32_t>(crc32(crc, p, chunk));
    p += chunk;
    n -= chunk;
  }
  return crc;
}

#if JIXIAO_CLMUL
#define JIXIAO_CLMUL_FN __attribute__((target("pclmul,sse4.1")))

JIXIAO_CLMUL_FN inline __m128i load(const unsigned char* at) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
}

// a times x^(the fold's distance), plus b: the product split over k's two halves.
JIXIAO_CLMUL_FN inline __m128i step(__m128i a, __m128i k, __m128i b) {
  return _mm_xor_si128(_mm_xor_si128(_mm_clmulepi64_si128(a, k, 0x00), _mm_clmulepi64_si128(a, k, 0x11)), b);
}

// The raw register (not inverted) after n bytes, n a multiple of 16 and at least 64.
JIXIAO_CLMUL_FN uint32_t fold(uint32_t reg, const unsigned char* p, size_t n) {
  const __m128i k1k2 = _mm_set_epi64x(0x1c6e41596, 0x154442bd4);
  const __m128i k3k4 = _mm_set_epi64x(0x0ccaa009e, 0x1751997d0);
  const __m128i k5 = _mm_set_epi64x(0, 0x163cd6124);
  const __m128i poly = _mm_set_epi64x(0x1f7011641, 0x1db710641);  // mu, P
  const __m128i low32 = _mm_setr_epi32(-1, 0, -1, 0);
  __m128i x0 = _mm_xor_si128(load(p), _mm_cvtsi32_si128(static_cast<int>(reg)));
  __m128i x1 = load(p + 16), x2 = load(p + 32), x3 = load(p + 48);
  p += 64;
  n -= 64;
  for (; n >= 64; p += 64, n -= 64) {
    x0 = step(x0, k1k2, load(p));
    x1 = step(x1, k1k2, load(p + 16));
    x2 = step(x2, k1k2, load(p + 32));
    x3 = step(x3, k1k2, load(p + 48));
  }
  x0 = step(x0, k3k4, x1);
  x0 = step(x0, k3k4, x2);
  x0 = step(x0, k3k4, x3);
  for (; n >= 16; p += 16, n -= 16) x0 = step(x0, k3k4, load(p));
  // 128 -> 64 bits
  x0 = _mm_xor_si128(_mm_srli_si128(x0, 8), _mm_clmulepi64_si128(x0, k3k4, 0x10));
  // 64 -> 32 bits
  x0 = _mm_xor_si128(_mm_srli_si128(x0, 4), _mm_clmulepi64_si128(_mm_and_si128(x0, low32), k5, 0x00));
  // Barrett reduction
  __m128i t = _mm_clmulepi64_si128(_mm_and_si128(x0, low32), poly, 0x10);
  t = _mm_clmulepi64_si128(_mm_and_si128(t, low32), poly, 0x00);
  return static_cast<uint32_t>(_mm_extract_epi32(_mm_xor_si128(x0, t), 1));
}

bool has_clmul() {
  static const bool yes = __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("sse4.1");
  return yes;
}
#endif

}  // namespace

uint32_t crc32_update(uint32_t crc, const void* data, size_t size) {
  auto p = static_cast<const unsigned char*>(data);
#if JIXIAO_CLMUL
  if (size >= 64 && has_clmul()) {
    const size_t whole = size & ~size_t{15};
    crc = ~fold(~crc, p, whole);
    p += whole;
    size -= whole;
  }
#endif
  return crc_zlib(crc, p, size);
}

}  // namespace jixiao
