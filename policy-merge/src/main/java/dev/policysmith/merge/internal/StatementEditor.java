package dev.policysmith.merge.internal;

import dev.policysmith.merge.SidConflictException;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PrincipalClause;
import dev.policysmith.model.PrincipalEntry;
import dev.policysmith.model.Statement;
import dev.policysmith.model.condition.ConditionBlock;
import dev.policysmith.model.condition.ConditionValue;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The minimal edit behind {@code PolicyMerger.addStatements}: append, leave alone, extend one
 * statement's principals or one condition key's values, or replace, never touching the layout of
 * anything else.
 */
public final class StatementEditor {
  private StatementEditor() {}

  /**
   * Returns {@code document} with {@code statements} added.
   *
   * @throws SidConflictException when a statement conflicts with the one of its Sid and {@code
   *     replace} is false
   */
  public static PolicyDocument addStatements(
      PolicyDocument document, List<Statement> statements, boolean replace) {
    List<Statement> current = new ArrayList<>(document.statements());
    for (Statement statement : statements) {
      if (statement.sid().isEmpty()) {
        if (!current.contains(statement)) {
          current.add(statement);
        }
        continue;
      }
      String sid = statement.sid().get();
      int index = indexOfSid(current, sid);
      if (index < 0) {
        current.add(statement);
        continue;
      }
      Statement existing = current.get(index);
      if (existing.equals(statement)) {
        continue;
      }
      Optional<Statement> extended = extendPrincipals(existing, statement);
      if (extended.isEmpty()) {
        extended = extendCondition(existing, statement);
      }
      if (extended.isPresent()) {
        current.set(index, extended.get());
      } else if (replace) {
        current.set(index, statement);
      } else {
        throw new SidConflictException(sid, "in the document and in the statements to add");
      }
    }
    if (current.equals(document.statements())) {
      return document;
    }
    return document.toBuilder()
        .statements(current)
        .statementObject(document.statementObject() && current.size() == 1)
        .build();
  }

  private static int indexOfSid(List<Statement> statements, String sid) {
    for (int i = 0; i < statements.size(); i++) {
      if (statements.get(i).sid().equals(Optional.of(sid))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Returns {@code existing} with the principals of {@code added} appended, when the two differ
   * only in their {@code Principal} maps: a union of principals grants to each of them, so the
   * extended statement decides as both together.
   */
  private static Optional<Statement> extendPrincipals(Statement existing, Statement added) {
    if (!Statement.builder()
        .from(existing)
        .principal(Optional.empty())
        .build()
        .equals(Statement.builder().from(added).principal(Optional.empty()).build())) {
      return Optional.empty();
    }
    if (existing.principal().isEmpty() || added.principal().isEmpty()) {
      return Optional.empty();
    }
    PrincipalClause old = existing.principal().get();
    PrincipalClause more = added.principal().get();
    if (old.negated() || more.negated() || old.anyone() || more.anyone()) {
      return Optional.empty();
    }
    List<PrincipalEntry> entries = new ArrayList<>(old.entries());
    for (PrincipalEntry entry : more.entries()) {
      for (String value : entry.values()) {
        int at = -1;
        boolean present = false;
        for (int i = 0; i < entries.size(); i++) {
          if (entries.get(i).type() == entry.type()) {
            present |= entries.get(i).values().contains(value);
            at = at < 0 ? i : at;
          }
        }
        if (present) {
          continue;
        }
        if (at < 0) {
          entries.add(
              PrincipalEntry.builder()
                  .type(entry.type())
                  .addValue(value)
                  .scalar(entry.scalar())
                  .build());
        } else {
          PrincipalEntry target = entries.get(at);
          entries.set(
              at, PrincipalEntry.builder().from(target).addValue(value).scalar(false).build());
        }
      }
    }
    PrincipalClause extended = PrincipalClause.builder().from(old).entries(entries).build();
    return Optional.of(existing.toBuilder().principal(extended).build());
  }

  /**
   * Returns {@code existing} with the values of one condition key extended by those of {@code
   * added}, when the two differ only there and the key is under a positive operator without set
   * qualifier, whose values are alternatives.
   *
   * @see <a
   *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_multi-value-conditions.html">Multivalued
   *     context keys</a>
   */
  private static Optional<Statement> extendCondition(Statement existing, Statement added) {
    if (existing.condition().isEmpty() || added.condition().isEmpty()) {
      return Optional.empty();
    }
    if (!Statement.builder()
        .from(existing)
        .condition(Optional.empty())
        .build()
        .equals(Statement.builder().from(added).condition(Optional.empty()).build())) {
      return Optional.empty();
    }
    Map<String, KeyCondition> old = flatten(existing.condition().get());
    Map<String, KeyCondition> more = flatten(added.condition().get());
    if (old == null || more == null || !old.keySet().equals(more.keySet())) {
      return Optional.empty();
    }
    String differing = null;
    for (String key : old.keySet()) {
      if (!new HashSet<>(old.get(key).values()).equals(new HashSet<>(more.get(key).values()))) {
        if (differing != null) {
          return Optional.empty();
        }
        differing = key;
      }
    }
    if (differing == null) {
      return Optional.of(existing);
    }
    ConditionBlock.Builder condition = ConditionBlock.builder();
    for (OperatorBlock block : existing.condition().get().operators()) {
      OperatorBlock.Builder rebuilt = OperatorBlock.builder().operator(block.operator());
      for (KeyCondition key : block.keys()) {
        if (!identity(block, key).equals(differing)) {
          rebuilt.addKey(key);
          continue;
        }
        if (block.operator().negated() || block.operator().qualifier().isPresent()) {
          return Optional.empty();
        }
        List<ConditionValue> values = new ArrayList<>(key.values());
        for (ConditionValue value : more.get(differing).values()) {
          if (!values.contains(value)) {
            values.add(value);
          }
        }
        rebuilt.addKey(
            KeyCondition.builder()
                .from(key)
                .values(values)
                .scalar(key.scalar() && values.size() == 1)
                .build());
      }
      condition.addOperator(rebuilt.build());
    }
    return Optional.of(existing.toBuilder().condition(condition.build()).build());
  }

  /** Returns (operator, key) to key condition, or {@code null} when a pair occurs twice. */
  private static Map<String, KeyCondition> flatten(ConditionBlock condition) {
    Map<String, KeyCondition> out = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    for (OperatorBlock block : condition.operators()) {
      for (KeyCondition key : block.keys()) {
        String identity = identity(block, key);
        if (!seen.add(identity)) {
          return null;
        }
        out.put(identity, key);
      }
    }
    return out;
  }

  private static String identity(OperatorBlock block, KeyCondition key) {
    return block.operator() + "\u0000" + key.normalizedKey();
  }
}
