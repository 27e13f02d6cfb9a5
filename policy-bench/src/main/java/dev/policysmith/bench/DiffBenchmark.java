package dev.policysmith.bench;

import dev.policysmith.diff.DiffResult;
import dev.policysmith.diff.PolicyDiffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code PolicyDiffer.standard().diff(old, new)} under JMH: {@link #everyPair} diffs all corpus
 * pairs once per operation (the mean cost of a pair is the score over their number), and {@link
 * #slowPair} one of the pairs that take longest, so their steady-state time and, with {@code -prof
 * gc}, their allocation come with error bars. {@link DiffPercentiles} gives the distribution over
 * pairs, which JMH does not.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DiffBenchmark {
  private static final PolicyDiffer DIFFER = PolicyDiffer.standard();

  private List<Pairs.Pair> pairs;

  /** Reads the corpus pairs. */
  @Setup
  public void read() {
    pairs = Pairs.all();
  }

  /** One of the slowest pairs of {@link DiffPercentiles}, for {@link #slowPair} alone. */
  @State(Scope.Benchmark)
  public static class Slow {
    /** The pair's name. */
    @Param({
      "SageMakerStudioProjectUserRolePolicy.3",
      "AmazonConnectSynchronizationServiceRolePolicy.1",
      "SageMakerStudioProjectUserRolePolicy.2",
      "SageMakerStudioProjectProvisioningRolePolicy.1"
    })
    public String pair;

    private Pairs.Pair chosen;

    /** Finds the pair in the corpus. */
    @Setup
    public void find() {
      chosen =
          Pairs.all().stream()
              .filter(p -> p.name().equals(pair))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no corpus pair " + pair));
    }
  }

  /** Diffs every corpus pair once. */
  @Benchmark
  public void everyPair(Blackhole sink) {
    for (Pairs.Pair p : pairs) {
      sink.consume(DIFFER.diff(p.oldPolicy(), p.newPolicy()));
    }
  }

  /** Diffs the pair named by {@link Slow#pair}. */
  @Benchmark
  public DiffResult slowPair(Slow slow) {
    return DIFFER.diff(slow.chosen.oldPolicy(), slow.chosen.newPolicy());
  }
}
