package dev.policysmith.testing;

import static dev.policysmith.testing.Draws.between;
import static dev.policysmith.testing.Draws.chance;
import static dev.policysmith.testing.Draws.pick;

import dev.policysmith.model.json.PolicyWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * QuickTheories generators of broken and odd JSON for fuzzing policy readers: valid documents with
 * zero to three mutations each, drawn from flipped bits, deleted, duplicated and swapped tokens and
 * bytes, inserted random bytes, deep nesting, huge strings and numbers, byte order marks, invalid
 * UTF-8, NUL, surrogate halves (escaped and raw), key case changes, repeated keys and stray JSON
 * fragments.
 *
 * <p>Mutations work on bytes, so a document may stop being UTF-8 at any step; token mutations find
 * tokens with a lexer that reads each byte as one character and never fails. Every choice is drawn
 * from QuickTheories' randomness source, so failures shrink and replay from the seed.
 *
 * <pre>{@code
 * qt().forAll(JsonMutations.mutations(JsonMutations.generatedPolicies()))
 *     .checkAssert(input -> {
 *       try {
 *         PolicyReader.strict().read(input.bytes());
 *       } catch (PolicyParseException e) {
 *         assertThat(e.line()).isPositive();
 *       }
 *     });
 * }</pre>
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html">Grammar
 *     of the IAM JSON policy language</a>
 */
public final class JsonMutations {
  /** The names of the mutations, as {@link MutatedJson#mutations()} reports them. */
  public static final List<String> NAMES =
      List.of(
          "flip bit",
          "delete bytes",
          "delete token",
          "duplicate token",
          "swap tokens",
          "insert random bytes",
          "deep nesting",
          "huge string",
          "huge number",
          "BOM",
          "invalid UTF-8",
          "NUL",
          "surrogate escape",
          "change key case",
          "repeat key",
          "insert fragment",
          "raw surrogate");

  private static final List<Integer> DEPTHS = List.of(1, 2, 5, 60, 63, 64, 65, 1_000, 100_000);
  private static final List<Integer> STRING_LENGTHS =
      List.of(1, 80, 201, 1_000, 65_536, 300_000, 1 << 20);
  private static final List<String> STRING_UNITS =
      List.of("a", "*", "é", "😀", "\\u0000", "\\\"", "\\ud83d\\ude00", "${aws:username}", "\t");
  private static final List<Integer> NUMBER_LENGTHS = List.of(1, 19, 20, 999, 1_000, 1_001, 5_000);
  private static final List<String> NUMBER_TAILS =
      List.of("", ".5", "e999999999", "E-7", ".", "e", "-");
  private static final List<String> INVALID_UTF8 =
      List.of(
          "\u00c0\u00af",
          "\u00ff",
          "\u0080",
          "\u00e2\u0082",
          "\u00ed\u00a0\u0080",
          "\u00f8\u0088\u0080\u0080\u0080",
          "\u00c3\u0028");
  private static final List<String> SURROGATE_ESCAPES =
      List.of(
          "\\ud800", "\\udc00", "\\udbff\\udfff", "\\ud83d", "\\ud800\\ud800", "\\ude00\\ud83d");
  private static final List<String> FRAGMENTS =
      List.of(
          "null",
          "true",
          "{}",
          "[]",
          "\"*\"",
          "\"Allow\"",
          "\"Statement\"",
          ",",
          ":",
          "1.0",
          "\"Condition\"",
          "{\"StringLike\":{\"aws:username\":\"*\"}}",
          "\"Version\":\"2012-10-17\",",
          "\"NotAction\":\"*\",",
          "\"Principal\":\"*\",",
          "[[[[",
          "]]]]",
          "\"\"");

  private JsonMutations() {}

  /**
   * Returns generated documents ({@link PolicyGenerators#documents()}) written by the lossless
   * writer as UTF-8, the seeds for {@link #mutations(Gen)}.
   */
  public static Gen<byte[]> generatedPolicies() {
    return PolicyGenerators.documents().map(document -> PolicyWriter.lossless().toBytes(document));
  }

  /**
   * Returns the seeds with zero to three mutations each (shrinking towards none). Zero is drawn
   * about one time in ten, so that properties see some inputs that read.
   */
  public static Gen<MutatedJson> mutations(Gen<byte[]> seeds) {
    return source -> {
      String bytes = new String(seeds.generate(source), StandardCharsets.ISO_8859_1);
      List<String> applied = new ArrayList<>();
      int count = chance(source, 90) ? between(source, 1, 3) : 0;
      for (int i = 0; i < count; i++) {
        int kind = between(source, 0, NAMES.size() - 2);
        applied.add(NAMES.get(kind));
        bytes = mutate(source, kind, bytes);
      }
      byte[] raw = bytes.getBytes(StandardCharsets.ISO_8859_1);
      String text = new String(raw, StandardCharsets.UTF_8);
      if (chance(source, 8)) {
        // A String may hold what no UTF-8 byte sequence can: an unpaired surrogate char.
        applied.add("raw surrogate");
        boolean high = chance(source, 50);
        int at = between(source, 0, text.length());
        text = text.substring(0, at) + (high ? '\ud800' : '\udc00') + text.substring(at);
        int byteAt = between(source, 0, bytes.length());
        bytes =
            bytes.substring(0, byteAt)
                + (high ? "\u00ed\u00a0\u0080" : "\u00ed\u00b0\u0080")
                + bytes.substring(byteAt);
        raw = bytes.getBytes(StandardCharsets.ISO_8859_1);
      }
      return new MutatedJson(applied, raw, text);
    };
  }

  /** Applies mutation {@code kind} to bytes held one per char (ISO-8859-1). */
  private static String mutate(RandomnessSource source, int kind, String bytes) {
    List<int[]> tokens = tokens(bytes);
    switch (kind) {
      case 0:
        {
          if (bytes.isEmpty()) {
            return bytes;
          }
          int at = between(source, 0, bytes.length() - 1);
          char flipped = (char) ((bytes.charAt(at) ^ (1 << between(source, 0, 7))) & 0xff);
          return bytes.substring(0, at) + flipped + bytes.substring(at + 1);
        }
      case 1:
        {
          int from = between(source, 0, bytes.length());
          int to = Math.min(bytes.length(), from + between(source, 1, 16));
          return bytes.substring(0, from) + bytes.substring(to);
        }
      case 2:
        {
          int[] token = token(source, tokens);
          return token == null ? bytes : bytes.substring(0, token[0]) + bytes.substring(token[1]);
        }
      case 3:
        {
          int[] token = token(source, tokens);
          int at = between(source, 0, bytes.length());
          return token == null ? bytes : insert(bytes, at, bytes.substring(token[0], token[1]));
        }
      case 4:
        {
          int[] a = token(source, tokens);
          int[] b = token(source, tokens);
          if (a == null || a[0] == b[0]) {
            return bytes;
          }
          int[] first = a[0] < b[0] ? a : b;
          int[] second = a[0] < b[0] ? b : a;
          return bytes.substring(0, first[0])
              + bytes.substring(second[0], second[1])
              + bytes.substring(first[1], second[0])
              + bytes.substring(first[0], first[1])
              + bytes.substring(second[1]);
        }
      case 5:
        {
          StringBuilder random = new StringBuilder();
          int length = between(source, 1, 8);
          for (int i = 0; i < length; i++) {
            random.append((char) between(source, 0, 255));
          }
          return insert(bytes, between(source, 0, bytes.length()), random.toString());
        }
      case 6:
        {
          int[] token = token(source, tokens);
          int depth = pick(source, DEPTHS);
          boolean arrays = chance(source, 50);
          String value = token == null ? "1" : bytes.substring(token[0], token[1]);
          String open = arrays ? "[" : "{\"a\":";
          String wrapped = open.repeat(depth) + value + (arrays ? "]" : "}").repeat(depth);
          return token == null
              ? wrapped
              : bytes.substring(0, token[0]) + wrapped + bytes.substring(token[1]);
        }
      case 7:
        {
          int[] token = stringToken(source, bytes, tokens);
          String unit = utf8(pick(source, STRING_UNITS));
          String huge =
              "\"" + unit.repeat(Math.max(1, pick(source, STRING_LENGTHS) / unit.length())) + "\"";
          return token == null
              ? huge
              : bytes.substring(0, token[0]) + huge + bytes.substring(token[1]);
        }
      case 8:
        {
          int[] token = token(source, tokens);
          String number =
              (chance(source, 30) ? "-" : "")
                  + "9".repeat(pick(source, NUMBER_LENGTHS))
                  + pick(source, NUMBER_TAILS);
          return token == null
              ? number
              : bytes.substring(0, token[0]) + number + bytes.substring(token[1]);
        }
      case 9:
        {
          String bom = "\u00ef\u00bb\u00bf".repeat(between(source, 1, 2));
          return insert(bytes, chance(source, 70) ? 0 : between(source, 0, bytes.length()), bom);
        }
      case 10:
        return insert(bytes, between(source, 0, bytes.length()), pick(source, INVALID_UTF8));
      case 11:
        {
          String nul = chance(source, 50) ? "\u0000" : "\\u0000";
          return insideString(source, bytes, tokens, nul);
        }
      case 12:
        return insideString(source, bytes, tokens, pick(source, SURROGATE_ESCAPES));
      case 13:
        {
          int[] key = keyToken(source, bytes, tokens);
          if (key == null) {
            return bytes;
          }
          String name = bytes.substring(key[0], key[1]);
          int how = between(source, 0, 2);
          String changed =
              how == 0
                  ? name.toUpperCase(Locale.ROOT)
                  : how == 1
                      ? name.toLowerCase(Locale.ROOT)
                      : name.length() > 2
                          ? name.charAt(0) + flipCase(name.charAt(1)) + name.substring(2)
                          : name;
          return bytes.substring(0, key[0]) + changed + bytes.substring(key[1]);
        }
      case 14:
        {
          int[] key = keyToken(source, bytes, tokens);
          if (key == null) {
            return bytes;
          }
          String value = pick(source, List.of("\"x\"", "1", "true", "null", "[]", "{}", "\"*\""));
          return insert(bytes, key[0], bytes.substring(key[0], key[1]) + ":" + value + ",");
        }
      default:
        {
          int[] token = token(source, tokens);
          int at = token == null ? 0 : chance(source, 50) ? token[0] : token[1];
          return insert(bytes, at, pick(source, FRAGMENTS));
        }
    }
  }

  private static String flipCase(char c) {
    String s = String.valueOf(c);
    return Character.isUpperCase(c) ? s.toLowerCase(Locale.ROOT) : s.toUpperCase(Locale.ROOT);
  }

  private static String insert(String bytes, int at, String what) {
    return bytes.substring(0, at) + what + bytes.substring(at);
  }

  private static String utf8(String text) {
    return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  private static String insideString(
      RandomnessSource source, String bytes, List<int[]> tokens, String what) {
    int[] token = stringToken(source, bytes, tokens);
    if (token == null) {
      return insert(bytes, between(source, 0, bytes.length()), what);
    }
    int at = between(source, token[0] + 1, Math.max(token[0] + 1, token[1] - 1));
    return insert(bytes, at, what);
  }

  private static int @Nullable [] token(RandomnessSource source, List<int[]> tokens) {
    return tokens.isEmpty() ? null : pick(source, tokens);
  }

  private static int @Nullable [] stringToken(
      RandomnessSource source, String bytes, List<int[]> tokens) {
    List<int[]> strings = tokens.stream().filter(t -> bytes.charAt(t[0]) == '"').toList();
    return strings.isEmpty() ? null : pick(source, strings);
  }

  /** A string token followed, after white space, by a colon: an object key. */
  private static int @Nullable [] keyToken(
      RandomnessSource source, String bytes, List<int[]> tokens) {
    List<int[]> keys = new ArrayList<>();
    for (int[] token : tokens) {
      if (bytes.charAt(token[0]) != '"') {
        continue;
      }
      int next = token[1];
      while (next < bytes.length() && " \t\r\n".indexOf(bytes.charAt(next)) >= 0) {
        next++;
      }
      if (next < bytes.length() && bytes.charAt(next) == ':') {
        keys.add(token);
      }
    }
    return keys.isEmpty() ? null : pick(source, keys);
  }

  /**
   * Returns the [start, end) of each token: a string (to its closing quote, or the end), one
   * structural character, or a run of other non-space characters. Never fails.
   */
  private static List<int[]> tokens(String bytes) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    int n = bytes.length();
    while (i < n) {
      char c = bytes.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        i++;
      } else if (c == '"') {
        int j = i + 1;
        while (j < n && bytes.charAt(j) != '"') {
          j += bytes.charAt(j) == '\\' ? 2 : 1;
        }
        j = Math.min(n, j + 1);
        out.add(new int[] {i, j});
        i = j;
      } else if ("{}[],:".indexOf(c) >= 0) {
        out.add(new int[] {i, i + 1});
        i++;
      } else {
        int j = i;
        while (j < n && " \t\r\n\"{}[],:".indexOf(bytes.charAt(j)) < 0) {
          j++;
        }
        out.add(new int[] {i, j});
        i = j;
      }
    }
    return out;
  }
}
