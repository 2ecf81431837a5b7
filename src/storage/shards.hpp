#pragma once
// Where the shards of a search are. A database location is
//   - a path to a vankien database;
//   - "tcp://HOST:PORT", a database served by xapian-tcpsrv (docs/SCALING.md);
//   - a Xapian stub file: one shard a line, "auto PATH" (also "glass PATH",
//     "chert PATH"; relative to the stub's folder), "remote HOST:PORT" or
//     "remote :PROGRAM ARGS" (xapian-progsrv, e.g. over ssh); '#' comments.
//     An "auto" line may name another stub, whose shards are read in its place.
// Each shard is opened on its own, so that one that does not answer can be
// left out of a search and named (Results::missing_shards).

#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

namespace vankien::storage {

struct RemoteTimeouts {
  unsigned reply_ms = 10000;   ///< a remote shard that takes longer to answer is missing
  unsigned connect_ms = 5000;  ///< to connect to one
};

struct ShardLocation {
  enum class Kind { local, tcp, program };
  Kind kind = Kind::local;
  std::string name;             ///< how it is named: the path, "tcp://host:port", "remote :prog args"
  std::filesystem::path path;   ///< local
  std::string host;             ///< tcp
  unsigned port = 0;            ///< tcp
  std::string program, args;    ///< program

  bool remote() const { return kind != Kind::local; }
};

/// The shards `location` names. Throws DatabaseNotFoundError for a path that
/// is neither a database nor a stub, Error for a bad stub line or address.
std::vector<ShardLocation> shard_locations(const std::string& location);

/// Opens one shard and checks it is a vankien database of this format.
/// Throws DatabaseNotFoundError, Error; Xapian::NetworkError when a remote
/// shard cannot be reached.
Xapian::Database open_shard(const ShardLocation& shard, const RemoteTimeouts& timeouts);

}  // namespace vankien::storage
