package dev.policysmith.model.eval;

import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.Statement;
import dev.policysmith.model.arn.Partition;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides requests against one or more policy documents taken together: {@link
 * Decision#EXPLICIT_DENY} if any matching statement is a {@code Deny}, otherwise {@link
 * Decision#ALLOW} if any matching statement is an {@code Allow}, otherwise {@link
 * Decision#IMPLICIT_DENY}. The order of documents and statements never matters.
 *
 * <p>A statement matches a request when every part of it matches:
 *
 * <ul>
 *   <li>{@code Action}/{@code NotAction}: action patterns, case-insensitive, with {@code *} and
 *       {@code ?}.
 *   <li>{@code Resource}/{@code NotResource}: case-sensitive ARN patterns matched component by
 *       component; {@code *} alone matches every resource. A statement without a resource clause
 *       matches every resource. A request without a resource is matched by {@code "Resource": "*"}
 *       only (and so by any {@code NotResource} without {@code *}).
 *   <li>{@code Principal}/{@code NotPrincipal}: see the rules below; a statement without a
 *       principal clause (an identity-based policy) ignores the request's principal. {@code "*"}
 *       and {@code {"AWS": "*"}} match every principal, services and anonymous callers included; a
 *       root ARN matches every identity of that account in its partition, and a bare account id is
 *       that account's root ARN in the document's partition ({@link
 *       dev.policysmith.model.arn.Partition#ofDocument}: the one partition the document's ARNs
 *       name, {@code aws} when they name none or several); a role ARN matches the role and its
 *       assumed-role sessions; anything else matches by exact text.
 *   <li>{@code Condition}: every operator block and every key must hold; see the condition
 *       operators page for each operator, {@code IfExists}, {@code Null} and the {@code
 *       ForAllValues:}/{@code ForAnyValue:} set operators.
 * </ul>
 *
 * <p>Policy variables ({@code ${aws:username}}, {@code ${*}}) are resolved from the request context
 * in {@code Resource} patterns and in the values of String, ARN and Bool operators, for documents
 * whose {@code Version} is 2012-10-17; otherwise they are literal text.
 *
 * <p>The evaluator never throws for a well-typed request: a malformed value in a condition (a date
 * that is not one, a bad CIDR, text where a number is expected) makes the comparison with that
 * value false. Everything is compiled once in {@link #of(List)}; deciding allocates little and uses
 * no regular expressions. Instances are immutable and thread-safe: share one across threads.
 *
 * <pre>{@code
 * PolicyEvaluator evaluator = PolicyEvaluator.of(keyPolicy);
 * Decision decision = evaluator.decide(request);
 * }</pre>
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy
 *     evaluation logic</a>
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html">IAM
 *     JSON policy elements: Condition operators</a>
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html">IAM
 *     JSON policy elements: Principal</a>
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html">IAM
 *     policy elements: Variables and tags</a>
 */
public final class PolicyEvaluator {
  private final List<PolicyDocument> documents;
  private final CompiledStatement[] all;
  private final CompiledStatement[] denies;
  private final CompiledStatement[] allows;

  private PolicyEvaluator(List<PolicyDocument> documents) {
    this.documents = List.copyOf(documents);
    List<CompiledStatement> all = new ArrayList<>();
    for (int d = 0; d < this.documents.size(); d++) {
      PolicyDocument document = this.documents.get(d);
      List<Statement> statements = document.statements();
      Partition partition = Partition.ofDocument(document);
      for (int s = 0; s < statements.size(); s++) {
        all.add(
            new CompiledStatement(d, s, statements.get(s), document.variablesEnabled(), partition));
      }
    }
    this.all = all.toArray(new CompiledStatement[0]);
    this.denies =
        all.stream().filter(c -> c.effect == Effect.DENY).toArray(CompiledStatement[]::new);
    this.allows =
        all.stream().filter(c -> c.effect == Effect.ALLOW).toArray(CompiledStatement[]::new);
  }

  /** Returns an evaluator of the given documents, decided together. */
  public static PolicyEvaluator of(PolicyDocument... documents) {
    return new PolicyEvaluator(List.of(documents));
  }

  /** Returns an evaluator of the given documents, decided together. */
  public static PolicyEvaluator of(List<PolicyDocument> documents) {
    return new PolicyEvaluator(documents);
  }

  /** Returns the documents this evaluator decides, in the order given. */
  public List<PolicyDocument> documents() {
    return documents;
  }

  /** Returns what the documents decide for {@code request}. */
  public Decision decide(Request request) {
    RequestView view = new RequestView(request);
    for (CompiledStatement statement : denies) {
      if (statement.matches(view)) {
        return Decision.EXPLICIT_DENY;
      }
    }
    for (CompiledStatement statement : allows) {
      if (statement.matches(view)) {
        return Decision.ALLOW;
      }
    }
    return Decision.IMPLICIT_DENY;
  }

  /**
   * Returns the decision for {@code request} with every statement that matched it, in document
   * order; {@code explain(r).decision() == decide(r)}.
   */
  public Evaluation explain(Request request) {
    RequestView view = new RequestView(request);
    Evaluation.Builder evaluation = Evaluation.builder();
    boolean allow = false;
    boolean deny = false;
    for (CompiledStatement statement : all) {
      if (statement.matches(view)) {
        allow |= statement.effect == Effect.ALLOW;
        deny |= statement.effect == Effect.DENY;
        evaluation.addMatchedStatement(
            StatementMatch.builder()
                .documentIndex(statement.documentIndex)
                .statementIndex(statement.statementIndex)
                .sid(statement.statement.sid())
                .effect(statement.effect)
                .build());
      }
    }
    Decision decision =
        deny ? Decision.EXPLICIT_DENY : allow ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    return evaluation.decision(decision).build();
  }
}
