package dev.policysmith.bench;

import dev.policysmith.merge.Canonicalizer;
import dev.policysmith.merge.PolicyMerger;
import dev.policysmith.model.PolicyDocument;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Canonicalising one generated document of {@link #statements} statements, and merging two
 * generated documents of half that many each, timed one call at a time ({@link
 * Mode#SingleShotTime}), so the three sizes draw the growth curve (targets: 10k under 1 s, 100k
 * under 15 s, no worse than n log n).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MergeBenchmark {
  /** Statements in the input, in total. */
  @Param({"1000", "10000", "100000"})
  public int statements;

  private PolicyDocument whole;
  private PolicyDocument firstHalf;
  private PolicyDocument secondHalf;
  private int outputStatements = -1;

  /** Generates the inputs; the same size always gives the same documents. */
  @Setup
  public void generate() {
    whole = GeneratedPolicies.document(statements, 20261129L);
    firstHalf = GeneratedPolicies.document(statements / 2, 1L);
    secondHalf = GeneratedPolicies.document(statements - statements / 2, 2L);
  }

  /** Prints how much the last call shrank its input, which the time alone does not show. */
  @TearDown
  public void report(BenchmarkParams params) {
    System.out.printf(
        "%n[merge] %s of %d statements gave %d statements%n",
        params.getBenchmark(), statements, outputStatements);
  }

  /** {@code Canonicalizer.canonicalize} of the whole document. */
  @Benchmark
  public PolicyDocument canonicalize() {
    PolicyDocument out = Canonicalizer.canonicalize(whole);
    outputStatements = out.statements().size();
    return out;
  }

  /** {@code PolicyMerger.merge} of the two halves. */
  @Benchmark
  public PolicyDocument merge() {
    PolicyDocument out = PolicyMerger.merge(firstHalf, secondHalf).document();
    outputStatements = out.statements().size();
    return out;
  }
}
