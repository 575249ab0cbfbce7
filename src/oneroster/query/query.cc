#include "oneroster/query/query.h"

namespace muster::oneroster::query {

const char* CompareOpText(CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      return "=";
    case CompareOp::kNe:
      return "!=";
    case CompareOp::kGt:
      return ">";
    case CompareOp::kGe:
      return ">=";
    case CompareOp::kLt:
      return "<";
    case CompareOp::kLe:
      return "<=";
    case CompareOp::kContains:
      return "~";
  }
  return "?";
}

}  // namespace muster::oneroster::query
