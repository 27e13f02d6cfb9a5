package dev.policysmith.diff.engine;

import dk.brics.automaton.Automaton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The patterns and values written in the policies being compared, in the order met: the words a
 * description of a region is made of, and the first candidates for its example request.
 */
public final class Vocabulary {
  private final Map<String, Map<String, Optional<Lazy>>> patterns = new LinkedHashMap<>();

  /** A pattern's language, built the first time a description asks for it. */
  private static final class Lazy {
    private @Nullable Supplier<Automaton> build;
    private @Nullable Automaton language;

    Lazy(Supplier<Automaton> build) {
      this.build = build;
    }

    Automaton get() {
      Automaton a = language;
      if (a == null) {
        a = java.util.Objects.requireNonNull(build).get();
        language = a;
        build = null;
      }
      return a;
    }
  }

  /** Records a pattern of a dimension with its language, if it has a string one. */
  void add(String dim, String pattern, @Nullable Automaton language) {
    addLazy(dim, pattern, language == null ? null : () -> language);
  }

  /**
   * Records a pattern of a dimension with the builder of its language: most patterns of a large
   * policy are never described, so their automata need not be built.
   */
  void addLazy(String dim, String pattern, @Nullable Supplier<Automaton> language) {
    hints.remove(dim);
    patterns
        .computeIfAbsent(dim, k -> new LinkedHashMap<>())
        .computeIfAbsent(pattern, k -> Optional.ofNullable(language).map(Lazy::new));
  }

  /** Returns the patterns written for a dimension, in the order met. */
  public List<String> patterns(String dim) {
    return List.copyOf(patterns.getOrDefault(dim, Map.of()).keySet());
  }

  /** Returns the patterns written for a dimension with their languages, where they have one. */
  public Map<String, Automaton> languages(String dim) {
    Map<String, Automaton> out = new LinkedHashMap<>();
    for (Map.Entry<String, Optional<Lazy>> e : patterns.getOrDefault(dim, Map.of()).entrySet()) {
      e.getValue().ifPresent(a -> out.put(e.getKey(), a.get()));
    }
    return out;
  }

  /**
   * Returns concrete strings to try first as example values of a dimension: each pattern with its
   * wildcards filled in, then some typical values.
   */
  public List<String> hints(String dim) {
    // Asked once per example of every region: made once per dimension (until a pattern is added).
    return hints.computeIfAbsent(dim, k -> List.copyOf(makeHints(dim)));
  }

  private final Map<String, List<String>> hints = new java.util.HashMap<>();

  private List<String> makeHints(String dim) {
    List<String> out = new ArrayList<>();
    for (String pattern : patterns(dim)) {
      if (dim.equals(Box.PRINCIPAL) && pattern.matches("[0-9]{12}")) {
        out.add("arn:aws:iam::" + pattern + ":root");
      }
      if (pattern.equals("*")) {
        continue;
      }
      String bare = pattern.replace("*", "").replace('?', 'x');
      if (!bare.isEmpty() && !bare.endsWith(":") && !bare.endsWith("/")) {
        out.add(bare);
      }
      out.add(pattern.replace("*", "example").replace('?', 'x'));
      if (dim.equals(Box.PRINCIPAL) && pattern.matches("arn:[^:]*:iam::[0-9]{12}:root")) {
        out.add(pattern.replace(":root", ":role/Example"));
      }
    }
    switch (dim) {
      case Box.PRINCIPAL:
        out.add("arn:aws:iam::111122223333:role/Example");
        out.add("arn:aws:iam::999999999999:role/Example");
        break;
      case Box.ACTION:
        out.add("kms:Decrypt");
        out.add("service:Action");
        out.add("service:ExampleAction");
        break;
      case Box.RESOURCE:
        out.add("arn:aws:kms:us-east-1:111122223333:key/example");
        out.add("arn:aws:s3:::example");
        break;
      default:
        out.add("true");
        out.add("false");
        out.add("example");
    }
    return out;
  }
}
