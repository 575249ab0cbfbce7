#include "odata/query/internal/lexer.h"

#include <charconv>
#include <cmath>
#include <string>

#include "odata/query/internal/errors.h"
#include "odata/query/internal/literal.h"
#include "odata/query/internal/text.h"
#include "odata/query/query.h"

namespace muster::odata::query::internal {
namespace {

constexpr char kFilterOption[] = "$filter";

bool IsWordChar(char c) { return IsIdentChar(c) || c == '.'; }
bool IsDateTimeChar(char c) {
  return IsDigit(c) || c == ':' || c == '.' || c == '+' || c == '-' || c == 'T' || c == 't' ||
         c == 'Z' || c == 'z';
}

Token LiteralToken(size_t start, std::string_view text, Literal literal) {
  return Token{TokenKind::kLiteral, start, text, std::move(literal)};
}

// `s` ends in " hh:mm" (a '+' that form decoding turned into a space)?
bool EndsWithSpacedOffset(std::string_view s) {
  const size_t n = s.size();
  return n >= 6 && s[n - 6] == ' ' && IsDigit(s[n - 5]) && IsDigit(s[n - 4]) && s[n - 3] == ':' &&
         IsDigit(s[n - 2]) && IsDigit(s[n - 1]);
}

}  // namespace

Error Lexer::Fail(const char* reason, size_t pos, std::string_view what) const {
  return PositionError(reason, kFilterOption, pos, what);
}

Result<Token> Lexer::Next() {
  while (!AtEnd() && IsSpace(text_[pos_])) ++pos_;
  const size_t start = pos_;
  if (AtEnd()) return Token{TokenKind::kEnd, start, {}, {}};
  const char c = text_[pos_];
  TokenKind single = TokenKind::kEnd;
  switch (c) {
    case '(':
      single = TokenKind::kLParen;
      break;
    case ')':
      single = TokenKind::kRParen;
      break;
    case ',':
      single = TokenKind::kComma;
      break;
    case '/':
      single = TokenKind::kSlash;
      break;
    default:
      break;
  }
  if (single != TokenKind::kEnd) {
    ++pos_;
    return Token{single, start, text_.substr(start, 1), {}};
  }
  if (c == '\'') return LexString(start);
  if (c == '"') return Fail(kInvalidFilter, start, "strings are written in single quotes ('...')");
  if (LooksLikeGuid()) {
    pos_ += 36;
    Literal guid{.kind = LiteralKind::kGuid, .text = *ParseGuid(text_.substr(start, 36))};
    return LiteralToken(start, text_.substr(start, 36), std::move(guid));
  }
  if (IsDigit(c) && IsDigit(Peek(1)) && IsDigit(Peek(2)) && IsDigit(Peek(3)) && Peek(4) == '-') {
    return LexDateTime(start);
  }
  if (IsDigit(c) || (c == '-' && IsDigit(Peek(1)))) return LexNumber(start);
  if (IsIdentStart(c)) return LexWord(start);
  return Fail(kInvalidFilter, start,
              std::string("unexpected character '") + Echo(text_.substr(start, 1)) + "'");
}

bool Lexer::LooksLikeGuid() const {
  if (text_.size() - pos_ < 36) return false;
  for (size_t i = 0; i < 36; ++i) {
    const char c = text_[pos_ + i];
    if (i == 8 || i == 13 || i == 18 || i == 23 ? c != '-' : !IsHexDigit(c)) return false;
  }
  const char after = Peek(36);
  return !IsWordChar(after) && after != '-';
}

Result<Token> Lexer::LexString(size_t start) {
  pos_ = start + 1;
  std::string value;
  while (!AtEnd()) {
    const char c = text_[pos_++];
    if (c != '\'') {
      value.push_back(c);
    } else if (Peek() == '\'') {
      value.push_back('\'');
      ++pos_;
    } else {
      Literal literal{.kind = LiteralKind::kString, .text = std::move(value)};
      return LiteralToken(start, text_.substr(start, pos_ - start), std::move(literal));
    }
  }
  return Fail(kInvalidFilter, start, "unterminated string (no closing ')");
}

Result<Token> Lexer::LexNumber(size_t start) {
  pos_ = start;
  if (Peek() == '-') ++pos_;
  while (IsDigit(Peek())) ++pos_;
  bool decimal = false;
  if (Peek() == '.' && IsDigit(Peek(1))) {
    decimal = true;
    ++pos_;
    while (IsDigit(Peek())) ++pos_;
  }
  if ((Peek() == 'e' || Peek() == 'E') &&
      (IsDigit(Peek(1)) || ((Peek(1) == '+' || Peek(1) == '-') && IsDigit(Peek(2))))) {
    decimal = true;
    pos_ += 2;
    while (IsDigit(Peek())) ++pos_;
  }
  const std::string_view digits = text_.substr(start, pos_ - start);
  // OData v3 type suffixes: 42L (Int64), 1.5M (Decimal), 1.5d / 1.5f (Double / Single).
  const char suffix = Peek();
  if (!IsWordChar(Peek(1))) {
    if (suffix == 'L' || suffix == 'l') {
      if (decimal) return Fail(kInvalidLiteral, start, "an L suffix needs an integer");
      ++pos_;
    } else if (suffix == 'M' || suffix == 'm' || suffix == 'D' || suffix == 'd' || suffix == 'F' ||
               suffix == 'f') {
      decimal = true;
      ++pos_;
    }
  }
  const std::string_view token = text_.substr(start, pos_ - start);
  if (IsWordChar(Peek())) {
    return Fail(kInvalidLiteral, start,
                std::string("malformed number '") + Echo(text_.substr(start, 24)) + "'");
  }
  const char* first = digits.data();
  const char* last = digits.data() + digits.size();
  if (!decimal) {
    int64_t v = 0;
    auto [end, ec] = std::from_chars(first, last, v);
    if (ec != std::errc() || end != last) {
      return Fail(kInvalidLiteral, start,
                  std::string("integer '") + Echo(digits) + "' is out of range");
    }
    return LiteralToken(start, token, Literal{.kind = LiteralKind::kInt, .integer = v});
  }
  double v = 0;
  auto [end, ec] = std::from_chars(first, last, v);
  if (ec != std::errc() || end != last || !std::isfinite(v)) {
    return Fail(kInvalidLiteral, start,
                std::string("number '") + Echo(digits) + "' is out of range");
  }
  Literal literal{.kind = LiteralKind::kDecimal, .text = std::string(digits), .decimal = v};
  return LiteralToken(start, token, std::move(literal));
}

Result<Token> Lexer::LexDateTime(size_t start) {
  pos_ = start;
  while (IsDateTimeChar(Peek())) ++pos_;
  std::string text(text_.substr(start, pos_ - start));
  const bool has_time = text.size() > 10 && (text[10] == 'T' || text[10] == 't');
  if (has_time && text.find_first_of("+-Zz", 11) == std::string::npos && pos_ + 6 <= text_.size() &&
      EndsWithSpacedOffset(text_.substr(pos_, 6)) && !IsWordChar(Peek(6)) && Peek(6) != ':') {
    text.append("+").append(text_.substr(pos_ + 1, 5));
    pos_ += 6;
  }
  const std::string_view token = text_.substr(start, pos_ - start);
  if (IsWordChar(Peek())) {
    return Fail(kInvalidLiteral, start,
                std::string("malformed date '") + Echo(text_.substr(start, 40)) + "'");
  }
  if (!has_time) {
    auto date = ParseDate(text);
    if (!date)
      return Fail(kInvalidLiteral, start, std::string("invalid date '") + Echo(text) + "'");
    return LiteralToken(start, token, Literal{.kind = LiteralKind::kDate, .text = *date});
  }
  auto ms = ParseDateTimeOffset(text, false);
  if (!ms) {
    return Fail(kInvalidLiteral, start,
                ParseDateTimeOffset(text, true)
                    ? std::string("date-time '") + Echo(text) + "' needs a zone: Z or +hh:mm"
                    : std::string("invalid date-time '") + Echo(text) + "'");
  }
  return LiteralToken(start, token, Literal{.kind = LiteralKind::kDateTimeOffset, .integer = *ms});
}

Result<Token> Lexer::LexWord(size_t start) {
  pos_ = start;
  while (IsWordChar(Peek())) ++pos_;
  const std::string_view word = text_.substr(start, pos_ - start);
  if (Peek() == '\'') return LexTypedLiteral(start, word);
  if (EqualsIgnoreCase(word, "null")) return LiteralToken(start, word, Literal{});
  if (EqualsIgnoreCase(word, "true") || EqualsIgnoreCase(word, "false")) {
    const int64_t v = EqualsIgnoreCase(word, "true") ? 1 : 0;
    return LiteralToken(start, word, Literal{.kind = LiteralKind::kBool, .integer = v});
  }
  return Token{TokenKind::kIdentifier, start, word, {}};
}

Result<Token> Lexer::LexTypedLiteral(size_t start, std::string_view prefix) {
  MUSTER_ASSIGN_OR_RETURN(Token quoted, LexString(pos_));
  std::string content = std::move(quoted.literal.text);
  const std::string_view token = text_.substr(start, pos_ - start);
  const std::string shown = Echo(token);
  if (EqualsIgnoreCase(prefix, "guid")) {
    auto guid = ParseGuid(content);
    if (!guid) return Fail(kInvalidLiteral, start, "invalid GUID " + shown);
    return LiteralToken(start, token, Literal{.kind = LiteralKind::kGuid, .text = *guid});
  }
  if (EqualsIgnoreCase(prefix, "datetime") || EqualsIgnoreCase(prefix, "datetimeoffset")) {
    if (EndsWithSpacedOffset(content)) content[content.size() - 6] = '+';
    auto ms = ParseDateTimeOffset(content, EqualsIgnoreCase(prefix, "datetime"));
    if (!ms) return Fail(kInvalidLiteral, start, "invalid date-time " + shown);
    return LiteralToken(start, token,
                        Literal{.kind = LiteralKind::kDateTimeOffset, .integer = *ms});
  }
  if (prefix.find('.') != std::string_view::npos) {
    if (!IsIdentifierPath(prefix, '.') || !IsIdentifier(content)) {
      return Fail(kInvalidLiteral, start, "invalid enum literal " + shown);
    }
    Literal literal{
        .kind = LiteralKind::kEnum, .text = std::move(content), .enum_type = std::string(prefix)};
    return LiteralToken(start, token, std::move(literal));
  }
  return Fail(kInvalidLiteral, start,
              std::string("unsupported literal type '") + Echo(prefix) + "' (supported: guid'…', " +
                  "datetime'…', datetimeoffset'…', Namespace.EnumType'Member')");
}

}  // namespace muster::odata::query::internal
