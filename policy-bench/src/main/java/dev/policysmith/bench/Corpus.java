package dev.policysmith.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared corpus of real policy documents, found through the system property {@code
 * policysmith.corpus} or, by default, at {@code ../shared/corpus} from the repository root (also
 * tried from inside {@code policy-bench}, so the jar runs from either directory).
 */
final class Corpus {
  /** The system property naming the corpus directory. */
  static final String PROPERTY = "policysmith.corpus";

  private Corpus() {}

  /** Returns the corpus directory, failing with what was tried when it is absent. */
  static Path root() {
    String configured = System.getProperty(PROPERTY);
    List<Path> candidates =
        configured != null
            ? List.of(Path.of(configured))
            : List.of(Path.of("../shared/corpus"), Path.of("../../shared/corpus"));
    for (Path candidate : candidates) {
      if (Files.isDirectory(candidate.resolve("managed"))) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException(
        "No policy corpus (a directory with managed/, keypolicies/ and pairs/) at "
            + candidates.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList()
            + "; pass -D"
            + PROPERTY
            + "=/path/to/corpus");
  }

  /** Returns the {@code .json} files of {@code folder} in the corpus, sorted by name. */
  static List<Path> files(String folder) {
    Path dir = root().resolve(folder);
    try (Stream<Path> entries = Files.list(dir)) {
      List<Path> files =
          new ArrayList<>(
              entries.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList());
      if (files.isEmpty()) {
        throw new IllegalStateException("No .json files in " + dir);
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
  }

  /** Returns the bytes of a file. */
  static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
