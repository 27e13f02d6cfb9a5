package dev.policysmith.bench;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.json.PolicyReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The version pairs of {@code <corpus>/pairs}: {@code NAME.N.old.json} beside {@code
 * NAME.N.new.json}, read once with the strict reader.
 */
final class Pairs {
  private Pairs() {}

  /** One pair, named {@code NAME.N}. */
  record Pair(String name, PolicyDocument oldPolicy, PolicyDocument newPolicy) {}

  /** Returns every pair in the corpus, sorted by name. */
  static List<Pair> all() {
    PolicyReader reader = PolicyReader.strict();
    List<Pair> pairs = new ArrayList<>();
    for (Path file : Corpus.files("pairs")) {
      String fileName = file.getFileName().toString();
      if (!fileName.endsWith(".old.json")) {
        continue;
      }
      String name = fileName.substring(0, fileName.length() - ".old.json".length());
      Path newFile = file.resolveSibling(name + ".new.json");
      pairs.add(
          new Pair(name, reader.read(Corpus.bytes(file)), reader.read(Corpus.bytes(newFile))));
    }
    if (pairs.isEmpty()) {
      throw new IllegalStateException(
          "No *.old.json / *.new.json pairs in " + Corpus.root().resolve("pairs"));
    }
    return pairs;
  }
}
