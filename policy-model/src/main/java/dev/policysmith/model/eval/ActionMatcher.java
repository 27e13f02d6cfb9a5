package dev.policysmith.model.eval;

import dev.policysmith.model.internal.Wildcard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Matches a request's action against one statement's action patterns, ignoring case as IAM does. A
 * statement with many patterns (a managed policy may list thousands across hundreds of services)
 * keeps them by service prefix, so a request is tried only against the patterns of its own service
 * and those whose prefix has a wildcard; a short list is scanned as it stands, which is cheaper.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html">IAM
 *     JSON policy elements: Action</a>
 */
final class ActionMatcher {
  /** The most patterns scanned one by one; longer lists are indexed by service. */
  private static final int SCANNED = 8;

  /** Every pattern when scanned, else those whose service prefix has a wildcard or no colon. */
  private final Wildcard[] scanned;

  /**
   * Patterns by folded service prefix, or null for a short list: an open-addressing table whose
   * lookup folds the request's prefix in place, so a decision allocates nothing for it.
   */
  private final @Nullable String @Nullable [] services;

  private final Wildcard @Nullable [][] servicePatterns;

  ActionMatcher(List<String> patterns) {
    if (patterns.size() <= SCANNED) {
      this.scanned = compile(patterns);
      this.services = null;
      this.servicePatterns = null;
      return;
    }
    List<String> general = new ArrayList<>();
    Map<String, List<String>> services = new HashMap<>();
    for (String pattern : patterns) {
      int colon = pattern.indexOf(':');
      String prefix = colon < 0 ? null : pattern.substring(0, colon);
      if (prefix != null && prefix.indexOf('*') < 0 && prefix.indexOf('?') < 0) {
        services.computeIfAbsent(fold(prefix), k -> new ArrayList<>()).add(pattern);
      } else {
        general.add(pattern);
      }
    }
    this.scanned = compile(general);
    int size = Integer.highestOneBit(Math.max(2, services.size()) * 2) * 2;
    String[] keys = new String[size];
    Wildcard[][] values = new Wildcard[size][];
    services.forEach(
        (service, list) -> {
          int slot = slot(hash(service, service.length()), size);
          while (keys[slot] != null) {
            slot = (slot + 1) & (size - 1);
          }
          keys[slot] = service;
          values[slot] = compile(list);
        });
    this.services = keys;
    this.servicePatterns = values;
  }

  /** Returns the hash of the folded first {@code end} characters of {@code text}. */
  static int hash(String text, int end) {
    int h = 0;
    for (int i = 0; i < end; i++) {
      h = 31 * h + foldChar(text.charAt(i));
    }
    return h;
  }

  private static int slot(int hash, int size) {
    return (hash ^ (hash >>> 16)) & (size - 1);
  }

  private static char foldChar(char c) {
    return Character.toLowerCase(Character.toUpperCase(c));
  }

  /** Returns whether some pattern matches the request's action. */
  boolean matches(RequestView request) {
    String action = request.action();
    if (any(scanned, action)) {
      return true;
    }
    String[] keys = services;
    Wildcard[][] values = servicePatterns;
    int end = request.serviceEnd();
    // A pattern with a literal prefix needs the action to have the same prefix and a colon.
    if (keys == null || values == null || end < 0) {
      return false;
    }
    int slot = slot(request.serviceHash(), keys.length);
    for (String key = keys[slot]; key != null; key = keys[slot]) {
      if (sameService(key, action, end)) {
        return any(values[slot], action);
      }
      slot = (slot + 1) & (keys.length - 1);
    }
    return false;
  }

  /**
   * Returns whether the folded {@code key} is the folded first {@code end} characters of action.
   */
  private static boolean sameService(String key, String action, int end) {
    if (key.length() != end) {
      return false;
    }
    for (int i = 0; i < end; i++) {
      if (key.charAt(i) != foldChar(action.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean any(Wildcard[] patterns, String action) {
    for (Wildcard pattern : patterns) {
      if (pattern.matches(action)) {
        return true;
      }
    }
    return false;
  }

  private static Wildcard[] compile(List<String> patterns) {
    Wildcard[] out = new Wildcard[patterns.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Wildcard.ignoringCase(patterns.get(i));
    }
    return out;
  }

  /**
   * Folds text so that two strings fold alike exactly when {@link Wildcard#ignoringCase} calls them
   * equal: each character upper-cased, then lower-cased.
   */
  static String fold(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      out.append(foldChar(text.charAt(i)));
    }
    return out.toString();
  }
}
