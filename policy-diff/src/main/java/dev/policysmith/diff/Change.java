package dev.policysmith.diff;

import dev.policysmith.diff.engine.Box;
import dev.policysmith.model.Effect;
import dev.policysmith.model.eval.Request;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A region of requests whose decision changed between two policies: requests the new policy allows
 * and the old did not ({@link #effect()} {@code ALLOW}, in {@link DiffResult#added()}), or requests
 * the old allowed and the new no longer does ({@code DENY}, in {@link DiffResult#removed()}). It is
 * described by principals, actions, resources and conditions in the words of the policies, a
 * one-line {@link #summary()}, the statements responsible and a concrete {@link #example()}.
 *
 * <p>{@link #contains(Request)} is exact; the descriptions are for people and may group requests
 * more coarsely than {@code contains} does.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy
 *     evaluation logic</a>
 */
public final class Change {
  private final Effect effect;
  private final List<String> principals;
  private final List<String> actions;
  private final List<String> resources;
  private final List<String> conditions;
  private final String summary;
  private final List<StatementRef> statements;
  private final Request example;
  private final List<Box> boxes;
  private final Function<Request, Map<String, List<String>>> points;

  Change(
      Effect effect,
      List<String> principals,
      List<String> actions,
      List<String> resources,
      List<String> conditions,
      String summary,
      List<StatementRef> statements,
      Request example,
      List<Box> boxes,
      Function<Request, Map<String, List<String>>> points) {
    this.effect = effect;
    this.principals = List.copyOf(principals);
    this.actions = List.copyOf(actions);
    this.resources = List.copyOf(resources);
    this.conditions = List.copyOf(conditions);
    this.summary = summary;
    this.statements = List.copyOf(statements);
    this.example = example;
    this.boxes = List.copyOf(boxes);
    this.points = points;
  }

  /**
   * Returns what the new policy now does to these requests: {@code ALLOW} for added access, {@code
   * DENY} (explicitly or by default) for removed access.
   */
  public Effect effect() {
    return effect;
  }

  /** Returns the principals, as patterns of the policies ({@code *} for everyone). */
  public List<String> principals() {
    return principals;
  }

  /** Returns the actions, as patterns, e.g. {@code kms:ReEncrypt* except kms:ReEncryptFrom}. */
  public List<String> actions() {
    return actions;
  }

  /** Returns the resources, as patterns. */
  public List<String> resources() {
    return resources;
  }

  /** Returns the conditions on the request context, one readable line per key; empty for none. */
  public List<String> conditions() {
    return conditions;
  }

  /**
   * Returns the change in one line of plain words, e.g. {@code arn:aws:iam::111122223333:role/X may
   * now kms:Decrypt on * when kms:ViaService is ec2.ap-northeast-1.amazonaws.com}.
   */
  public String summary() {
    return summary;
  }

  /**
   * Returns the statements responsible: the Allow statement that grants the access and, where the
   * change is the lifting of a Deny, that Deny statement.
   */
  public List<StatementRef> statements() {
    return statements;
  }

  /** Returns a request in this region, which the old and new policies decide differently. */
  public Request example() {
    return example;
  }

  /**
   * Returns whether the request lies in this region: exactly for the requests the diff reasons
   * about (any number of values for a key that {@code ForAnyValue:} or {@code ForAllValues:} names
   * in either policy, at most one for other keys; see {@link PolicyDiffer}). Another key with
   * several values is in the region when one of its values is. A pattern with a policy variable is
   * resolved from the request as the evaluator resolves it.
   */
  public boolean contains(Request request) {
    Map<String, List<String>> point = points.apply(request);
    for (Box box : boxes) {
      if (box.containsAny(point)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the summary. */
  @Override
  public String toString() {
    return summary;
  }
}
