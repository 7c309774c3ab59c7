#include "readers/zip_package.h"

#include "core/parallel.h"
#include "readers/zip_crc.h"

#include <zip.h>
#include <zlib.h>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

namespace jixiao {

struct ZipPackage::Impl {
  zip_t* zip = nullptr;
  std::unordered_map<std::string, std::pair<std::string, zip_uint64_t>> by_key;  // normalised -> (stored, index)
  ~Impl() {
    if (zip) zip_discard(zip);
  }
};

ZipPackage::~ZipPackage() = default;
ZipPackage::ZipPackage(ZipPackage&&) noexcept = default;
ZipPackage& ZipPackage::operator=(ZipPackage&&) noexcept = default;

std::string normalize_part_name(std::string_view name) {
  std::string s;
  s.reserve(name.size());
  for (char c : name) {
    if (c == '\\') c = '/';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    s += c;
  }
  size_t start = s.find_first_not_of('/');
  return start == std::string::npos ? std::string{} : s.substr(start);
}

std::string resolve_part_target(std::string_view source_part, std::string_view target) {
  std::string t(target);
  std::replace(t.begin(), t.end(), '\\', '/');
  std::vector<std::string> segs;
  auto split_into = [&segs](std::string_view path) {
    size_t i = 0;
    while (i <= path.size()) {
      size_t j = path.find('/', i);
      if (j == std::string_view::npos) j = path.size();
      std::string_view seg = path.substr(i, j - i);
      if (seg == "..") {
        if (!segs.empty()) segs.pop_back();
      } else if (!seg.empty() && seg != ".") {
        segs.emplace_back(seg);
      }
      i = j + 1;
    }
  };
  if (t.empty() || t[0] != '/') {
    auto slash = source_part.rfind('/');
    if (slash != std::string_view::npos) split_into(source_part.substr(0, slash));
  }
  split_into(t);
  std::string out;
  for (const auto& s : segs) {
    if (!out.empty()) out += '/';
    out += s;
  }
  return out;
}

static const char* kNotZip =
    "不是有效的 zip 压缩包（xlsx 文件本质上是 zip）：文件可能已损坏、不完整或并非 Excel 文件；"
    "请用 Excel/WPS 重新另存为 .xlsx 后再试";

Expected<ZipPackage> ZipPackage::adopt(void* zp, std::string file, PackageLimits limits) {
  auto* z = static_cast<zip_t*>(zp);
  ZipPackage pkg;
  pkg.impl_ = std::make_unique<Impl>();
  pkg.impl_->zip = z;
  pkg.file_ = std::move(file);
  pkg.limits_ = limits;
  zip_int64_t n = zip_get_num_entries(z, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(z, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
    if (!name) continue;
    // Some writers (old .NET and PHP zip code) store "xl\\workbook.xml": POI and calamine read
    // those, so the name is kept with '/' and everything built on it (the .rels part of a part,
    // relative targets) works the same as for a well-formed package.
    std::string stored(name);
    std::replace(stored.begin(), stored.end(), '\\', '/');
    pkg.impl_->by_key.emplace(normalize_part_name(stored), std::make_pair(stored, static_cast<zip_uint64_t>(i)));
  }
  return pkg;
}

Expected<ZipPackage> ZipPackage::open_file(const std::string& path, PackageLimits limits) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err);
  // Some producers write archives that fail libzip's strict consistency check but read fine.
  if (!z && err == ZIP_ER_INCONS) z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!z) {
    if (err == ZIP_ER_OPEN || err == ZIP_ER_NOENT || err == ZIP_ER_READ)
      return Diagnostic::error("io.open", "无法打开文件（不存在或没有读取权限）", path);
    return Diagnostic::error("xlsx.not_zip", kNotZip, path);
  }
  return adopt(z, path, limits);
}

Expected<ZipPackage> ZipPackage::open_memory(const void* data, size_t size, std::string file,
                                             PackageLimits limits) {
  for (int flags : {ZIP_RDONLY | ZIP_CHECKCONS, ZIP_RDONLY}) {
    zip_error_t zerr;
    zip_error_init(&zerr);
    zip_source_t* src = zip_source_buffer_create(data, size, 0, &zerr);
    if (!src) {
      zip_error_fini(&zerr);
      break;
    }
    zip_t* z = zip_open_from_source(src, flags, &zerr);
    int code = zip_error_code_zip(&zerr);
    zip_error_fini(&zerr);
    if (z) return adopt(z, std::move(file), limits);
    zip_source_free(src);
    if (code != ZIP_ER_INCONS) break;
  }
  return Diagnostic::error("xlsx.not_zip", kNotZip, file);
}

std::string ZipPackage::find(std::string_view name) const {
  auto it = impl_->by_key.find(normalize_part_name(name));
  return it == impl_->by_key.end() ? std::string{} : it->second.first;
}

std::vector<std::string> ZipPackage::part_names() const {
  std::vector<std::pair<zip_uint64_t, std::string>> v;
  for (const auto& [key, entry] : impl_->by_key) v.emplace_back(entry.second, entry.first);
  std::sort(v.begin(), v.end());
  std::vector<std::string> out;
  for (auto& e : v) out.push_back(std::move(e.second));
  return out;
}

// A deflated part is read as its compressed bytes (ZIP_FL_COMPRESSED) and inflated here with zlib,
// its CRC checked by crc32_update: libzip's own path checks it with zlib's tables, a quarter of
// the time inflating a big sheet takes; folded by carry-less multiplication it is a twentieth.
// Stored, encrypted or otherwise compressed parts go through libzip.
struct PartReader::Inflater {
  z_stream zs{};
  bool began = false, ended = false;
  std::unique_ptr<unsigned char[]> in;
  static constexpr size_t kIn = 64u << 10;
  uint32_t crc = 0;
  std::optional<uint32_t> expected_crc;
  ~Inflater() {
    if (began) inflateEnd(&zs);
  }
};

PartReader::~PartReader() {
  if (file_) zip_fclose(static_cast<zip_file_t*>(file_));
}

PartReader::PartReader(PartReader&& o) noexcept
    : file_(o.file_), inflater_(std::move(o.inflater_)), zip_name_(std::move(o.zip_name_)), part_(std::move(o.part_)),
      limit_(o.limit_), total_(o.total_), declared_(o.declared_) {
  o.file_ = nullptr;
}

namespace {

// A part that fails to inflate; why: libzip's words.
Diagnostic damaged(const std::string& file, const std::string& part, const std::string& why) {
  return Diagnostic::error("xlsx.damaged_part", "解压部件失败（" + why + "），文件可能已损坏或不完整", file, part);
}

// The words libzip would use for the same failure, so that a damaged part reads the same whichever
// path inflated it.
Diagnostic damaged(const std::string& file, const std::string& part, int zip_code, int system_code = 0) {
  zip_error_t e;
  zip_error_init(&e);
  zip_error_set(&e, zip_code, system_code);
  std::string why = zip_error_strerror(&e);
  zip_error_fini(&e);
  return damaged(file, part, why);
}

}  // namespace

static Diagnostic too_big(const std::string& file, const std::string& part, uint64_t limit) {
  return Diagnostic::error("xlsx.part_too_large",
                       "部件解压后超过上限 " + std::to_string(limit >> 20) +
                           " MiB（疑似压缩炸弹），已拒绝读取；确属正常的大文件请用 --max-part-mb 调高上限", file,
                       part);
}

Expected<size_t> PartReader::read_deflated(char* dst, size_t cap) {
  Inflater& z = *inflater_;
  if (z.ended) return size_t{0};
  auto* f = static_cast<zip_file_t*>(file_);
  // Never trust the declared size: count what actually comes out and stop at the limit.
  const uint64_t room = limit_ - total_ + 1;
  z.zs.next_out = reinterpret_cast<Bytef*>(dst);
  z.zs.avail_out = static_cast<uInt>(std::min<uint64_t>({cap, room, 1u << 30}));
  const uInt wanted = z.zs.avail_out;
  while (z.zs.avail_out > 0) {
    if (z.zs.avail_in == 0) {
      const zip_int64_t n = zip_fread(f, z.in.get(), Inflater::kIn);
      if (n < 0) return damaged(zip_name_, part_, zip_error_strerror(zip_file_get_error(f)));
      if (n == 0) return damaged(zip_name_, part_, ZIP_ER_EOF);  // the stream stops short of its end
      z.zs.next_in = z.in.get();
      z.zs.avail_in = static_cast<uInt>(n);
    }
    const int r = inflate(&z.zs, Z_NO_FLUSH);
    if (r == Z_STREAM_END) {
      z.ended = true;
      break;
    }
    if (r != Z_OK) return damaged(zip_name_, part_, ZIP_ER_ZLIB, r == Z_MEM_ERROR ? Z_MEM_ERROR : Z_DATA_ERROR);
  }
  const size_t got = wanted - z.zs.avail_out;
  z.crc = crc32_update(z.crc, dst, got);
  total_ += got;
  if (total_ > limit_) return too_big(zip_name_, part_, limit_);
  if (z.ended && z.expected_crc && z.crc != *z.expected_crc) return damaged(zip_name_, part_, ZIP_ER_CRC);
  return got;
}

Expected<size_t> PartReader::read(char* dst, size_t cap) {
  if (inflater_) return read_deflated(dst, cap);
  auto* f = static_cast<zip_file_t*>(file_);
  // Never trust the declared size: count what actually comes out and stop at the limit.
  uint64_t room = limit_ - total_ + 1;
  zip_int64_t n = zip_fread(f, dst, std::min<uint64_t>(cap, room));
  if (n < 0) return damaged(zip_name_, part_, zip_error_strerror(zip_file_get_error(f)));
  total_ += static_cast<uint64_t>(n);
  if (total_ > limit_) return too_big(zip_name_, part_, limit_);
  return static_cast<size_t>(n);
}

struct PartReadAhead::Impl {
  static constexpr size_t kChunk = 256u << 10, kChunks = 4;
  struct Chunk {
    std::string bytes;  // kChunk long; the first `used` bytes hold the part's
    size_t used = 0;
    std::optional<Diagnostic> error;  // after the bytes: where the reader failed
    bool last = false;
  };

  explicit Impl(PartReader&& r) : reader(std::move(r)) {
    for (size_t i = 0; i < kChunks; ++i) spare.emplace_back(kChunk, '\0');
    worker = std::thread([this] {
      serve_in_background();
      inflate();
    });
  }
  ~Impl() {
    {
      std::lock_guard lock(mu);
      stop = true;
    }
    cv.notify_all();
    worker.join();
  }

  void inflate() {
    for (;;) {
      Chunk c;
      {
        std::unique_lock lock(mu);
        cv.wait(lock, [&] { return stop || !spare.empty(); });
        if (stop) return;
        c.bytes = std::move(spare.back());
        spare.pop_back();
      }
      try {
        while (c.used < kChunk) {
          auto n = reader.read(c.bytes.data() + c.used, kChunk - c.used);
          if (!n) {
            c.error = n.error();
            break;
          }
          if (*n == 0) {
            c.last = true;
            break;
          }
          c.used += *n;
        }
      } catch (const std::exception& e) {  // out of memory inside the inflater
        c.error = Diagnostic::error("xlsx.damaged_part", std::string("解压部件失败（") + e.what() + "）", reader.file(),
                                    reader.part());
      }
      const bool done = c.last || c.error;
      {
        std::lock_guard lock(mu);
        ready.push_back(std::move(c));
      }
      cv.notify_all();
      if (done) return;
    }
  }

  PartReader reader;  // used by the worker only
  std::mutex mu;
  std::condition_variable cv;
  std::deque<Chunk> ready;
  std::vector<std::string> spare;
  bool stop = false;
  Chunk current;  // the reader's, outside the lock
  size_t at = 0;  // in current
  bool have_current = false;
  std::thread worker;
};

PartReadAhead::PartReadAhead(PartReader&& reader) : impl_(std::make_unique<Impl>(std::move(reader))) {}
PartReadAhead::~PartReadAhead() = default;

Expected<size_t> PartReadAhead::read(char* dst, size_t cap) {
  Impl& m = *impl_;
  while (!m.have_current || m.at == m.current.used) {
    if (m.have_current) {
      if (m.current.error) return *m.current.error;
      if (m.current.last) return size_t{0};
      std::lock_guard lock(m.mu);
      m.spare.push_back(std::move(m.current.bytes));
      m.cv.notify_all();
    }
    std::unique_lock lock(m.mu);
    m.cv.wait(lock, [&] { return !m.ready.empty(); });
    m.current = std::move(m.ready.front());
    m.ready.pop_front();
    m.at = 0;
    m.have_current = true;
  }
  const size_t n = std::min(cap, m.current.used - m.at);
  std::memcpy(dst, m.current.bytes.data() + m.at, n);
  m.at += n;
  return n;
}

Expected<PartReader> ZipPackage::open_part(std::string_view name) const {
  auto it = impl_->by_key.find(normalize_part_name(name));
  if (it == impl_->by_key.end())
    return Diagnostic::error("xlsx.missing_part", "压缩包中缺少部件 " + std::string(name), file_, std::string(name));
  const std::string& stored = it->second.first;
  zip_uint64_t index = it->second.second;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(impl_->zip, index, 0, &st) != 0)
    return Diagnostic::error("xlsx.damaged_part", "无法读取部件信息，文件可能已损坏", file_, stored);
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    return Diagnostic::error("xlsx.encrypted_part", "部件经过 zip 加密，无法读取", file_, stored);
  if ((st.valid & ZIP_STAT_SIZE) && st.size > limits_.max_part_bytes) return too_big(file_, stored, limits_.max_part_bytes);
  const bool deflated = (st.valid & ZIP_STAT_COMP_METHOD) && st.comp_method == ZIP_CM_DEFLATE;
  zip_file_t* f = zip_fopen_index(impl_->zip, index, deflated ? ZIP_FL_COMPRESSED : 0);
  if (!f)
    return Diagnostic::error("xlsx.damaged_part",
                         std::string("无法解压部件：") + zip_strerror(impl_->zip) + "；文件可能已损坏", file_, stored);
  PartReader r;
  r.file_ = f;
  if (deflated) {
    r.inflater_ = std::make_unique<PartReader::Inflater>();
    if (inflateInit2(&r.inflater_->zs, -MAX_WBITS) != Z_OK)
      return Diagnostic::error("xlsx.damaged_part", "无法解压部件：内存不足", file_, stored);
    r.inflater_->began = true;
    r.inflater_->in = std::make_unique_for_overwrite<unsigned char[]>(PartReader::Inflater::kIn);
    if (st.valid & ZIP_STAT_CRC) r.inflater_->expected_crc = st.crc;
  }
  r.zip_name_ = file_;
  r.part_ = stored;
  r.limit_ = limits_.max_part_bytes;
  r.declared_ = (st.valid & ZIP_STAT_SIZE) ? std::min<uint64_t>(st.size, r.limit_) : 0;
  return r;
}

Expected<std::string> ZipPackage::read(std::string_view name) const {
  auto reader = open_part(name);
  if (!reader) return reader.error();
  std::string out;
  size_t have = 0;
  // Sized by the declared size (one byte more, to see the end without growing): most parts are a
  // few kilobytes, and a 64 KiB start zeroed and faulted in 16 pages for each.
  const size_t first = static_cast<size_t>(std::min<uint64_t>(reader->declared_size(), 1u << 20)) + 1;
  for (;;) {
    if (out.size() == have) out.resize(out.empty() ? first : std::max<size_t>(out.size() * 2, 1u << 16));
    auto n = reader->read(out.data() + have, out.size() - have);
    if (!n) return n.error();
    if (*n == 0) break;
    have += *n;
  }
  out.resize(have);
  return out;
}

}  // namespace jixiao
