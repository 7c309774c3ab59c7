// Writes an OPC package (.xlsx/.docx): the parts of a source package carried over byte for byte
// unless replaced, new parts after them, and a fixed timestamp on every entry, so the same input
// always gives the same bytes. The file appears only when complete: it is written beside the target
// under a temporary name and renamed over it; a failed write leaves nothing behind.
#pragma once

#include <functional>
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
  // A part made while the package is written, so that a large part (a 100,000-row sheet) is never
  // whole in memory: each call appends the next piece to `out` (which arrives empty) and returns
  // true while more follows, false after the last piece; an error stops the write, and write()
  // returns it (nothing is left on disk). Called only inside write() or write_memory(), in part order.
  using PartProducer = std::function<Expected<bool>(std::string& out)>;
  void put_stream(std::string_view name, PartProducer produce);
  void remove(std::string_view name);
  bool has(std::string_view name) const;
  // The new content of a part put() here; null for parts carried over, streamed or absent.
  const std::string* replaced(std::string_view name) const;
  std::vector<std::string> part_names() const;
  // Deflate level (1 fastest … 9 smallest) for the parts put() here; default 6.
  void set_compression_level(int level) { level_ = level; }

  // Writes the package to `path`. Refuses to write over the source file; errors name the path.
  Expected<bool> write(const std::string& path) const;
  // The same package as bytes in memory (a workbook embedded in a document, say).
  Expected<std::string> write_memory() const;

 private:
  struct Stream;
  struct Entry {
    std::string name;           // as stored in the source, or as put()
    long long source_index = -1;  // >= 0: carried over from the source, unless `data` or `stream` is set
    std::shared_ptr<const std::string> data;
    std::shared_ptr<Stream> stream;
  };
  // The error a streamed part stopped the write with, if any.
  const Diagnostic* stream_error() const;
  // Adds every entry to dst, parts carried over copied from src still compressed; an error message
  // or empty.
  std::string add_entries(void* dst, void* src) const;
  // add_entries, then closes dst (writing it) and src (when given); an error message, and both left
  // open for the caller to discard, when that fails.
  std::string close_into(void* dst, void* src) const;
  Entry* entry(std::string_view name);
  Entry& entry_for_put(std::string_view name);
  const Entry* entry(std::string_view name) const;
  std::string source_path_;
  std::vector<Entry> entries_;
  int level_ = 6;
};

}  // namespace jixiao
