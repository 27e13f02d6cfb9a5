package dev.policysmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.policysmith.merge.AddMode;
import dev.policysmith.merge.PolicyMerger;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.arn.Arn;
import dev.policysmith.model.eval.Decision;
import dev.policysmith.model.eval.PolicyEvaluator;
import dev.policysmith.model.eval.Request;
import dev.policysmith.model.json.PolicyReader;
import dev.policysmith.model.json.PolicyWriter;
import dev.policysmith.model.kms.KeyAccess;
import dev.policysmith.model.kms.KmsEbsGrants;
import dev.policysmith.model.validate.Finding;
import dev.policysmith.model.validate.PolicyValidator;
import dev.policysmith.model.validate.ValidationOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java quick start, compiled and run so that it cannot rot. */
class ReadmeExampleTest {
  @TempDir Path dir;

  @Test
  void quickStart_addsTheGrantsAndTheRoleMayDecryptThroughEc2() throws IOException {
    Path path =
        Files.writeString(
            dir.resolve("key-policy.json"),
            """
        {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions",
          "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
          "Action": "kms:*", "Resource": "*"}]}
        """);

    // --- README quick start, from here ---
    PolicyDocument keyPolicy = PolicyReader.strict().read(path);

    KmsEbsGrants grants =
        KmsEbsGrants.builder()
            .addPrincipal("arn:aws:iam::111122223333:role/Scheduler")
            .addRegion("ap-northeast-1")
            .build();
    PolicyDocument updated =
        PolicyMerger.addStatements(keyPolicy, grants.statements(), AddMode.FAIL_ON_CONFLICT);

    Arn key = Arn.parse("arn:aws:kms:ap-northeast-1:444455556666:key/1234abcd");
    List<Finding> findings =
        PolicyValidator.standard().validate(updated, ValidationOptions.forKey(key));

    Request decrypt =
        Request.builder()
            .principal("arn:aws:sts::111122223333:assumed-role/Scheduler/nightly")
            .action("kms:Decrypt")
            .resource(key.toString())
            .putContext("kms:ViaService", "ec2.ap-northeast-1.amazonaws.com")
            .build();
    Decision byKeyPolicy = PolicyEvaluator.of(updated).decide(decrypt); // ALLOW
    Decision withIdentity =
        KeyAccess.of(key, updated, List.of(grants.identityPolicy(key))).decide(decrypt); // ALLOW
    Decision keyPolicyAlone =
        KeyAccess.of(key, updated, List.of()).decide(decrypt); // IMPLICIT_DENY

    String json = PolicyWriter.lossless().writeToString(updated);
    // --- to here ---

    assertThat(findings).isEmpty();
    assertThat(byKeyPolicy).isEqualTo(Decision.ALLOW);
    assertThat(withIdentity).isEqualTo(Decision.ALLOW);
    assertThat(keyPolicyAlone).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(json).startsWith("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n");
    assertThat(updated.statements()).hasSize(3);
  }
}
