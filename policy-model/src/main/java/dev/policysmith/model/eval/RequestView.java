package dev.policysmith.model.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request prepared for evaluation, once per {@code decide} call: context key names folded to
 * lower case with {@link Locale#ROOT} (IAM compares key names case-insensitively, and a Turkish
 * default locale must not turn {@code I} into a dotless {@code ı}), the principal parsed lazily. A
 * small context with keys to fold is looked up by scanning it, so that a decision does not copy it.
 * Not thread-safe; never shared.
 */
final class RequestView {
  private final String action;
  private final @Nullable String resource;
  private final @Nullable String principal;

  /** The request's own context, or (see {@link #fold}) a copy with folded keys. */
  private final Map<String, List<String>> context;

  /** Whether {@link #context} is the request's own map with keys to fold, looked up by scanning. */
  private final boolean scan;

  private @Nullable PrincipalName parsedPrincipal;

  /**
   * Where the action's service prefix ends (its first colon), or -1; once {@link #serviceKnown}.
   */
  private int serviceEnd;

  /** The hash of the folded service prefix ({@link ActionMatcher#hash}), once known. */
  private int serviceHash;

  private boolean serviceKnown;

  /** The most context keys looked up by scanning; a larger context is folded into a copy once. */
  private static final int MAX_SCANNED = 8;

  RequestView(Request request) {
    this.action = request.action();
    this.resource = request.resource().orElse(null);
    this.principal = request.principal().orElse(null);
    Map<String, List<String>> context = request.context();
    boolean folded = isFolded(context);
    this.scan = !folded && context.size() <= MAX_SCANNED;
    this.context = folded || scan ? context : fold(context);
  }

  /** Returns whether every key is already lower case (the common case), allocating nothing. */
  private static boolean isFolded(Map<String, List<String>> context) {
    for (String key : context.keySet()) {
      if (!isFolded(key)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isFolded(String key) {
    for (int i = 0, n = key.length(); i < n; i++) {
      char c = key.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        return false;
      }
      if (c >= 0x80) {
        // Beyond ASCII, Locale.ROOT's own rules decide; toLowerCase returns the same instance
        // when nothing changes.
        return key.toLowerCase(Locale.ROOT) == key;
      }
    }
    return true;
  }

  /**
   * Returns whether {@code key} folded to lower case with {@link Locale#ROOT} equals {@code
   * folded}, without building the folded key while it is ASCII.
   */
  private static boolean foldsTo(String key, String folded) {
    int n = key.length();
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (c >= 0x80) {
        // A non-ASCII character may fold to more than one, so compare the whole folded key.
        return key.toLowerCase(Locale.ROOT).equals(folded);
      }
      char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      if (i >= folded.length() || lower != folded.charAt(i)) {
        return false;
      }
    }
    return n == folded.length();
  }

  /**
   * Folds key names into a copy, for a context too large to scan. Keys that differ only in case are
   * merged, their values concatenated in insertion order.
   */
  private static Map<String, List<String>> fold(Map<String, List<String>> context) {
    Map<String, List<String>> out = new HashMap<>(context.size() * 2);
    for (Map.Entry<String, List<String>> entry : context.entrySet()) {
      out.merge(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue(), RequestView::concat);
    }
    return out;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> both = new ArrayList<>(a);
    both.addAll(b);
    return both;
  }

  String action() {
    return action;
  }

  /** Returns where the action's service prefix ends (its first colon), or -1 without one. */
  int serviceEnd() {
    knowService();
    return serviceEnd;
  }

  /** Returns the hash of the action's folded service prefix; computed once per request. */
  int serviceHash() {
    knowService();
    return serviceHash;
  }

  private void knowService() {
    if (!serviceKnown) {
      serviceEnd = action.indexOf(':');
      serviceHash = serviceEnd < 0 ? 0 : ActionMatcher.hash(action, serviceEnd);
      serviceKnown = true;
    }
  }

  @Nullable String resource() {
    return resource;
  }

  @Nullable String principal() {
    return principal;
  }

  /** Returns the principal parsed into its parts, or null for a request without a principal. */
  @Nullable PrincipalName principalName() {
    if (parsedPrincipal == null && principal != null) {
      parsedPrincipal = PrincipalName.parse(principal);
    }
    return parsedPrincipal;
  }

  /** Returns the values of the key with the given lower-case name, or null when it is absent. */
  @Nullable List<String> values(String foldedKey) {
    if (!scan) {
      return context.get(foldedKey);
    }
    // The same answer as a lookup in the folded copy: every key folding to this one, values
    // concatenated in insertion order.
    List<String> found = null;
    for (Map.Entry<String, List<String>> entry : context.entrySet()) {
      if (foldsTo(entry.getKey(), foldedKey)) {
        found = found == null ? entry.getValue() : concat(found, entry.getValue());
      }
    }
    return found;
  }

  /** Returns the one value of a key for a policy variable, or null when it has not exactly one. */
  @Nullable String variable(String foldedKey) {
    List<String> values = values(foldedKey);
    return values != null && values.size() == 1 ? values.get(0) : null;
  }
}
