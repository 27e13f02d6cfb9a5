package dev.policysmith.model.json;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The JSON pointer (RFC 6901) of the reader's position, kept as a stack of frames while tokens
 * stream past: an object frame holds the last property name read in it, an array frame the index of
 * the last element started. Kept by hand rather than taken from Jackson's context so that the exact
 * rules (escaping, what a duplicate key points at) are ours and tested on their own.
 *
 * <p>A position is a {@link Pointer}: an immutable node naming its parent and its own reference
 * token, shared by every token at that position. Its text is built only when asked for, because a
 * pointer is shown only in an error message and building one string per token was a fifth of the
 * reading time.
 */
final class PointerPath {
  private static final int NONE = -1;

  /** Per frame: {@code true} for an object, {@code false} for an array. */
  private boolean[] objects = new boolean[8];

  /** Per frame: the position of the container itself. */
  private Pointer[] containers = new Pointer[8];

  /** Per frame: the position of the last name or element, or null while there is none yet. */
  private @Nullable Pointer[] children = new Pointer[8];

  /** Per frame: the index of the last element started (arrays), {@link #NONE} before the first. */
  private int[] indexes = new int[8];

  private int depth;

  /**
   * Escapes a property name as a pointer reference token: {@code ~} as {@code ~0}, {@code /} as
   * {@code ~1}.
   */
  static String escape(String name) {
    if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
      return name;
    }
    // RFC 6901 section 3: '~' must be escaped first, or "~1" written for '/' would be re-escaped.
    return name.replace("~", "~0").replace("/", "~1");
  }

  /** Returns the depth: the number of open objects and arrays. */
  int depth() {
    return depth;
  }

  /** Records that a value (of any kind) starts here; in an array this moves to the next index. */
  void beforeValue() {
    int top = depth - 1;
    if (top >= 0 && !objects[top]) {
      int next = indexes[top] + 1;
      indexes[top] = next;
      children[top] = new Pointer(containers[top], null, next);
    }
  }

  /** Opens an object or array; call after {@link #beforeValue()}. */
  void open(boolean object) {
    if (depth == objects.length) {
      int size = depth * 2;
      objects = Arrays.copyOf(objects, size);
      containers = Arrays.copyOf(containers, size);
      children = Arrays.copyOf(children, size);
      indexes = Arrays.copyOf(indexes, size);
    }
    containers[depth] = current();
    objects[depth] = object;
    children[depth] = null;
    indexes[depth] = NONE;
    depth++;
  }

  /** Closes the innermost object or array. */
  void close() {
    depth--;
    containers[depth] = null;
    children[depth] = null;
  }

  /** Records the property name just read in the innermost object. */
  void name(String name) {
    int top = depth - 1;
    children[top] = new Pointer(containers[top], name, NONE);
  }

  /**
   * Returns the pointer of the current position: the innermost container extended by its last name
   * or index, if it has one yet.
   */
  Pointer current() {
    if (depth == 0) {
      return Pointer.ROOT;
    }
    Pointer child = children[depth - 1];
    return child != null ? child : containers[depth - 1];
  }

  /** Returns the pointer of the innermost open container itself. */
  Pointer container() {
    return depth == 0 ? Pointer.ROOT : containers[depth - 1];
  }

  /**
   * One position in a document: the root, a property of an object or an element of an array.
   * Immutable; its pointer text is built on demand by {@link #toString()}.
   */
  static final class Pointer {
    /** The whole document, whose pointer is the empty string. */
    static final Pointer ROOT = new Pointer(null, null, NONE);

    private final @Nullable Pointer parent;

    /** The property name, unescaped, or null for an array element (and the root). */
    private final @Nullable String name;

    private final int index;

    private Pointer(@Nullable Pointer parent, @Nullable String name, int index) {
      this.parent = parent;
      this.name = name;
      this.index = index;
    }

    /** Returns the pointer's text, e.g. {@code /Statement/3/Action/17}. */
    @Override
    public String toString() {
      if (parent == null) {
        return "";
      }
      StringBuilder out = new StringBuilder();
      append(out);
      return out.toString();
    }

    private void append(StringBuilder out) {
      if (parent == null) {
        return;
      }
      parent.append(out);
      out.append('/');
      if (name != null) {
        out.append(escape(name));
      } else {
        out.append(index);
      }
    }
  }
}
