package dev.policysmith.bench;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.Effect;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PolicyVersion;
import dev.policysmith.model.ResourceClause;
import dev.policysmith.model.Statement;
import dev.policysmith.model.condition.BaseOperator;
import dev.policysmith.model.condition.ConditionBlock;
import dev.policysmith.model.condition.ConditionOperator;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded generator of large identity policies for the merge benchmarks: the same seed and size
 * always give the same document. Statements look like hand-written ones (a few actions of one
 * service, a few resources of it, sometimes a Deny or a region condition), drawn from a bounded
 * vocabulary so that many of them overlap and merging has work to do.
 *
 * <p>Local to the benchmarks on purpose: property-test generators aim at coverage of odd cases,
 * while a benchmark wants a stable, realistic mix.
 */
final class GeneratedPolicies {
  private static final String[] SERVICES = {
    "s3", "ec2", "kms", "dynamodb", "lambda", "sqs", "sns", "logs", "cloudwatch", "ssm",
    "secretsmanager", "ecr", "ecs", "rds", "glue", "athena", "kinesis", "states", "events", "xray"
  };
  private static final String[] VERBS = {
    "Get", "Put", "List", "Describe", "Delete", "Create", "Update", "Tag"
  };
  private static final String[] NOUNS = {
    "Object", "Item", "Key", "Function", "Queue", "Topic", "Stream", "Table", "Secret", "Parameter"
  };
  private static final String[] REGIONS = {"us-east-1", "us-west-2", "eu-west-1", "ap-northeast-1"};

  private GeneratedPolicies() {}

  /** Returns a document of {@code statements} statements generated from {@code seed}. */
  static PolicyDocument document(int statements, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Statement> out = new ArrayList<>(statements);
    for (int i = 0; i < statements; i++) {
      out.add(statement(random));
    }
    return PolicyDocument.builder()
        .version(PolicyVersion.V2012_10_17)
        .addAllStatements(out)
        .build();
  }

  private static Statement statement(SplittableRandom random) {
    String service = SERVICES[random.nextInt(SERVICES.length)];
    int actionCount = 1 + random.nextInt(4);
    String[] actions = new String[actionCount];
    for (int a = 0; a < actionCount; a++) {
      int shape = random.nextInt(20);
      String verb = VERBS[random.nextInt(VERBS.length)];
      if (shape == 0) {
        actions[a] = service + ":*";
      } else if (shape < 4) {
        actions[a] = service + ":" + verb + "*";
      } else {
        actions[a] = service + ":" + verb + NOUNS[random.nextInt(NOUNS.length)];
      }
    }
    int resourceCount = 1 + random.nextInt(2);
    String[] resources = new String[resourceCount];
    for (int r = 0; r < resourceCount; r++) {
      resources[r] = resource(random, service);
    }
    Statement.Builder builder =
        Statement.builder()
            .effect(random.nextInt(20) == 0 ? Effect.DENY : Effect.ALLOW)
            .action(ActionClause.of(actions))
            .resource(ResourceClause.of(resources));
    if (random.nextInt(10) == 0) {
      builder.condition(
          ConditionBlock.of(
              OperatorBlock.of(
                  ConditionOperator.of(BaseOperator.STRING_EQUALS),
                  KeyCondition.of(
                      "aws:RequestedRegion", REGIONS[random.nextInt(REGIONS.length)]))));
    }
    return builder.build();
  }

  private static String resource(SplittableRandom random, String service) {
    int shape = random.nextInt(10);
    if (shape == 0) {
      return "*";
    }
    String region = REGIONS[random.nextInt(REGIONS.length)];
    String account = "11112222" + (3330 + random.nextInt(4));
    String name = "app-" + random.nextInt(50);
    if (service.equals("s3")) {
      return shape < 4
          ? "arn:aws:s3:::" + name + "/*"
          : "arn:aws:s3:::" + name + "/data/" + random.nextInt(20) + ".json";
    }
    String suffix = shape < 4 ? "*" : name;
    return "arn:aws:" + service + ":" + region + ":" + account + ":resource/" + suffix;
  }
}
