// The `vankien` command line: a thin front over libvankien.
#include <malloc.h>

#include <iostream>
#include <new>
#include <map>

#include "commands.hpp"
#include "vankien/error.hpp"
#include "vankien/metadata.hpp"
#include "vankien/version.hpp"

int main(int argc, char** argv) {
  // Blocks of 256 KB or more (a document's text, its stored record, read
  // blocks) are mapped and given back to the system when freed. Left to
  // itself, glibc raises this threshold to the largest block freed, and a
  // large document's buffers then stay in the heap: a batch's peak memory
  // would be its largest document's high-water mark plus fragmentation.
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
  CLI::App app{"vankien: full-text search for Vietnamese Party documents"};
  // The data directory too: which gazetteer an installed copy reads is the
  // first thing to check when places come out wrong.
  app.set_version_flag("--version", std::string("vankien ") + vankien::version_string +
                                        "\ndata files: " + vankien::default_data_dir().string());
  app.require_subcommand(1);
  app.footer("Run 'vankien COMMAND --help' for a command's options and examples.");

  const std::map<std::string, vankien::cli::CommandRunner> runners = {
      {"index", vankien::cli::add_index_command(app)},
      {"search", vankien::cli::add_search_command(app)},
      {"show", vankien::cli::add_show_command(app)},
      {"delete", vankien::cli::add_delete_command(app)},
      {"stats", vankien::cli::add_stats_command(app)},
      {"analyze", vankien::cli::add_analyze_command(app)},
      {"serve-shard", vankien::cli::add_serve_shard_command(app)},
      {"serve", vankien::cli::add_serve_command(app)},
      {"keys", vankien::cli::add_keys_command(app)},
  };

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? 0 : 2;  // usage errors are errors (2), as in ripgrep
  }
  for (const CLI::App* command : app.get_subcommands()) {
    try {
      return runners.at(command->get_name())();
    } catch (const vankien::Error& error) {  // the library's own messages, written for users
      std::cerr << "vankien " << command->get_name() << ": " << error.what() << '\n';
      return 2;
    } catch (const std::bad_alloc&) {
      std::cerr << "vankien " << command->get_name() << ": out of memory\n";
      return 2;
    } catch (const std::exception& error) {  // a defect: say so, rather than pass it off as a reason
      std::cerr << "vankien " << command->get_name() << ": internal error (please report it): " << error.what()
                << '\n';
      return 2;
    } catch (...) {  // a defect too (the library lets no other type out): an error, not an abort
      std::cerr << "vankien " << command->get_name()
                << ": internal error (please report it): an exception of a type the library does not throw\n";
      return 2;
    }
  }
  return 2;
}
