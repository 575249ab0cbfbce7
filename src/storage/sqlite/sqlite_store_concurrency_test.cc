// SqliteStore under several threads: readers beside a writer, readers beside an open
// transaction, and writers from other threads waiting for a transaction to end.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

#include "storage/contract/store_contract.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/sqlite/sqlite_test_support.h"

namespace muster::storage::sqlite {
namespace {

using contract::FailsWith;
using contract::Guid;
using contract::IsOk;
using std::chrono::seconds;

class SqliteConcurrencyTest : public testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(dir_.ok());
    SqliteOptions options;
    options.max_idle_readers = 2;  // fewer than the reader threads: exercise open/close too
    auto store = SqliteStore::Open(dir_.File("muster.db"), options);
    ASSERT_TRUE(IsOk(store));
    store_ = std::move(store).value();
    ASSERT_TRUE(IsOk(store_->Migrate()));
  }

  TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(SqliteConcurrencyTest, ReadersRunWhileAWriterWrites) {
  constexpr int kVendors = 150;
  constexpr int kReaders = 4;
  std::atomic<bool> done{false};
  std::atomic<int> errors{0};
  std::atomic<int> reads{0};

  std::vector<std::thread> readers;
  for (int r = 0; r < kReaders; ++r) {
    readers.emplace_back([&] {
      int64_t last_version = 0;
      size_t last_count = 0;
      while (!done.load()) {
        Result<std::vector<Vendor>> all = store_->ListVendors();
        Result<int64_t> version = store_->ConfigVersion();
        if (!all.ok() || !version.ok()) {
          ++errors;
          continue;
        }
        // Each reader sees a growing database: committed writes never disappear.
        if (all->size() < last_count || *version < last_version) ++errors;
        last_count = all->size();
        last_version = *version;
        if (!all->empty() && !store_->GetVendor(all->front().id).ok()) ++errors;
        ++reads;
      }
    });
  }

  for (int i = 1; i <= kVendors; ++i) {
    const Vendor v{.id = Guid(i), .name = "V"};
    if (i % 3 == 0) {
      EXPECT_TRUE(IsOk(store_->InTransaction([&] { return store_->CreateVendor(v); })));
    } else {
      EXPECT_TRUE(IsOk(store_->CreateVendor(v)));
    }
  }
  done = true;
  for (std::thread& t : readers) t.join();

  EXPECT_EQ(errors.load(), 0);
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(store_->ListVendors()->size(), static_cast<size_t>(kVendors));
}

TEST_F(SqliteConcurrencyTest, ReadsDoNotWaitForAnOpenTransaction) {
  std::promise<void> written, finish;
  std::future<void> finish_signal = finish.get_future();
  std::thread writer([&] {
    Status s = store_->InTransaction([&] {
      Status created = store_->CreateVendor({.id = Guid(1), .name = "V"});
      written.set_value();
      finish_signal.wait();
      return created;
    });
    EXPECT_TRUE(IsOk(s));
  });
  written.get_future().wait();

  // While the transaction is open, another thread reads the last committed state.
  auto read = std::async(std::launch::async, [&] { return store_->ListVendors(); });
  const bool returned = read.wait_for(seconds(5)) == std::future_status::ready;
  EXPECT_TRUE(returned) << "a read waited for the writer";
  finish.set_value();
  writer.join();
  Result<std::vector<Vendor>> seen = read.get();
  ASSERT_TRUE(IsOk(seen));
  if (returned) {
    EXPECT_TRUE(seen->empty());  // the uncommitted vendor is invisible
  }
  EXPECT_TRUE(IsOk(store_->GetVendor(Guid(1))));
}

TEST_F(SqliteConcurrencyTest, OtherThreadsWritesWaitAndDoNotJoinTheTransaction) {
  std::promise<void> written, finish;
  std::future<void> finish_signal = finish.get_future();
  std::thread tx([&] {
    Status s = store_->InTransaction([&]() -> Status {
      MUSTER_RETURN_IF_ERROR(store_->CreateVendor({.id = Guid(1), .name = "V"}));
      written.set_value();
      finish_signal.wait();
      return MakeError(ErrorCode::kInvalidArgument, "abort", "abort");
    });
    EXPECT_TRUE(FailsWith(s, ErrorCode::kInvalidArgument));
  });
  written.get_future().wait();

  auto other = std::async(std::launch::async,
                          [&] { return store_->CreateVendor({.id = Guid(2), .name = "V"}); });
  EXPECT_EQ(other.wait_for(std::chrono::milliseconds(100)), std::future_status::timeout)
      << "a write from another thread did not wait for the transaction";
  finish.set_value();
  tx.join();
  EXPECT_TRUE(IsOk(other.get()));
  EXPECT_TRUE(FailsWith(store_->GetVendor(Guid(1)), ErrorCode::kNotFound));
  EXPECT_TRUE(IsOk(store_->GetVendor(Guid(2))));
}

TEST_F(SqliteConcurrencyTest, TransactionsFromManyThreadsAllCommit) {
  constexpr int kThreads = 4, kEach = 25;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        const int n = t * kEach + i + 1;
        Status s = store_->InTransaction([&]() -> Status {
          MUSTER_RETURN_IF_ERROR(store_->CreateVendor({.id = Guid(n), .name = "V"}));
          MUSTER_RETURN_IF_ERROR(store_->GetVendor(Guid(n)));
          return store_->AppendAudit({contract::MakeAudit(n, "cli", Guid(n))});
        });
        if (!s.ok()) ++failures;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(store_->ListVendors()->size(), static_cast<size_t>(kThreads * kEach));
  AuditQuery q;
  q.limit = 1000;
  EXPECT_EQ(store_->ListAudit(q)->size(), static_cast<size_t>(kThreads * kEach));
}

}  // namespace
}  // namespace muster::storage::sqlite
