#include "core/log.h"

#include <unistd.h>

#include <atomic>
#include <chrono>

#include "core/json_writer.h"
#include "core/time_format.h"

namespace muster::log {
namespace {

std::atomic<int> g_level{static_cast<int>(Level::kInfo)};
std::atomic<int> g_fd{2};

constexpr size_t kFlushAt = 16 * 1024;

struct ThreadBuffer {
  std::string data;
  ~ThreadBuffer() { FlushBuffer(); }
  void FlushBuffer() {
    size_t off = 0;
    while (off < data.size()) {
      ssize_t n = ::write(g_fd.load(), data.data() + off, data.size() - off);
      if (n <= 0) break;
      off += static_cast<size_t>(n);
    }
    data.clear();
  }
};

ThreadBuffer& Buffer() {
  thread_local ThreadBuffer buffer;
  return buffer;
}

const char* LevelName(Level level) {
  switch (level) {
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarn:
      return "warn";
    case Level::kError:
      return "error";
  }
  return "info";
}

}  // namespace

void SetLevel(Level level) { g_level = static_cast<int>(level); }
void SetFd(int fd) { g_fd = fd; }

void Write(Level level, std::string_view event, const Fields& fields) {
  if (static_cast<int>(level) < g_level.load(std::memory_order_relaxed)) return;
  auto now = std::chrono::system_clock::now();
  int64_t ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  std::string line;
  line.reserve(128);
  JsonWriter w(line);
  w.BeginObject().Member("ts", FormatIso8601Millis(ms)).Member("level", LevelName(level));
  w.Member("event", event);
  for (const auto& [k, v] : fields) w.Member(k, v);
  w.EndObject();
  line.push_back('\n');
  ThreadBuffer& b = Buffer();
  b.data.append(line);
  // Warnings and errors are written at once; info lines wait for the buffer or the timer.
  if (level >= Level::kWarn || b.data.size() >= kFlushAt) b.FlushBuffer();
}

void WriteLine(std::string_view json_line) {
  ThreadBuffer& b = Buffer();
  b.data.append(json_line);
  b.data.push_back('\n');
  if (b.data.size() >= kFlushAt) b.FlushBuffer();
}

void Flush() { Buffer().FlushBuffer(); }

}  // namespace muster::log
