package dev.policysmith.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.json.PolicyReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How canonicalization scales with one statement's product of actions, resources and principals,
 * which it splits into one atomic grant each. Measured on the 2-core build machine: 12,500 atoms
 * (50 x 50 x 5) under 2 s; 100,000 atoms (100 x 100 x 10) about 11 s and 300 MB; 800,000 atoms (200
 * x 200 x 20, a 13 KB document) about 130 s and over 800 MB. So the cost is in the product, not in
 * the document's size, and {@link PolicyTooComplexException#MAX_GRANTS} caps it: past the cap
 * canonicalize and merge fail at once, before building any grant.
 *
 * <p>The {@code assertTimeoutPreemptively} bound is a hang detector, not a performance check.
 */
class CanonicalizerLimitsTest {
  private static final Duration HANG = Duration.ofSeconds(60);

  private static PolicyDocument product(int actions, int resources, int principals) {
    List<String> a = new ArrayList<>();
    List<String> r = new ArrayList<>();
    List<String> p = new ArrayList<>();
    for (int i = 0; i < actions; i++) {
      a.add("\"kms:Action" + i + "\"");
    }
    for (int i = 0; i < resources; i++) {
      r.add("\"arn:aws:kms:us-east-1:111122223333:key/k" + i + "\"");
    }
    for (int i = 0; i < principals; i++) {
      p.add("\"arn:aws:iam::111122223333:role/r" + i + "\"");
    }
    return PolicyReader.strict()
        .read(
            "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Principal\": {\"AWS\": ["
                + String.join(",", p)
                + "]}, \"Action\": ["
                + String.join(",", a)
                + "], \"Resource\": ["
                + String.join(",", r)
                + "]}}");
  }

  @Test
  void canonicalize_statementOf12500Atoms_regroupsIntoOneStatement() {
    PolicyDocument document = product(50, 50, 5);
    PolicyDocument canonical =
        assertTimeoutPreemptively(HANG, () -> Canonicalizer.canonicalize(document));
    assertThat(canonical.statements()).hasSize(1);
    assertThat(canonical.statements().get(0).actionClause().patterns()).hasSize(50);
  }

  @Test
  void canonicalize_statementOf800000Atoms_failsFastNamingTheCount() {
    PolicyDocument document = product(200, 200, 20);

    PolicyTooComplexException e =
        assertTimeoutPreemptively(
            HANG,
            () ->
                catchThrowableOfType(
                    PolicyTooComplexException.class, () -> Canonicalizer.canonicalize(document)));

    assertThat(e.grants()).isEqualTo(800_000L);
    assertThat(e)
        .hasMessage(
            "Policies must split into at most 500000 atomic grants (actions x resources x principals"
                + " x condition values per statement) but reached 800000");
  }

  @Test
  void merge_conditionValuesMultiplyPastTheCap_failsBeforeSplitting() {
    StringBuilder keys = new StringBuilder();
    for (int k = 0; k < 12; k++) {
      keys.append(k == 0 ? "" : ", ").append("\"aws:PrincipalTag/k").append(k).append("\": [");
      for (int v = 0; v < 10; v++) {
        keys.append(v == 0 ? "" : ", ").append("\"v").append(v).append("\"");
      }
      keys.append("]");
    }
    PolicyDocument document =
        PolicyReader.strict()
            .read(
                "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\","
                    + " \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {"
                    + keys
                    + "}}}]}");

    Throwable thrown =
        assertTimeoutPreemptively(
            HANG, () -> catchThrowable(() -> PolicyMerger.merge(document, document)));

    assertThat(thrown).isInstanceOf(PolicyTooComplexException.class);
  }
}
