#pragma once

// Tokenizer for `$filter` text. Literals are recognised and converted here, so the parser
// sees typed values:
//
//   'text'  ('' inside = one quote)          -> kString
//   42  -7  42L                              -> kInt (int64)
//   1.5  -0.25  1e3  1.5M  1.5d              -> kDecimal (finite double)
//   true false null                          -> kBool / kNull  (any letter case)
//   01234567-89ab-cdef-0123-456789ABCDEF     -> kGuid          (bare, v4)
//   guid'01234567-…'                         -> kGuid          (v3)
//   2024-01-01                               -> kDate
//   2024-01-01T10:00:00Z  …T10:00+01:00      -> kDateTimeOffset (Unix ms)
//   datetime'2024-01-01T10:00:00'            -> kDateTimeOffset (v3; no zone = UTC)
//   datetimeoffset'2024-01-01T10:00:00Z'     -> kDateTimeOffset (v3)
//   SIMS.GroupTypeEnum'YearGroup'            -> kEnum
//
// A '+' in a date-time offset that form decoding turned into a space
// ("2024-01-01T10:00:00 01:00") is read back as '+'. Identifiers are [A-Za-z_][A-Za-z0-9_.]*
// (dots for qualified names); keywords such as `and` and `eq` are identifiers to the lexer.
// Total: never reads out of bounds, each call consumes at least one byte or ends.

#include <cstddef>
#include <string_view>

#include "core/result.h"
#include "odata/query/ast.h"

namespace muster::odata::query::internal {

enum class TokenKind { kEnd, kLParen, kRParen, kComma, kSlash, kIdentifier, kLiteral };

struct Token {
  TokenKind kind = TokenKind::kEnd;
  size_t pos = 0;         // 0-based offset of the first byte
  std::string_view text;  // the token's text in the input
  Literal literal;        // kLiteral only
};

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  // The next token; kEnd (repeatedly) at the end. Errors are InvalidFilter or InvalidLiteral
  // with the position.
  Result<Token> Next();

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek(size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  Error Fail(const char* reason, size_t pos, std::string_view what) const;

  Result<Token> LexString(size_t start);
  Result<Token> LexNumber(size_t start);
  Result<Token> LexDateTime(size_t start);
  Result<Token> LexWord(size_t start);
  Result<Token> LexTypedLiteral(size_t start, std::string_view prefix);
  bool LooksLikeGuid() const;

  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace muster::odata::query::internal
