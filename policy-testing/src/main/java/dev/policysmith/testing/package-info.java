/**
 * Property-test support for code that reads, writes, evaluates or transforms IAM and KMS policies:
 * QuickTheories generators of documents and their parts ({@link
 * dev.policysmith.testing.PolicyGenerators}), of requests, mostly drawn from the policies under
 * test ({@link dev.policysmith.testing.RequestGenerators}), and the small vocabularies both draw
 * from ({@link dev.policysmith.testing.PolicyVocabulary}). Put this module in your test scope.
 *
 * <p>Two properties, each the body of a plain JUnit 5 test method, with {@code qt()} from {@code
 * org.quicktheories.QuickTheory} and {@code assertThat} from AssertJ. The first draws documents;
 * the second draws documents together with requests aimed at them, so that the requests hit the
 * statements instead of missing them all:
 *
 * <pre>{@code
 * qt().withExamples(Integer.getInteger("policysmith.examples", 2000))
 *     .forAll(PolicyGenerators.documents())
 *     .checkAssert(policy -> assertThat(policy.toBuilder().build()).isEqualTo(policy));
 *
 * qt().withExamples(Integer.getInteger("policysmith.examples", 2000))
 *     .forAll(RequestGenerators.policiesWithRequests())
 *     .checkAssert(sample -> {
 *       for (Statement statement : sample.policy().statements()) {
 *         ActionClause clause = statement.actionClause();
 *         ActionClause flipped =
 *             ActionClause.builder().from(clause).negated(!clause.negated()).build();
 *         for (Request request : sample.requests()) {
 *           assertThat(flipped.matches(request.action()))
 *               .isNotEqualTo(clause.matches(request.action()));
 *         }
 *       }
 *     });
 * }</pre>
 *
 * <p>Nothing here talks to AWS, and nothing draws from a {@code Random} of its own: every choice
 * comes from QuickTheories' randomness source, so a failing property shrinks to a small policy and
 * replays from the seed QuickTheories reports.
 */
@NullMarked
package dev.policysmith.testing;

import org.jspecify.annotations.NullMarked;
