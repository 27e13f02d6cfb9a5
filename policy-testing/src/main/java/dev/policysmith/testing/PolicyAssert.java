package dev.policysmith.testing;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.Statement;
import dev.policysmith.model.eval.Decision;
import dev.policysmith.model.eval.Evaluation;
import dev.policysmith.model.eval.PolicyEvaluator;
import dev.policysmith.model.eval.Request;
import dev.policysmith.model.eval.StatementMatch;
import dev.policysmith.model.json.PolicyWriter;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.ObjectAssert;

/**
 * AssertJ assertions on what one or more IAM or KMS policy documents, evaluated together, decide
 * for a request: {@code ALLOW} when an {@code Allow} statement matches and no {@code Deny} does,
 * {@code EXPLICIT_DENY} when a {@code Deny} statement matches, {@code IMPLICIT_DENY} when nothing
 * matches. Obtain one from {@link PolicyAssertions#assertThat(PolicyDocument...)}.
 *
 * <p>A failure message shows the request (principal, action, resource, context), the decision
 * expected and the one made, and every statement that matched, with its place, {@code Sid}, effect
 * and JSON as the lossless writer gives it:
 *
 * <pre>{@code
 * Expecting the policy to decide ALLOW for the request
 *   principal: arn:aws:iam::111122223333:role/Scheduler
 *   action:    kms:Decrypt
 *   resource:  (none)
 *   context:   {}
 * but it decided EXPLICIT_DENY; the statements that matched:
 *   statement 1 (Sid "DenyAll", Deny):
 *     {
 *       "Sid": "DenyAll",
 *       "Effect": "Deny",
 *       "Action": "*"
 *     }
 * }</pre>
 *
 * <p>Not thread-safe, like every AssertJ assertion object; the documents are evaluated with a
 * {@link PolicyEvaluator} built once per assertion.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy
 *     evaluation logic</a>
 */
public final class PolicyAssert extends AbstractAssert<PolicyAssert, List<PolicyDocument>> {
  private final PolicyEvaluator evaluator;

  PolicyAssert(List<PolicyDocument> documents) {
    super(documents, PolicyAssert.class);
    this.evaluator = PolicyEvaluator.of(documents);
  }

  /**
   * Verifies that the documents allow {@code request}: an {@code Allow} statement matches it and no
   * {@code Deny} statement does.
   *
   * @return this assertion, for chaining
   * @throws AssertionError if the documents decide anything but {@link Decision#ALLOW}
   */
  public PolicyAssert allows(Request request) {
    return decidesExactly(request, Decision.ALLOW);
  }

  /**
   * Verifies that the documents explicitly deny {@code request}: a {@code Deny} statement matches
   * it.
   *
   * @return this assertion, for chaining
   * @throws AssertionError if the documents decide anything but {@link Decision#EXPLICIT_DENY}
   */
  public PolicyAssert denies(Request request) {
    return decidesExactly(request, Decision.EXPLICIT_DENY);
  }

  /**
   * Verifies that the documents deny {@code request} by default: no statement matches it.
   *
   * @return this assertion, for chaining
   * @throws AssertionError if the documents decide anything but {@link Decision#IMPLICIT_DENY}
   */
  public PolicyAssert implicitlyDenies(Request request) {
    return decidesExactly(request, Decision.IMPLICIT_DENY);
  }

  /**
   * Returns an AssertJ assertion on the decision for {@code request}, described by the request and
   * the statements that matched it, for {@code decides(request).isEqualTo(ALLOW)}, {@code
   * isIn(...)}, {@code isNotEqualTo(...)} and the rest of AssertJ's object assertions.
   */
  public ObjectAssert<Decision> decides(Request request) {
    Evaluation evaluation = evaluator.explain(request);
    String outer = info.descriptionText();
    String description =
        "the decision for"
            + System.lineSeparator()
            + describe(request)
            + matches(evaluation, "matched no statement", "the statements that matched:");
    ObjectAssert<Decision> decision = new ObjectAssert<>(evaluation.decision());
    // "%s": the request may hold a '%', which AssertJ would read as a format.
    return decision.as("%s", outer.isEmpty() ? description : outer + ": " + description);
  }

  private PolicyAssert decidesExactly(Request request, Decision expected) {
    isNotNull();
    Evaluation evaluation = evaluator.explain(request);
    if (evaluation.decision() != expected) {
      String n = System.lineSeparator();
      String subject = actual.size() == 1 ? "the policy" : "the " + actual.size() + " policies";
      String message =
          "Expecting "
              + subject
              + " to decide "
              + expected
              + " for the request"
              + n
              + describe(request)
              + "but "
              + (actual.size() == 1 ? "it" : "they")
              + " decided "
              + evaluation.decision()
              + matches(evaluation, ": no statement matched.", "; the statements that matched:");
      failWithActualExpectedAndMessage(evaluation.decision(), expected, "%s", message);
    }
    return this;
  }

  /** The request, one indented line per part, each line ending with a line separator. */
  private static String describe(Request request) {
    String n = System.lineSeparator();
    StringBuilder out = new StringBuilder();
    out.append("  principal: ").append(request.principal().orElse("(none)")).append(n);
    out.append("  action:    ").append(request.action()).append(n);
    out.append("  resource:  ").append(request.resource().orElse("(none)")).append(n);
    out.append("  context:   {");
    String separator = "";
    for (Map.Entry<String, List<String>> entry : request.context().entrySet()) {
      out.append(separator).append(quoted(entry.getKey())).append(": [");
      String comma = "";
      for (String value : entry.getValue()) {
        out.append(comma).append(quoted(value));
        comma = ", ";
      }
      out.append(']');
      separator = ", ";
    }
    return out.append('}').append(n).toString();
  }

  /**
   * What matched: {@code none} when nothing did, else {@code some} and one entry per statement, its
   * place, Sid and effect, then its JSON indented under it.
   */
  private String matches(Evaluation evaluation, String none, String some) {
    if (evaluation.matchedStatements().isEmpty()) {
      return none;
    }
    String n = System.lineSeparator();
    StringBuilder out = new StringBuilder(some);
    for (StatementMatch match : evaluation.matchedStatements()) {
      out.append(n).append("  ");
      if (actual.size() > 1) {
        out.append("document ").append(match.documentIndex()).append(", ");
      }
      out.append("statement ").append(match.statementIndex()).append(" (");
      match.sid().ifPresent(sid -> out.append("Sid ").append(quoted(sid)).append(", "));
      out.append(match.effect().value()).append("):");
      Statement statement =
          actual.get(match.documentIndex()).statements().get(match.statementIndex());
      for (String line : statementJson(statement).split("\n", -1)) {
        out.append(n).append("    ").append(line);
      }
    }
    return out.toString();
  }

  /**
   * The statement as the lossless writer gives it: written alone as {@code {"Statement": {...}}},
   * then cut out of that document and its indentation taken back by one level.
   */
  private static String statementJson(Statement statement) {
    PolicyDocument alone =
        PolicyDocument.builder().addStatement(statement).statementObject(true).build();
    String json = PolicyWriter.lossless().writeToString(alone);
    String prefix = "{\n  \"Statement\": ";
    String suffix = "\n}\n";
    if (!json.startsWith(prefix) || !json.endsWith(suffix)) {
      return json.strip(); // a writer layout this cut does not know: show it whole
    }
    return json.substring(prefix.length(), json.length() - suffix.length()).replace("\n  ", "\n");
  }

  /** The text in double quotes, with {@code "} and {@code \} escaped as JSON does. */
  private static String quoted(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
