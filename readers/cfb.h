// Compound File Binary (OLE2, MS-CFB) containers: the outer shell of .xls workbooks and of
// password-protected .xlsx (EncryptionInfo + EncryptedPackage). Read-only, from bytes in memory.
//
// Our own rather than libgsf: we only need to find a handful of streams by name and copy them into
// memory; libgsf would bring GLib/GObject into every process for that, and a reader we own can be
// made to refuse every malformed structure the corpus holds (FAT loops, sectors past the end,
// absurd sizes) with a Diagnostic instead of a GError it does not always raise.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace jixiao {

class CompoundFile {
 public:
  struct Entry {
    std::string name;          // UTF-8
    uint8_t type = 0;          // 1 storage, 2 stream, 5 root
    uint32_t left = 0xFFFFFFFF, right = 0xFFFFFFFF, child = 0xFFFFFFFF;
    uint32_t start = 0;
    uint64_t size = 0;
  };

  // Parses the header, FAT, mini FAT and directory. Errors (code "cfb.*") name `file`.
  static Expected<CompoundFile> open(std::string_view bytes, const std::string& file);

  // The stream at a path of names separated by '/' ("Workbook", "\x06DataSpaces/Version"),
  // compared case-insensitively as MS-CFB does; -1 when absent.
  int find(std::string_view path) const;
  bool has(std::string_view path) const { return find(path) >= 0; }
  // The whole stream, copied into memory.
  Expected<std::string> read(int entry) const;
  Expected<std::string> read(std::string_view path) const;
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  Diagnostic damaged(std::string what) const;
  // Follows a chain of `table` from `start`, appending each sector's bytes (a `unit` each, from
  // the file, or from `mini` for the mini stream) to out until `size` bytes are read. Loops and
  // ids out of range are errors.
  std::optional<Diagnostic> follow(const std::vector<uint32_t>& table, uint32_t start, uint64_t size, size_t unit,
                                   const std::string* mini, std::string& out) const;
  std::string_view sector_bytes(uint32_t id) const;
  int child_named(uint32_t storage, std::string_view name) const;

  std::string_view bytes_;
  std::string file_;
  size_t sector_ = 512, mini_sector_ = 64;
  uint32_t mini_cutoff_ = 4096;
  std::vector<uint32_t> fat_, mini_fat_;
  std::string mini_stream_;
  std::vector<Entry> entries_;
};

}  // namespace jixiao
