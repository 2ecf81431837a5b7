// XML documents, read with expat as the bytes arrive: memory holds the
// document being read and what expat keeps of an unfinished tag, never the
// file, so a file of any size streams in.
#include <expat.h>

#include <algorithm>
#include <climits>
#include <new>

#include "readers.hpp"

namespace vankien::readers {

namespace {

// Elements that stand on lines of their own: their text is a paragraph.
bool is_block(std::string_view name) {
  static constexpr std::string_view blocks[] = {
      "p",  "div", "br", "li", "ul", "ol", "tr", "table", "thead", "tbody", "h1", "h2", "h3", "h4",
      "h5", "h6",  "section", "article", "blockquote", "pre", "hr", "dl", "dt", "dd", "figure",
      "figcaption", "header", "footer", "caption", "para", "paragraph"};
  return std::find(std::begin(blocks), std::end(blocks), name) != std::end(blocks);
}

bool is_cell(std::string_view name) { return name == "td" || name == "th"; }

bool is_whitespace(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Bytes at the end of `data` that begin a UTF-8 sequence the data does not
// finish: held back until the next piece completes them.
std::size_t unfinished_sequence(std::string_view data) {
  for (std::size_t back = 1; back <= std::min<std::size_t>(3, data.size()); ++back) {
    const auto byte = static_cast<unsigned char>(data[data.size() - back]);
    if ((byte & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    const std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

}  // namespace

// The parse: where it stands in the element tree, and the document and field
// being read. expat calls the handlers below with a pointer to it.
struct XmlStream::State {
  explicit State(const Input& reading) : input(reading) {}

  const Input& input;
  XML_Parser parser = nullptr;
  bool stopped = false;        // a problem ended the file
  std::size_t fed = 0;         // bytes given to expat
  std::size_t lines_fed = 0;   // newlines among them
  std::size_t last_event = 0;  // byte index of expat's latest event
  std::string held_back;       // an unfinished UTF-8 sequence

  std::size_t depth = 0;       // elements open
  std::size_t ignored_at = 0;  // depth of an ignored element (0: none), its subtree skipped

  bool in_document = false;
  std::size_t document_depth = 0;
  bool dropped = false;        // the document failed: the rest of it is skipped
  Document document;
  std::size_t document_bytes = 0;  // field text so far, held to the size limit

  bool in_field = false;
  std::string field;
  SourceLocation field_at;
  bool paragraphs = false;     // block elements give line breaks, not spaces
  std::string value;
  std::string run;             // text since the last markup: dropped if only whitespace
  bool in_cdata = false;

  SourceLocation here() const {
    return {input.name, input.start_line - 1 + XML_GetCurrentLineNumber(parser),
            input.start_offset + static_cast<std::size_t>(std::max<XML_Index>(0, XML_GetCurrentByteIndex(parser)))};
  }

  void note_event() {
    last_event = static_cast<std::size_t>(std::max<XML_Index>(0, XML_GetCurrentByteIndex(parser)));
  }

  void stop(const SourceLocation& where, std::string message) {
    input.problem(where, std::move(message));
    stopped = true;
    XML_StopParser(parser, XML_FALSE);
  }

  // Counts `bytes` more of the document's text; false (the document dropped)
  // past the size limit.
  bool within_limit(std::size_t bytes) {
    document_bytes += bytes;
    if (document_bytes <= input.options.max_document_bytes) return true;
    input.problem(document.source, too_large(input.options));
    drop();
    return false;
  }

  void drop() {
    dropped = true;
    in_field = false;
    value.clear();
    run.clear();
  }

  void separate(char separator) {
    if (!value.empty() && value.back() != '\n' && value.back() != separator) value += separator;
  }

  // A run of text ends at markup; a run of whitespace between tags is layout.
  void end_run() {
    if (!is_whitespace(run)) value += run;
    run.clear();
  }

  void begin_document(const XML_Char** attributes) {
    in_document = true;
    document_depth = depth;
    dropped = false;
    document = Document{};
    document.source = here();
    document_bytes = 0;
    for (const XML_Char** attribute = attributes; *attribute && !dropped; attribute += 2) {
      const std::string attribute_value = attribute[1];
      if (!within_limit(attribute_value.size())) break;
      if (!input.apply_field(document, attribute[0], attribute_value, document.source)) drop();
    }
  }

  void end_document() {
    in_document = false;
    if (!dropped) input.on_document(std::move(document));
  }

  void begin_field(std::string_view name) {
    in_field = true;
    field = name;
    field_at = here();
    paragraphs = name == "body" || name == "text" || name == "lead";
    value.clear();
    run.clear();
  }

  void end_field() {
    in_field = false;
    if (!input.apply_field(document, field, value, field_at)) drop();
    value.clear();
  }

  void start_element(std::string_view name, const XML_Char** attributes) {
    note_event();
    if (in_field) end_run();
    ++depth;
    if (ignored_at != 0 || (in_document && dropped)) return;
    if (depth == 1) {
      if (name == "document") {
        begin_document(attributes);
      } else if (name != "documents") {
        stop(here(), "expected <documents> or <document>, found <" + std::string(name) + ">");
      }
    } else if (!in_document) {  // a child of <documents>
      if (name == "document") {
        begin_document(attributes);
      } else {
        input.problem(here(), "unknown element <" + std::string(name) + "> ignored", true);
        ignored_at = depth;
      }
    } else if (depth == document_depth + 1) {
      begin_field(name);
    } else if (in_field) {
      if (is_block(name)) separate(paragraphs ? '\n' : ' ');
      if (is_cell(name)) separate(' ');
    }
  }

  void end_element(std::string_view name) {
    note_event();
    if (in_field) end_run();
    const std::size_t closing = depth--;
    if (ignored_at != 0) {
      if (closing == ignored_at) ignored_at = 0;
      return;
    }
    if (!in_document) return;
    if (closing == document_depth) {
      end_document();
    } else if (in_field && closing == document_depth + 1) {
      end_field();
    } else if (in_field && is_block(name)) {
      separate(paragraphs ? '\n' : ' ');
    }
  }

  void text(std::string_view data) {
    note_event();
    if (!in_field) return;  // text outside fields (and in ignored elements) is layout
    if (!within_limit(data.size())) return;
    (in_cdata ? value : run).append(data);
  }

  // Markup that is not an element (a comment, a processing instruction) also
  // ends a run of text.
  void other_markup() {
    note_event();
    if (in_field) end_run();
  }
};

namespace {

XmlStream::State& state_of(void* user_data) { return *static_cast<XmlStream::State*>(user_data); }

void XMLCALL on_start(void* user_data, const XML_Char* name, const XML_Char** attributes) {
  state_of(user_data).start_element(name, attributes);
}

void XMLCALL on_end(void* user_data, const XML_Char* name) { state_of(user_data).end_element(name); }

void XMLCALL on_text(void* user_data, const XML_Char* data, int length) {
  state_of(user_data).text(std::string_view(data, static_cast<std::size_t>(length)));
}

void XMLCALL on_cdata_start(void* user_data) {
  XmlStream::State& state = state_of(user_data);
  state.other_markup();
  state.in_cdata = true;
}

void XMLCALL on_cdata_end(void* user_data) { state_of(user_data).in_cdata = false; }

void XMLCALL on_comment(void* user_data, const XML_Char*) { state_of(user_data).other_markup(); }

void XMLCALL on_instruction(void* user_data, const XML_Char*, const XML_Char*) {
  state_of(user_data).other_markup();
}

// An entity the document uses without declaring it (&nbsp; from HTML) stays
// as it was written, rather than failing the file.
void XMLCALL on_skipped_entity(void* user_data, const XML_Char* name, int is_parameter_entity) {
  if (is_parameter_entity) return;
  std::string written = "&";  // appended, not concatenated: GCC 12 misreads the inlined copies
  written += name;
  written += ';';
  state_of(user_data).text(written);
}

// Documents have no use for entity declarations, and declared entities that
// expand into one another are how XML parsers are made to exhaust memory or
// stack: a file that declares one is refused.
void XMLCALL on_entity_declaration(void* user_data, const XML_Char* name, int, const XML_Char*, int,
                                   const XML_Char*, const XML_Char*, const XML_Char*, const XML_Char*) {
  XmlStream::State& state = state_of(user_data);
  state.stop(state.here(), "entity declarations are not accepted (<!ENTITY " + std::string(name) + ">)");
}

}  // namespace

XmlStream::XmlStream(const Input& input) : state_(std::make_unique<State>(input)) {
  XML_Parser parser = XML_ParserCreate("UTF-8");
  state_->parser = parser;
  if (!parser) throw std::bad_alloc();
  XML_SetUserData(parser, state_.get());
  XML_SetElementHandler(parser, on_start, on_end);
  XML_SetCharacterDataHandler(parser, on_text);
  XML_SetCdataSectionHandler(parser, on_cdata_start, on_cdata_end);
  XML_SetCommentHandler(parser, on_comment);
  XML_SetProcessingInstructionHandler(parser, on_instruction);
  XML_SetSkippedEntityHandler(parser, on_skipped_entity);
  XML_SetEntityDeclHandler(parser, on_entity_declaration);
  // As if the document named an external DTD that is never read: undeclared
  // entities then go to on_skipped_entity instead of being an error.
  XML_UseForeignDTD(parser, XML_TRUE);
}

XmlStream::~XmlStream() {
  if (state_->parser) XML_ParserFree(state_->parser);
}

bool XmlStream::feed(std::string_view piece, bool last) {
  State& state = *state_;
  if (state.stopped) return false;
  std::string joined;
  if (!state.held_back.empty()) {
    joined = state.held_back + std::string(piece);
    state.held_back.clear();
    piece = joined;
  }
  const std::size_t unfinished = last ? 0 : unfinished_sequence(piece);
  state.held_back = piece.substr(piece.size() - unfinished);
  piece.remove_suffix(unfinished);

  // expat checks UTF-8 only where XML needs it: all text is checked here, and
  // what comes before a bad byte is still read.
  const std::size_t bad = first_invalid_utf8(piece);
  const std::string_view valid = piece.substr(0, std::min(bad, piece.size()));
  std::size_t done = 0;
  do {  // expat takes an int's worth at a time; an empty last piece still ends the parse
    const std::size_t size = std::min<std::size_t>(valid.size() - done, INT_MAX / 2);
    const bool final_part = last && bad == std::string_view::npos && done + size == valid.size();
    const XML_Status status = XML_Parse(state.parser, valid.data() + done, static_cast<int>(size),
                                        final_part ? XML_TRUE : XML_FALSE);
    if (status != XML_STATUS_OK) {
      if (!state.stopped) {
        state.stop(state.here(),
                   std::string("malformed XML: ") + XML_ErrorString(XML_GetErrorCode(state.parser)));
      }
      return false;
    }
    done += size;
  } while (done < valid.size());
  if (bad != std::string_view::npos) {
    const std::string_view before = piece.substr(0, bad);
    const std::size_t line = state.lines_fed + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
    const std::size_t offset = state.input.start_offset + state.fed + bad;
    state.stop({state.input.name, state.input.start_line + line, offset},
               "invalid UTF-8 at byte " + std::to_string(offset));
    return false;
  }
  state.fed += valid.size();
  state.lines_fed += static_cast<std::size_t>(std::count(valid.begin(), valid.end(), '\n'));
  // What expat holds of a tag it has not finished (a huge attribute value, a
  // name that never ends) is bounded by the size limit too.
  if (state.fed - state.last_event > state.input.options.max_document_bytes) {
    state.stop(state.here(), too_large(state.input.options));
    return false;
  }
  return true;
}

void read_xml(const Input& input) {
  constexpr std::size_t piece_bytes = std::size_t{1} << 20;
  XmlStream stream(input);
  std::string_view rest = input.content;
  for (bool more = true; more;) {
    const std::string_view piece = rest.substr(0, piece_bytes);
    rest.remove_prefix(piece.size());
    more = stream.feed(piece, rest.empty()) && !rest.empty();
  }
}

}  // namespace vankien::readers
