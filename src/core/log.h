#pragma once

// Structured JSON logging: one object per line on stderr (or a file). Lines are buffered
// per thread and written whole, so concurrent writers never interleave; Flush() is called
// by the server's housekeeping timer and at shutdown. Secrets are never passed here.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace muster::log {

enum class Level { kDebug, kInfo, kWarn, kError };

using Fields = std::vector<std::pair<std::string_view, std::string>>;

void SetLevel(Level level);
void SetFd(int fd);  // default 2 (stderr)

// {"ts":"…","level":"info","event":"…", fields…}
void Write(Level level, std::string_view event, const Fields& fields = {});
inline void Info(std::string_view event, const Fields& fields = {}) {
  Write(Level::kInfo, event, fields);
}
inline void Warn(std::string_view event, const Fields& fields = {}) {
  Write(Level::kWarn, event, fields);
}
inline void Error(std::string_view event, const Fields& fields = {}) {
  Write(Level::kError, event, fields);
}

// Appends a complete, already formatted JSON line (used by the access log's fast path).
void WriteLine(std::string_view json_line);
// Writes this thread's buffered lines.
void Flush();

}  // namespace muster::log
