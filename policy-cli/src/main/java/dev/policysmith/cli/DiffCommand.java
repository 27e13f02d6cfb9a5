package dev.policysmith.cli;

import dev.policysmith.catalog.IamCatalog;
import dev.policysmith.cli.report.JsonReport;
import dev.policysmith.diff.CatalogVerdict;
import dev.policysmith.diff.Change;
import dev.policysmith.diff.DiffResult;
import dev.policysmith.diff.PolicyDiffer;
import dev.policysmith.diff.StatementRef;
import dev.policysmith.diff.StructuralDiff;
import dev.policysmith.diff.Verdict;
import dev.policysmith.model.PolicyDocument;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code policysmith diff OLD NEW}: what access the change from OLD to NEW adds and removes, with
 * an example request for each region, and the statements added, removed and changed. Exit 0 when
 * the two are proven equivalent, 1 when they differ (or equivalence is not proven), 2 on error.
 * Examples use real action names and a line tells how the two compare over the actions of the
 * bundled catalogue, unless {@code --no-catalog}; the exit code follows the verdict over every
 * action name either way.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Tells what access NEW grants that OLD did not (added) and what it no longer grants"
          + " (removed), each with an example request, then the statements added, removed and"
          + " changed.",
      "Exits 0 when the two decide every request alike, 1 otherwise, 2 on bad input."
    })
final class DiffCommand implements Callable<Integer> {
  private final Inputs inputs;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "OLD",
      description = "The policy before the change; - reads standard input.")
  String oldFile;

  @Parameters(
      index = "1",
      paramLabel = "NEW",
      description = "The policy after the change; - reads standard input.")
  String newFile;

  @Option(names = "--json", description = "Print the diff as JSON for tools.")
  boolean json;

  @Option(
      names = "--catalog",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Use the bundled action catalogue: real action names in examples, and how the two"
              + " compare over the actions that exist on its date (on by default; --no-catalog"
              + " turns it off). The verdict and exit code still range over every action name.")
  boolean catalog;

  DiffCommand(Inputs inputs) {
    this.inputs = inputs;
  }

  @Override
  public Integer call() {
    PolicyDocument oldPolicy = inputs.document(oldFile);
    PolicyDocument newPolicy = inputs.document(newFile);
    PolicyDiffer differ = PolicyDiffer.standard();
    if (catalog) {
      differ = differ.withCatalog(IamCatalog.bundled());
    }
    DiffResult result = differ.diff(oldPolicy, newPolicy);
    StructuralDiff statements = StructuralDiff.of(oldPolicy, newPolicy);
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? json(result, statements) : text(result, statements));
    out.flush();
    return result.verdict() == Verdict.EQUIVALENT ? ExitCode.OK.code() : ExitCode.DIFFERENT.code();
  }

  /** The diff as a reviewer reads it: the verdict, additions first, then the statements. */
  static String text(DiffResult result, StructuralDiff statements) {
    StringBuilder text = new StringBuilder();
    text.append(result.verdict()).append(result.exact() ? "" : " (not exact)").append('\n');
    for (String reason : result.inexactReasons()) {
      text.append("  not decided exactly: ").append(reason).append('\n');
    }
    result
        .catalogVerdict()
        .ifPresent(c -> text.append("  catalogue: ").append(c.summary()).append('\n'));
    appendChanges(text, "Access added", "+", result.added());
    appendChanges(text, "Access removed", "-", result.removed());
    if (!statements.isEmpty()) {
      text.append("\nStatements\n");
      statements.added().forEach(ref -> text.append("  added   ").append(ref).append('\n'));
      statements.removed().forEach(ref -> text.append("  removed ").append(ref).append('\n'));
      statements.changed().forEach(change -> text.append("  changed ").append(change).append('\n'));
    }
    return text.toString();
  }

  private static void appendChanges(
      StringBuilder text, String title, String sign, List<Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    text.append('\n').append(title).append('\n');
    for (Change change : changes) {
      text.append("  ").append(sign).append(' ').append(change.summary()).append('\n');
      text.append("    example: ")
          .append(
              JsonReport.write(json -> json.request(change.example()))
                  .replaceAll(",\\n\\s*", ", ")
                  .replaceAll("\\n\\s*", ""))
          .append('\n');
      if (!change.statements().isEmpty()) {
        text.append("    from: ");
        for (int i = 0; i < change.statements().size(); i++) {
          text.append(i == 0 ? "" : "; ").append(change.statements().get(i));
        }
        text.append('\n');
      }
    }
  }

  /** The diff in the JSON shape of the command-line contract. */
  static String json(DiffResult result, StructuralDiff statements) {
    return JsonReport.write(
        json -> {
          json.startObject()
              .string("verdict", result.verdict().name())
              .bool("exact", result.exact())
              .strings("inexactReasons", result.inexactReasons());
          changes(json, "added", result.added());
          changes(json, "removed", result.removed());
          json.startObject("statements").startArray("added");
          statements.added().forEach(ref -> ref(json, ref));
          json.endArray().startArray("removed");
          statements.removed().forEach(ref -> ref(json, ref));
          json.endArray().startArray("changed");
          for (StructuralDiff.StatementChange change : statements.changed()) {
            json.startObject().name("before");
            ref(json, change.before());
            json.name("after");
            ref(json, change.after());
            json.strings("elements", change.elements()).endObject();
          }
          json.endArray().endObject();
          result.catalogVerdict().ifPresent(c -> catalog(json, c));
          json.endObject();
        });
  }

  /** The comparison over the catalogue's actions, after the contract's fields. */
  private static void catalog(JsonReport.Json json, CatalogVerdict catalog) {
    json.startObject("catalog")
        .string("verdict", catalog.verdict().name())
        .string("date", catalog.date().toString())
        .number("actions", catalog.actions())
        .strings("services", catalog.services())
        .string("summary", catalog.summary())
        .endObject();
  }

  private static void changes(JsonReport.Json json, String name, List<Change> changes) {
    json.startArray(name);
    for (Change change : changes) {
      json.startObject()
          .string("effect", change.effect().value())
          .strings("principal", change.principals())
          .strings("action", change.actions())
          .strings("resource", change.resources())
          .strings("condition", change.conditions())
          .string("summary", change.summary())
          .request("example", change.example())
          .startArray("statements");
      change.statements().forEach(ref -> ref(json, ref));
      json.endArray().endObject();
    }
    json.endArray();
  }

  private static void ref(JsonReport.Json json, StatementRef ref) {
    json.startObject()
        .string("side", ref.side().name().toLowerCase(java.util.Locale.ROOT))
        .number("index", ref.index());
    ref.sid().ifPresent(sid -> json.string("sid", sid));
    json.string("effect", ref.effect().value()).endObject();
  }
}
