#pragma once

// StoredRows: the rows of one page of stored DeX JSON (learner/stored_json.h), packed into
// one buffer as the store reads them, so a 1,000-row page costs a few allocations rather
// than one per row. Append-only; a plain value. Not thread-safe.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace muster::learner {

class StoredRows {
 public:
  void Add(std::string_view row) {
    data_.append(row);
    ends_.push_back(data_.size());
  }
  size_t size() const { return ends_.size(); }
  bool empty() const { return ends_.empty(); }
  // Bytes of every row together (to size a response).
  size_t bytes() const { return data_.size(); }
  std::string_view operator[](size_t i) const {
    const size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(data_).substr(begin, ends_[i] - begin);
  }
  void Reserve(size_t rows, size_t bytes) {
    ends_.reserve(rows);
    data_.reserve(bytes);
  }

 private:
  std::string data_;
  std::vector<size_t> ends_;
};

}  // namespace muster::learner
