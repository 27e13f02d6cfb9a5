package dev.policysmith.diff;

import static dev.policysmith.diff.Policies.allow;
import static dev.policysmith.diff.Policies.aws;
import static dev.policysmith.diff.Policies.doc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.policysmith.catalog.IamCatalog;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.catalog.CatalogAction;
import dev.policysmith.model.eval.Decision;
import dev.policysmith.model.eval.PolicyEvaluator;
import dev.policysmith.model.eval.Request;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The diff with the bundled catalogue: real examples and the verdict over today's actions. */
class PolicyDifferCatalogTest {
  private static final String ROLE = "arn:aws:iam::111122223333:role/Scheduler";
  private static final IamCatalog CATALOG = IamCatalog.bundled();
  private static final PolicyDiffer DIFFER = PolicyDiffer.standard().withCatalog(CATALOG);

  private static String[] kmsActions() {
    return CATALOG.service("kms").orElseThrow().actions().stream()
        .map(CatalogAction::qualifiedName)
        .toArray(String[]::new);
  }

  private static Decision decide(PolicyDocument policy, Request request) {
    return PolicyEvaluator.of(policy).decide(request);
  }

  @Test
  void diff_kmsStarAgainstEveryKmsAction_isNarrowerButEquivalentOverTheCatalogue() {
    PolicyDocument star = doc(allow("kms:*").principal(aws(ROLE)).build());
    PolicyDocument listed = doc(allow(kmsActions()).principal(aws(ROLE)).build());

    DiffResult result = DIFFER.diff(star, listed);

    assertThat(result.verdict()).isEqualTo(Verdict.NARROWER);
    assertThat(result.catalogVerdict()).isPresent();
    CatalogVerdict catalog = result.catalogVerdict().get();
    assertThat(catalog.verdict()).isEqualTo(Verdict.EQUIVALENT);
    assertThat(catalog.actions()).isEqualTo(56);
    assertThat(catalog.services()).containsExactly("kms");
    assertThat(catalog.date()).isEqualTo(CATALOG.date());
    assertThat(catalog.summary())
        .isEqualTo(
            "equivalent for the 56 kms actions that exist on "
                + CATALOG.date()
                + "; narrower for actions added later");
    // No catalogued action lies in the removed region, so its example is a made-up name.
    Request example = result.removed().get(0).example();
    assertThat(CATALOG.action(example.action())).isEmpty();
    assertThat(decide(star, example)).isEqualTo(Decision.ALLOW);
    assertThat(decide(listed, example)).isEqualTo(Decision.IMPLICIT_DENY);
  }

  @Test
  void diff_theOnlyActionAgainstItsServiceStar_isBroaderForActionsAddedLater() {
    // rds-db has one action; kms's 56 make the same check slow while the engine is being tuned.
    PolicyDocument star = doc(allow("rds-db:*").principal(aws(ROLE)).build());
    PolicyDocument listed = doc(allow("rds-db:connect").principal(aws(ROLE)).build());

    DiffResult result = DIFFER.diff(listed, star);

    assertThat(result.verdict()).isEqualTo(Verdict.BROADER);
    assertThat(result.catalogVerdict().map(CatalogVerdict::summary))
        .contains(
            "equivalent for the 1 rds-db action that exists on "
                + CATALOG.date()
                + "; broader for actions added later");
  }

  @Test
  void diff_wildcardAddsCataloguedActions_exampleIsTheFirstRealOne() {
    PolicyDocument before = doc(allow("kms:Decrypt").principal(aws(ROLE)).build());
    PolicyDocument after = doc(allow("kms:Decrypt", "kms:Get*").principal(aws(ROLE)).build());

    DiffResult result = DIFFER.diff(before, after);

    assertThat(result.verdict()).isEqualTo(Verdict.BROADER);
    Request example = result.added().get(0).example();
    // Without a catalogue the example is "kms:Get", the pattern with its wildcard dropped.
    assertThat(PolicyDiffer.standard().diff(before, after).added().get(0).example().action())
        .isEqualTo("kms:Get");
    assertThat(example.action()).isEqualTo("kms:GetKeyLastUsage");
    assertThat(decide(before, example)).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(decide(after, example)).isEqualTo(Decision.ALLOW);
    assertThat(result.catalogVerdict().map(CatalogVerdict::summary))
        .contains("broader for the 56 kms actions that exist on " + CATALOG.date());
  }

  @Test
  void diff_cataloguedHint_isPreferredToTheFirstInOrder() {
    PolicyDocument before = doc(allow("s3:GetObject").principal(aws(ROLE)).build());
    PolicyDocument after = doc(allow("*").principal(aws(ROLE)).build());

    DiffResult result = DIFFER.diff(before, after);

    // The hints the diff already tries ("kms:Decrypt" among them) come before "a4b:...".
    assertThat(result.added().get(0).example().action()).isEqualTo("kms:Decrypt");
    CatalogVerdict catalog = result.catalogVerdict().orElseThrow();
    assertThat(catalog.verdict()).isEqualTo(Verdict.BROADER);
    assertThat(catalog.services()).hasSize(CATALOG.servicePrefixes().size());
    assertThat(catalog.summary())
        .isEqualTo(
            "broader for the "
                + catalog.actions()
                + " actions of "
                + catalog.services().size()
                + " services that exist on "
                + CATALOG.date());
  }

  @Test
  void diff_wildcardBeyondItsExpansion_keepsTheMadeUpExample() {
    PolicyDocument expanded =
        doc(allow("kms:ReEncryptFrom", "kms:ReEncryptTo").principal(aws(ROLE)).build());
    PolicyDocument wildcard = doc(allow("kms:ReEncrypt*").principal(aws(ROLE)).build());

    DiffResult result = DIFFER.diff(expanded, wildcard);

    assertThat(result.added().get(0).example().action()).isEqualTo("kms:ReEncrypt");
    assertThat(result.catalogVerdict().map(CatalogVerdict::verdict)).contains(Verdict.EQUIVALENT);
  }

  @Test
  void diff_twoServices_namesBothAndCountsTheirActions() {
    PolicyDocument before = doc(allow("kms:Decrypt").build());
    PolicyDocument after = doc(allow("kms:Decrypt", "s3:GetObject").build());

    CatalogVerdict catalog = DIFFER.diff(before, after).catalogVerdict().orElseThrow();

    int count =
        CATALOG.service("kms").orElseThrow().actions().size()
            + CATALOG.service("s3").orElseThrow().actions().size();
    assertThat(catalog.services()).containsExactly("kms", "s3");
    assertThat(catalog.actions()).isEqualTo(count);
    assertThat(catalog.summary())
        .isEqualTo(
            "broader for the " + count + " actions of kms and s3 that exist on " + CATALOG.date());
  }

  @Test
  void diff_onlyUncataloguedNamesChange_isEquivalentOverTheCatalogue() {
    PolicyDocument before = doc(allow("kms:Decrypt", "kms:Decript").build());
    PolicyDocument after = doc(allow("kms:Decrypt", "kms:Encript").build());

    DiffResult result = DIFFER.diff(before, after);

    assertThat(result.verdict()).isEqualTo(Verdict.INCOMPARABLE);
    assertThat(result.catalogVerdict().map(CatalogVerdict::summary))
        .contains(
            "equivalent for the 56 kms actions that exist on "
                + CATALOG.date()
                + "; incomparable over every action name, counting ones added later");
  }

  @Test
  void diff_servicesTheCatalogueDoesNotList_sayNoneIsInvolved() {
    PolicyDocument p = doc(allow("example:Action").build());

    DiffResult result = DIFFER.diff(p, p);

    assertThat(result.verdict()).isEqualTo(Verdict.EQUIVALENT);
    assertThat(result.catalogVerdict().map(CatalogVerdict::summary))
        .contains(
            "equivalent: no action the catalogue lists on " + CATALOG.date() + " is involved");
  }

  @Test
  void diff_withoutCatalogue_hasNoCatalogueVerdict() {
    PolicyDocument p = doc(allow("kms:*").build());

    assertThat(PolicyDiffer.standard().diff(p, p).catalogVerdict()).isEmpty();
    assertThat(DIFFER.diff(p, p).catalogVerdict().map(CatalogVerdict::verdict))
        .contains(Verdict.EQUIVALENT);
  }

  @Test
  void grantsNone_withCatalogue_witnessIsACataloguedAction() {
    PolicyDocument policy = doc(allow("kms:Re*").build());

    ContainmentResult result = DIFFER.grantsNone(policy, List.of("kms:*"), List.of());

    assertThat(result.holds()).isFalse();
    assertThat(result.witness().map(Request::action)).contains("kms:ReEncryptFrom");
  }
}
