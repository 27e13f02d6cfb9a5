package dev.policysmith.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.policysmith.model.catalog.CatalogAction;
import dev.policysmith.model.catalog.CatalogService;
import dev.policysmith.model.validate.Finding;
import dev.policysmith.model.validate.FindingCode;
import dev.policysmith.model.validate.PolicyKind;
import dev.policysmith.model.validate.PolicyValidator;
import dev.policysmith.model.validate.ValidationOptions;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Typos: a real action name changed by one edit (a letter inserted, deleted or substituted) is
 * either another real action, or validation flags it and suggests an action one edit away (the
 * original, or another equally near).
 */
class CatalogValidationProperties {
  private static final IamCatalog CATALOG = IamCatalog.bundled();
  private static final ValidationOptions OPTIONS =
      ValidationOptions.builder().kind(PolicyKind.IDENTITY).catalog(CATALOG).build();
  private static final Pattern SUGGESTION = Pattern.compile("did you mean \"([^\"]+)\"\\?$");
  private static final int EXAMPLES =
      Math.max(50, Integer.getInteger("policysmith.examples", 2000) / 4);

  private static final List<String> ACTIONS =
      CATALOG.services().stream()
          .map(CatalogService::actions)
          .flatMap(List::stream)
          .map(CatalogAction::qualifiedName)
          .toList();

  private enum Edit {
    INSERT,
    DELETE,
    SUBSTITUTE
  }

  /** One edit of one action: its kind, where (taken modulo the length) and which letter. */
  private record Mutation(String original, Edit edit, int position, char letter) {
    String apply() {
      int colon = original.indexOf(':');
      // Never touch the colon: the mutant must stay service:Name, or it is MALFORMED_ACTION.
      int at = position % (original.length() + 1);
      return switch (edit) {
        case INSERT -> original.substring(0, at) + letter + original.substring(at);
        case DELETE -> {
          int i = at % original.length();
          // Keep the colon and a non-empty service prefix: delete from the name instead.
          if (i == colon || (i == 0 && colon == 1)) {
            i = colon + 1;
          }
          yield original.substring(0, i) + original.substring(i + 1);
        }
        case SUBSTITUTE -> {
          int i = at % original.length();
          i = i == colon ? colon + 1 : i;
          yield original.substring(0, i) + letter + original.substring(i + 1);
        }
      };
    }
  }

  private static Gen<Mutation> mutations() {
    Gen<Character> letters = integers().between('a', 'z').map(i -> (char) i.intValue());
    Gen<Character> anyCase =
        Generate.booleans().zip(letters, (upper, c) -> upper ? Character.toUpperCase(c) : c);
    return Generate.pick(ACTIONS)
        .zip(Generate.enumValues(Edit.class), integers().between(0, 200), anyCase, Mutation::new);
  }

  private static int distance(String a, String b) {
    // Edits and neighbour transpositions, written again here rather than taken from the validator.
    a = a.toLowerCase(Locale.ROOT);
    b = b.toLowerCase(Locale.ROOT);
    int[] before = new int[b.length() + 1];
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          current[j] = Math.min(current[j], before[j - 2] + 1);
        }
      }
      int[] swap = before;
      before = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  @Test
  void oneEditFromARealAction_isAnActionOrFlaggedWithANearSuggestion() {
    AtomicInteger flagged = new AtomicInteger();
    AtomicInteger tries = new AtomicInteger();
    qt().withExamples(EXAMPLES)
        .forAll(mutations())
        .checkAssert(
            mutation -> {
              tries.incrementAndGet();
              String mutant = mutation.apply();
              String json =
                  """
                  {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "%s", "Resource": "*"}}
                  """
                      .formatted(mutant);
              List<Finding> findings = PolicyValidator.standard().validate(json, OPTIONS);
              if (CATALOG.action(mutant).isPresent()) {
                assertThat(findings).isEmpty();
                return;
              }
              flagged.incrementAndGet();
              assertThat(findings)
                  .singleElement()
                  .satisfies(
                      finding -> {
                        assertThat(finding.code())
                            .isIn(FindingCode.UNKNOWN_ACTION, FindingCode.UNKNOWN_SERVICE);
                        assertThat(finding.message()).contains(CATALOG.date().toString());
                        Matcher matcher = SUGGESTION.matcher(finding.message());
                        assertThat(matcher.find())
                            .as("a suggestion in %s", finding.message())
                            .isTrue();
                        String suggestion = matcher.group(1);
                        assertThat(CATALOG.action(suggestion)).isPresent();
                        assertThat(distance(suggestion, mutant))
                            .as(
                                "%s suggested for %s (from %s)",
                                suggestion, mutant, mutation.original())
                            .isLessThanOrEqualTo(distance(mutation.original(), mutant));
                      });
            });
    // Most single edits of a real name are not real names: the property did not pass on nothing.
    assertThat(flagged.get()).isGreaterThan(tries.get() / 2);
  }
}
