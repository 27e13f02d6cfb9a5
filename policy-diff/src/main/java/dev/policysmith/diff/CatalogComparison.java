package dev.policysmith.diff;

import dev.policysmith.diff.engine.Box;
import dev.policysmith.diff.engine.DimSet;
import dev.policysmith.diff.engine.Encoder;
import dev.policysmith.diff.engine.Languages;
import dev.policysmith.diff.engine.Region;
import dev.policysmith.diff.engine.StrSet;
import dev.policysmith.model.catalog.ActionCatalog;
import dev.policysmith.model.catalog.CatalogAction;
import dev.policysmith.model.catalog.CatalogService;
import dk.brics.automaton.Automaton;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The diff's view of an action catalogue, for one comparison: which catalogued services an action
 * set reaches, the catalogued action to show in an example, and the {@link CatalogVerdict}.
 *
 * <p>Boxes are products, so a region restricted to catalogued actions is non-empty exactly when
 * some box of it has an action set holding a catalogued action; only the services whose {@code
 * prefix:} the set reaches are looked at, so a diff of kms statements reads the kms actions alone.
 * Each service's names are walked through the set's automaton in sorted order, sharing the steps of
 * common prefixes and skipping every name below a dead step. Thread-safe: a differ keeps one.
 */
final class CatalogComparison {
  private final ActionCatalog catalog;
  private final List<String> prefixes;

  /** Each prefix folded with its colon, as the action automata hold it. */
  private final List<String> folded = new ArrayList<>();

  /** Each service's actions, folded and sorted, with AWS's casing beside; read on first use. */
  private final Map<Integer, Names> names = new ConcurrentHashMap<>();

  /** One service's action names: folded without the prefix, sorted, and as AWS writes them. */
  private record Names(String[] folded, String[] qualified) {}

  CatalogComparison(ActionCatalog catalog) {
    this.catalog = catalog;
    this.prefixes = catalog.servicePrefixes();
    for (String prefix : prefixes) {
      folded.add(Languages.fold(prefix + ":"));
    }
  }

  /**
   * Returns the catalogued action to show as an example from {@code set}: the first hint that is a
   * catalogued action in the set, else the first catalogued action in the set by service and name;
   * empty when the set holds none.
   */
  Optional<String> actionIn(DimSet set, List<String> hints) {
    for (String hint : hints) {
      if (hint.indexOf(':') > 0 && hint.indexOf('*') < 0 && hint.indexOf('?') < 0) {
        Optional<CatalogAction> action = catalog.action(hint);
        if (action.isPresent() && set.contains(Optional.of(action.get().qualifiedName()))) {
          return Optional.of(action.get().qualifiedName());
        }
      }
    }
    if (!(set instanceof StrSet strings)) {
      return Optional.empty();
    }
    Automaton language = deterministic(strings.language());
    for (int service : servicesIn(set)) {
      State state = step(language.getInitialState(), folded.get(service), 0);
      if (state != null) {
        Optional<String> found = first(state, names(service));
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** Returns the first name accepted from {@code start}, walking them in their sorted order. */
  private static Optional<String> first(State start, Names names) {
    String[] folded = names.folded();
    // states[d] is the state after the first d characters of the previous name, for d <= valid.
    State[] states = new State[64];
    states[0] = start;
    int valid = 0;
    int dead = -1;
    String previous = "";
    for (int i = 0; i < folded.length; i++) {
      String name = folded[i];
      int common = 0;
      int limit = Math.min(previous.length(), name.length());
      while (common < limit && previous.charAt(common) == name.charAt(common)) {
        common++;
      }
      previous = name;
      if (dead >= 0 && dead < common) {
        continue; // the automaton already died inside the prefix this name shares
      }
      if (states.length <= name.length()) {
        states = java.util.Arrays.copyOf(states, name.length() + 1);
      }
      int d = Math.min(common, valid);
      State state = states[d];
      dead = -1;
      for (; d < name.length(); d++) {
        state = state.step(name.charAt(d));
        if (state == null) {
          dead = d;
          break;
        }
        states[d + 1] = state;
      }
      valid = dead >= 0 ? dead : name.length();
      if (dead < 0 && state.isAccept()) {
        return Optional.of(names.qualified()[i]);
      }
    }
    return Optional.empty();
  }

  private static @Nullable State step(State state, String text, int from) {
    State current = state;
    for (int i = from; i < text.length() && current != null; i++) {
      current = current.step(text.charAt(i));
    }
    return current;
  }

  /** Returns the automaton itself when deterministic (the minimal ones are), else a DFA copy. */
  private static Automaton deterministic(Automaton language) {
    if (language.isDeterministic()) {
      return language;
    }
    Automaton copy = language.clone();
    copy.determinize();
    return copy;
  }

  /** Returns whether some box of the region holds a catalogued action. */
  private boolean reachesCatalogued(Region region) {
    for (Box box : region.boxes()) {
      if (actionIn(box.get(Box.ACTION), List.of()).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the verdict over catalogued actions for the regions gained and lost, counting the
   * actions of every service that a region or a statement of either policy reaches.
   */
  CatalogVerdict verdict(
      List<Region> gained,
      List<Region> lost,
      List<List<Encoder.Encoded>> policies,
      Verdict overall,
      boolean exact) {
    boolean broader = gained.stream().anyMatch(this::reachesCatalogued);
    boolean narrower = lost.stream().anyMatch(this::reachesCatalogued);
    Verdict verdict;
    if (broader == narrower) {
      verdict = broader || !exact ? Verdict.INCOMPARABLE : Verdict.EQUIVALENT;
    } else {
      verdict = broader ? Verdict.BROADER : Verdict.NARROWER;
    }
    boolean[] involved = new boolean[prefixes.size()];
    List<Region> regions = new ArrayList<>(gained);
    regions.addAll(lost);
    for (Region region : regions) {
      for (Box box : region.boxes()) {
        servicesIn(box.get(Box.ACTION)).forEach(i -> involved[i] = true);
      }
    }
    for (List<Encoder.Encoded> policy : policies) {
      for (Encoder.Encoded statement : policy) {
        servicesIn(statement.box().get(Box.ACTION)).forEach(i -> involved[i] = true);
      }
    }
    List<String> services = new ArrayList<>();
    int count = 0;
    for (int i = 0; i < involved.length; i++) {
      if (involved[i]) {
        services.add(prefixes.get(i));
        count += names(i).folded().length;
      }
    }
    return new CatalogVerdict(
        verdict, catalog.date(), count, services, summary(verdict, overall, count, services));
  }

  private String summary(Verdict verdict, Verdict overall, int count, List<String> services) {
    StringBuilder out = new StringBuilder(word(verdict));
    if (services.isEmpty()) {
      out.append(": no action the catalogue lists on ")
          .append(catalog.date())
          .append(" is involved");
    } else {
      out.append(" for the ").append(count).append(' ');
      if (services.size() == 1) {
        out.append(services.get(0)).append(count == 1 ? " action" : " actions");
      } else if (services.size() <= 3) {
        out.append("actions of ")
            .append(String.join(", ", services.subList(0, services.size() - 1)))
            .append(" and ")
            .append(services.get(services.size() - 1));
      } else {
        out.append("actions of ").append(services.size()).append(" services");
      }
      out.append(count == 1 ? " that exists on " : " that exist on ").append(catalog.date());
    }
    if (verdict != overall) {
      if (verdict == Verdict.EQUIVALENT
          && (overall == Verdict.BROADER || overall == Verdict.NARROWER)) {
        // The only difference lies in names the catalogue does not list: actions AWS may add.
        out.append("; ").append(word(overall)).append(" for actions added later");
      } else {
        out.append("; ")
            .append(word(overall))
            .append(" over every action name, counting ones added later");
      }
    }
    return out.toString();
  }

  private static String word(Verdict verdict) {
    return verdict.name().toLowerCase(Locale.ROOT);
  }

  private Names names(int service) {
    return names.computeIfAbsent(
        service,
        i -> {
          List<CatalogAction> actions =
              catalog.service(prefixes.get(i)).map(CatalogService::actions).orElse(List.of());
          String[][] pairs = new String[actions.size()][];
          for (int j = 0; j < pairs.length; j++) {
            CatalogAction action = actions.get(j);
            pairs[j] = new String[] {Languages.fold(action.name()), action.qualifiedName()};
          }
          java.util.Arrays.sort(pairs, (a, b) -> a[0].compareTo(b[0]));
          String[] foldedNames = new String[pairs.length];
          String[] qualified = new String[pairs.length];
          for (int j = 0; j < pairs.length; j++) {
            foldedNames[j] = pairs[j][0];
            qualified[j] = pairs[j][1];
          }
          return new Names(foldedNames, qualified);
        });
  }

  /**
   * Returns the indexes of the catalogued services some string of {@code set} starts with, as
   * {@code prefix:}, in catalogue order.
   */
  private List<Integer> servicesIn(DimSet set) {
    if (!(set instanceof StrSet strings)) {
      return allServices();
    }
    Automaton language = deterministic(strings.language());
    if (language.isTotal()) {
      return allServices();
    }
    if (language.isEmpty()) {
      return List.of();
    }
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < folded.size(); i++) {
      if (startsSomeString(language, folded.get(i))) {
        out.add(i);
      }
    }
    return out;
  }

  private List<Integer> allServices() {
    List<Integer> all = new ArrayList<>(prefixes.size());
    for (int i = 0; i < prefixes.size(); i++) {
      all.add(i);
    }
    return all;
  }

  /**
   * Returns whether some string of the deterministic language starts with {@code prefix}: the state
   * reached by reading it can reach an accepting state. Reads the automaton only, without the
   * renumbering {@code getStates()} does.
   */
  private static boolean startsSomeString(Automaton language, String prefix) {
    State reached = step(language.getInitialState(), prefix, 0);
    if (reached == null) {
      return false;
    }
    if (reached.isAccept()) {
      return true;
    }
    ArrayDeque<State> todo = new ArrayDeque<>();
    todo.push(reached);
    Set<State> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(reached);
    while (!todo.isEmpty()) {
      State state = todo.pop();
      if (state.isAccept()) {
        return true;
      }
      for (Transition t : state.getTransitions()) {
        if (seen.add(t.getDest())) {
          todo.push(t.getDest());
        }
      }
    }
    return false;
  }
}
