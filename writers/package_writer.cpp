#include "writers/package_writer.h"

#include <unistd.h>
#include <malloc.h>
#include <zip.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <optional>

#include <filesystem>
#include <system_error>

#include "readers/zip_package.h"

namespace jixiao {

namespace fs = std::filesystem;

// 1980-01-02 00:00 UTC: the zip (DOS) epoch plus a day, so that no time zone turns it into a year
// before 1980, which DOS dates cannot hold.
static constexpr time_t kFixedTime = 315532800 + 86400;

PackageWriter::PackageWriter() = default;
PackageWriter::~PackageWriter() = default;
PackageWriter::PackageWriter(PackageWriter&&) noexcept = default;
PackageWriter& PackageWriter::operator=(PackageWriter&&) noexcept = default;

static Diagnostic write_error(const std::string& path, std::string code, std::string message) {
  Diagnostic d;
  d.code = std::move(code);
  d.file = path;
  d.message = std::move(message);
  return d;
}

Expected<PackageWriter> PackageWriter::from_file(const std::string& path) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!z) return write_error(path, "package.open", "无法打开模板或源文件（不是有效的 zip 压缩包，或无读取权限）");
  PackageWriter w;
  w.source_path_ = path;
  zip_int64_t n = zip_get_num_entries(z, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(z, static_cast<zip_uint64_t>(i), 0);
    if (!name) continue;
    std::string s(name);
    if (!s.empty() && s.back() == '/') continue;  // directory entries carry nothing
    w.entries_.push_back({s, i, nullptr, nullptr});
  }
  zip_discard(z);
  return w;
}

PackageWriter::Entry* PackageWriter::entry(std::string_view name) {
  std::string key = normalize_part_name(name);
  for (auto& e : entries_)
    if (normalize_part_name(e.name) == key) return &e;
  return nullptr;
}

const PackageWriter::Entry* PackageWriter::entry(std::string_view name) const {
  return const_cast<PackageWriter*>(this)->entry(name);
}

PackageWriter::Entry& PackageWriter::entry_for_put(std::string_view name) {
  if (Entry* e = entry(name)) {
    e->data.reset();
    e->stream.reset();
    return *e;
  }
  std::string n(name);
  while (!n.empty() && n.front() == '/') n.erase(0, 1);
  return entries_.emplace_back(Entry{n, -1, nullptr, nullptr});
}

void PackageWriter::put(std::string_view name, std::string data) {
  entry_for_put(name).data = std::make_shared<const std::string>(std::move(data));
}

// A streamed part as libzip reads it: pieces are pulled from the producer as zlib takes them in.
struct PackageWriter::Stream {
  // libzip writes a Zip64 local header for a deflated part it does not know to be at most this long
  // (zip_close.c: the worst case of deflating 4 MB of random data). A part that ends within it is
  // produced before libzip asks its size, so that a small part is stored exactly as put() stores it.
  static constexpr size_t kKnownSizeLimit = 4269351;

  PartProducer produce;
  std::string buffer;  // produced, from `pos` on not yet read
  size_t pos = 0;
  size_t produced = 0;
  bool done = false, opened = false;
  std::optional<Diagnostic> error;
  zip_error_t zerr;

  explicit Stream(PartProducer p) : produce(std::move(p)) { zip_error_init(&zerr); }
  ~Stream() { zip_error_fini(&zerr); }

  bool pull() {
    if (pos > 0 && pos == buffer.size()) {
      buffer.clear();
      pos = 0;
    }
    size_t before = buffer.size();
    auto more = produce(buffer);
    if (!more) {
      error = more.error();
      zip_error_set(&zerr, ZIP_ER_INTERNAL, 0);
      return false;
    }
    produced += buffer.size() - before;
    done = !*more;
    return true;
  }

  static zip_int64_t callback(void* user, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
    auto* s = static_cast<Stream*>(user);
    switch (cmd) {
      case ZIP_SOURCE_SUPPORTS:
        return ZIP_SOURCE_SUPPORTS_READABLE;
      case ZIP_SOURCE_STAT: {
        auto* st = ZIP_SOURCE_GET_ARGS(zip_stat_t, data, len, &s->zerr);
        if (!st) return -1;
        if (!s->opened && !s->done && s->buffer.empty()) s->buffer.reserve(kKnownSizeLimit + (size_t{1} << 20));
        while (!s->opened && !s->done && s->buffer.size() <= kKnownSizeLimit)
          if (!s->pull()) return -1;
        zip_stat_init(st);
        if (s->done) {
          st->size = s->produced;
          st->valid |= ZIP_STAT_SIZE;
        }
        return sizeof(zip_stat_t);
      }
      case ZIP_SOURCE_OPEN:
        if (s->opened) {  // produced once: a second write of the package cannot repeat it
          zip_error_set(&s->zerr, ZIP_ER_INTERNAL, 0);
          return -1;
        }
        s->opened = true;
        return 0;
      case ZIP_SOURCE_READ: {
        while (s->pos == s->buffer.size() && !s->done)
          if (!s->pull()) return -1;
        size_t n = std::min<size_t>(len, s->buffer.size() - s->pos);
        std::memcpy(data, s->buffer.data() + s->pos, n);
        s->pos += n;
        return static_cast<zip_int64_t>(n);
      }
      case ZIP_SOURCE_CLOSE:
        return 0;
      case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&s->zerr, data, len);
      case ZIP_SOURCE_FREE:
        return 0;  // the entry owns the stream
      default:
        zip_error_set(&s->zerr, ZIP_ER_OPNOTSUPP, 0);
        return -1;
    }
  }
};

void PackageWriter::put_stream(std::string_view name, PartProducer produce) {
  entry_for_put(name).stream = std::make_shared<Stream>(std::move(produce));
}

const Diagnostic* PackageWriter::stream_error() const {
  for (const auto& e : entries_)
    if (e.stream && e.stream->error) return &*e.stream->error;
  return nullptr;
}

void PackageWriter::remove(std::string_view name) {
  std::string key = normalize_part_name(name);
  std::erase_if(entries_, [&](const Entry& e) { return normalize_part_name(e.name) == key; });
}

bool PackageWriter::has(std::string_view name) const { return entry(name) != nullptr; }

const std::string* PackageWriter::replaced(std::string_view name) const {
  const Entry* e = entry(name);
  return e && e->data ? e->data.get() : nullptr;
}

std::vector<std::string> PackageWriter::part_names() const {
  std::vector<std::string> out;
  for (const auto& e : entries_) out.push_back(e.name);
  return out;
}

// zlib allocates about 256 KiB of state for every part it deflates and frees it after; glibc gives
// such blocks back to the system at once and the next part faults them in again, zeroed — more than
// half the time of writing a document of small parts (a report with seven charts). Keeping freed memory
// in the heap (a higher mmap and trim threshold, set once per process) removes that.
static void keep_deflate_memory() {
  static std::once_flag once;
  std::call_once(once, [] {
    mallopt(M_MMAP_THRESHOLD, 8 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
  });
}

std::string PackageWriter::add_entries(void* dst_zip, void* src_zip) const {
  keep_deflate_memory();
  auto* dst = static_cast<zip_t*>(dst_zip);
  auto* src = static_cast<zip_t*>(src_zip);
  for (const auto& e : entries_) {
    zip_source_t* s = nullptr;
    bool raw = !e.data && !e.stream && src;
    if (e.data) {
      s = zip_source_buffer(dst, e.data->data(), e.data->size(), 0);
    } else if (e.stream) {
      s = zip_source_function(dst, &Stream::callback, e.stream.get());
    } else if (raw) {
      s = zip_source_zip(dst, src, static_cast<zip_uint64_t>(e.source_index), ZIP_FL_COMPRESSED, 0, -1);
    }
    if (!s) return "无法写入部件 " + e.name;
    zip_int64_t idx = zip_file_add(dst, e.name.c_str(), s, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      zip_source_free(s);
      return "无法写入部件 " + e.name + "：" + zip_strerror(dst);
    }
    if (!raw) zip_set_file_compression(dst, static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE, static_cast<zip_uint32_t>(level_));
    zip_file_set_mtime(dst, static_cast<zip_uint64_t>(idx), kFixedTime, 0);
  }
  return {};
}

std::string PackageWriter::close_into(void* dst, void* src) const {
  if (std::string m = add_entries(dst, src); !m.empty()) return m;
  if (zip_close(static_cast<zip_t*>(dst)) != 0) return std::string("写入失败：") + zip_strerror(static_cast<zip_t*>(dst));
  if (src) zip_discard(static_cast<zip_t*>(src));
  return {};
}

Expected<std::string> PackageWriter::write_memory() const {
  std::string where = source_path_.empty() ? "(内存中的包)" : source_path_;
  zip_t* src = nullptr;
  int err = 0;
  if (!source_path_.empty()) {
    src = zip_open(source_path_.c_str(), ZIP_RDONLY, &err);
    if (!src) return write_error(source_path_, "package.open", "无法重新打开源文件以复制其余部件");
  }
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* buf = zip_source_buffer_create(nullptr, 0, 0, &ze);
  zip_t* dst = buf ? zip_open_from_source(buf, ZIP_TRUNCATE, &ze) : nullptr;
  zip_error_fini(&ze);
  bool kept = false;
  auto fail = [&](std::string message) -> Expected<std::string> {
    if (dst) zip_discard(dst);
    if (buf && (kept || !dst)) zip_source_free(buf);
    if (src) zip_discard(src);
    if (const Diagnostic* d = stream_error()) return *d;
    return write_error(where, "package.write", std::move(message));
  };
  if (!dst) return fail("无法在内存中创建压缩包");
  zip_source_keep(buf);  // the archive's close would free it; the bytes are read from it afterwards
  kept = true;
  if (std::string m = close_into(dst, src); !m.empty()) return fail(m);
  dst = src = nullptr;
  std::string out;
  zip_stat_t st;
  zip_stat_init(&st);
  bool ok = zip_source_stat(buf, &st) == 0 && (st.valid & ZIP_STAT_SIZE) && zip_source_open(buf) == 0;
  if (ok) {
    out.resize(st.size);
    ok = zip_source_read(buf, out.data(), st.size) == static_cast<zip_int64_t>(st.size);
    zip_source_close(buf);
  }
  zip_source_free(buf);
  if (!ok) return write_error(where, "package.write", "无法读出内存中的压缩包");
  return out;
}

Expected<bool> PackageWriter::write(const std::string& path) const {
  std::error_code ec;
  if (!source_path_.empty() && fs::exists(path, ec) && fs::equivalent(path, source_path_, ec))
    return write_error(path, "package.overwrite_input", "拒绝覆盖输入文件：请用 -o 指定另一个输出路径");
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::is_directory(dir, ec))
    return write_error(path, "package.no_dir", "输出目录不存在：" + dir.string());
  std::string tmp = (dir / ("." + target.filename().string() + ".jixiao-" + std::to_string(getpid()))).string();

  zip_t* src = nullptr;
  int err = 0;
  if (!source_path_.empty()) {
    src = zip_open(source_path_.c_str(), ZIP_RDONLY, &err);
    if (!src) return write_error(source_path_, "package.open", "无法重新打开源文件以复制其余部件");
  }
  zip_t* dst = zip_open(tmp.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  auto fail = [&](std::string message) -> Expected<bool> {
    if (dst) zip_discard(dst);
    if (src) zip_discard(src);
    fs::remove(tmp, ec);
    if (const Diagnostic* d = stream_error()) return *d;
    return write_error(path, "package.write", std::move(message));
  };
  if (!dst) return fail("无法创建输出文件（目录不可写？）");
  if (std::string m = close_into(dst, src); !m.empty()) return fail(m);
  dst = src = nullptr;
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return write_error(path, "package.rename", "无法把临时文件改名为输出文件：" + ec.message());
  }
  return true;
}

}  // namespace jixiao
