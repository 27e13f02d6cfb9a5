package dev.policysmith.bench;

import dev.policysmith.catalog.IamCatalog;
import dev.policysmith.model.catalog.CatalogAction;
import dev.policysmith.model.catalog.CatalogService;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cold load of the bundled action catalogue, as a command-line run pays it: each fork is a
 * fresh JVM that calls {@link IamCatalog#bundled()} once (one single shot, no warm-up), so the
 * score is the time to find, read and index the resource with the classes it needs loaded then. The
 * issue's goal is under 100 ms. Two more shots show what comes after: the first lookup in three
 * services (what {@code validate} of a typical policy pays) and building all of them (what {@code
 * expand "*"} pays).
 *
 * <p>Run {@code java -jar policy-bench/target/benchmarks.jar CatalogLoadBenchmark}; raise or lower
 * the forks with {@code -f}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(10)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class CatalogLoadBenchmark {
  /** Loads the catalogue: provenance, resource bytes, header, global keys and index. */
  @Benchmark
  public IamCatalog bundled() {
    return IamCatalog.bundled();
  }

  /** Loads the catalogue and looks up one action in each of three services. */
  @Benchmark
  public List<Optional<CatalogAction>> bundledThenThreeServices() {
    IamCatalog catalog = IamCatalog.bundled();
    return List.of(
        catalog.action("kms:Decrypt"),
        catalog.action("s3:GetObject"),
        catalog.action("ec2:RunInstances"));
  }

  /** Loads the catalogue and builds every service. */
  @Benchmark
  public List<CatalogService> bundledThenEveryService() {
    return IamCatalog.bundled().services();
  }
}
