// MasterKey and its loaders (declared in sealer.h).

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/hex.h"
#include "crypto/internal/sodium.h"
#include "crypto/sealer.h"

namespace muster::crypto {
namespace {

constexpr size_t kKeyBytes = crypto_kdf_KEYBYTES;
static_assert(kKeyBytes == 32 && crypto_kdf_BYTES_MIN <= 32 && crypto_kdf_BYTES_MAX >= 32);
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "MUSTERv1";
static_assert(sizeof(kKdfContext) == crypto_kdf_CONTEXTBYTES + 1);
constexpr uint64_t kSealingSubkeyId = 1;
constexpr uint64_t kPepperSubkeyId = 2;
constexpr size_t kMaxFileBytes = 128;  // 64 hex + newline, with room to say "too long"

const char kFormatHint[] =
    "expected exactly 64 hexadecimal characters (32 bytes), optionally followed by a newline";

std::string DeriveSubkey(const std::string& master, uint64_t id) {
  if (master.size() != kKeyBytes) {
    std::fprintf(stderr, "muster: MasterKey must be 32 bytes, got %zu\n", master.size());
    std::abort();  // broken invariant: MasterKey values come from the loaders below
  }
  std::string subkey(32, '\0');
  crypto_kdf_derive_from_key(reinterpret_cast<unsigned char*>(subkey.data()), subkey.size(), id,
                             kKdfContext, reinterpret_cast<const unsigned char*>(master.data()));
  return subkey;
}

Error IoError(const char* what, const std::string& path, int err) {
  return MakeError(
      ErrorCode::kInternal, "master_key_io",
      std::string("cannot ") + what + " master key file '" + path + "': " + std::strerror(err));
}

// Parses the text form: 64 hex characters, then optionally "\n" or "\r\n".
std::optional<std::string> ParseKeyText(std::string_view text) {
  if (text.size() > 0 && text.back() == '\n') text.remove_suffix(1);
  if (text.size() > 0 && text.back() == '\r') text.remove_suffix(1);
  if (text.size() != 2 * kKeyBytes) return std::nullopt;
  return HexDecode(text);
}

Result<MasterKey> ReadKeyFile(int fd, const std::string& path) {
  struct stat st;
  if (fstat(fd, &st) != 0) return IoError("stat", path, errno);
  if (!S_ISREG(st.st_mode)) {
    return MakeError(ErrorCode::kInvalidArgument, "master_key_invalid",
                     "master key file '" + path + "' is not a regular file");
  }
  char buf[kMaxFileBytes + 1];
  size_t size = 0;
  while (size < sizeof buf) {
    ssize_t n = read(fd, buf + size, sizeof buf - size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return IoError("read", path, errno);
    if (n == 0) break;
    size += static_cast<size_t>(n);
  }
  std::optional<std::string> bytes = ParseKeyText(std::string_view(buf, size));
  sodium_memzero(buf, sizeof buf);
  if (!bytes) {
    return MakeError(ErrorCode::kInvalidArgument, "master_key_invalid",
                     "master key file '" + path + "' is malformed: " + kFormatHint +
                         "; refusing to use it (it was not modified)");
  }
  return MasterKey{std::move(*bytes)};
}

bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

void SyncParentDirectory(const std::string& path) {
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "." : path.substr(0, slash == 0 ? 1 : slash);
  int fd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // best effort: the file itself is already synced
  (void)fsync(fd);
  close(fd);
}

// Creates `path` exclusively. Sets `*exists` when another process created it first.
Result<MasterKey> CreateKeyFile(const std::string& path, Random& random, bool* exists) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    *exists = errno == EEXIST;
    return IoError("create", path, errno);
  }
  MasterKey key{random.Bytes(kKeyBytes)};
  std::string text = HexEncode(key.bytes) + "\n";
  bool ok = WriteAll(fd, text) && fsync(fd) == 0;
  int err = errno;
  sodium_memzero(text.data(), text.size());
  if (close(fd) != 0 && ok) {
    ok = false;
    err = errno;
  }
  if (!ok) {
    unlink(path.c_str());
    return IoError("write", path, err);
  }
  SyncParentDirectory(path);
  return key;
}

}  // namespace

std::string MasterKey::SealingKey() const { return DeriveSubkey(bytes, kSealingSubkeyId); }

std::string MasterKey::Pepper() const { return DeriveSubkey(bytes, kPepperSubkeyId); }

Result<MasterKey> LoadOrCreateMasterKey(const std::string& path, bool create, Random& random) {
  internal::EnsureSodiumInitialized();
  // Two rounds: if another process creates the file between our open() and our O_EXCL
  // create, read the key it wrote.
  for (int round = 0; round < 2; ++round) {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
      Result<MasterKey> key = ReadKeyFile(fd, path);
      close(fd);
      return key;
    }
    if (errno != ENOENT) return IoError("open", path, errno);
    if (!create) {
      return MakeError(ErrorCode::kNotFound, "master_key_missing",
                       "master key file '" + path + "' does not exist");
    }
    bool exists = false;
    Result<MasterKey> created = CreateKeyFile(path, random, &exists);
    if (created.ok() || !exists) return created;
  }
  return MakeError(ErrorCode::kInternal, "master_key_io",
                   "master key file '" + path + "' appeared and vanished while loading it");
}

Result<MasterKey> MasterKeyFromHex(std::string_view hex) {
  internal::EnsureSodiumInitialized();
  std::optional<std::string> bytes = ParseKeyText(hex);
  if (!bytes) {
    return MakeError(ErrorCode::kInvalidArgument, "master_key_invalid",
                     std::string("master key is malformed: ") + kFormatHint);
  }
  return MasterKey{std::move(*bytes)};
}

}  // namespace muster::crypto
