// The TOML layer: strict mapping of a parsed document onto the field table.

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <tuple>
#include <type_traits>

#include <toml++/toml.h>

#include "config/internal/dsn.h"
#include "config/internal/fields.h"
#include "config/internal/layers.h"

namespace muster::config::internal {
namespace {

std::string TypeName(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a floating-point number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::table:
      return "a table";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

// "file:line:column: ", or "file: " when the parser kept no position.
std::string Where(const std::string& file, const toml::source_region& region) {
  if (region.begin.line == 0) return file + ": ";
  return file + ":" + std::to_string(region.begin.line) + ":" +
         std::to_string(region.begin.column) + ": ";
}

// Problems found in one file, reported in file order (toml++ tables iterate in key order).
class FileProblems {
 public:
  explicit FileProblems(const std::string& file) : file_(file) {}

  void Add(const toml::source_region& at, std::string text) {
    entries_.push_back({at.begin.line, at.begin.column, Where(file_, at) + std::move(text)});
  }

  void MoveTo(std::vector<std::string>& problems) {
    std::stable_sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) {
      return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    for (Entry& entry : entries_) problems.push_back(std::move(entry.text));
    entries_.clear();
  }

 private:
  struct Entry {
    uint32_t line;
    uint32_t column;
    std::string text;
  };
  const std::string& file_;
  std::vector<Entry> entries_;
};

Error Mismatch(std::string_view expected, const toml::node& node) {
  return MakeError(ErrorCode::kInvalidArgument, "invalid_config",
                   "expected " + std::string(expected) + ", got " + TypeName(node));
}

Status SetList(std::vector<std::string>* out, const toml::node& node) {
  const toml::array* array = node.as_array();
  if (array == nullptr) return Mismatch("an array of strings", node);
  std::vector<std::string> items;
  for (size_t i = 0; i < array->size(); ++i) {
    const toml::value<std::string>* item = (*array)[i].as_string();
    if (item == nullptr) {
      return MakeError(
          ErrorCode::kInvalidArgument, "invalid_config",
          "item " + std::to_string(i) + ": expected a string, got " + TypeName((*array)[i]));
    }
    items.push_back(item->get());
  }
  *out = std::move(items);
  return OkStatus();
}

// Stores a TOML value into the field; the error message omits the field's name.
Status SetFromNode(const Field& field, Config& config, const toml::node& node) {
  return std::visit(
      [&](auto* out) -> Status {
        using T = std::remove_pointer_t<decltype(out)>;
        if constexpr (std::is_same_v<T, std::string>) {
          const toml::value<std::string>* value = node.as_string();
          if (value == nullptr) return Mismatch("a string", node);
          *out = field.url ? StripTrailingSlashes(value->get()) : value->get();
        } else if constexpr (std::is_same_v<T, int> || std::is_same_v<T, int64_t>) {
          const toml::value<int64_t>* value = node.as_integer();
          if (value == nullptr) return Mismatch("an integer", node);
          if (value->get() < std::numeric_limits<T>::min() ||
              value->get() > std::numeric_limits<T>::max()) {
            return MakeError(ErrorCode::kInvalidArgument, "invalid_config",
                             "integer out of range, got " + std::to_string(value->get()));
          }
          *out = static_cast<T>(value->get());
        } else if constexpr (std::is_same_v<T, double>) {
          const std::optional<double> value =
              node.is_integer() || node.is_floating_point() ? node.value<double>() : std::nullopt;
          if (!value) return Mismatch("a number", node);
          if (!std::isfinite(*value)) return Mismatch("a finite number", node);
          *out = *value;
        } else if constexpr (std::is_same_v<T, bool>) {
          const toml::value<bool>* value = node.as_boolean();
          if (value == nullptr) return Mismatch("a boolean", node);
          *out = value->get();
        } else {
          return SetList(out, node);
        }
        return OkStatus();
      },
      field.ref(config));
}

void ApplySection(std::string_view section, const toml::table& table, Config& config,
                  FileProblems& problems) {
  for (auto&& [key, node] : table) {
    const std::string path = std::string(section) + "." + std::string(key.str());
    const Field* field = FindField(path);
    if (field == nullptr) {
      problems.Add(key.source(), std::string(node.is_table() ? "unknown table " : "unknown key ") +
                                     QuoteForMessage(path) + Suggestion(path));
      continue;
    }
    Status status = SetFromNode(*field, config, node);
    if (!status.ok()) {
      problems.Add(node.source(), path + ": " + status.error().message);
      continue;
    }
    // The file is not a place for secrets (STYLE.md habit 12): a DSN there must not hold one.
    const FieldRef ref = field->ref(config);
    std::string* const* text = std::get_if<std::string*>(&ref);
    if (field->secret && text != nullptr && ScanDsn(**text).has_password) {
      problems.Add(node.source(), path + ": must not contain a password; set " +
                                      std::string(kPostgresPasswordEnv) +
                                      " or use a libpq password file");
    }
  }
}

Result<std::string> ReadFile(const std::string& path) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    return MakeError(ErrorCode::kInvalidArgument, "invalid_config",
                     "configuration file " + path + " is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int error = errno;
    if (error == ENOENT) {
      return MakeError(ErrorCode::kNotFound, "config_not_found",
                       "configuration file not found: " + path);
    }
    return MakeError(ErrorCode::kUnavailable, "config_unreadable",
                     "cannot read configuration file " + path + ": " + std::strerror(error));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    return MakeError(ErrorCode::kUnavailable, "config_unreadable",
                     "cannot read configuration file " + path);
  }
  return std::move(text).str();
}

}  // namespace

Status ApplyTomlFile(const std::string& path, Config& config,
                     std::vector<std::string>& all_problems) {
  MUSTER_ASSIGN_OR_RETURN(const std::string text, ReadFile(path));
  FileProblems problems(path);
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& error) {  // toml++ is built with exceptions; none escape
    problems.Add(error.source(), std::string(error.description()));
    problems.MoveTo(all_problems);
    return OkStatus();
  }
  for (auto&& [key, node] : root) {
    const std::string name(key.str());
    if (!IsSection(name)) {
      problems.Add(key.source(), std::string(node.is_table() ? "unknown table " : "unknown key ") +
                                     QuoteForMessage(name) + Suggestion(name));
    } else if (const toml::table* table = node.as_table()) {
      ApplySection(name, *table, config, problems);
    } else {
      problems.Add(node.source(), name + ": expected a table, got " + TypeName(node));
    }
  }
  problems.MoveTo(all_problems);
  return OkStatus();
}

}  // namespace muster::config::internal
