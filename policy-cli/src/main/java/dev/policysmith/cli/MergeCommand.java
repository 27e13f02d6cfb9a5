package dev.policysmith.cli;

import dev.policysmith.merge.MergeOptions;
import dev.policysmith.merge.MergeResult;
import dev.policysmith.merge.PolicyLimitExceededException;
import dev.policysmith.merge.PolicyMerger;
import dev.policysmith.merge.SidConflictException;
import dev.policysmith.merge.SizeLimit;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PolicyFormatException;
import dev.policysmith.model.json.PolicyWriter;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code policysmith merge FILE...}: the canonical merge of the documents, on standard output. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description =
        "Prints one canonical document that decides every request exactly as the given documents"
            + " evaluated together.")
final class MergeCommand implements Callable<Integer> {
  private final Inputs inputs;

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "FILE",
      arity = "1..*",
      description = "Policy documents; - reads standard input.")
  List<String> files;

  @Option(
      names = "--override",
      description = "On a Sid conflict the later document's statement wins, instead of failing.")
  boolean override;

  @Option(
      names = "--join-sids",
      description = "Join statements across different Sids (drops Sids).")
  boolean joinSids;

  @Option(
      names = "--limit",
      paramLabel = "key|managed|role-inline|user-inline|group-inline",
      description = "Fail when the merged document is over this AWS size limit.")
  String limit;

  MergeCommand(Inputs inputs) {
    this.inputs = inputs;
  }

  @Override
  public Integer call() {
    List<PolicyDocument> documents = new ArrayList<>();
    for (String file : files) {
      documents.add(inputs.document(file));
    }
    MergeOptions.Builder options =
        MergeOptions.builder().overrideSids(override).joinAcrossSids(joinSids);
    if (limit != null) {
      options.limit(sizeLimit(limit));
    }
    MergeResult result;
    try {
      result = PolicyMerger.merge(documents, options.build());
    } catch (SidConflictException | PolicyLimitExceededException e) {
      throw new CommandFailure(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(PolicyWriter.canonical().writeToString(result.document()));
    out.flush();
    return ExitCode.OK.code();
  }

  static SizeLimit sizeLimit(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "key":
        return SizeLimit.KEY_POLICY;
      case "managed":
        return SizeLimit.MANAGED;
      case "role-inline":
        return SizeLimit.ROLE_INLINE;
      case "user-inline":
        return SizeLimit.USER_INLINE;
      case "group-inline":
        return SizeLimit.GROUP_INLINE;
      default:
        throw new CommandFailure(
            "--limit must be key, managed, role-inline, user-inline or group-inline but was "
                + PolicyFormatException.quote(name));
    }
  }
}
