package dev.policysmith.model.json;

/**
 * Writes JSON text in the writer's one layout straight into a {@link StringBuilder}: two-space
 * indentation, {@code "name": value}, one array element or object entry per line, {@code []} and
 * {@code {}} when empty, {@code \n} line endings and no trailing spaces. Strings are escaped as
 * Jackson escapes them ({@code "}, {@code \}, and control characters, the common ones by their
 * short escapes, the rest as {@code \}{@code u00XX}); everything else, non-ASCII and {@code /}
 * included, is written as itself.
 *
 * <p>Written by hand because a policy's layout is fixed and small: going through a generator and a
 * pretty printer cost a call per separator and was most of the writing time. A new instance serves
 * each document.
 */
final class JsonOut {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** The largest buffer a thread keeps between documents: no thread holds on to a huge one. */
  private static final int KEPT_CAPACITY = 256 * 1024;

  /**
   * Each thread's buffer, kept between documents: growing a fresh builder to a policy's size copied
   * it several times, three times the output in allocation.
   */
  private static final ThreadLocal<StringBuilder> BUFFER =
      ThreadLocal.withInitial(() -> new StringBuilder(4096));

  private final StringBuilder out;

  /** Per open container: how many entries or elements it has had so far. */
  private int[] counts = new int[8];

  private int depth;

  /** Whether a name was just written, so the value that follows needs no separator of its own. */
  private boolean afterName;

  private JsonOut(StringBuilder out) {
    this.out = out;
  }

  /** Returns a writer into this thread's buffer, emptied. */
  static JsonOut start() {
    StringBuilder buffer = BUFFER.get();
    buffer.setLength(0);
    return new JsonOut(buffer);
  }

  void startObject() {
    beforeValue();
    out.append('{');
    push();
  }

  void endObject() {
    pop('}');
  }

  void startArray() {
    beforeValue();
    out.append('[');
    push();
  }

  void endArray() {
    pop(']');
  }

  /** Writes an object entry's name; the entry's value must follow. */
  void name(String name) {
    separator();
    quoted(name);
    out.append(": ");
    afterName = true;
  }

  void string(String value) {
    beforeValue();
    quoted(value);
  }

  /** Writes a number or a literal ({@code true}, {@code false}) exactly as given. */
  void raw(String text) {
    beforeValue();
    out.append(text);
  }

  /** Returns the text written, with a final newline, and lets go of a large buffer. */
  String finish() {
    String text = out.append('\n').toString();
    if (out.capacity() > KEPT_CAPACITY) {
      BUFFER.remove();
    }
    return text;
  }

  private void beforeValue() {
    if (afterName) {
      afterName = false;
    } else if (depth > 0) {
      separator();
    }
  }

  private void separator() {
    if (counts[depth - 1]++ > 0) {
      out.append(',');
    }
    newline(depth);
  }

  private void push() {
    if (depth == counts.length) {
      counts = java.util.Arrays.copyOf(counts, depth * 2);
    }
    counts[depth++] = 0;
  }

  private void pop(char close) {
    depth--;
    if (counts[depth] > 0) {
      newline(depth);
    }
    out.append(close);
  }

  private void newline(int level) {
    out.append('\n');
    for (int i = 0; i < level; i++) {
      out.append("  ");
    }
  }

  private void quoted(String text) {
    out.append('"');
    int start = 0;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(text, start, i);
      start = i + 1;
      out.append('\\');
      switch (c) {
        case '"', '\\' -> out.append(c);
        case '\b' -> out.append('b');
        case '\t' -> out.append('t');
        case '\n' -> out.append('n');
        case '\f' -> out.append('f');
        case '\r' -> out.append('r');
        default -> out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    out.append(text, start, length).append('"');
  }
}
