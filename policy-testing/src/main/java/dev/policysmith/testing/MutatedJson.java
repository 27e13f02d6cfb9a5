package dev.policysmith.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One fuzz input drawn by {@link JsonMutations}: a JSON document after some mutations, as the bytes
 * a reader gets from a file or stream and as the text it gets from a {@code String}.
 *
 * <p>The two forms agree where the bytes are UTF-8; elsewhere the text has each malformed byte
 * replaced by U+FFFD, and a {@code raw surrogate} mutation puts an unpaired surrogate {@code char}
 * in the text (and its three-byte CESU-8 form, which UTF-8 forbids, in the bytes). Instances are
 * immutable; {@link #bytes()} returns a copy.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html">Grammar
 *     of the IAM JSON policy language</a>
 */
public final class MutatedJson {
  private static final int SHOWN = 300;

  private final List<String> mutations;
  private final byte[] bytes;
  private final String text;

  MutatedJson(List<String> mutations, byte[] bytes, String text) {
    this.mutations = List.copyOf(mutations);
    this.bytes = bytes.clone();
    this.text = text;
  }

  /** Returns the names of the mutations applied, in order, e.g. {@code [swap tokens, BOM]}. */
  public List<String> mutations() {
    return mutations;
  }

  /** Returns the input as bytes, possibly not UTF-8. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Returns the input as text, possibly with unpaired surrogates. */
  public String text() {
    return text;
  }

  /**
   * Returns the mutations, the size and the start of the text with control characters and non-ASCII
   * escaped, so that a shrunk counterexample can be read and pasted into a test.
   */
  @Override
  public String toString() {
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < Math.min(SHOWN, text.length()); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '\\') {
        shown.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        shown.append(c);
      }
    }
    return mutations
        + " "
        + bytes.length
        + " bytes: "
        + shown
        + (text.length() > SHOWN ? "..." : "")
        + (new String(bytes, StandardCharsets.UTF_8).equals(text)
            ? ""
            : " (bytes differ from text)");
  }
}
