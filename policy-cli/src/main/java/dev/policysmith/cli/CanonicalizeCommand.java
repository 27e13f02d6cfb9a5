package dev.policysmith.cli;

import dev.policysmith.merge.Canonicalizer;
import dev.policysmith.model.json.PolicyWriter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code policysmith canonicalize FILE}: the canonical form of one document. */
@Command(
    name = "canonicalize",
    mixinStandardHelpOptions = true,
    description =
        "Prints the canonical form of the document: sorted, deduplicated, account ids as root"
            + " ARNs, statements joined where exact. It decides every request as the input does.")
final class CanonicalizeCommand implements Callable<Integer> {
  private final Inputs inputs;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The policy document; - reads standard input.")
  String file;

  CanonicalizeCommand(Inputs inputs) {
    this.inputs = inputs;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        PolicyWriter.canonical().writeToString(Canonicalizer.canonicalize(inputs.document(file))));
    out.flush();
    return ExitCode.OK.code();
  }
}
