package dev.policysmith.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.Statement;
import dev.policysmith.model.json.PolicyReader;
import dev.policysmith.model.json.PolicyWriter;
import dev.policysmith.testing.PoliciesWithRequests;
import dev.policysmith.testing.PolicyGenerators;
import dev.policysmith.testing.RequestGenerators;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.Generate;

/**
 * Laws of {@link PolicyEvaluator} over generated policies and requests aimed at them, after "Policy
 * evaluation logic": an explicit deny in any statement overrides any allow, an allow overrides the
 * default implicit deny, and statement order has no meaning.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 *
 * <p>Each law counts the decisions it was checked on and asserts at the end that ALLOW,
 * EXPLICIT_DENY and IMPLICIT_DENY each made at least {@value DecisionCounts#FAIR_SHARE_PERCENT} per
 * cent of them, so that no law passes on implicit denies alone. (policy-model has its own {@code
 * PolicyEvaluatorProperties} over a tiny vocabulary; these use the shared generators.)
 */
class EvaluatorLawsProperties {
  private static final int EXAMPLES = Integer.getInteger("policysmith.examples", 2000);

  @Test
  void matchingDenyAlwaysWins() {
    DecisionCounts counts = new DecisionCounts();
    AtomicInteger overturnedAllows = new AtomicInteger();
    qt().withExamples(EXAMPLES)
        .forAll(RequestGenerators.policiesWithRequests())
        .checkAssert(
            sample -> {
              List<Decision> before = decisions(PolicyEvaluator.of(sample.policies()), sample);
              before.forEach(counts::add);
              forEachStatement(
                  sample.policies(),
                  (d, s, statement) -> {
                    Statement deny = statement.toBuilder().effect(Effect.DENY).build();
                    PolicyEvaluator alone =
                        PolicyEvaluator.of(alone(sample.policies().get(d), deny));
                    // Put the deny anywhere: after the statement it copies, in the same document,
                    // so that it keeps the document's Version (policy variables).
                    PolicyEvaluator with =
                        PolicyEvaluator.of(inserted(sample.policies(), d, s + 1, deny));
                    for (int r = 0; r < sample.requests().size(); r++) {
                      Request request = sample.requests().get(r);
                      if (alone.decide(request) == Decision.EXPLICIT_DENY) {
                        if (before.get(r) == Decision.ALLOW) {
                          overturnedAllows.incrementAndGet();
                        }
                        assertThat(with.decide(request))
                            .as("%s with %s added", request, deny)
                            .isEqualTo(Decision.EXPLICIT_DENY);
                      }
                    }
                  });
            });
    counts.assertFairShares();
    assertThat(overturnedAllows).as("allows a matching deny overturned").hasPositiveValue();
  }

  @Test
  void addingAnAllowNeverRemovesAccess() {
    DecisionCounts counts = new DecisionCounts();
    AtomicInteger gained = new AtomicInteger();
    qt().withExamples(EXAMPLES)
        .forAll(RequestGenerators.policiesWithRequests(), PolicyGenerators.statements())
        .checkAssert(
            (sample, statement) -> {
              Statement allow = statement.toBuilder().effect(Effect.ALLOW).build();
              List<PolicyDocument> policies = sample.policies();
              int last = policies.size() - 1;
              // The drawn Allow, once in a document of the sample and once in a document of its
              // own.
              List<List<PolicyDocument>> widened = new ArrayList<>();
              widened.add(inserted(policies, last, policies.get(last).statements().size(), allow));
              List<PolicyDocument> beside = new ArrayList<>(policies);
              beside.add(
                  PolicyDocument.builder()
                      .version(policies.get(0).version())
                      .addStatement(allow)
                      .build());
              widened.add(beside);
              PolicyEvaluator evaluator = PolicyEvaluator.of(policies);
              for (List<PolicyDocument> more : widened) {
                PolicyEvaluator widenedEvaluator = PolicyEvaluator.of(more);
                for (Request request : sample.requests()) {
                  Decision before = evaluator.decide(request);
                  Decision after = widenedEvaluator.decide(request);
                  counts.add(before);
                  if (before == Decision.ALLOW) {
                    assertThat(after)
                        .as("%s with %s added", request, allow)
                        .isEqualTo(Decision.ALLOW);
                  } else if (before == Decision.IMPLICIT_DENY && after == Decision.ALLOW) {
                    gained.incrementAndGet();
                  }
                }
              }
            });
    counts.assertFairShares();
    assertThat(gained).as("implicit denies an added Allow turned into allows").hasPositiveValue();
  }

  @Test
  void actionAndNotActionSplitEveryRequest() {
    DecisionCounts counts = new DecisionCounts();
    qt().withExamples(EXAMPLES)
        .forAll(RequestGenerators.policiesWithRequests())
        .checkAssert(
            sample ->
                forEachStatement(
                    sample.policies(),
                    (d, s, statement) -> {
                      PolicyDocument document = sample.policies().get(d);
                      ActionClause clause = statement.actionClause();
                      ActionClause action =
                          ActionClause.builder().from(clause).negated(false).build();
                      ActionClause notAction =
                          ActionClause.builder().from(clause).negated(true).build();
                      // Only the action dimension: no principal, resource or condition to miss.
                      Statement bare =
                          Statement.builder().effect(statement.effect()).action(action).build();
                      Statement bareNot =
                          Statement.builder().effect(statement.effect()).action(notAction).build();
                      PolicyEvaluator withAction = PolicyEvaluator.of(alone(document, bare));
                      PolicyEvaluator withNotAction = PolicyEvaluator.of(alone(document, bareNot));
                      // The whole statement both ways: at most one of them matches.
                      PolicyEvaluator full =
                          PolicyEvaluator.of(
                              alone(document, statement.toBuilder().action(action).build()));
                      PolicyEvaluator fullNot =
                          PolicyEvaluator.of(
                              alone(document, statement.toBuilder().action(notAction).build()));
                      for (Request request : sample.requests()) {
                        Decision a = withAction.decide(request);
                        Decision n = withNotAction.decide(request);
                        counts.add(a);
                        counts.add(n);
                        assertThat(List.of(a, n))
                            .as("%s against %s and %s", request, action, notAction)
                            .containsExactlyInAnyOrder(
                                Decision.IMPLICIT_DENY, decisionOf(statement.effect()));
                        assertThat(List.of(full.decide(request), fullNot.decide(request)))
                            .as("%s against %s both ways", request, statement)
                            .contains(Decision.IMPLICIT_DENY);
                      }
                    }));
    counts.assertFairShares();
  }

  @Test
  void decisionDoesNotDependOnStatementOrder() {
    DecisionCounts counts = new DecisionCounts();
    qt().withExamples(EXAMPLES)
        .forAll(reorderings())
        .checkAssert(
            reordering -> {
              PoliciesWithRequests sample = reordering.sample();
              PolicyEvaluator original = PolicyEvaluator.of(sample.policies());
              PolicyEvaluator reordered = PolicyEvaluator.of(reordering.documents());
              for (Request request : sample.requests()) {
                Decision decision = original.decide(request);
                counts.add(decision);
                assertThat(reordered.decide(request))
                    .as("%s against %s", request, reordering.documents())
                    .isEqualTo(decision);
              }
            });
    counts.assertFairShares();
  }

  @Test
  void explainAgreesWithDecide() {
    DecisionCounts counts = new DecisionCounts();
    qt().withExamples(EXAMPLES)
        .forAll(RequestGenerators.policiesWithRequests())
        .checkAssert(
            sample -> {
              PolicyEvaluator evaluator = PolicyEvaluator.of(sample.policies());
              List<PolicyEvaluator> alone = new ArrayList<>();
              List<StatementMatch> candidates = new ArrayList<>();
              forEachStatement(
                  sample.policies(),
                  (d, s, statement) -> {
                    alone.add(PolicyEvaluator.of(alone(sample.policies().get(d), statement)));
                    candidates.add(
                        StatementMatch.builder()
                            .documentIndex(d)
                            .statementIndex(s)
                            .sid(statement.sid())
                            .effect(statement.effect())
                            .build());
                  });
              for (Request request : sample.requests()) {
                Decision decision = evaluator.decide(request);
                counts.add(decision);
                Evaluation evaluation = evaluator.explain(request);
                assertThat(evaluation.decision()).as("explain(%s)", request).isEqualTo(decision);
                // Exactly the statements that match on their own, in document order.
                List<StatementMatch> matching = new ArrayList<>();
                for (int i = 0; i < candidates.size(); i++) {
                  if (alone.get(i).decide(request) != Decision.IMPLICIT_DENY) {
                    matching.add(candidates.get(i));
                  }
                }
                assertThat(evaluation.matchedStatements())
                    .as("explain(%s)", request)
                    .isEqualTo(matching);
              }
            });
    counts.assertFairShares();
  }

  @Test
  void readWriteDoesNotChangeDecisions() {
    DecisionCounts counts = new DecisionCounts();
    PolicyReader reader = PolicyReader.strict();
    qt().withExamples(EXAMPLES)
        .forAll(RequestGenerators.policiesWithRequests())
        .checkAssert(
            sample -> {
              PolicyEvaluator original = PolicyEvaluator.of(sample.policies());
              for (PolicyWriter writer :
                  List.of(PolicyWriter.lossless(), PolicyWriter.canonical())) {
                PolicyEvaluator reread =
                    PolicyEvaluator.of(
                        sample.policies().stream()
                            .map(policy -> reader.read(writer.writeToString(policy)))
                            .toList());
                for (Request request : sample.requests()) {
                  Decision decision = original.decide(request);
                  counts.add(decision);
                  assertThat(reread.decide(request)).as("%s", request).isEqualTo(decision);
                }
              }
            });
    counts.assertFairShares();
  }

  // ---------------------------------------------------------------- helpers

  /** The decision a lone matching statement of this effect makes. */
  private static Decision decisionOf(Effect effect) {
    return effect == Effect.ALLOW ? Decision.ALLOW : Decision.EXPLICIT_DENY;
  }

  private static List<Decision> decisions(PolicyEvaluator evaluator, PoliciesWithRequests sample) {
    return sample.requests().stream().map(evaluator::decide).toList();
  }

  /** The statement in a document of its own with the Version of {@code from}. */
  private static PolicyDocument alone(PolicyDocument from, Statement statement) {
    return PolicyDocument.builder().version(from.version()).addStatement(statement).build();
  }

  /** The documents with {@code statement} inserted into document {@code d} at {@code index}. */
  private static List<PolicyDocument> inserted(
      List<PolicyDocument> documents, int d, int index, Statement statement) {
    List<PolicyDocument> out = new ArrayList<>(documents);
    List<Statement> statements = new ArrayList<>(documents.get(d).statements());
    statements.add(index, statement);
    out.set(
        d,
        PolicyDocument.builder()
            .from(documents.get(d))
            .statements(statements)
            .statementObject(false)
            .build());
    return out;
  }

  private interface StatementVisitor {
    void visit(int documentIndex, int statementIndex, Statement statement);
  }

  private static void forEachStatement(List<PolicyDocument> documents, StatementVisitor visitor) {
    for (int d = 0; d < documents.size(); d++) {
      List<Statement> statements = documents.get(d).statements();
      for (int s = 0; s < statements.size(); s++) {
        visitor.visit(d, s, statements.get(s));
      }
    }
  }

  /** A sample and the same statements in another order, split into other documents. */
  record Reordering(PoliciesWithRequests sample, List<PolicyDocument> documents) {}

  /**
   * Samples of {@link RequestGenerators#policiesWithRequests()} with their statements shuffled
   * within each document, each document cut into 1 to 3 documents of the same Version, and the
   * documents shuffled.
   */
  private static Gen<Reordering> reorderings() {
    Gen<PoliciesWithRequests> samples = RequestGenerators.policiesWithRequests();
    return source -> {
      PoliciesWithRequests sample = samples.generate(source);
      List<PolicyDocument> documents = new ArrayList<>();
      for (PolicyDocument document : sample.policies()) {
        List<Statement> statements = shuffled(source, document.statements());
        int pieces = Generate.range(1, Math.min(3, statements.size())).generate(source);
        int start = 0;
        for (int piece = 0; piece < pieces; piece++) {
          int end =
              piece == pieces - 1
                  ? statements.size()
                  : Generate.range(start + 1, statements.size() - (pieces - 1 - piece))
                      .generate(source);
          documents.add(
              PolicyDocument.builder()
                  .version(document.version())
                  .statements(statements.subList(start, end))
                  .build());
          start = end;
        }
      }
      return new Reordering(sample, shuffled(source, documents));
    };
  }

  private static <T> List<T> shuffled(RandomnessSource source, List<T> list) {
    List<T> out = new ArrayList<>(list);
    for (int i = out.size() - 1; i > 0; i--) {
      int j = Generate.range(0, i).generate(source);
      out.set(j, out.set(i, out.get(j)));
    }
    return out;
  }
}
