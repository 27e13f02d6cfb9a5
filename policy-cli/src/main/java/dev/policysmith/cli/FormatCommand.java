package dev.policysmith.cli;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.json.PolicyWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code policysmith format FILE}: the document back, two-space indented, nothing else changed. */
@Command(
    name = "format",
    mixinStandardHelpOptions = true,
    description =
        "Prints the policy document back, two-space indented, with key order, value order and"
            + " single-string versus array forms unchanged.")
final class FormatCommand implements Callable<Integer> {
  private final Inputs inputs;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The policy document; - reads standard input.")
  String file;

  FormatCommand(Inputs inputs) {
    this.inputs = inputs;
  }

  @Override
  public Integer call() {
    PolicyDocument document = inputs.document(file);
    spec.commandLine().getOut().print(PolicyWriter.lossless().writeToString(document));
    spec.commandLine().getOut().flush();
    return ExitCode.OK.code();
  }
}
