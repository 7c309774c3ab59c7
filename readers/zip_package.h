// Read access to an OPC package (the zip inside .xlsx/.docx) through libzip: parts by name,
// case-insensitively and with '\\' or a leading '/' tolerated, each inflated under a size limit.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace jixiao {

struct PackageLimits {
  // A part that inflates past this is refused (zip bomb). Default 512 MiB.
  uint64_t max_part_bytes = 512ull << 20;
};

// Inflates one part in chunks, refusing to go past the package's size limit.
class PartReader {
 public:
  ~PartReader();
  PartReader(PartReader&&) noexcept;
  // Up to cap bytes into dst; 0 at the end of the part.
  Expected<size_t> read(char* dst, size_t cap);
  const std::string& part() const { return part_; }
  const std::string& file() const { return zip_name_; }
  // The uncompressed size the archive declares (a hint only: it may lie), capped at the limit.
  uint64_t declared_size() const { return declared_; }

 private:
  friend class ZipPackage;
  PartReader() = default;
  struct Inflater;  // a deflated part: its compressed bytes through zlib (zip_package.cpp says why)
  Expected<size_t> read_deflated(char* dst, size_t cap);
  void* file_ = nullptr;  // zip_file_t
  std::unique_ptr<Inflater> inflater_;
  std::string zip_name_, part_;
  uint64_t limit_ = 0, total_ = 0, declared_ = 0;
};

// A part inflated on a thread of its own, a few chunks ahead of whoever reads it, so that
// inflating and what is done with the bytes (scanning a sheet's XML) run on two cores. Reads as the
// PartReader it takes would: the same bytes, then the same error where the reader failed.
class PartReadAhead {
 public:
  explicit PartReadAhead(PartReader&& reader);
  ~PartReadAhead();  // stops the thread, also when the part was not read to its end
  PartReadAhead(const PartReadAhead&) = delete;
  PartReadAhead& operator=(const PartReadAhead&) = delete;
  Expected<size_t> read(char* dst, size_t cap);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class ZipPackage {
 public:
  ~ZipPackage();
  ZipPackage(ZipPackage&&) noexcept;
  ZipPackage& operator=(ZipPackage&&) noexcept;

  // file: used in messages. The bytes must outlive the package (open_memory does not copy).
  static Expected<ZipPackage> open_file(const std::string& path, PackageLimits limits = {});
  static Expected<ZipPackage> open_memory(const void* data, size_t size, std::string file,
                                          PackageLimits limits = {});

  // The stored name of a part matching name ("xl/Workbook.xml", "/xl/workbook.xml",
  // "xl\\workbook.xml" all find "xl/workbook.xml"), with any '\\' the archive stored read as '/';
  // empty when absent.
  std::string find(std::string_view name) const;
  bool has(std::string_view name) const { return !find(name).empty(); }
  std::vector<std::string> part_names() const;
  // Inflates a part. Errors name the file and part: missing, damaged, over the limit.
  Expected<std::string> read(std::string_view name) const;
  // Opens a part for reading in chunks. One reader at a time per package: libzip archives are not
  // safe for concurrent use (open the package again per thread).
  Expected<PartReader> open_part(std::string_view name) const;
  const std::string& file() const { return file_; }

 private:
  ZipPackage() = default;
  struct Impl;
  static Expected<ZipPackage> adopt(void* zip, std::string file, PackageLimits limits);
  std::unique_ptr<Impl> impl_;
  std::string file_;
  PackageLimits limits_;
};

// Normalised form used for lookups: lower case ASCII, '/' separators, no leading '/'.
std::string normalize_part_name(std::string_view name);
// Resolves a relationship target against the part that holds the relationship:
// ("xl/workbook.xml", "worksheets/sheet1.xml") -> "xl/worksheets/sheet1.xml";
// absolute targets ("/xl/styles.xml") and '\\' separators are handled; "../" climbs.
std::string resolve_part_target(std::string_view source_part, std::string_view target);

}  // namespace jixiao
