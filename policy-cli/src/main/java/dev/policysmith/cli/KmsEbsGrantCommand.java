package dev.policysmith.cli;

import dev.policysmith.merge.AddMode;
import dev.policysmith.merge.PolicyMerger;
import dev.policysmith.merge.SidConflictException;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PolicyFormatException;
import dev.policysmith.model.arn.Arn;
import dev.policysmith.model.arn.Partition;
import dev.policysmith.model.json.PolicyWriter;
import dev.policysmith.model.kms.KmsEbsGrants;
import dev.policysmith.model.validate.Finding;
import dev.policysmith.model.validate.PolicyKind;
import dev.policysmith.model.validate.PolicyValidator;
import dev.policysmith.model.validate.ValidationOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code policysmith kms-ebs-grant}: the key policy that lets roles of another account start EC2
 * instances whose EBS volumes are encrypted with the key, as a minimal, idempotent edit of an
 * existing key policy or as a new one; or, with {@code --identity-policy}, the companion identity
 * policy for the roles' account.
 */
@Command(
    name = "kms-ebs-grant",
    mixinStandardHelpOptions = true,
    description = {
      "Prints a key policy that lets the given roles use the key through EC2 in the given regions"
          + " (kms:ViaService) and create grants for AWS resources (kms:GrantIsForAWSResource).",
      "With --key-policy, the two statements are added to that policy as a minimal edit: the rest"
          + " stays as written, and running the command on its own output changes nothing.",
      "The result is validated and the findings are printed on standard error."
    })
final class KmsEbsGrantCommand implements Callable<Integer> {
  private final Inputs inputs;

  @Spec CommandSpec spec;

  @Option(
      names = "--role",
      required = true,
      arity = "1..*",
      paramLabel = "ARN",
      description =
          "Principals of the other account: role ARNs (account roots and users accepted).")
  List<String> roles;

  @Option(
      names = "--region",
      required = true,
      arity = "1..*",
      paramLabel = "REGION",
      description = "Regions whose EC2 may use the key, e.g. ap-northeast-1.")
  List<String> regions;

  @Option(
      names = "--key-policy",
      paramLabel = "FILE",
      description = "The current key policy to add the statements to; - reads standard input.")
  String keyPolicy;

  @Option(
      names = "--partition",
      paramLabel = "PARTITION",
      description = "aws, aws-cn, aws-us-gov, ... (default: the roles' partition).")
  String partition;

  @Option(
      names = "--use-sid",
      paramLabel = "SID",
      description = "Sid of the use-of-the-key statement.")
  String useSid;

  @Option(
      names = "--attachment-sid",
      paramLabel = "SID",
      description = "Sid of the attachment-of-persistent-resources statement.")
  String attachmentSid;

  @Option(
      names = "--replace",
      description =
          "Replace a statement of the same Sid that cannot be extended, instead of failing.")
  boolean replace;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Write the result to this new file instead of standard output; never overwrites.")
  Path out;

  @Option(
      names = "--identity-policy",
      description = "Print the identity policy the roles' account must attach (needs --key-arn).")
  boolean identityPolicy;

  @Option(names = "--key-arn", paramLabel = "ARN", description = "The key's ARN.")
  String keyArn;

  KmsEbsGrantCommand(Inputs inputs) {
    this.inputs = inputs;
  }

  @Override
  public Integer call() {
    KmsEbsGrants grants = grants();
    Arn key = keyArn == null ? null : Arns.kmsKey("--key-arn", keyArn);
    PolicyDocument result;
    ValidationOptions.Builder validation = ValidationOptions.builder();
    if (identityPolicy) {
      if (key == null) {
        throw new CommandFailure("--identity-policy needs --key-arn: the policy names the key");
      }
      result = grants.identityPolicy(key);
      validation.kind(PolicyKind.IDENTITY);
    } else {
      result = keyPolicy == null ? grants.toDocument() : edit(grants);
      validation.kind(PolicyKind.KEY);
      if (key != null) {
        validation.keyArn(key);
      }
    }
    String text = PolicyWriter.lossless().writeToString(result);
    List<Finding> findings = PolicyValidator.standard().validate(result, validation.build());
    emit(text);
    PrintWriter err = spec.commandLine().getErr();
    for (Finding finding : findings) {
      err.println(
          finding.severity()
              + " "
              + finding.code()
              + " at "
              + finding.pointer()
              + ": "
              + finding.message());
    }
    err.flush();
    return ExitCode.OK.code();
  }

  private KmsEbsGrants grants() {
    KmsEbsGrants.Builder builder = KmsEbsGrants.builder().addPrincipals(roles).addRegions(regions);
    if (partition != null) {
      builder.partition(
          Partition.fromId(partition)
              .orElseThrow(
                  () ->
                      new CommandFailure(
                          "--partition must be one of aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b,"
                              + " aws-iso-e, aws-iso-f, aws-eusc but was "
                              + PolicyFormatException.quote(partition))));
    }
    if (useSid != null) {
      builder.useSid(useSid);
    }
    if (attachmentSid != null) {
      builder.attachmentSid(attachmentSid);
    }
    try {
      return builder.build();
    } catch (IllegalArgumentException | PolicyFormatException e) {
      throw new CommandFailure(e.getMessage());
    }
  }

  private PolicyDocument edit(KmsEbsGrants grants) {
    PolicyDocument current = inputs.document(keyPolicy);
    try {
      return PolicyMerger.addStatements(
          current, grants.statements(), replace ? AddMode.REPLACE : AddMode.FAIL_ON_CONFLICT);
    } catch (SidConflictException e) {
      throw new CommandFailure(
          Inputs.displayName(keyPolicy) + ": " + e.getMessage() + " (use --replace to replace it)");
    }
  }

  private void emit(String text) {
    if (out == null) {
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.print(text);
      stdout.flush();
      return;
    }
    try {
      // CREATE_NEW: an existing file, the input key policy included, is never overwritten.
      Files.writeString(out, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) {
      throw new CommandFailure(out + ": already exists; policysmith never overwrites a file");
    } catch (IOException e) {
      throw new CommandFailure(out + ": cannot write: " + e.getMessage());
    }
  }
}
