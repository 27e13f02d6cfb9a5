package dev.policysmith.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.eval.Decision;
import dev.policysmith.model.eval.PolicyEvaluator;
import dev.policysmith.model.eval.Request;
import dev.policysmith.model.json.PolicyReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The diff on multivalued condition keys ({@code ForAnyValue:}, {@code ForAllValues:}) and on
 * {@code BinaryEquals}, decided for requests with any number of values as the evaluator decides
 * them, following "Single-valued vs. multivalued context keys"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html)
 * and "Conditions with multiple context keys or values"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html).
 */
class PolicyDifferSetOperatorTest {
  private static final PolicyDiffer DIFFER = PolicyDiffer.standard();
  private static final PolicyReader READER = PolicyReader.strict();

  /** One Allow of s3:GetObject on * under the given condition block (JSON object text). */
  private static PolicyDocument allowWhen(String condition) {
    return READER.read(
        """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject",
          "Resource": "*", "Condition": %s}]}
        """
            .formatted(condition));
  }

  private static Request tagging(List<String> tagKeys) {
    return Request.builder()
        .action("s3:GetObject")
        .resource("arn:aws:s3:::b/k")
        .putContext("aws:TagKeys", tagKeys)
        .build();
  }

  private static Request untagged() {
    return Request.builder().action("s3:GetObject").resource("arn:aws:s3:::b/k").build();
  }

  private static boolean allows(PolicyDocument policy, Request request) {
    return PolicyEvaluator.of(policy).decide(request) == Decision.ALLOW;
  }

  /** Checks that every change's example is decided as the change says, and lies in it. */
  private static DiffResult checkedDiff(PolicyDocument before, PolicyDocument after) {
    DiffResult result = DIFFER.diff(before, after);
    assertThat(result.exact()).as("exact: %s", result.inexactReasons()).isTrue();
    for (Change change : result.added()) {
      assertThat(allows(before, change.example())).as("old allows %s", change.example()).isFalse();
      assertThat(allows(after, change.example())).as("new allows %s", change.example()).isTrue();
      assertThat(change.contains(change.example())).isTrue();
    }
    for (Change change : result.removed()) {
      assertThat(allows(before, change.example())).as("old allows %s", change.example()).isTrue();
      assertThat(allows(after, change.example())).as("new allows %s", change.example()).isFalse();
      assertThat(change.contains(change.example())).isTrue();
    }
    return result;
  }

  @Test
  void diff_setOperatorAgainstItself_isExactAndEquivalent() {
    PolicyDocument p =
        allowWhen(
            """
            {"ForAnyValue:StringEquals": {"aws:TagKeys": ["a", "b"]},
             "ForAllValues:StringLike": {"aws:TagKeys": ["*"]}}
            """);
    DiffResult result = DIFFER.diff(p, p);
    assertThat(result.exact()).isTrue();
    assertThat(result.verdict()).isEqualTo(Verdict.EQUIVALENT);
  }

  /**
   * ForAllValues holds for a request without the key and for an empty list, ForAnyValue for
   * neither; with several keys, ForAllValues also allows lists ForAnyValue does not, and the other
   * way round: {@code [a, c]} has a value in {@code [a, b]} but not every value.
   */
  @Test
  void diff_forAnyValueToForAllValues_addsAbsentAndEmptyAndRemovesMixedLists() {
    PolicyDocument any = allowWhen("{\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": [\"a\"]}}");
    PolicyDocument all = allowWhen("{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"a\"]}}");
    DiffResult result = checkedDiff(any, all);
    assertThat(result.verdict()).isEqualTo(Verdict.INCOMPARABLE);
    assertThat(result.added()).anySatisfy(c -> assertThat(c.contains(untagged())).isTrue());
    assertThat(result.added()).anySatisfy(c -> assertThat(c.contains(tagging(List.of()))).isTrue());
    assertThat(result.removed())
        .anySatisfy(c -> assertThat(c.contains(tagging(List.of("a", "c")))).isTrue());
    assertThat(result.added()).noneMatch(c -> c.contains(tagging(List.of("a"))));
    assertThat(result.removed()).noneMatch(c -> c.contains(tagging(List.of("a"))));
    // The example of the removed access carries two values, which the evaluator decides
    // differently from either one alone.
    Request example = result.removed().get(0).example();
    assertThat(example.context().get("aws:TagKeys")).hasSize(2);
  }

  /**
   * ForAllValues in an Allow is broader than the same ForAllValues joined with a ForAnyValue of the
   * same values: by a missing key and an empty list, which only ForAllValues holds for.
   */
  @Test
  void diff_forAllValuesBesideForAnyValueOfSameValues_isBroaderOnlyByAbsentAndEmpty() {
    PolicyDocument any =
        allowWhen(
            """
            {"ForAnyValue:StringEquals": {"aws:TagKeys": ["a", "b"]},
             "ForAllValues:StringEquals": {"aws:TagKeys": ["a", "b"]}}
            """);
    PolicyDocument all =
        allowWhen("{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"a\", \"b\"]}}");
    DiffResult result = checkedDiff(any, all);
    assertThat(result.verdict()).isEqualTo(Verdict.BROADER);
    assertThat(result.added())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.contains(untagged())).isTrue();
              assertThat(c.contains(tagging(List.of()))).isTrue();
              assertThat(c.contains(tagging(List.of("a", "b")))).isFalse();
              assertThat(c.summary())
                  .contains("aws:TagKeys has no values (or aws:TagKeys is absent)");
            });
  }

  /** ForAllValues with a negated base: no value matches, the same as the unqualified negation. */
  @Test
  void diff_forAllValuesNotEqualsAgainstStringNotEquals_isEquivalent() {
    PolicyDocument forAll =
        allowWhen("{\"ForAllValues:StringNotEquals\": {\"aws:TagKeys\": [\"secret\"]}}");
    PolicyDocument plain = allowWhen("{\"StringNotEquals\": {\"aws:TagKeys\": [\"secret\"]}}");
    DiffResult result = checkedDiff(forAll, plain);
    assertThat(result.verdict()).isEqualTo(Verdict.EQUIVALENT);
  }

  /**
   * ForAnyValue with a negated base holds when some value is outside the list, which is not "every
   * value in the list": a pair made equivalent by rewriting, as a Deny of the complement.
   */
  @Test
  void diff_forAnyValueNotEqualsAgainstDenyOfForAllValues_isEquivalent() {
    PolicyDocument anyNot =
        allowWhen("{\"ForAnyValue:StringNotEquals\": {\"aws:TagKeys\": [\"a\", \"b\"]}}");
    PolicyDocument rewritten =
        READER.read(
            """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
               "Condition": {"Null": {"aws:TagKeys": "false"}}},
              {"Effect": "Deny", "Action": "s3:GetObject", "Resource": "*",
               "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["a", "b"]}}}]}
            """);
    DiffResult result = checkedDiff(anyNot, rewritten);
    assertThat(result.verdict()).isEqualTo(Verdict.EQUIVALENT);
    assertThat(allows(anyNot, tagging(List.of("a", "c")))).isTrue();
    assertThat(allows(anyNot, tagging(List.of("a", "b")))).isFalse();
  }

  /** IfExists makes ForAnyValue true for a missing key, and for nothing else. */
  @Test
  void diff_forAnyValueIfExists_addsOnlyTheMissingKey() {
    PolicyDocument any = allowWhen("{\"ForAnyValue:StringLike\": {\"aws:TagKeys\": [\"a*\"]}}");
    PolicyDocument ifExists =
        allowWhen("{\"ForAnyValue:StringLikeIfExists\": {\"aws:TagKeys\": [\"a*\"]}}");
    DiffResult result = checkedDiff(any, ifExists);
    assertThat(result.verdict()).isEqualTo(Verdict.BROADER);
    assertThat(result.added())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.contains(untagged())).isTrue();
              assertThat(c.contains(tagging(List.of()))).isFalse();
              assertThat(c.contains(tagging(List.of("x", "y")))).isFalse();
              assertThat(c.example().context()).doesNotContainKey("aws:TagKeys");
            });
  }

  /** Widening the allowed values of ForAllValues adds the lists using the new value. */
  @Test
  void diff_forAllValuesWidened_describesTheNewListsReadably() {
    PolicyDocument narrow =
        allowWhen("{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"a\"]}}");
    PolicyDocument wide =
        allowWhen("{\"ForAllValues:StringEquals\": {\"aws:TagKeys\": [\"a\", \"b\"]}}");
    DiffResult result = checkedDiff(narrow, wide);
    assertThat(result.verdict()).isEqualTo(Verdict.BROADER);
    Change change = result.added().get(0);
    assertThat(change.summary())
        .contains("every value of aws:TagKeys is in [a, b] and some value is b");
    assertThat(change.contains(tagging(List.of("a", "b")))).isTrue();
    assertThat(change.contains(tagging(List.of("b")))).isTrue();
    assertThat(change.contains(tagging(List.of("a")))).isFalse();
    assertThat(change.contains(tagging(List.of("b", "c")))).isFalse();
  }

  /** ForAnyValue read as "some value is a" in the summary of a new condition. */
  @Test
  void diff_forAnyValueDropped_describesTheRemovedCondition() {
    PolicyDocument none = allowWhen("{\"Null\": {\"aws:TagKeys\": \"false\"}}");
    PolicyDocument any = allowWhen("{\"ForAnyValue:StringEquals\": {\"aws:TagKeys\": [\"a\"]}}");
    DiffResult result = checkedDiff(any, none);
    assertThat(result.verdict()).isEqualTo(Verdict.BROADER);
    assertThat(result.added().get(0).conditions())
        .containsExactly("every value of aws:TagKeys is * except a");
    assertThat(checkedDiff(none, any).removed().get(0).conditions())
        .containsExactly("every value of aws:TagKeys is * except a");
  }

  /** A numeric key with a set operator: values split into intervals. */
  @Test
  void diff_forAllValuesNumeric_isExactOnLists() {
    PolicyDocument small =
        allowWhen("{\"ForAllValues:NumericLessThan\": {\"s3:max-keys\": \"10\"}}");
    PolicyDocument smaller =
        allowWhen("{\"ForAllValues:NumericLessThan\": {\"s3:max-keys\": \"5\"}}");
    DiffResult result = checkedDiff(small, smaller);
    assertThat(result.verdict()).isEqualTo(Verdict.NARROWER);
    Request mixed =
        Request.builder()
            .action("s3:GetObject")
            .resource("arn:aws:s3:::b/k")
            .putContext("s3:max-keys", List.of("1", "7"))
            .build();
    assertThat(result.removed()).anySatisfy(c -> assertThat(c.contains(mixed)).isTrue());
  }

  /** More value classes than the diff splits a key into: the one-value reading, reported. */
  @Test
  void diff_setOperatorOnKeyWithTooManyValueClasses_isNotExact() {
    StringBuilder statements = new StringBuilder();
    for (int i = 0; i < 13; i++) {
      statements
          .append(i == 0 ? "" : ",")
          .append(
              """
              {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
               "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": "k%d"}}}
              """
                  .formatted(i));
    }
    PolicyDocument p =
        READER.read("{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}");
    DiffResult result = DIFFER.diff(p, p);
    assertThat(result.exact()).isFalse();
    assertThat(result.verdict()).isEqualTo(Verdict.INCOMPARABLE);
    assertThat(result.inexactReasons())
        .first()
        .asString()
        .contains("ForAnyValue:StringEquals on aws:TagKeys")
        .contains("more than 12 classes");
  }

  /**
   * BinaryEquals compares decoded bytes: padding may be left out and the bits of the last character
   * beyond the last byte are ignored by the decoder, so these spellings are one value.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals">Binary
   *     condition operators</a>
   */
  @Test
  void diff_binaryEqualsPaddingVariants_isExactAndEquivalent() {
    PolicyDocument padded =
        allowWhen("{\"BinaryEquals\": {\"aws:SourceData\": [\"QmluYXJ5VmFsdWU=\", \"AA==\"]}}");
    PolicyDocument bare =
        allowWhen("{\"BinaryEquals\": {\"aws:SourceData\": [\"QmluYXJ5VmFsdWW\", \"AP\"]}}");
    DiffResult result = checkedDiff(padded, bare);
    assertThat(result.verdict()).isEqualTo(Verdict.EQUIVALENT);
    Request request =
        Request.builder().action("s3:GetObject").putContext("aws:SourceData", "AB").build();
    assertThat(allows(padded, request)).isTrue();
  }

  @Test
  void diff_binaryEqualsOtherBytesOrMalformed_isNarrowerWithAnEvaluatedExample() {
    PolicyDocument one = allowWhen("{\"BinaryEquals\": {\"aws:SourceData\": \"AA==\"}}");
    PolicyDocument other = allowWhen("{\"BinaryEquals\": {\"aws:SourceData\": \"AQ==\"}}");
    PolicyDocument malformed = allowWhen("{\"BinaryEquals\": {\"aws:SourceData\": \"A\"}}");
    assertThat(checkedDiff(one, other).verdict()).isEqualTo(Verdict.INCOMPARABLE);
    DiffResult toMalformed = checkedDiff(one, malformed);
    assertThat(toMalformed.verdict()).isEqualTo(Verdict.NARROWER);
    assertThat(toMalformed.removed().get(0).example().context().get("aws:SourceData"))
        .singleElement()
        .satisfies(v -> assertThat(v).startsWith("A"));
  }
}
