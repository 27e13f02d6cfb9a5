package dev.policysmith.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.policysmith.catalog.IamCatalog;
import dev.policysmith.merge.Canonicalizer;
import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.Statement;
import dev.policysmith.model.condition.BaseOperator;
import dev.policysmith.model.eval.Decision;
import dev.policysmith.model.eval.PolicyEvaluator;
import dev.policysmith.model.eval.Request;
import dev.policysmith.testing.PoliciesWithRequests;
import dev.policysmith.testing.PolicyGenerators;
import dev.policysmith.testing.RequestGenerators;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The laws of the semantic diff, checked against the evaluator over the shared generators, each
 * with {@code policysmith.examples} tries (2,000 by default): about three and a half minutes for
 * the module's tests on a 2-core machine.
 */
class PolicyDifferProperties {
  private static final int EXAMPLES = Integer.getInteger("policysmith.examples", 2000);

  /** Tries for laws adding a statement to a policy. */
  private static final int TRIES = Math.max(10, EXAMPLES);

  /** Tries for laws diffing two unrelated policies, which must see exact differences. */
  private static final int DIFFERENCE_TRIES = Math.max(30, EXAMPLES);

  private static final PolicyDiffer DIFFER = PolicyDiffer.standard();
  private static final IamCatalog CATALOG = IamCatalog.bundled();
  private static final PolicyDiffer CATALOG_DIFFER = DIFFER.withCatalog(CATALOG);

  /** Two policies and requests drawn from both. */
  private static Gen<PoliciesWithRequests> pairs() {
    return RequestGenerators.policiesWithRequests(PolicyGenerators.documents(), 2, 2, 10);
  }

  private static boolean allows(PolicyDocument policy, Request request) {
    return PolicyEvaluator.of(policy).decide(request) == Decision.ALLOW;
  }

  /**
   * Whether a request is one the diff reasons about: any number of values (none included) for a key
   * that ForAnyValue: or ForAllValues: names in either policy (with an operator other than Null,
   * whose qualifier means nothing), one value for any other key.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html">Single-valued
   *     vs. multivalued context keys</a>
   */
  private static boolean claimed(Request request, PolicyDocument... policies) {
    Set<String> multivalued = new HashSet<>();
    for (PolicyDocument policy : policies) {
      for (Statement statement : policy.statements()) {
        statement.condition().stream()
            .flatMap(c -> c.operators().stream())
            .filter(block -> block.operator().qualifier().isPresent())
            .filter(block -> block.operator().base() != BaseOperator.NULL)
            .flatMap(block -> block.keys().stream())
            .forEach(key -> multivalued.add(key.normalizedKey()));
      }
    }
    return request.context().entrySet().stream()
        .allMatch(
            e ->
                e.getValue().size() == 1
                    || multivalued.contains(e.getKey().toLowerCase(Locale.ROOT)));
  }

  /** Whether a request carries a list of other than one value for some key. */
  private static boolean multivalued(Request request) {
    return request.context().values().stream().anyMatch(values -> values.size() != 1);
  }

  @Test
  void diffOfSelfIsEquivalent() {
    qt().withExamples(EXAMPLES)
        .forAll(PolicyGenerators.documents())
        .checkAssert(
            p -> {
              DiffResult result = DIFFER.diff(p, p);
              if (result.exact()) {
                assertThat(result.added()).isEmpty();
                assertThat(result.removed()).isEmpty();
                assertThat(result.verdict()).isEqualTo(Verdict.EQUIVALENT);
              } else {
                // Approximated constructs may leave spurious regions; equivalence is never claimed.
                assertThat(result.verdict()).isNotEqualTo(Verdict.EQUIVALENT);
              }
            });
  }

  @Test
  void diffOfCanonicalFormIsEquivalent() {
    qt().withExamples(EXAMPLES)
        .forAll(PolicyGenerators.documents())
        .checkAssert(
            p -> {
              DiffResult result = DIFFER.diff(p, Canonicalizer.canonicalize(p));
              if (result.exact()) {
                assertThat(result.added()).isEmpty();
                assertThat(result.removed()).isEmpty();
                assertThat(result.verdict()).isEqualTo(Verdict.EQUIVALENT);
              } else {
                assertThat(result.verdict()).isNotEqualTo(Verdict.EQUIVALENT);
              }
            });
  }

  @Test
  void addedMirrorsRemoved() {
    qt().withExamples(DIFFERENCE_TRIES)
        .forAll(pairs())
        .checkAssert(
            sample -> {
              PolicyDocument a = sample.policies().get(0);
              PolicyDocument b = sample.policies().get(1);
              DiffResult forward = DIFFER.diff(a, b);
              DiffResult backward = DIFFER.diff(b, a);
              for (Request r : sample.requests()) {
                assertThat(forward.added().stream().anyMatch(c -> c.contains(r)))
                    .isEqualTo(backward.removed().stream().anyMatch(c -> c.contains(r)));
                assertThat(forward.removed().stream().anyMatch(c -> c.contains(r)))
                    .isEqualTo(backward.added().stream().anyMatch(c -> c.contains(r)));
              }
            });
  }

  @Test
  void examplesAreSound() {
    // Examples take the fewest values a change allows, so lists of several values are rare among
    // them; PolicyDifferSetOperatorTest checks such examples one by one.
    AtomicInteger checked = new AtomicInteger();
    AtomicInteger resolving = new AtomicInteger();
    qt().withExamples(DIFFERENCE_TRIES)
        .forAll(pairs())
        .checkAssert(
            sample -> {
              for (Request example : soundExamples(DIFFER, sample)) {
                checked.incrementAndGet();
                if (resolvesVariable(sample, example)) {
                  resolving.incrementAndGet();
                }
              }
            });
    assertThat(checked.get()).as("examples checked").isGreaterThan(0);
    // Changes that depend on a policy variable are confirmed with a request carrying its key
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html).
    assertThat(resolving.get()).as("examples giving a policy variable its value").isGreaterThan(0);
  }

  /**
   * Whether a policy of the sample resolves variables and the example carries {@code aws:username},
   * the key of the vocabulary's {@code ${aws:username}}.
   */
  private static boolean resolvesVariable(PoliciesWithRequests sample, Request example) {
    boolean variables =
        sample.policies().stream()
            .anyMatch(p -> p.variablesEnabled() && p.toString().contains("${"));
    // No policy of the vocabulary tests aws:username but through a variable.
    return variables
        && example.context().keySet().stream().anyMatch(k -> k.equalsIgnoreCase("aws:username"));
  }

  @Test
  void examplesAreSoundWithCatalog() {
    AtomicInteger real = new AtomicInteger();
    qt().withExamples(DIFFERENCE_TRIES)
        .forAll(pairs())
        .checkAssert(
            sample -> {
              for (Request example : soundExamples(CATALOG_DIFFER, sample)) {
                real.addAndGet(CATALOG.action(example.action()).isPresent() ? 1 : 0);
              }
            });
    assertThat(real.get()).as("examples with a catalogued action").isGreaterThan(0);
  }

  /**
   * Checks that the example of every change of an exact diff is decided differently by the two
   * policies, in the change's direction, and lies in the change; returns the examples checked.
   */
  private static List<Request> soundExamples(PolicyDiffer differ, PoliciesWithRequests sample) {
    PolicyDocument before = sample.policies().get(0);
    PolicyDocument after = sample.policies().get(1);
    DiffResult result = differ.diff(before, after);
    List<Request> checked = new java.util.ArrayList<>();
    if (!result.exact()) {
      return checked;
    }
    for (Change change : result.added()) {
      assertThat(allows(before, change.example())).as("old allows %s", change.example()).isFalse();
      assertThat(allows(after, change.example())).as("new allows %s", change.example()).isTrue();
      assertThat(change.contains(change.example())).isTrue();
      checked.add(change.example());
    }
    for (Change change : result.removed()) {
      assertThat(allows(before, change.example())).as("old allows %s", change.example()).isTrue();
      assertThat(allows(after, change.example())).as("new allows %s", change.example()).isFalse();
      assertThat(change.contains(change.example())).isTrue();
      checked.add(change.example());
    }
    return checked;
  }

  /**
   * A request for a catalogued action that the two policies decide differently makes the verdict
   * over the catalogue other than equivalent; and the catalogue's verdict never claims a change in
   * a direction the verdict over every action name does not.
   */
  @Test
  void catalogVerdictSeesCataloguedDisagreements() {
    AtomicInteger disagreements = new AtomicInteger();
    qt().withExamples(DIFFERENCE_TRIES)
        .forAll(pairs())
        .checkAssert(
            sample -> {
              PolicyDocument before = sample.policies().get(0);
              PolicyDocument after = sample.policies().get(1);
              DiffResult result = CATALOG_DIFFER.diff(before, after);
              Verdict catalog = result.catalogVerdict().orElseThrow().verdict();
              switch (result.verdict()) {
                case EQUIVALENT -> assertThat(catalog).isEqualTo(Verdict.EQUIVALENT);
                case BROADER -> assertThat(catalog).isIn(Verdict.EQUIVALENT, Verdict.BROADER);
                case NARROWER -> assertThat(catalog).isIn(Verdict.EQUIVALENT, Verdict.NARROWER);
                default -> {}
              }
              for (Request r : sample.requests()) {
                if (!claimed(r, before, after)
                    || CATALOG.action(r.action()).isEmpty()
                    || allows(before, r) == allows(after, r)) {
                  continue;
                }
                disagreements.incrementAndGet();
                assertThat(catalog).as("disagreement on %s", r).isNotEqualTo(Verdict.EQUIVALENT);
                if (result.exact()) {
                  assertThat(catalog)
                      .isIn(
                          allows(after, r) ? Verdict.BROADER : Verdict.NARROWER,
                          Verdict.INCOMPARABLE);
                }
              }
            });
    assertThat(disagreements.get()).as("catalogued requests decided differently").isGreaterThan(0);
  }

  @Test
  void diffIsSoundAndComplete() {
    AtomicInteger disagreements = new AtomicInteger();
    AtomicInteger multivaluedDisagreements = new AtomicInteger();
    qt().withExamples(DIFFERENCE_TRIES)
        .forAll(pairs())
        .checkAssert(
            sample -> {
              PolicyDocument before = sample.policies().get(0);
              PolicyDocument after = sample.policies().get(1);
              DiffResult result = DIFFER.diff(before, after);
              for (Request r : sample.requests()) {
                if (!claimed(r, before, after)) {
                  continue;
                }
                boolean was = allows(before, r);
                boolean is = allows(after, r);
                if (was != is) {
                  disagreements.incrementAndGet();
                  multivaluedDisagreements.addAndGet(multivalued(r) ? 1 : 0);
                  assertThat(result.verdict()).isNotEqualTo(Verdict.EQUIVALENT);
                }
                if (result.exact()) {
                  // Exact both ways: the added changes hold the request exactly when the new
                  // policy allows it and the old does not, and the removed ones conversely.
                  assertThat(result.added().stream().anyMatch(c -> c.contains(r)))
                      .as("an added change contains %s", r)
                      .isEqualTo(!was && is);
                  assertThat(result.removed().stream().anyMatch(c -> c.contains(r)))
                      .as("a removed change contains %s", r)
                      .isEqualTo(was && !is);
                }
              }
            });
    assertThat(disagreements.get()).as("requests decided differently").isGreaterThan(0);
    assertThat(multivaluedDisagreements.get())
        .as("requests with several or no values decided differently")
        .isGreaterThan(0);
  }

  @Test
  void addingAllowsIsBroaderOrEquivalent() {
    qt().withExamples(TRIES)
        .forAll(PolicyGenerators.documents(), PolicyGenerators.statements())
        .checkAssert(
            (p, s) -> {
              DiffResult result = DIFFER.diff(p, with(p, s, Effect.ALLOW));
              if (result.exact()) {
                assertThat(result.removed()).isEmpty();
                assertThat(result.verdict()).isIn(Verdict.EQUIVALENT, Verdict.BROADER);
              }
            });
  }

  @Test
  void addingDeniesIsNarrowerOrEquivalent() {
    qt().withExamples(TRIES)
        .forAll(PolicyGenerators.documents(), PolicyGenerators.statements())
        .checkAssert(
            (p, s) -> {
              DiffResult result = DIFFER.diff(p, with(p, s, Effect.DENY));
              if (result.exact()) {
                assertThat(result.added()).isEmpty();
                assertThat(result.verdict()).isIn(Verdict.EQUIVALENT, Verdict.NARROWER);
              }
            });
  }

  private static PolicyDocument with(PolicyDocument p, Statement s, Effect effect) {
    return p.toBuilder().addStatement(s.toBuilder().effect(effect).build()).build();
  }
}
