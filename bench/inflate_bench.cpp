// Does libdeflate pay for jixiao's reading? Inflates every deflated part of the given .xlsx files
// (folders are searched recursively) four ways and prints the time of each by kind of part:
//
//   libzip    what readers/zip_package.cpp does today: the archive opened (once per file), then
//             zip_fopen_index + zip_fread in 256 KiB chunks (zlib underneath, CRC checked)
//   zlib-256k zlib alone over the raw deflate bytes, output in 256 KiB chunks (the bounded path
//             without libzip's layers)
//   zlib      zlib alone, the whole part into one buffer
//   deflate   libdeflate_deflate_decompress, the whole part into one buffer, plus libdeflate_crc32
//             (what a whole-part reader would have to check, as libzip does)
//
// Each way runs REPEAT times over all parts; the minimum per kind is printed (a shared machine's
// noise only ever adds time). The raw bytes are read once, before timing; a whole-part buffer is
// allocated for each part, as a reader would, so its page faults are counted.
// Usage: jixiao_inflate_bench [--repeat N] FILE_OR_DIR...
#include <libdeflate.h>
#include <zip.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Part {
  std::string file, name, kind;
  std::string raw;  // the deflate stream as stored
  uint64_t size = 0;
  uint32_t crc = 0;
  zip_uint64_t index = 0;
};

std::string kind_of(const std::string& name) {
  if (name.rfind("xl/worksheets/sheet", 0) == 0 || name.rfind("xl/worksheets/", 0) == 0) return "sheets";
  if (name == "xl/sharedStrings.xml") return "sharedStrings";
  if (name == "xl/styles.xml") return "styles";
  return "other (workbook, rels, theme, …)";
}

bool is_workbook(const fs::path& p) {
  std::string e = p.extension().string();
  for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return e == ".xlsx" || e == ".xlsm";
}

void collect(const std::string& file, std::vector<Part>& parts) {
  int err = 0;
  zip_t* z = zip_open(file.c_str(), ZIP_RDONLY, &err);
  if (!z) return;
  zip_int64_t n = zip_get_num_entries(z, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    if (zip_stat_index(z, i, 0, &st) != 0 || st.comp_method != ZIP_CM_DEFLATE) continue;
    if (st.encryption_method != ZIP_EM_NONE || st.size > (1ull << 30)) continue;
    zip_file_t* f = zip_fopen_index(z, i, ZIP_FL_COMPRESSED);
    if (!f) continue;
    Part p;
    p.file = file;
    p.name = st.name;
    p.kind = kind_of(p.name);
    p.size = st.size;
    p.crc = st.crc;
    p.index = i;
    p.raw.resize(st.comp_size);
    zip_int64_t got = zip_fread(f, p.raw.data(), p.raw.size());
    zip_fclose(f);
    if (got != static_cast<zip_int64_t>(st.comp_size)) continue;
    parts.push_back(std::move(p));
  }
  zip_discard(z);
}

// zlib over a raw deflate stream; `chunk` bytes of output at a time (the whole part when 0).
bool zlib_inflate(const Part& p, std::string& out, size_t chunk) {
  z_stream s{};
  if (inflateInit2(&s, -15) != Z_OK) return false;
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(p.raw.data()));
  s.avail_in = static_cast<uInt>(p.raw.size());
  uint64_t total = 0;
  int rc = Z_OK;
  if (chunk == 0) {
    out.resize(p.size);
    s.next_out = reinterpret_cast<Bytef*>(out.data());
    s.avail_out = static_cast<uInt>(out.size());
    rc = inflate(&s, Z_FINISH);
    total = s.total_out;
  } else {
    out.resize(chunk);
    do {
      s.next_out = reinterpret_cast<Bytef*>(out.data());
      s.avail_out = static_cast<uInt>(chunk);
      rc = inflate(&s, Z_NO_FLUSH);
      total = s.total_out;
    } while (rc == Z_OK);
  }
  inflateEnd(&s);
  return rc == Z_STREAM_END && total == p.size;
}

bool libdeflate_inflate(libdeflate_decompressor* d, const Part& p, std::string& out) {
  out.resize(p.size);
  size_t actual = 0;
  if (libdeflate_deflate_decompress(d, p.raw.data(), p.raw.size(), out.data(), out.size(), &actual) != LIBDEFLATE_SUCCESS)
    return false;
  return actual == p.size && libdeflate_crc32(0, out.data(), out.size()) == p.crc;
}

// Today's path: the archive opened once per file, each part read through libzip in 256 KiB chunks.
bool libzip_inflate(const std::vector<const Part*>& parts, std::string& buf) {
  buf.resize(256 << 10);
  zip_t* z = nullptr;
  std::string open;
  bool ok = true;
  for (const Part* p : parts) {
    if (p->file != open) {
      if (z) zip_discard(z);
      int err = 0;
      z = zip_open(p->file.c_str(), ZIP_RDONLY, &err);
      open = p->file;
      if (!z) return false;
    }
    zip_file_t* f = zip_fopen_index(z, p->index, 0);
    if (!f) return false;
    uint64_t total = 0;
    for (zip_int64_t n; (n = zip_fread(f, buf.data(), buf.size())) > 0;) total += static_cast<uint64_t>(n);
    zip_fclose(f);
    ok &= total == p->size;
  }
  if (z) zip_discard(z);
  return ok;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 5;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (fs::is_directory(a)) {
      for (const auto& e : fs::recursive_directory_iterator(a))
        if (e.is_regular_file() && is_workbook(e.path())) files.push_back(e.path().string());
    } else {
      files.push_back(a);
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<Part> all, parts;
  for (const std::string& f : files) collect(f, all);
  // Parts that do not inflate or fail their CRC (the corpus keeps damaged files on purpose) are left
  // out of every column.
  std::string buf;
  size_t damaged = 0;
  for (Part& p : all) {
    if (zlib_inflate(p, buf, 0) && crc32(0, reinterpret_cast<const Bytef*>(buf.data()), static_cast<uInt>(buf.size())) == p.crc)
      parts.push_back(std::move(p));
    else
      ++damaged;
  }
  std::string().swap(buf);
  std::map<std::string, std::vector<const Part*>> by_kind;
  for (const Part& p : parts) by_kind[p.kind].push_back(&p);
  for (const Part& p : parts) by_kind["all parts"].push_back(&p);

  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  std::printf("%zu workbooks, %zu deflated parts (%zu damaged ones left out); minimum of %d rounds (ms)\n", files.size(),
              parts.size(), damaged, repeat);
  std::printf("%-34s %7s %9s %9s %9s %9s %9s %9s %8s\n", "kind", "parts", "MiB out", "libzip", "zlib-256k", "zlib",
              "deflate", "MiB/s dfl", "zlib/dfl");
  for (const auto& [kind, list] : by_kind) {
    double best[4] = {1e30, 1e30, 1e30, 1e30};
    uint64_t bytes = 0;
    for (const Part* p : list) bytes += p->size;
    bool ok = true;
    for (int r = 0; r < repeat; ++r) {
      auto t0 = std::chrono::steady_clock::now();
      ok &= libzip_inflate(list, buf);
      best[0] = std::min(best[0], seconds_since(t0));
      t0 = std::chrono::steady_clock::now();
      for (const Part* p : list) ok &= zlib_inflate(*p, buf, 256 << 10);
      best[1] = std::min(best[1], seconds_since(t0));
      t0 = std::chrono::steady_clock::now();
      for (const Part* p : list) ok &= zlib_inflate(*p, buf, 0);
      best[2] = std::min(best[2], seconds_since(t0));
      t0 = std::chrono::steady_clock::now();
      for (const Part* p : list) ok &= libdeflate_inflate(d, *p, buf);
      best[3] = std::min(best[3], seconds_since(t0));
      std::string().swap(buf);  // no buffer carried from one round's largest part into the next
    }
    std::printf("%-34s %7zu %9.1f %9.1f %9.1f %9.1f %9.1f %9.0f %7.2fx%s\n", kind.c_str(), list.size(),
                bytes / 1048576.0, best[0] * 1e3, best[1] * 1e3, best[2] * 1e3, best[3] * 1e3,
                bytes / 1048576.0 / best[3], best[2] / best[3], ok ? "" : "  (some part did not inflate)");
  }
  libdeflate_free_decompressor(d);
  return 0;
}
