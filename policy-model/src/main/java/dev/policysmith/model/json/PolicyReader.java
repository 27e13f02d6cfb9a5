package dev.policysmith.model.json;

import dev.policysmith.model.PolicyDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads IAM and KMS policy documents from JSON, strictly and losslessly.
 *
 * <p>Strict: anything that is not a policy document is a {@link PolicyParseException} naming the
 * JSON pointer, line and column of the problem, and nothing else escapes for any input (no {@code
 * NullPointerException}, no parser exception). It rejects text that is not JSON (including content
 * after the document, invalid UTF-8 and unpaired surrogates), duplicate keys at any depth, nesting
 * deeper than 64 levels, unknown element names (compared exactly, case included), values of the
 * wrong JSON type, a {@code Version} other than {@code "2012-10-17"} or {@code "2008-10-17"}, a
 * missing or empty {@code Statement}, an {@code Effect} other than exactly {@code "Allow"} or
 * {@code "Deny"}, {@code Action} beside {@code NotAction} (and the same for {@code Resource} and
 * {@code Principal}), a statement without {@code Action} or {@code NotAction}, a {@code Principal}
 * string other than {@code "*"}, an unknown principal type, an unknown condition operator, and two
 * condition keys in one operator block that differ only in case. Semantic checks (is this ARN
 * well-formed, does this key policy lock its owner out) are the validator's job, not the reader's.
 *
 * <p>Lossless: the model keeps the order of statements, elements, values and keys, whether a single
 * value was written bare or as an array, whether {@code Statement} was one object, and whether a
 * condition value was a string, a boolean or a number (numbers keep their exact text), so that
 * {@link PolicyWriter#lossless()} gives the same JSON back, white space aside.
 *
 * <p>Limits, each a {@link PolicyParseException} one past it, so that a hostile document costs at
 * most a bounded time and heap (each is tested at its boundary in {@code ReaderLimitsTest}):
 *
 * <ul>
 *   <li>document: {@value #MAX_DOCUMENT_BYTES} bytes (1 MiB) of UTF-8, far above the largest policy
 *       AWS accepts (a KMS key policy may have 32 KiB); a longer input, whether given as text,
 *       bytes, stream or file, fails at 1:1 and a stream is read no further;
 *   <li>nesting: 64 levels of objects and arrays (a policy needs 5);
 *   <li>strings and property names: no limit of their own below the document's (they are capped at
 *       1 Mi characters, which the byte limit reaches first);
 *   <li>numbers: 1,000 digits (sign, point and exponent marker not counted); numbers keep their
 *       text and are never converted;
 *   <li>statements: no limit of their own; about 32,000 of the smallest fit in 1 MiB.
 * </ul>
 *
 * <p>The limit is on input: the writers indent, so a document read near the limit may be written
 * back longer than 1 MiB and then not read again. A leading byte order mark is ignored. Columns
 * count UTF-16 characters.
 *
 * <p>Instances are immutable, thread-safe and cheap.
 *
 * <pre>{@code
 * PolicyDocument policy = PolicyReader.strict().read(Path.of("key-policy.json"));
 * }</pre>
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html">Grammar
 *     of the IAM JSON policy language</a>
 */
public final class PolicyReader {
  /** The largest document read, in bytes of UTF-8: 1 MiB. */
  public static final int MAX_DOCUMENT_BYTES = 1 << 20;

  private static final PolicyReader STRICT = new PolicyReader();

  private PolicyReader() {}

  /** Returns the strict reader described above. */
  public static PolicyReader strict() {
    return STRICT;
  }

  /**
   * Reads a policy document from JSON text.
   *
   * @throws PolicyParseException if the text is not a policy document, or is longer than {@value
   *     #MAX_DOCUMENT_BYTES} bytes when encoded as UTF-8
   */
  public PolicyDocument read(String json) {
    if (utf8Length(json) > MAX_DOCUMENT_BYTES) {
      throw tooLong();
    }
    return parse(json);
  }

  /**
   * Reads a policy document from UTF-8 bytes.
   *
   * @throws PolicyParseException if the bytes are not a UTF-8 policy document of at most {@value
   *     #MAX_DOCUMENT_BYTES} bytes
   */
  public PolicyDocument read(byte[] json) {
    if (json.length > MAX_DOCUMENT_BYTES) {
      throw tooLong();
    }
    return parse(json, json.length);
  }

  /**
   * Reads a policy document from a stream of UTF-8 bytes, to its end; the stream is not closed.
   *
   * @throws PolicyParseException if the bytes are not a UTF-8 policy document of at most {@value
   *     #MAX_DOCUMENT_BYTES} bytes
   * @throws IOException if the stream cannot be read
   */
  public PolicyDocument read(InputStream json) throws IOException {
    byte[] bytes = json.readNBytes(MAX_DOCUMENT_BYTES + 1);
    if (bytes.length > MAX_DOCUMENT_BYTES) {
      throw tooLong();
    }
    return parse(bytes, bytes.length);
  }

  /**
   * Reads a policy document from a UTF-8 file.
   *
   * @throws PolicyParseException if the file is not a UTF-8 policy document of at most {@value
   *     #MAX_DOCUMENT_BYTES} bytes
   * @throws IOException if the file cannot be read
   */
  public PolicyDocument read(Path json) throws IOException {
    try (InputStream in = Files.newInputStream(json)) {
      return read(in);
    }
  }

  /**
   * The one boundary: every failure below, from Jackson or from a model builder, leaves as a {@link
   * PolicyParseException} with its cause, so callers have one exception to handle.
   */
  private static PolicyDocument parse(String json) {
    String text = json.startsWith("\uFEFF") ? json.substring(1) : json;
    return decodeTokens(JsonTokenizer.tokenize(text));
  }

  /**
   * Parses UTF-8 bytes. ASCII (most policies) is parsed from the bytes themselves, which skips a
   * copy into a string, lets Jackson use its faster byte parser and records no token positions. A
   * document that fails that way is read again from its text, so every error is reported one way,
   * with its place.
   */
  private static PolicyDocument parse(byte[] bytes, int length) {
    if (isAscii(bytes, length)) {
      List<JsonToken> tokens = JsonTokenizer.tokenizeAscii(bytes, length);
      if (tokens != null) {
        try {
          return decodeTokens(tokens);
        } catch (PolicyParseException e) {
          // The error's place is unknown on this path: fall through to the text.
        }
      }
    }
    return parse(decode(bytes, length));
  }

  private static PolicyDocument decodeTokens(List<JsonToken> tokens) {
    PolicyDecoder decoder = null;
    try {
      decoder = new PolicyDecoder(tokens);
      return decoder.document();
    } catch (PolicyParseException e) {
      throw e;
    } catch (RuntimeException e) {
      JsonToken at = decoder == null ? null : decoder.lastToken();
      String detail = String.valueOf(e.getMessage());
      detail = detail.length() > 200 ? detail.substring(0, 197) + "..." : detail;
      throw new PolicyParseException(
          "Policy document could not be read: " + detail,
          at == null ? "" : at.pointer(),
          at == null ? 1 : at.line(),
          at == null ? 1 : at.column(),
          e);
    }
  }

  private static PolicyParseException tooLong() {
    return new PolicyParseException(
        "Document must be at most " + MAX_DOCUMENT_BYTES + " bytes long but was longer",
        "",
        1,
        1,
        null);
  }

  /** Decodes strict UTF-8: a malformed byte is reported at its place, never replaced. */
  private static String decode(byte[] bytes, int length) {
    if (isAscii(bytes, length)) {
      // ASCII is valid UTF-8 as it stands (most policies are pure ASCII): one copy into a compact
      // string, instead of a decoder's char buffer and then the string copied from it.
      return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    CharBuffer out = CharBuffer.allocate(length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isUnderflow()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      out.flip();
      int[] position = position(out, out.limit());
      throw new PolicyParseException(
          String.format(
              Locale.ROOT,
              "Document must be UTF-8 but had the malformed byte 0x%02X",
              bytes[in.position()] & 0xff),
          "",
          position[0],
          position[1],
          null);
    }
    out.flip();
    return out.toString();
  }

  private static boolean isAscii(byte[] bytes, int length) {
    // Eight bytes at a time: a byte is ASCII when its top bit is clear.
    int i = 0;
    for (; i + Long.BYTES <= length; i += Long.BYTES) {
      if (((long) LONGS.get(bytes, i) & 0x8080808080808080L) != 0) {
        return false;
      }
    }
    for (; i < length; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /**
   * Returns the 1-based line and column of {@code index} in {@code text}, counting line breaks as
   * Jackson does ({@code \n}, {@code \r\n} and a lone {@code \r}), so that positions found before
   * parsing agree with the parser's.
   */
  static int[] position(CharSequence text, int index) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= index || text.charAt(i + 1) != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, index - lineStart + 1};
  }

  private static long utf8Length(String text) {
    long length = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        length++;
      } else if (c < 0x800) {
        length += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        length += 4;
        i++;
      } else {
        length += 3;
      }
    }
    return length;
  }
}
