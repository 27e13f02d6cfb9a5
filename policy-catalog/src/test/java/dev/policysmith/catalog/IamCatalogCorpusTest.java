package dev.policysmith.catalog;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.policysmith.model.ActionPattern;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.Statement;
import dev.policysmith.model.catalog.CatalogAction;
import dev.policysmith.model.catalog.CatalogService;
import dev.policysmith.model.json.PolicyReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The bundled catalogue against the AWS managed policies of the shared corpus (MAMIP, 2026-03-07):
 * every action they name is in the catalogue, except the ones listed here with the reason, and
 * every wildcard they use expands to exactly the catalogued actions it matches.
 */
class IamCatalogCorpusTest {
  private static final IamCatalog CATALOG = IamCatalog.bundled();

  /** The whole service is gone from the Service Authorization Reference (discontinued). */
  private static final String RETIRED_SERVICE =
      "service discontinued: its prefix is no longer in AWS's Service Authorization Reference";

  /** The service is listed, the action no longer (or not yet): retired, renamed or internal. */
  private static final String ACTION_NOT_LISTED =
      "the service is listed but this action is not (retired, renamed or internal); the managed policy still names it";

  /**
   * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html: the permission is
   * s3:ListAllMyBuckets.
   */
  private static final String NOT_AN_IAM_ACTION_LIST_ALL_MY_BUCKETS =
      "an S3 API operation, not an IAM action: ListBuckets needs s3:ListAllMyBuckets";

  /**
   * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html: the permission is
   * s3:ListBucket.
   */
  private static final String NOT_AN_IAM_ACTION_LIST_BUCKET =
      "an S3 API operation, not an IAM action: listing objects needs s3:ListBucket";

  /** The SSM operation is RemoveTagsFromResource. */
  private static final String MISSPELLED_REMOVE_TAGS_FROM_RESOURCE =
      "a misspelling in the managed policy: the action is ssm:RemoveTagsFromResource";

  /**
   * The actions named in the corpus that the catalogue of 2026-09-26 does not have, each with the
   * reason. Exactly these: a refresh that adds one, or a corpus that names a new one, fails here.
   */
  private static final Map<String, String> NOT_IN_CATALOGUE =
      Map.ofEntries(
          entry("catalog-admin:DescribeConstraints", RETIRED_SERVICE),
          entry("catalog-admin:DescribeListingForProduct", RETIRED_SERVICE),
          entry("catalog-admin:DescribeListings", RETIRED_SERVICE),
          entry("catalog-admin:DescribePortfolios", RETIRED_SERVICE),
          entry("catalog-admin:DescribeProductVersions", RETIRED_SERVICE),
          entry("catalog-admin:GetPortfolioCount", RETIRED_SERVICE),
          entry("catalog-admin:GetPortfolios", RETIRED_SERVICE),
          entry("catalog-admin:GetProductCounts", RETIRED_SERVICE),
          entry("catalog-admin:ListAllPortfolioConstraints", RETIRED_SERVICE),
          entry("catalog-admin:ListPortfolioConstraints", RETIRED_SERVICE),
          entry("catalog-admin:ListPortfolios", RETIRED_SERVICE),
          entry("catalog-admin:ListPrincipalConstraints", RETIRED_SERVICE),
          entry("catalog-admin:ListProductConstraints", RETIRED_SERVICE),
          entry("catalog-admin:ListResourceUsers", RETIRED_SERVICE),
          entry("catalog-admin:ListTagsForResource", RETIRED_SERVICE),
          entry("catalog-admin:SearchListings", RETIRED_SERVICE),
          entry("cloud9:ValidateEnvironmentName", ACTION_NOT_LISTED),
          entry("cloudhsm:CreateLunaClient", ACTION_NOT_LISTED),
          entry("cloudhsm:DeleteLunaClient", ACTION_NOT_LISTED),
          entry("cloudhsm:DescribeHapg", ACTION_NOT_LISTED),
          entry("cloudhsm:DescribeLunaClient", ACTION_NOT_LISTED),
          entry("cloudhsm:GetConfig", ACTION_NOT_LISTED),
          entry("cloudhsm:ModifyHapg", ACTION_NOT_LISTED),
          entry("cloudhsm:ModifyLunaClient", ACTION_NOT_LISTED),
          entry("crowd:GetTask", RETIRED_SERVICE),
          entry("deepcomposer:GetComposition", RETIRED_SERVICE),
          entry("deepcomposer:GetModel", RETIRED_SERVICE),
          entry("deepcomposer:GetSampleModel", RETIRED_SERVICE),
          entry("deepcomposer:ListCompositions", RETIRED_SERVICE),
          entry("deepcomposer:ListModels", RETIRED_SERVICE),
          entry("deepcomposer:ListSampleModels", RETIRED_SERVICE),
          entry("deepcomposer:ListTrainingTopics", RETIRED_SERVICE),
          entry("deepcomposer:TagResource", RETIRED_SERVICE),
          entry("deepcomposer:UntagResource", RETIRED_SERVICE),
          entry("deepracer:GetAccountConfig", RETIRED_SERVICE),
          entry("deepracer:GetTrack", RETIRED_SERVICE),
          entry("deepracer:ListModels", RETIRED_SERVICE),
          entry("deepracer:ListTracks", RETIRED_SERVICE),
          entry("deepracer:TestRewardFunction", RETIRED_SERVICE),
          entry("elastic-inference:Connect", RETIRED_SERVICE),
          entry("elastic-inference:TagResource", RETIRED_SERVICE),
          entry("elastic-inference:UntagResource", RETIRED_SERVICE),
          entry("iot1click:DescribeDevice", RETIRED_SERVICE),
          entry("iot1click:DescribePlacement", RETIRED_SERVICE),
          entry("iot1click:DescribeProject", RETIRED_SERVICE),
          entry("iot1click:GetDeviceMethods", RETIRED_SERVICE),
          entry("iot1click:GetDevicesInPlacement", RETIRED_SERVICE),
          entry("iot1click:ListDeviceEvents", RETIRED_SERVICE),
          entry("iot1click:ListDevices", RETIRED_SERVICE),
          entry("iot1click:ListPlacements", RETIRED_SERVICE),
          entry("iot1click:ListProjects", RETIRED_SERVICE),
          entry("iot1click:ListTagsForResource", RETIRED_SERVICE),
          entry("iot1click:TagResource", RETIRED_SERVICE),
          entry("iot1click:UntagResource", RETIRED_SERVICE),
          entry("iotroborunner:GetDestination", RETIRED_SERVICE),
          entry("iotroborunner:GetSite", RETIRED_SERVICE),
          entry("iotroborunner:GetWorker", RETIRED_SERVICE),
          entry("iotroborunner:GetWorkerFleet", RETIRED_SERVICE),
          entry("iotroborunner:ListDestinations", RETIRED_SERVICE),
          entry("iotroborunner:ListSites", RETIRED_SERVICE),
          entry("iotroborunner:ListWorkerFleets", RETIRED_SERVICE),
          entry("iotroborunner:ListWorkers", RETIRED_SERVICE),
          entry("memorydb:ReplicateMultiRegionClusterData", ACTION_NOT_LISTED),
          entry("mobilehub:DescribeBundle", RETIRED_SERVICE),
          entry("mobilehub:ExportBundle", RETIRED_SERVICE),
          entry("mobilehub:ExportProject", RETIRED_SERVICE),
          entry("mobilehub:GenerateProjectParameters", RETIRED_SERVICE),
          entry("mobilehub:GetProject", RETIRED_SERVICE),
          entry("mobilehub:GetProjectSnapshot", RETIRED_SERVICE),
          entry("mobilehub:ListAvailableConnectors", RETIRED_SERVICE),
          entry("mobilehub:ListAvailableFeatures", RETIRED_SERVICE),
          entry("mobilehub:ListAvailableRegions", RETIRED_SERVICE),
          entry("mobilehub:ListBundles", RETIRED_SERVICE),
          entry("mobilehub:ListProjectSnapshots", RETIRED_SERVICE),
          entry("mobilehub:ListProjects", RETIRED_SERVICE),
          entry("mobilehub:SynchronizeProject", RETIRED_SERVICE),
          entry("mobilehub:ValidateProject", RETIRED_SERVICE),
          entry("mobilehub:VerifyServiceRole", RETIRED_SERVICE),
          entry("qapps:ImportDocumentToQApp", ACTION_NOT_LISTED),
          entry("qapps:ImportDocumentToQAppSession", ACTION_NOT_LISTED),
          entry("route53-recovery-control-config:DescribeRoutingControlByName", ACTION_NOT_LISTED),
          entry("s3:ListBuckets", NOT_AN_IAM_ACTION_LIST_ALL_MY_BUCKETS),
          entry("s3:ListObjects", NOT_AN_IAM_ACTION_LIST_BUCKET),
          entry("s3:ListObjectsV2", NOT_AN_IAM_ACTION_LIST_BUCKET),
          entry("sagemaker-unified-studio-mcp:CallPrivilegedTool", ACTION_NOT_LISTED),
          entry("sagemaker-unified-studio-mcp:CallReadOnlyTool", ACTION_NOT_LISTED),
          entry("sagemaker-unified-studio-mcp:InvokeMcp", ACTION_NOT_LISTED),
          entry("securityagent:BatchGetAgentInstances", ACTION_NOT_LISTED),
          entry("securityagent:BatchGetSecurityTestContentMetadata", ACTION_NOT_LISTED),
          entry("securityagent:BatchGetTasks", ACTION_NOT_LISTED),
          entry("securityagent:CreateDocumentReview", ACTION_NOT_LISTED),
          entry("securityagent:DeleteDocumentReview", ACTION_NOT_LISTED),
          entry("securityagent:GetCodeReviewTask", ACTION_NOT_LISTED),
          entry("securityagent:GetDocReviewTask", ACTION_NOT_LISTED),
          entry("securityagent:GetDocumentReview", ACTION_NOT_LISTED),
          entry("securityagent:GetDocumentReviewArtifact", ACTION_NOT_LISTED),
          entry("securityagent:ListAgentInstances", ACTION_NOT_LISTED),
          entry("securityagent:ListControls", ACTION_NOT_LISTED),
          entry("securityagent:ListDocumentReviewComments", ACTION_NOT_LISTED),
          entry("securityagent:ListDocumentReviews", ACTION_NOT_LISTED),
          entry("securityagent:ListTasks", ACTION_NOT_LISTED),
          entry("securityagent:StartPentestExecution", ACTION_NOT_LISTED),
          entry("securityagent:StopPentestExecution", ACTION_NOT_LISTED),
          entry("servicecatalog:AccountLevelDescribeRecord", ACTION_NOT_LISTED),
          entry("servicecatalog:AccountLevelListRecordHistory", ACTION_NOT_LISTED),
          entry("servicecatalog:AccountLevelScanProvisionedProducts", ACTION_NOT_LISTED),
          entry("servicecatalog:GetTagOptionMigrationStatus", ACTION_NOT_LISTED),
          entry("ssm:RemoveTagsToResource", MISSPELLED_REMOVE_TAGS_FROM_RESOURCE));

  private static Path managed() {
    String property = System.getProperty("policysmith.corpus");
    Path dir = property == null ? null : Path.of(property).resolve("managed");
    if (dir == null || !Files.isDirectory(dir)) {
      Assumptions.abort(
          "corpus not found at "
              + (dir == null ? "(system property policysmith.corpus unset)" : dir.toAbsolutePath())
              + "; the catalogue corpus test needs ../shared/corpus/managed");
    }
    return dir;
  }

  private static List<ActionPattern> corpusPatterns() throws IOException {
    List<ActionPattern> patterns = new ArrayList<>();
    try (Stream<Path> files = Files.list(managed())) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        PolicyDocument document = PolicyReader.strict().read(file);
        for (Statement statement : document.statements()) {
          patterns.addAll(statement.actionClause().patterns());
        }
      }
    }
    return patterns;
  }

  @Test
  void everyCorpusAction_isCataloguedOrAListedException() throws IOException {
    List<ActionPattern> patterns = corpusPatterns();
    assertThat(patterns).hasSizeGreaterThan(50_000);
    Map<String, String> missing = new TreeMap<>();
    int literal = 0;
    for (ActionPattern pattern : patterns) {
      if (pattern.hasWildcard()) {
        continue;
      }
      literal++;
      if (CATALOG.action(pattern.value()).isEmpty()) {
        missing.put(
            pattern.value(),
            NOT_IN_CATALOGUE.getOrDefault(pattern.value(), "NOT LISTED AS AN EXCEPTION"));
      }
    }
    assertThat(literal).isGreaterThan(40_000);
    assertThat(missing).containsExactlyInAnyOrderEntriesOf(NOT_IN_CATALOGUE);
  }

  @Test
  void exceptions_retiredServices_areAbsentFromTheCatalogue() {
    assertThat(NOT_IN_CATALOGUE)
        .allSatisfy(
            (action, reason) -> {
              String prefix = action.substring(0, action.indexOf(':'));
              assertThat(CATALOG.service(prefix).isPresent())
                  .as("service of %s", action)
                  .isEqualTo(!reason.equals(RETIRED_SERVICE));
            });
  }

  @Test
  void everyCorpusWildcard_expandsToTheActionsItMatches() throws IOException {
    TreeSet<String> wildcards = new TreeSet<>();
    for (ActionPattern pattern : corpusPatterns()) {
      if (pattern.hasWildcard()) {
        wildcards.add(pattern.value().toLowerCase(Locale.ROOT));
      }
    }
    assertThat(wildcards).hasSizeGreaterThan(500);
    List<CatalogAction> all =
        CATALOG.services().stream().map(CatalogService::actions).flatMap(List::stream).toList();
    List<String> names = all.stream().map(CatalogAction::qualifiedName).toList();
    int empty = 0;
    for (String wildcard : wildcards) {
      ActionPattern pattern = ActionPattern.of(wildcard);
      // A cheap prefix test first, independent of the catalogue's own service index.
      int colon = wildcard.indexOf(':');
      String literalPrefix =
          colon > 0 && wildcard.substring(0, colon).matches("[a-z0-9-]+")
              ? wildcard.substring(0, colon + 1)
              : "";
      List<CatalogAction> expected = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        String name = names.get(i);
        if (name.regionMatches(true, 0, literalPrefix, 0, literalPrefix.length())
            && pattern.matches(name)) {
          expected.add(all.get(i));
        }
      }
      assertThat(CATALOG.expand(pattern)).as(wildcard).isEqualTo(expected);
      empty += expected.isEmpty() ? 1 : 0;
    }
    // A few wildcards name retired services; nearly all match something today.
    assertThat(empty).isLessThan(wildcards.size() / 20);
  }
}
