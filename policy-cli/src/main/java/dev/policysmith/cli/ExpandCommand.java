package dev.policysmith.cli;

import dev.policysmith.catalog.IamCatalog;
import dev.policysmith.model.ActionPattern;
import dev.policysmith.model.PolicyFormatException;
import dev.policysmith.model.catalog.CatalogAction;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code policysmith expand PATTERN...}: the actions the patterns match in the bundled catalogue,
 * one a line in AWS's casing, each once, in the order of the patterns and then by name. A pattern
 * that matches nothing is named on standard error and the exit code is 1; the other patterns'
 * actions are still printed. With {@code --not-in SERVICE} it prints the service's actions that
 * match none of the patterns, what a {@code NotAction} of them grants within that service.
 */
@Command(
    name = "expand",
    mixinStandardHelpOptions = true,
    description =
        "Prints the actions that IAM action patterns (* and ? wildcards, any case) match today in"
            + " the bundled catalogue, one a line. Exits 1 when a pattern matches no action.")
final class ExpandCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATTERN",
      arity = "1..*",
      description = "Action patterns, e.g. kms:ReEncrypt*.")
  List<String> patterns;

  @Option(
      names = "--not-in",
      paramLabel = "SERVICE",
      description =
          "Print the SERVICE actions that match none of the patterns, as NotAction would.")
  String notIn;

  @Override
  public Integer call() {
    IamCatalog catalog = IamCatalog.bundled();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<ActionPattern> parsed = patterns.stream().map(ActionPattern::of).toList();
    if (notIn != null) {
      if (catalog.service(notIn).isEmpty()) {
        throw new CommandFailure(
            "--not-in must name a service of the catalogue of "
                + catalog.date()
                + " but was "
                + PolicyFormatException.quote(notIn));
      }
      catalog.expandNot(notIn, parsed).forEach(action -> out.println(action.qualifiedName()));
      out.flush();
      return ExitCode.OK.code();
    }
    Set<String> printed = new LinkedHashSet<>();
    boolean allMatched = true;
    for (ActionPattern pattern : parsed) {
      List<CatalogAction> actions = catalog.expand(pattern);
      if (actions.isEmpty()) {
        allMatched = false;
        err.println(
            "policysmith expand: "
                + PolicyFormatException.quote(pattern.value())
                + " matches no action in the catalogue of "
                + catalog.date());
      }
      for (CatalogAction action : actions) {
        if (printed.add(action.qualifiedName())) {
          out.println(action.qualifiedName());
        }
      }
    }
    out.flush();
    err.flush();
    return allMatched ? ExitCode.OK.code() : ExitCode.DIFFERENT.code();
  }
}
