package dev.policysmith.model.json;

import dev.policysmith.model.PolicyFormatException;
import dev.policysmith.model.json.JsonToken.Kind;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;

/**
 * The first reading pass: turns the document's text into {@link JsonToken}s with Jackson's
 * streaming parser, and reports everything that makes the text not JSON (or not JSON we accept):
 * syntax errors, duplicate keys, nesting deeper than {@link #MAX_DEPTH}, content after the
 * document, and strings that are not valid Unicode. The policy's shape is the second pass's job.
 */
final class JsonTokenizer {
  /** The deepest nesting accepted; the deepest policy needs 5 levels. */
  static final int MAX_DEPTH = 64;

  /**
   * The longest string, name or document accepted, in characters; a document is capped in bytes
   * first.
   */
  static final int MAX_CHARS = PolicyReader.MAX_DOCUMENT_BYTES;

  /** The longest number accepted, in characters (Jackson's default). */
  static final int MAX_NUMBER_CHARS = 1000;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          // Duplicate keys are an error in IAM's grammar ("Individual elements must not contain
          // multiple instances of the same key"), and a map-based reader would silently keep one.
          // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxStringLength(MAX_CHARS)
                  .maxNameLength(MAX_CHARS)
                  .maxNumberLength(MAX_NUMBER_CHARS)
                  .maxDocumentLength(MAX_CHARS)
                  .build())
          .build();

  /**
   * The fast path's factory: the same limits without Jackson's duplicate detection, which builds a
   * hash set for every object of three keys or more; the fast path finds duplicates itself and
   * leaves reporting them to {@link #FACTORY}'s reading of the text.
   */
  private static final JsonFactory FAST_FACTORY =
      FACTORY.rebuild().disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final String text;
  private final boolean positions;
  private final PointerPath path = new PointerPath();
  private final List<JsonToken> tokens;

  /** The nesting depth when positions (and so {@link #path}) are not kept. */
  private int depth;

  /** The fast path's duplicate check: the names of each open object, innermost last. */
  private final ObjectNames names = new ObjectNames();

  private JsonTokenizer(String text, int length, boolean positions) {
    this.text = text;
    this.positions = positions;
    // Policies have about one token per 25 characters (the managed corpus: 185k tokens in 4.9 MB),
    // compact ones one per 10; sizing the list from the text avoids its regrowth copies.
    this.tokens = new ArrayList<>(Math.min(length / 8, 1 << 17) + 16);
  }

  /**
   * Returns the tokens of {@code text}, which must hold exactly one JSON value.
   *
   * @throws PolicyParseException if the text is not such JSON
   */
  static List<JsonToken> tokenize(String text) {
    JsonTokenizer tokenizer = new JsonTokenizer(text, text.length(), true);
    try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
      tokenizer.readValueTokens(parser);
    }
    return tokenizer.tokens;
  }

  /**
   * Returns the tokens of a document of ASCII bytes, parsed from the bytes without first making a
   * string of them and without lines and columns (each would cost an object per token), or {@code
   * null} if it is not one JSON value. The caller reads the text with {@link #tokenize(String)}
   * when it needs a place: when this answers null, or the document built from these tokens is
   * wrong. Both give the same tokens, so the errors are the same.
   */
  static @Nullable List<JsonToken> tokenizeAscii(byte[] ascii, int length) {
    JsonTokenizer tokenizer = new JsonTokenizer("", length, false);
    try (JsonParser parser =
        FAST_FACTORY.createParser(ObjectReadContext.empty(), ascii, 0, length)) {
      tokenizer.readValueTokens(parser);
      return tokenizer.tokens;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private void readValueTokens(JsonParser parser) {
    boolean rootDone = false;
    while (true) {
      try {
        tools.jackson.core.JsonToken jackson = parser.nextToken();
        if (jackson == null) {
          return;
        }
        if (rootDone) {
          throw trailingContent(parser.currentTokenLocation(), null);
        }
        // Jackson decodes a string's text lazily, so record() can fail on a bad string too.
        if (positions) {
          TokenStreamLocation at = parser.currentTokenLocation();
          tokens.add(record(parser, jackson, at.getLineNr(), at.getColumnNr()));
        } else {
          tokens.add(recordWithoutPosition(parser, jackson));
        }
        rootDone = (positions ? path.depth() : depth) == 0;
      } catch (JacksonException e) {
        if (rootDone) {
          throw trailingContent(location(e, parser), e);
        }
        throw translate(e, parser);
      }
    }
  }

  private static final PointerPath.Pointer NOWHERE = PointerPath.Pointer.ROOT;
  private static final JsonToken START_OBJECT = new JsonToken(Kind.START_OBJECT, "", 0, 0, NOWHERE);
  private static final JsonToken END_OBJECT = new JsonToken(Kind.END_OBJECT, "", 0, 0, NOWHERE);
  private static final JsonToken START_ARRAY = new JsonToken(Kind.START_ARRAY, "", 0, 0, NOWHERE);
  private static final JsonToken END_ARRAY = new JsonToken(Kind.END_ARRAY, "", 0, 0, NOWHERE);
  private static final JsonToken TRUE = new JsonToken(Kind.TRUE, "true", 0, 0, NOWHERE);
  private static final JsonToken FALSE = new JsonToken(Kind.FALSE, "false", 0, 0, NOWHERE);
  private static final JsonToken NULL = new JsonToken(Kind.NULL, "null", 0, 0, NOWHERE);

  /**
   * Records a token with neither place nor pointer, for the fast path whose errors are reported by
   * reading again with both: tokens without text are shared, and no pointer is tracked.
   */
  private JsonToken recordWithoutPosition(JsonParser parser, tools.jackson.core.JsonToken jackson) {
    switch (jackson) {
      case START_OBJECT:
        depth++;
        names.open();
        return START_OBJECT;
      case START_ARRAY:
        depth++;
        return START_ARRAY;
      case END_OBJECT:
        depth--;
        names.close();
        return END_OBJECT;
      case END_ARRAY:
        depth--;
        return END_ARRAY;
      case PROPERTY_NAME:
        {
          String name = parser.currentName();
          checkUnicode(name, NOWHERE, 0, 0);
          if (!names.add(name)) {
            throw new IllegalStateException("duplicate key, reported by the text's reading");
          }
          return new JsonToken(Kind.NAME, name, 0, 0, NOWHERE);
        }
      case VALUE_STRING:
        {
          String value = parser.getString();
          checkUnicode(value, NOWHERE, 0, 0);
          return new JsonToken(Kind.STRING, value, 0, 0, NOWHERE);
        }
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new JsonToken(Kind.NUMBER, parser.getString(), 0, 0, NOWHERE);
      case VALUE_TRUE:
        return TRUE;
      case VALUE_FALSE:
        return FALSE;
      case VALUE_NULL:
        return NULL;
      default:
        throw new IllegalStateException("unexpected token " + jackson);
    }
  }

  private JsonToken record(
      JsonParser parser, tools.jackson.core.JsonToken jackson, int line, int column) {
    switch (jackson) {
      case START_OBJECT:
      case START_ARRAY:
        {
          path.beforeValue();
          JsonToken token =
              new JsonToken(
                  jackson == tools.jackson.core.JsonToken.START_OBJECT
                      ? Kind.START_OBJECT
                      : Kind.START_ARRAY,
                  "",
                  line,
                  column,
                  path.current());
          path.open(jackson == tools.jackson.core.JsonToken.START_OBJECT);
          return token;
        }
      case END_OBJECT:
      case END_ARRAY:
        {
          PointerPath.Pointer pointer = path.container();
          path.close();
          return new JsonToken(
              jackson == tools.jackson.core.JsonToken.END_OBJECT ? Kind.END_OBJECT : Kind.END_ARRAY,
              "",
              line,
              column,
              pointer);
        }
      case PROPERTY_NAME:
        {
          String name = parser.currentName();
          path.name(name);
          PointerPath.Pointer pointer = path.current();
          checkUnicode(name, pointer, line, column);
          return new JsonToken(Kind.NAME, name, line, column, pointer);
        }
      case VALUE_STRING:
        {
          path.beforeValue();
          String value = parser.getString();
          PointerPath.Pointer pointer = path.current();
          checkUnicode(value, pointer, line, column);
          return new JsonToken(Kind.STRING, value, line, column, pointer);
        }
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        // getString() is the number exactly as written ("1.50e+03" stays so), which a lossless
        // round trip needs; it is never converted to a Java number.
        path.beforeValue();
        return new JsonToken(Kind.NUMBER, parser.getString(), line, column, path.current());
      case VALUE_TRUE:
        path.beforeValue();
        return new JsonToken(Kind.TRUE, "true", line, column, path.current());
      case VALUE_FALSE:
        path.beforeValue();
        return new JsonToken(Kind.FALSE, "false", line, column, path.current());
      case VALUE_NULL:
        path.beforeValue();
        return new JsonToken(Kind.NULL, "null", line, column, path.current());
      default:
        // The JSON parser produces no other tokens (embedded objects, NOT_AVAILABLE are for other
        // formats and non-blocking parsing).
        throw new PolicyParseException(
            "JSON must hold only objects, arrays, strings, numbers, booleans and null but had "
                + jackson,
            path.current().toString(),
            line,
            column,
            null);
    }
  }

  /**
   * Rejects unpaired surrogates, which a JSON escape such as {@code "\ud800"} can produce: such a
   * string is not Unicode text and cannot be written back as UTF-8.
   */
  private static void checkUnicode(
      String value, PointerPath.Pointer pointer, int line, int column) {
    int at = Unicode.unpairedSurrogate(value);
    if (at >= 0) {
      throw new PolicyParseException(
          String.format(
              java.util.Locale.ROOT,
              "Text must be valid Unicode but had the unpaired surrogate \\u%04x",
              (int) value.charAt(at)),
          pointer.toString(),
          line,
          column,
          null);
    }
  }

  private PolicyParseException trailingContent(TokenStreamLocation at, JacksonException cause) {
    return new PolicyParseException(
        "Document must end after its top-level value but had more content",
        "",
        at.getLineNr(),
        at.getColumnNr(),
        cause);
  }

  private PolicyParseException translate(JacksonException e, JsonParser parser) {
    syncName(parser);
    String message = String.valueOf(e.getOriginalMessage());
    if (e instanceof StreamConstraintsException) {
      return constraint(e, message, parser);
    }
    TokenStreamLocation at = location(e, parser);
    if (message.startsWith("Duplicate Object property")) {
      return duplicate(e, parser, at);
    }
    if (e instanceof UnexpectedEndOfInputException) {
      return new PolicyParseException(
          "Invalid JSON: unexpected end of input",
          path.current().toString(),
          at.getLineNr(),
          at.getColumnNr(),
          e);
    }
    return new PolicyParseException(
        "Invalid JSON: " + firstLine(message),
        path.current().toString(),
        at.getLineNr(),
        at.getColumnNr(),
        e);
  }

  /**
   * Jackson reads a property's number or literal ({@code true}, {@code false}, {@code null}) in the
   * same {@code nextToken()} as its name, so a malformed or too long one fails before the name
   * reaches {@link #record}; without this the pointer would name the previous key. Jackson has
   * already put the name in its context by then (a duplicate's pointer is built apart).
   */
  private void syncName(JsonParser parser) {
    TokenStreamContext context = parser.streamReadContext();
    if (context != null && context.inObject() && context.getNestingDepth() == path.depth()) {
      String name = context.currentName();
      if (name != null) {
        path.name(name);
      }
    }
  }

  private PolicyParseException duplicate(
      JacksonException e, JsonParser parser, TokenStreamLocation at) {
    String name = parser.streamReadContext().currentName();
    if (name == null) {
      return new PolicyParseException(
          "Object keys must be unique but one was repeated",
          path.container().toString(),
          at.getLineNr(),
          at.getColumnNr(),
          e);
    }
    // Jackson reports the duplicate just after the name's closing quote; step back to its
    // opening quote so the column points at the repeated key itself.
    int column = at.getColumnNr();
    int end = (int) at.getCharOffset() - 1;
    if (end >= 0 && end < text.length() && text.charAt(end) == '"') {
      int start = end - 1;
      while (start >= 0 && !(text.charAt(start) == '"' && backslashesBefore(start) % 2 == 0)) {
        start--;
      }
      if (start >= 0 && column - (end + 1 - start) >= 1) {
        column -= end + 1 - start;
      }
    }
    String pointer = path.container() + "/" + PointerPath.escape(name);
    return new PolicyParseException(
        "Object keys must be unique but " + PolicyFormatException.quote(name) + " was repeated",
        pointer,
        at.getLineNr(),
        column,
        e);
  }

  private int backslashesBefore(int index) {
    int count = 0;
    for (int i = index - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
      count++;
    }
    return count;
  }

  private PolicyParseException constraint(JacksonException e, String message, JsonParser parser) {
    if (message.contains("nesting depth")) {
      // The container that goes one level too deep is the current token: Jackson has placed it
      // before checking the depth.
      TokenStreamLocation at = parser.currentTokenLocation();
      path.beforeValue();
      return new PolicyParseException(
          "JSON nesting must be at most " + MAX_DEPTH + " levels deep but was deeper",
          path.current().toString(),
          at.getLineNr(),
          at.getColumnNr(),
          e);
    }
    TokenStreamLocation at = location(e, parser);
    String what =
        message.startsWith("Number")
            ? "Number must be at most " + MAX_NUMBER_CHARS + " characters long"
            : message.startsWith("Name")
                ? "Property name must be at most " + MAX_CHARS + " characters long"
                : message.startsWith("String")
                    ? "String must be at most " + MAX_CHARS + " characters long"
                    : null;
    String problem =
        what == null ? "Invalid JSON: " + firstLine(message) : what + " but was longer";
    return new PolicyParseException(
        problem, path.current().toString(), at.getLineNr(), at.getColumnNr(), e);
  }

  private static TokenStreamLocation location(JacksonException e, JsonParser parser) {
    TokenStreamLocation at = e.getLocation();
    if (at == null || at.getLineNr() < 1 || at.getColumnNr() < 1) {
      at = parser.currentLocation();
    }
    return at;
  }

  /** Keeps Jackson's own first line and drops its appended source description, then shortens it. */
  private static String firstLine(String message) {
    String line = message;
    int newline = line.indexOf('\n');
    if (newline >= 0) {
      line = line.substring(0, newline);
    }
    int marker = line.indexOf(" (start marker at");
    if (marker >= 0) {
      line = line.substring(0, marker);
    }
    return line.length() > 200 ? line.substring(0, 197) + "..." : line;
  }

  /**
   * The names seen in each open object. A policy's objects have a few keys, so each is checked
   * against the earlier ones of its object by scanning; an object past {@link #SCANNED} keys gets a
   * hash set, so that a hostile object of many keys stays linear.
   */
  private static final class ObjectNames {
    private static final int SCANNED = 16;

    /** The names of the open objects, outermost first; each object's run starts at its start. */
    private final List<String> names = new ArrayList<>();

    /** Per open object: where its names start in {@link #names}. */
    private int[] starts = new int[8];

    /** Per open object: its hash set once it has more than {@link #SCANNED} names. */
    private java.util.@Nullable Set<String>[] sets = newSets(8);

    private int depth;

    @SuppressWarnings("unchecked")
    private static java.util.Set<String>[] newSets(int size) {
      return new java.util.Set[size];
    }

    void open() {
      if (depth == starts.length) {
        starts = java.util.Arrays.copyOf(starts, depth * 2);
        sets = java.util.Arrays.copyOf(sets, depth * 2);
      }
      starts[depth] = names.size();
      sets[depth] = null;
      depth++;
    }

    void close() {
      depth--;
      sets[depth] = null;
      int start = starts[depth];
      while (names.size() > start) {
        names.remove(names.size() - 1);
      }
    }

    /** Records a name in the innermost object; returns false if it already had it. */
    boolean add(String name) {
      int top = depth - 1;
      java.util.Set<String> set = sets[top];
      if (set != null) {
        return set.add(name);
      }
      int start = starts[top];
      for (int i = start; i < names.size(); i++) {
        if (names.get(i).equals(name)) {
          return false;
        }
      }
      names.add(name);
      if (names.size() - start > SCANNED) {
        sets[top] = new java.util.HashSet<>(names.subList(start, names.size()));
      }
      return true;
    }
  }
}
