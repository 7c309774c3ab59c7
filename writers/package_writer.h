// Writes an OPC package (.xlsx/.docx): the parts of a source package carried over byte for byte
// unless replaced, new parts after them, and a fixed timestamp on every entry, so the same input
// always gives the same bytes. The file appears only when complete: it is written beside the target
// under a temporary name and renamed over it; a failed write leaves nothing behind.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace jixiao {

class PackageWriter {
 public:
  PackageWriter();
  ~PackageWriter();
  PackageWriter(PackageWriter&&) noexcept;
  PackageWriter& operator=(PackageWriter&&) noexcept;

  // Starts from the parts of the package at `path`, in their stored order. The file is reopened
  // at write() time to copy the parts nobody replaced, still compressed.
  static Expected<PackageWriter> from_file(const std::string& path);

  // Replaces a part (matched as ZipPackage::find does: case and '\\' tolerated) or adds it.
  void put(std::string_view name, std::string data);
  void remove(std::string_view name);
  bool has(std::string_view name) const;
  // The new content of a part put() here; null for parts carried over or absent.
  const std::string* replaced(std::string_view name) const;
  std::vector<std::string> part_names() const;
  // Deflate level (1 fastest … 9 smallest) for the parts put() here; default 6.
  void set_compression_level(int level) { level_ = level; }

  // Writes the package to `path`. Refuses to write over the source file; errors name the path.
  Expected<bool> write(const std::string& path) const;
  // The same package as bytes in memory (a workbook embedded in a document, say).
  Expected<std::string> write_memory() const;

 private:
  struct Entry {
    std::string name;           // as stored in the source, or as put()
    long long source_index = -1;  // >= 0: carried over from the source, unless `data` is set
    std::shared_ptr<const std::string> data;
  };
  // Adds every entry to dst, parts carried over copied from src still compressed; an error message
  // or empty.
  std::string add_entries(void* dst, void* src) const;
  // add_entries, then closes dst (writing it) and src (when given); an error message, and both left
  // open for the caller to discard, when that fails.
  std::string close_into(void* dst, void* src) const;
  Entry* entry(std::string_view name);
  const Entry* entry(std::string_view name) const;
  std::string source_path_;
  std::vector<Entry> entries_;
  int level_ = 6;
};

}  // namespace jixiao
