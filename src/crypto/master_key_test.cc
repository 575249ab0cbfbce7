#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/hex.h"
#include "crypto/internal/test_random.h"
#include "crypto/sealer.h"

namespace muster::crypto {
namespace {

namespace fs = std::filesystem;

const std::string kHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

class MasterKeyFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "muster_master_key_XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    path_ = (dir_ / "master.key").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& content) { std::ofstream(path_, std::ios::binary) << content; }
  std::string Read() {
    std::ifstream in(path_, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  fs::path dir_;
  std::string path_;
  internal::CountingRandom random_;
};

TEST_F(MasterKeyFileTest, CreatesWithMode0600ThenLoadsTheSameKey) {
  Result<MasterKey> created = LoadOrCreateMasterKey(path_, /*create=*/true, random_);
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_EQ(created->bytes.size(), 32u);
  std::string text = Read();
  EXPECT_EQ(text, HexEncode(created->bytes) + "\n");
  struct stat st;
  ASSERT_EQ(stat(path_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);

  Result<MasterKey> loaded = LoadOrCreateMasterKey(path_, /*create=*/true, random_);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ(loaded->bytes, created->bytes);
  EXPECT_EQ(Read(), text);  // not rewritten
}

TEST_F(MasterKeyFileTest, MissingWithoutCreateIsNotFound) {
  Result<MasterKey> key = LoadOrCreateMasterKey(path_, /*create=*/false, random_);
  ASSERT_FALSE(key.ok());
  EXPECT_EQ(key.error().code, ErrorCode::kNotFound);
  EXPECT_FALSE(fs::exists(path_));
}

TEST_F(MasterKeyFileTest, AcceptsNoNewlineOrCrLf) {
  for (const std::string& content : {kHex, kHex + "\n", kHex + "\r\n"}) {
    Write(content);
    Result<MasterKey> key = LoadOrCreateMasterKey(path_, false, random_);
    ASSERT_TRUE(key.ok()) << key.error().message;
    EXPECT_EQ(HexEncode(key->bytes), kHex);
  }
}

TEST_F(MasterKeyFileTest, RefusesWrongContentAndLeavesItAlone) {
  for (const std::string& content :
       {std::string(), kHex.substr(2), kHex + "00", kHex + "\n\n", " " + kHex, kHex + " ",
        "zz" + kHex.substr(2), std::string(4096, 'a')}) {
    Write(content);
    Result<MasterKey> key = LoadOrCreateMasterKey(path_, /*create=*/true, random_);
    ASSERT_FALSE(key.ok()) << content;
    EXPECT_EQ(key.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(key.error().message.find("malformed"), std::string::npos) << key.error().message;
    EXPECT_NE(key.error().message.find(path_), std::string::npos);
    EXPECT_EQ(Read(), content);
  }
}

TEST_F(MasterKeyFileTest, RefusesADirectory) {
  fs::create_directory(path_);
  Result<MasterKey> key = LoadOrCreateMasterKey(path_, true, random_);
  ASSERT_FALSE(key.ok());
}

TEST(MasterKey, FromHex) {
  Result<MasterKey> key = MasterKeyFromHex(kHex);
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(HexEncode(key->bytes), kHex);
  EXPECT_FALSE(MasterKeyFromHex("").ok());
  EXPECT_FALSE(MasterKeyFromHex(kHex.substr(1)).ok());
  EXPECT_FALSE(MasterKeyFromHex(kHex + "0").ok());
  EXPECT_EQ(MasterKeyFromHex("x" + kHex.substr(1)).error().code, ErrorCode::kInvalidArgument);
}

TEST(MasterKey, SubkeysAreDistinctAndStable) {
  MasterKey key = *MasterKeyFromHex(kHex);
  EXPECT_EQ(key.SealingKey().size(), 32u);
  EXPECT_EQ(key.Pepper().size(), 32u);
  EXPECT_NE(key.SealingKey(), key.Pepper());
  EXPECT_NE(key.SealingKey(), key.bytes);
  EXPECT_EQ(key.SealingKey(), MasterKeyFromHex(kHex)->SealingKey());
  EXPECT_NE(key.SealingKey(), MasterKeyFromHex(std::string(64, 'f'))->SealingKey());
}

TEST(MasterKey, SealerUnderDerivedKeyRoundTrips) {
  internal::CountingRandom random;
  MasterKey key = *MasterKeyFromHex(kHex);
  Sealer sealer(key.SealingKey());
  Result<std::string> opened = sealer.Open(sealer.Seal("private key pem", random));
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened, "private key pem");
}

}  // namespace
}  // namespace muster::crypto
