package dev.policysmith.merge;

import dev.policysmith.model.ActionClause;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PrincipalClause;
import dev.policysmith.model.PrincipalEntry;
import dev.policysmith.model.ResourceClause;
import dev.policysmith.model.Statement;
import dev.policysmith.model.condition.ConditionBlock;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rewrites a document into another that holds the same grants in a different arrangement: every
 * list reversed and each statement duplicated. A deterministic function of its input, so that a
 * property using it still shrinks and replays.
 */
final class Scrambler {
  private Scrambler() {}

  static PolicyDocument scrambled(PolicyDocument document) {
    List<Statement> statements = new ArrayList<>();
    for (Statement statement : document.statements()) {
      statements.add(scrambled(statement));
    }
    Collections.reverse(statements);
    List<Statement> doubled = new ArrayList<>(statements);
    doubled.addAll(document.statements());
    return document.toBuilder().statements(doubled).statementObject(false).build();
  }

  private static Statement scrambled(Statement statement) {
    Statement.Builder builder = statement.toBuilder();
    ActionClause action = statement.actionClause();
    builder.action(
        ActionClause.builder()
            .from(action)
            .patterns(reversed(action.patterns()))
            .scalar(false)
            .build());
    statement
        .resource()
        .ifPresent(
            resource ->
                builder.resource(
                    ResourceClause.builder()
                        .from(resource)
                        .patterns(reversed(resource.patterns()))
                        .scalar(false)
                        .build()));
    statement
        .principal()
        .ifPresent(
            principal -> {
              List<PrincipalEntry> entries = new ArrayList<>();
              for (PrincipalEntry entry : principal.entries()) {
                entries.add(
                    PrincipalEntry.builder()
                        .from(entry)
                        .values(reversed(entry.values()))
                        .scalar(false)
                        .build());
              }
              builder.principal(
                  PrincipalClause.builder().from(principal).entries(reversed(entries)).build());
            });
    statement
        .condition()
        .ifPresent(
            condition -> {
              List<OperatorBlock> blocks = new ArrayList<>();
              for (OperatorBlock block : condition.operators()) {
                List<KeyCondition> keys = new ArrayList<>();
                for (KeyCondition key : block.keys()) {
                  keys.add(
                      KeyCondition.builder()
                          .from(key)
                          .values(reversed(key.values()))
                          .scalar(false)
                          .build());
                }
                blocks.add(OperatorBlock.builder().from(block).keys(reversed(keys)).build());
              }
              builder.condition(ConditionBlock.builder().operators(reversed(blocks)).build());
            });
    return builder.build();
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> out = new ArrayList<>(list);
    Collections.reverse(out);
    return out;
  }
}
