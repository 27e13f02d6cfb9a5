package dev.policysmith.model.json;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON pointer (RFC 6901) of the reader's position, kept as a stack of reference tokens while
 * tokens stream past: an object frame holds the last property name read in it, an array frame the
 * index of the last element started. Kept by hand rather than taken from Jackson's context so that
 * the exact rules (escaping, what a duplicate key points at) are ours and tested on their own.
 */
final class PointerPath {
  private static final int NONE = -1;

  /** Per frame: {@code true} for an object, {@code false} for an array. */
  private final List<Boolean> objects = new ArrayList<>();

  /** Per frame: the escaped reference token, or null while an object has no name yet. */
  private final List<String> tokens = new ArrayList<>();

  /** Per frame: the index of the last element started (arrays), {@link #NONE} before the first. */
  private final List<Integer> indexes = new ArrayList<>();

  /** Escapes a property name as a pointer reference token: {@code ~} as {@code ~0}, {@code /} as {@code ~1}. */
  static String escape(String name) {
    if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
      return name;
    }
    // RFC 6901 section 3: '~' must be escaped first, or "~1" written for '/' would be re-escaped.
    return name.replace("~", "~0").replace("/", "~1");
  }

  /** Returns the depth: the number of open objects and arrays. */
  int depth() {
    return objects.size();
  }

  /** Records that a value (of any kind) starts here; in an array this moves to the next index. */
  void beforeValue() {
    int top = objects.size() - 1;
    if (top >= 0 && !objects.get(top)) {
      int next = indexes.get(top) + 1;
      indexes.set(top, next);
      tokens.set(top, Integer.toString(next));
    }
  }

  /** Opens an object or array; call after {@link #beforeValue()}. */
  void open(boolean object) {
    objects.add(object);
    tokens.add(null);
    indexes.add(NONE);
  }

  /** Closes the innermost object or array. */
  void close() {
    int top = objects.size() - 1;
    objects.remove(top);
    tokens.remove(top);
    indexes.remove(top);
  }

  /** Records the property name just read in the innermost object. */
  void name(String name) {
    tokens.set(tokens.size() - 1, escape(name));
  }

  /**
   * Returns the pointer of the current position: the innermost container extended by its last
   * name or index, if it has one yet.
   */
  String current() {
    return build(tokens.size());
  }

  /** Returns the pointer of the innermost open container itself. */
  String container() {
    return build(tokens.size() - 1);
  }

  private String build(int frames) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < frames; i++) {
      String token = tokens.get(i);
      if (token == null) {
        break;
      }
      out.append('/').append(token);
    }
    return out.toString();
  }
}
