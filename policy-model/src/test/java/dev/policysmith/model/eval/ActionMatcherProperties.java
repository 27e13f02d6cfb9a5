package dev.policysmith.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.policysmith.model.internal.Wildcard;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The index by service must decide every action exactly as scanning every pattern does, for short
 * lists (scanned) and long ones (indexed), with prefixes in any case, wildcards in the prefix,
 * patterns and actions without a colon, and characters whose case folds oddly (Turkish dotless i,
 * the Kelvin sign).
 */
class ActionMatcherProperties {
  private static final int EXAMPLES = Integer.getInteger("policysmith.examples", 2000);

  private static final List<String> PATTERNS =
      List.of(
          "kms:Decrypt",
          "KMS:decrypt",
          "kms:*",
          "kms:Re*",
          "km?:Decrypt",
          "k*:Get*",
          "*",
          "*:Describe*",
          "s3:GetObject",
          "S3:Get*",
          "s3:*Object",
          "ec2:Describe*",
          "ec2:RunInstances",
          "iam:PassRole",
          "ıam:PassRole",
          "\u212Ams:Decrypt",
          "sts:AssumeRole",
          "NoColon",
          "no*",
          ":Empty",
          "s3",
          "lambda:Invoke?unction");

  private static final List<String> ACTIONS =
      List.of(
          "kms:Decrypt",
          "KMS:DECRYPT",
          "kms:ReEncryptFrom",
          "kms:GetKeyPolicy",
          "kMs:Describe",
          "s3:GetObject",
          "s3:PutObject",
          "S3:getobject",
          "ec2:DescribeInstances",
          "ec2:runinstances",
          "iam:PassRole",
          "IAM:passrole",
          "ıam:PassRole",
          "\u212Ams:Decrypt",
          "sts:AssumeRole",
          "NoColon",
          "nocolon",
          ":Empty",
          "s3",
          "lambda:InvokeFunction",
          "",
          "kms:");

  @Test
  void matches_indexedOrScanned_decidesAsScanningEveryPattern() {
    Gen<List<String>> patterns = lists().of(pick(PATTERNS)).ofSizeBetween(0, 30);
    int[] indexed = new int[1];
    qt().withExamples(EXAMPLES)
        .forAll(patterns, pick(ACTIONS))
        .checkAssert(
            (list, action) -> {
              indexed[0] += list.size() > 8 ? 1 : 0;
              boolean scanned =
                  list.stream().map(Wildcard::ignoringCase).anyMatch(w -> w.matches(action));
              RequestView request = new RequestView(Request.builder().action(action).build());
              assertThat(new ActionMatcher(list).matches(request))
                  .as("%s against %s", action, list)
                  .isEqualTo(scanned);
            });
    assertThat(indexed[0]).as("tries with an indexed list").isGreaterThan(EXAMPLES / 4);
  }

  private static Gen<String> pick(List<String> values) {
    return integers().between(0, values.size() - 1).map(values::get);
  }
}
