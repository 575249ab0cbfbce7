#include "oneroster/query/internal/filter_value.h"

#include <charconv>
#include <cmath>
#include <utility>

#include "core/time_format.h"
#include "oneroster/query/internal/text.h"

namespace muster::oneroster::query::internal {
namespace {

Error ValueError(const FieldSpec& spec, std::string_view raw, std::string_view expected) {
  // Built with append: g++ 12 -O3 reports a false -Wrestrict on `"'" + std::string(...)`.
  std::string message(1, '\'');
  message.append(Echo(raw)).append("' is not ").append(expected);
  message.append(" (field '").append(spec.name).append("')");
  return MakeError(ErrorCode::kInvalidArgument, kInvalidFilterField, std::move(message));
}

bool IsOrdering(CompareOp op) {
  return op == CompareOp::kGt || op == CompareOp::kGe || op == CompareOp::kLt ||
         op == CompareOp::kLe;
}

Status CheckOperator(const FieldSpec& spec, CompareOp op) {
  const bool text = spec.type == FieldType::kString || spec.type == FieldType::kEnum;
  if ((op == CompareOp::kContains && !text) ||
      (IsOrdering(op) && spec.type == FieldType::kBoolean)) {
    return MakeError(ErrorCode::kInvalidArgument, kInvalidFilterField,
                     std::string("operator '") + CompareOpText(op) + "' does not apply to " +
                         FieldTypeName(spec.type) + " field '" + spec.name + "'");
  }
  return OkStatus();
}

std::optional<int64_t> ParseInt64(std::string_view s) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<double> ParseFiniteDouble(std::string_view s) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) {
    return std::nullopt;
  }
  return v;
}

FilterValue NormaliseEnum(const FieldSpec& spec, CompareOp op, std::string raw) {
  if (op != CompareOp::kEq && op != CompareOp::kNe) return raw;
  for (const auto& known : spec.enum_values) {
    if (EqualsIgnoreCase(known, raw)) return known;
  }
  return raw;  // unknown values (e.g. "ext:" extensions) simply match nothing or something
}

}  // namespace

std::optional<int64_t> ParseInstantMillis(std::string_view text) {
  std::string s(Trim(text));
  if (s.size() > 10 && s[10] == ' ') s[10] = 'T';
  if (s.size() >= 19) {
    size_t pos = 19;
    if (pos < s.size() && s[pos] == '.') {
      ++pos;
      while (pos < s.size() && IsDigit(s[pos])) ++pos;
    }
    if (pos == s.size()) {
      s += 'Z';
    } else if (s[pos] == ' ' && s.size() - pos == 6) {
      s[pos] = '+';
    }
  }
  return ParseIso8601Millis(s);
}

Result<FilterValue> ConvertFilterValue(const FieldSpec& spec, CompareOp op, std::string raw) {
  MUSTER_RETURN_IF_ERROR(CheckOperator(spec, op));
  switch (spec.type) {
    case FieldType::kString:
      return FilterValue(std::move(raw));
    case FieldType::kEnum:
      return NormaliseEnum(spec, op, std::move(raw));
    case FieldType::kInteger: {
      auto v = ParseInt64(Trim(raw));
      if (!v) return ValueError(spec, raw, "an integer");
      return FilterValue(*v);
    }
    case FieldType::kNumber: {
      auto v = ParseFiniteDouble(Trim(raw));
      if (!v) return ValueError(spec, raw, "a number");
      return FilterValue(*v);
    }
    case FieldType::kBoolean: {
      const std::string_view t = Trim(raw);
      if (EqualsIgnoreCase(t, "true")) return FilterValue(true);
      if (EqualsIgnoreCase(t, "false")) return FilterValue(false);
      return ValueError(spec, raw, "'true' or 'false'");
    }
    case FieldType::kDate: {
      auto ms = ParseInstantMillis(raw);
      if (!ms) return ValueError(spec, raw, "a date (YYYY-MM-DD) or ISO 8601 date-time");
      return FilterValue(FormatIso8601Millis(*ms).substr(0, 10));
    }
    case FieldType::kDateTime: {
      auto ms = ParseInstantMillis(raw);
      if (!ms) return ValueError(spec, raw, "a date (YYYY-MM-DD) or ISO 8601 date-time");
      return FilterValue(*ms);
    }
  }
  return MakeError(ErrorCode::kInternal, "internal_server_error", "unknown field type");
}

}  // namespace muster::oneroster::query::internal
