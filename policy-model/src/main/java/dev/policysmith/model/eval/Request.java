package dev.policysmith.model.eval;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A request as the policy language sees it: who asks ({@link #principal()}: an IAM ARN such as
 * {@code arn:aws:sts::111122223333:assumed-role/Scheduler/session}, or a service principal such as
 * {@code ec2.amazonaws.com}), for which action ({@code kms:Decrypt}), on which resource (an ARN),
 * with which request context (condition keys, each with one or more values).
 *
 * <p>Context values are kept as text: booleans as {@code "true"}/{@code "false"}, numbers as their
 * decimal text. Context key names are case-insensitive, as IAM treats them; a key given with an
 * empty list is present with no values (which {@code ForAllValues:} and {@code ForAnyValue:} tell
 * apart from an absent key only through {@code Null}).
 *
 * <pre>{@code
 * Request request = Request.builder()
 *     .principal("arn:aws:iam::111122223333:role/Scheduler")
 *     .action("kms:Decrypt")
 *     .resource("arn:aws:kms:ap-northeast-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab")
 *     .putContext("kms:ViaService", List.of("ec2.ap-northeast-1.amazonaws.com"))
 *     .build();
 * }</pre>
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html">Policy
 *     evaluation logic</a>
 */
@Value.Immutable
public interface Request {
  /** Returns the calling principal, if the request has one. */
  Optional<String> principal();

  /** Returns the action, {@code service:ActionName}. */
  String action();

  /** Returns the resource ARN, if the action acts on one. */
  Optional<String> resource();

  /** Returns the request context: condition key name to its values, in insertion order. */
  Map<String, List<String>> context();

  /** Returns a new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Request}. */
  final class Builder extends ImmutableRequest.Builder {
    /** Adds a context key with one or more values. */
    public Builder putContext(String key, String... values) {
      return putContext(key, List.of(values));
    }
  }
}
