package dev.policysmith.cli;

import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.eval.Evaluation;
import dev.policysmith.model.eval.PolicyEvaluator;
import dev.policysmith.model.eval.Request;
import dev.policysmith.model.eval.StatementMatch;
import dev.policysmith.model.json.PolicyParseException;
import dev.policysmith.model.json.RequestReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code policysmith evaluate FILE... --requests REQUESTS.jsonl}: one decision a line, in request
 * order, for the documents evaluated together.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description =
        "Decides each request of a JSON Lines file against the policy documents evaluated together"
            + " and prints one decision a line: ALLOW, EXPLICIT_DENY or IMPLICIT_DENY.")
final class EvaluateCommand implements Callable<Integer> {
  private final Inputs inputs;

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      arity = "1..*",
      description = "Policy documents, evaluated together; - reads standard input.")
  List<String> files;

  @Option(
      names = "--requests",
      required = true,
      paramLabel = "REQUESTS.jsonl",
      description =
          "One request a line: {\"principal\": ..., \"action\": ..., \"resource\": ...,"
              + " \"context\": {...}}; blank lines are skipped; - reads standard input.")
  String requests;

  @Option(names = "--explain", description = "Add the statements that matched to each line.")
  boolean explain;

  EvaluateCommand(Inputs inputs) {
    this.inputs = inputs;
  }

  @Override
  public Integer call() {
    if (requests.equals("-") && files.contains("-")) {
      throw new CommandFailure(
          "<stdin>: cannot read both the policy and the requests from standard input");
    }
    List<PolicyDocument> documents = new ArrayList<>();
    for (String file : files) {
      documents.add(inputs.document(file));
    }
    List<Request> parsed = readRequests();
    PolicyEvaluator evaluator = PolicyEvaluator.of(documents);
    // Decide everything first so that a failure leaves standard output empty.
    StringBuilder output = new StringBuilder();
    for (Request request : parsed) {
      if (explain) {
        Evaluation evaluation = evaluator.explain(request);
        output.append(evaluation.decision()).append(describe(evaluation.matchedStatements()));
      } else {
        output.append(evaluator.decide(request));
      }
      output.append('\n');
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(output);
    out.flush();
    return ExitCode.OK.code();
  }

  private List<Request> readRequests() {
    String text = new String(inputs.bytes(requests), StandardCharsets.UTF_8);
    String name = Inputs.displayName(requests);
    List<Request> parsed = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      try {
        parsed.add(RequestReader.strict().read(lines[i]));
      } catch (PolicyParseException e) {
        // The reader sees one line; the user needs the line's place in the file.
        throw new CommandFailure(
            name
                + ":"
                + (i + 1)
                + ":"
                + e.column()
                + ": "
                + e.problem()
                + " (at "
                + pointer(e)
                + ")");
      }
    }
    return parsed;
  }

  private static String pointer(PolicyParseException e) {
    return e.pointer().isEmpty() ? "/" : e.pointer();
  }

  private String describe(List<StatementMatch> matches) {
    if (matches.isEmpty()) {
      return "";
    }
    return matches.stream()
        .map(
            match ->
                (files.size() > 1 ? Inputs.displayName(files.get(match.documentIndex())) + " " : "")
                    + "/Statement/"
                    + match.statementIndex()
                    + " "
                    + match.effect().value()
                    + match.sid().map(sid -> " \"" + sid + "\"").orElse(""))
        .collect(Collectors.joining("; ", "\t", ""));
  }
}
