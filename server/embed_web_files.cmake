# Writes OUTPUT: a C++ file defining built_in_web_files() over the files
# given in FILES (a comma-separated list of paths under WEB_DIR), each as a
# byte array.
string(REPLACE "," ";" FILES "${FILES}")
set(entries "")
set(arrays "")
set(index 0)
foreach(file IN LISTS FILES)
  file(READ "${WEB_DIR}/${file}" bytes HEX)
  string(LENGTH "${bytes}" hex_length)
  math(EXPR length "${hex_length} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${bytes}")
  string(APPEND arrays "const char file_${index}[] = {${bytes}0};\n")
  string(APPEND entries "    {\"/${file}\", content_type_of(\"${file}\"), {file_${index}, ${length}}},\n")
  math(EXPR index "${index} + 1")
endforeach()
file(WRITE "${OUTPUT}.new" "// Generated from web/ by server/embed_web_files.cmake: do not edit.
#include \"server/web_files.hpp\"

namespace vankien::server {

namespace {
${arrays}}  // namespace

std::span<const WebFile> built_in_web_files() {
  static const WebFile files[] = {
${entries}  };
  return files;
}

}  // namespace vankien::server
")
file(COPY_FILE "${OUTPUT}.new" "${OUTPUT}" ONLY_IF_DIFFERENT)
