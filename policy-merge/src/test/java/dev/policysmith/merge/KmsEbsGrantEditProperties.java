package dev.policysmith.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.eval.Request;
import dev.policysmith.model.json.PolicyWriter;
import dev.policysmith.model.kms.KmsEbsGrants;
import dev.policysmith.testing.PolicyGenerators;
import dev.policysmith.testing.PolicyVocabulary;
import dev.policysmith.testing.RequestGenerators;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * The key-policy edit of the cross-account EBS flow, over generated key policies and generated
 * builder inputs: adding the two statements is idempotent, and the edited policy decides every
 * request as the original policy and the two statements together, so nobody but the named roles
 * gains anything, and they gain exactly the two statements.
 */
class KmsEbsGrantEditProperties {
  private static final int EXAMPLES =
      Math.max(100, Integer.getInteger("policysmith.examples", 2000) / 4);

  /** Principals the builder accepts: roles, a user, an account root, a bare account id. */
  private static final List<String> GRANTEES =
      List.of(
          "arn:aws:iam::111122223333:role/Scheduler",
          "arn:aws:iam::444455556666:role/service-role/Scheduler",
          "arn:aws:iam::444455556666:role/Admin",
          "arn:aws:iam::111122223333:user/alice",
          "arn:aws:iam::111122223333:root",
          "111122223333");

  /** A key policy, builder inputs, and requests drawn from both. */
  record Sample(PolicyDocument keyPolicy, KmsEbsGrants grants, List<Request> requests) {}

  private static Gen<Sample> samples() {
    Gen<List<String>> grantees = SourceDSL.lists().of(Generate.pick(GRANTEES)).ofSizeBetween(1, 3);
    Gen<List<String>> regions =
        SourceDSL.lists().of(Generate.pick(PolicyVocabulary.REGIONS)).ofSizeBetween(1, 2);
    // Sids from the shared vocabulary collide with the generated key policies' statements.
    Gen<String> sids = Generate.pick(PolicyVocabulary.SIDS);
    Gen<Boolean> defaultSids = SourceDSL.booleans().all();
    return source -> {
      PolicyDocument keyPolicy = PolicyGenerators.keyPolicies().generate(source);
      KmsEbsGrants.Builder builder =
          KmsEbsGrants.builder()
              .addPrincipals(grantees.generate(source))
              .addRegions(regions.generate(source));
      if (!defaultSids.generate(source)) {
        String useSid = sids.generate(source);
        String attachmentSid = sids.generate(source);
        if (!useSid.equals(attachmentSid)) {
          builder.useSid(useSid).attachmentSid(attachmentSid);
        }
      }
      KmsEbsGrants grants = builder.build();
      List<Request> requests = new ArrayList<>();
      Gen<Request> drawn = RequestGenerators.requestsFor(keyPolicy, grants.toDocument());
      for (int i = 0; i < 10; i++) {
        requests.add(drawn.generate(source));
      }
      return new Sample(keyPolicy, grants, requests);
    };
  }

  @Test
  void addingTheGrantsTwiceEqualsAddingThemOnce() {
    int[] edits = new int[1];
    qt().withExamples(EXAMPLES)
        .forAll(samples())
        .checkAssert(
            sample -> {
              PolicyDocument once;
              try {
                once =
                    PolicyMerger.addStatements(
                        sample.keyPolicy(), sample.grants().statements(), AddMode.FAIL_ON_CONFLICT);
              } catch (SidConflictException conflict) {
                return;
              }
              edits[0]++;
              PolicyDocument twice =
                  PolicyMerger.addStatements(
                      once, sample.grants().statements(), AddMode.FAIL_ON_CONFLICT);
              assertThat(twice).isEqualTo(once);
              assertThat(PolicyWriter.lossless().writeToString(twice))
                  .isEqualTo(PolicyWriter.lossless().writeToString(once));
            });
    assertThat(edits[0]).isGreaterThan(EXAMPLES / 2);
  }

  @Test
  void editedKeyPolicyDecidesAsTheOriginalPlusTheGrants() {
    DecisionPreservingLaw law = new DecisionPreservingLaw();
    qt().withExamples(EXAMPLES)
        .forAll(samples())
        .checkAssert(
            sample -> {
              PolicyDocument edited;
              try {
                edited =
                    PolicyMerger.addStatements(
                        sample.keyPolicy(), sample.grants().statements(), AddMode.FAIL_ON_CONFLICT);
              } catch (SidConflictException conflict) {
                return;
              }
              PolicyDocument grants =
                  sample.grants().toDocument().toBuilder()
                      .version(sample.keyPolicy().version())
                      .build();
              law.check(List.of(sample.keyPolicy(), grants), edited, sample.requests());
            });
    law.assertEachDecisionOccurred(0.05);
  }
}
