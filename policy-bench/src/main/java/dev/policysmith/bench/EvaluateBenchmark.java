package dev.policysmith.bench;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.eval.Decision;
import dev.policysmith.model.eval.PolicyEvaluator;
import dev.policysmith.model.eval.Request;
import dev.policysmith.model.json.PolicyReader;
import dev.policysmith.model.kms.KmsEbsGrants;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decisions per second on one thread: a fixed, rotating set of {@value #REQUESTS} requests without
 * policy variables, each decided by {@code PolicyEvaluator.of(policy).decide(request)}.
 *
 * <p>{@code seed} is the KMS default key policy (root, key administrators, key users, attachment of
 * persistent resources) plus the two cross-account EBS statements built by {@link KmsEbsGrants};
 * its requests come from the key's own account and from the external role, allowed and denied by
 * {@code kms:ViaService} and {@code kms:GrantIsForAWSResource}. The other parameters are the
 * largest AWS managed policies of the corpus, decided as identity policies for common read and
 * write actions. The score is decisions per second, since one invocation decides every request
 * once.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EvaluateBenchmark {
  static final int REQUESTS = 8;

  private static final String KEY =
      "arn:aws:kms:ap-northeast-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  private static final String EXTERNAL_ROLE = "arn:aws:iam::111122223333:role/CloudAutomator";

  /**
   * The default key policy the KMS console writes, as in AWS's "Default key policy" page.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html">Default
   *     key policy</a>
   */
  static final String DEFAULT_KEY_POLICY =
      """
      {
        "Version": "2012-10-17",
        "Id": "key-consolepolicy-3",
        "Statement": [
          {
            "Sid": "Enable IAM User Permissions",
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
            "Action": "kms:*",
            "Resource": "*"
          },
          {
            "Sid": "Allow access for Key Administrators",
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::444455556666:role/KeyAdmin"},
            "Action": [
              "kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*",
              "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*",
              "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion",
              "kms:CancelKeyDeletion", "kms:RotateKeyOnDemand"
            ],
            "Resource": "*"
          },
          {
            "Sid": "Allow use of the key",
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::444455556666:role/Operator"},
            "Action": [
              "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"
            ],
            "Resource": "*"
          },
          {
            "Sid": "Allow attachment of persistent resources",
            "Effect": "Allow",
            "Principal": {"AWS": "arn:aws:iam::444455556666:role/Operator"},
            "Action": ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"],
            "Resource": "*",
            "Condition": {"Bool": {"kms:GrantIsForAWSResource": "true"}}
          }
        ]
      }
      """;

  /** {@code seed}, or the name of a managed policy of the corpus. */
  @Param({"seed", "ReadOnlyAccess", "AWSSupportServiceRolePolicy"})
  public String policy;

  private PolicyEvaluator evaluator;
  private Request[] requests;

  /** Builds the policy and the requests, and checks that the requests reach every outcome. */
  @Setup
  public void build() {
    PolicyDocument document;
    if (policy.equals("seed")) {
      document = seedKeyPolicy();
      requests = seedRequests();
    } else {
      document =
          PolicyReader.strict()
              .read(Corpus.bytes(Corpus.root().resolve("managed").resolve(policy + ".json")));
      requests = identityRequests();
    }
    evaluator = PolicyEvaluator.of(document);
    Map<Decision, Integer> outcomes = new EnumMap<>(Decision.class);
    for (Request r : requests) {
      outcomes.merge(evaluator.decide(r), 1, Integer::sum);
    }
    System.out.printf(
        "%n[evaluate] %s: %d statements, decisions of the requests %s%n",
        policy, document.statements().size(), outcomes);
  }

  /** Decides every request once. */
  @Benchmark
  @OperationsPerInvocation(REQUESTS)
  public void decide(Blackhole bh) {
    for (Request r : requests) {
      bh.consume(evaluator.decide(r));
    }
  }

  /** The seed: the default key policy plus the two EBS statements for the external role. */
  static PolicyDocument seedKeyPolicy() {
    PolicyDocument base = PolicyReader.strict().read(DEFAULT_KEY_POLICY);
    KmsEbsGrants grants =
        KmsEbsGrants.builder().addPrincipal(EXTERNAL_ROLE).addRegion("ap-northeast-1").build();
    return base.toBuilder().addAllStatements(grants.statements()).build();
  }

  private static Request[] seedRequests() {
    List<Request> out = new ArrayList<>();
    out.add(request("arn:aws:iam::444455556666:root", "kms:Decrypt"));
    out.add(request("arn:aws:iam::444455556666:role/KeyAdmin", "kms:ScheduleKeyDeletion"));
    out.add(request("arn:aws:iam::444455556666:role/KeyAdmin", "kms:Decrypt"));
    out.add(
        request("arn:aws:iam::444455556666:role/Operator", "kms:GenerateDataKeyWithoutPlaintext"));
    out.add(
        Request.builder()
            .principal(EXTERNAL_ROLE)
            .action("kms:Decrypt")
            .resource(KEY)
            .putContext("kms:ViaService", "ec2.ap-northeast-1.amazonaws.com")
            .build());
    out.add(
        Request.builder()
            .principal(EXTERNAL_ROLE)
            .action("kms:Decrypt")
            .resource(KEY)
            .putContext("kms:ViaService", "ec2.us-east-1.amazonaws.com")
            .build());
    out.add(
        Request.builder()
            .principal(EXTERNAL_ROLE)
            .action("kms:CreateGrant")
            .resource(KEY)
            .putContext("kms:GrantIsForAWSResource", "true")
            .build());
    out.add(request("arn:aws:iam::999988887777:role/Stranger", "kms:Decrypt"));
    return out.toArray(Request[]::new);
  }

  private static Request request(String principal, String action) {
    return Request.builder().principal(principal).action(action).resource(KEY).build();
  }

  private static Request[] identityRequests() {
    String[][] pairs = {
      {"s3:GetObject", "arn:aws:s3:::example-bucket/reports/2026/11.csv"},
      {"s3:PutObject", "arn:aws:s3:::example-bucket/reports/2026/11.csv"},
      {"ec2:DescribeInstances", "*"},
      {"iam:PassRole", "arn:aws:iam::111122223333:role/Scheduler"},
      {"kms:Decrypt", KEY},
      {"dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:111122223333:table/Orders"},
      {"lambda:InvokeFunction", "arn:aws:lambda:us-east-1:111122223333:function:report"},
      {"nosuchservice:DoSomething", "*"},
    };
    List<Request> out = new ArrayList<>();
    for (String[] pair : pairs) {
      out.add(Request.builder().action(pair[0]).resource(pair[1]).build());
    }
    return out.toArray(Request[]::new);
  }
}
