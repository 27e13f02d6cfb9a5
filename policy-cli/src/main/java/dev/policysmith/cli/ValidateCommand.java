package dev.policysmith.cli;

import dev.policysmith.catalog.IamCatalog;
import dev.policysmith.cli.report.JsonReport;
import dev.policysmith.model.PolicyFormatException;
import dev.policysmith.model.arn.Arn;
import dev.policysmith.model.validate.Finding;
import dev.policysmith.model.validate.FindingCode;
import dev.policysmith.model.validate.PolicyKind;
import dev.policysmith.model.validate.PolicyValidator;
import dev.policysmith.model.validate.Severity;
import dev.policysmith.model.validate.ValidationOptions;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code policysmith validate FILE}: the findings of the validator, one a line (or a JSON array
 * with {@code --json}); exit 0 without errors, 1 with errors, 2 when the file cannot be read.
 * Action names and condition keys are checked against the bundled catalogue unless {@code
 * --no-catalog}.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Checks a key, identity or resource policy and prints its findings: severity, code, JSON"
            + " pointer and how to fix it. Exits 1 when there is an error finding.")
final class ValidateCommand implements Callable<Integer> {
  private final Inputs inputs;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The policy document; - reads standard input.")
  String file;

  @Option(
      names = "--kind",
      paramLabel = "key|identity|resource",
      defaultValue = "key",
      description = "What the document is (default: ${DEFAULT-VALUE}).")
  String kind;

  @Option(
      names = "--key-arn",
      paramLabel = "ARN",
      description = "The key the policy is attached to: its account and region sharpen the checks.")
  String keyArn;

  @Option(names = "--json", description = "Print the findings as a JSON array.")
  boolean json;

  @Option(
      names = "--catalog",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Check action names, patterns and condition keys against the bundled action catalogue"
              + " (on by default; --no-catalog turns it off).")
  boolean catalog;

  @Option(
      names = "--access-levels",
      description =
          "Add one ACCESS_LEVEL_SUMMARY finding per statement: the actions it covers today by access"
              + " level (needs the catalogue).")
  boolean accessLevels;

  ValidateCommand(Inputs inputs) {
    this.inputs = inputs;
  }

  @Override
  public Integer call() {
    ValidationOptions options = options();
    String text = inputs.text(file);
    List<Finding> findings = PolicyValidator.standard().validate(text, options);
    if (findings.size() == 1 && findings.get(0).code() == FindingCode.MALFORMED_DOCUMENT) {
      // Not a policy document at all: that is unreadable input, reported like any parse error.
      inputs.document(file);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.print(JsonReport.findings(findings));
    } else {
      for (Finding finding : findings) {
        out.println(
            Inputs.displayName(file)
                + ": "
                + finding.severity()
                + " "
                + finding.code()
                + " at "
                + (finding.pointer().isEmpty() ? "/" : finding.pointer())
                + ": "
                + finding.message());
      }
    }
    out.flush();
    boolean errors = findings.stream().anyMatch(finding -> finding.severity() == Severity.ERROR);
    return errors ? ExitCode.DIFFERENT.code() : ExitCode.OK.code();
  }

  private ValidationOptions options() {
    PolicyKind policyKind;
    try {
      policyKind = PolicyKind.valueOf(kind.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(
          "--kind must be key, identity or resource but was " + PolicyFormatException.quote(kind));
    }
    ValidationOptions.Builder builder = ValidationOptions.builder().kind(policyKind);
    if (catalog) {
      builder.catalog(IamCatalog.bundled()).accessLevelSummary(accessLevels);
    } else if (accessLevels) {
      throw new CommandFailure("--access-levels needs the catalogue; drop --no-catalog");
    }
    if (keyArn != null) {
      Arn arn = Arns.kmsKey("--key-arn", keyArn);
      builder.keyArn(arn);
    }
    return builder.build();
  }
}
