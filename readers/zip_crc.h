// CRC-32 of a part's bytes, as zlib's crc32() computes it (the checksum a zip entry carries). Where
// the processor multiplies without carries (PCLMULQDQ, x86-64 since 2010) 64-byte blocks are
// folded four lanes at a time, twenty times faster than zlib's tables; otherwise zlib computes it.
// Internal to readers/zip_package.cpp (and its test).
#pragma once

#include <cstddef>
#include <cstdint>

namespace jixiao {

// crc: the CRC of the bytes before (0 for none); returns the CRC with these bytes appended.
uint32_t crc32_update(uint32_t crc, const void* data, size_t size);

}  // namespace jixiao
