package dev.policysmith.merge.internal;

import dev.policysmith.merge.PolicyTooComplexException;
import dev.policysmith.merge.SidConflictException;
import dev.policysmith.model.ActionClause;
import dev.policysmith.model.ActionPattern;
import dev.policysmith.model.PolicyDocument;
import dev.policysmith.model.PolicyVersion;
import dev.policysmith.model.PrincipalClause;
import dev.policysmith.model.PrincipalEntry;
import dev.policysmith.model.PrincipalType;
import dev.policysmith.model.ResourceClause;
import dev.policysmith.model.ResourcePattern;
import dev.policysmith.model.Statement;
import dev.policysmith.model.condition.ConditionBlock;
import dev.policysmith.model.condition.ConditionOperator;
import dev.policysmith.model.condition.ConditionValue;
import dev.policysmith.model.condition.KeyCondition;
import dev.policysmith.model.condition.OperatorBlock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The canonical merge: atomise every input, settle Sid conflicts, drop covered grants, regroup,
 * sort and build the document. The result is a function of the set of grants the inputs hold, so it
 * is idempotent, commutative and associative by construction.
 */
public final class CanonicalEngine {
  private CanonicalEngine() {}

  /**
   * Returns the canonical merge of {@code documents}.
   *
   * @throws SidConflictException if two documents have different statements of one Sid and {@code
   *     overrideSids} is false
   * @throws PolicyTooComplexException if the documents hold more than {@link
   *     PolicyTooComplexException#MAX_GRANTS} atomic grants
   */
  public static PolicyDocument merge(
      List<PolicyDocument> documents, boolean joinAcrossSids, boolean overrideSids) {
    return mergeWithOutcome(documents, joinAcrossSids, overrideSids).document();
  }

  /**
   * The canonical merge and whether its statement count is proven minimal.
   *
   * @param document the canonical merge
   * @param minimal whether no document with the same grants can have fewer statements; when true,
   *     the merge has no more statements than any one input whose grants are all of the merge's
   */
  public record Outcome(PolicyDocument document, boolean minimal) {}

  /**
   * Returns the canonical merge of {@code documents} with whether {@link Cover} proved its
   * statement count minimal, which tests use to check the statement-count law where it is proven.
   *
   * @throws SidConflictException as {@link #merge}
   * @throws PolicyTooComplexException as {@link #merge}
   */
  public static Outcome mergeWithOutcome(
      List<PolicyDocument> documents, boolean joinAcrossSids, boolean overrideSids) {
    List<List<Box>> perDocument = new ArrayList<>();
    long budget = PolicyTooComplexException.MAX_GRANTS;
    for (PolicyDocument document : documents) {
      List<Box> atoms = Atomizer.atomize(document, budget);
      budget -= atoms.size();
      perDocument.add(atoms);
    }
    List<Box> atoms = settleSids(perDocument, overrideSids);
    if (joinAcrossSids) {
      // Any one Sid picked for a statement joined from several would depend on which statements
      // were joined; dropping them all keeps the result a function of the grants.
      List<Box> stripped = new ArrayList<>(atoms.size());
      for (Box atom : atoms) {
        stripped.add(atom.withoutSid());
      }
      atoms = stripped;
    }
    Cover.Result cover = Cover.cover(Dominance.maximal(atoms));
    PolicyDocument.Builder builder = PolicyDocument.builder().version(PolicyVersion.V2012_10_17);
    sharedId(documents).ifPresent(builder::id);
    for (Box box : cover.boxes()) {
      builder.addStatement(toStatement(box));
    }
    return new Outcome(builder.build(), cover.minimal());
  }

  /** Returns the Id all documents share, or empty when one lacks it or two differ. */
  private static Optional<String> sharedId(List<PolicyDocument> documents) {
    Optional<String> id = Optional.empty();
    for (PolicyDocument document : documents) {
      if (document.id().isEmpty() || (id.isPresent() && !id.equals(document.id()))) {
        return Optional.empty();
      }
      id = document.id();
    }
    return id;
  }

  private static List<Box> settleSids(List<List<Box>> perDocument, boolean overrideSids) {
    Map<String, Integer> firstDocument = new HashMap<>();
    Map<String, Set<Box>> firstContent = new HashMap<>();
    Map<String, Integer> lastDocument = new HashMap<>();
    for (int i = 0; i < perDocument.size(); i++) {
      Map<String, List<Box>> bySid = new LinkedHashMap<>();
      for (Box atom : perDocument.get(i)) {
        atom.sid().ifPresent(sid -> bySid.computeIfAbsent(sid, k -> new ArrayList<>()).add(atom));
      }
      for (Map.Entry<String, List<Box>> entry : bySid.entrySet()) {
        String sid = entry.getKey();
        Set<Box> content = Dominance.maximal(entry.getValue());
        Set<Box> earlier = firstContent.putIfAbsent(sid, content);
        firstDocument.putIfAbsent(sid, i);
        if (earlier != null && !earlier.equals(content) && !overrideSids) {
          throw new SidConflictException(
              sid,
              "in documents " + (firstDocument.get(sid) + 1) + " and " + (i + 1) + " of the merge");
        }
        lastDocument.put(sid, i);
      }
    }
    List<Box> atoms = new ArrayList<>();
    for (int i = 0; i < perDocument.size(); i++) {
      for (Box atom : perDocument.get(i)) {
        // With overrides on, only the last document that has a Sid speaks for it, as with
        // Terraform's override_policy_documents.
        if (atom.sid().isEmpty() || lastDocument.get(atom.sid().get()) == i || !overrideSids) {
          atoms.add(atom);
        }
      }
    }
    return atoms;
  }

  static Statement toStatement(Box box) {
    Statement.Builder builder = Statement.builder().effect(box.effect());
    box.sid().ifPresent(builder::sid);
    toPrincipal(box.principal()).ifPresent(builder::principal);
    ActionClause.Builder action =
        ActionClause.builder().negated(box.action().kind() == Clause.Kind.NEGATED);
    for (String pattern : box.action().values()) {
      action.addPattern(ActionPattern.of(pattern));
    }
    builder.action(action.build());
    if (box.resource().kind() != Clause.Kind.ABSENT) {
      ResourceClause.Builder resource =
          ResourceClause.builder().negated(box.resource().kind() == Clause.Kind.NEGATED);
      for (String pattern : box.resource().values()) {
        resource.addPattern(ResourcePattern.of(pattern));
      }
      builder.resource(resource.build());
    }
    if (!box.conditions().isEmpty()) {
      builder.condition(toCondition(box.conditions()));
    }
    return builder.build();
  }

  private static Optional<PrincipalClause> toPrincipal(Clause clause) {
    switch (clause.kind()) {
      case ABSENT:
        return Optional.empty();
      case ANYONE:
        return Optional.of(PrincipalClause.ANYONE);
      case NEGATED_ANYONE:
        return Optional.of(PrincipalClause.builder().negated(true).anyone(true).build());
      default:
        break;
    }
    Map<PrincipalType, List<String>> byType = new EnumMap<>(PrincipalType.class);
    for (String encoded : clause.values()) {
      int newline = encoded.indexOf('\n');
      PrincipalType type = PrincipalType.fromKey(encoded.substring(0, newline)).orElseThrow();
      byType.computeIfAbsent(type, k -> new ArrayList<>()).add(encoded.substring(newline + 1));
    }
    PrincipalClause.Builder builder =
        PrincipalClause.builder().negated(clause.kind() == Clause.Kind.NEGATED);
    byType.forEach(
        (type, values) ->
            builder.addEntry(PrincipalEntry.builder().type(type).addAllValues(values).build()));
    return Optional.of(builder.build());
  }

  private static ConditionBlock toCondition(List<ConditionEntry> entries) {
    Map<String, OperatorBlock.Builder> blocks = new LinkedHashMap<>();
    for (ConditionEntry entry : entries) {
      KeyCondition.Builder key = KeyCondition.builder().key(entry.key());
      for (String encoded : entry.values()) {
        key.addValue(decodeValue(encoded));
      }
      blocks
          .computeIfAbsent(
              entry.operator(), op -> OperatorBlock.builder().operator(ConditionOperator.parse(op)))
          .addKey(key.build());
    }
    ConditionBlock.Builder condition = ConditionBlock.builder();
    blocks.values().forEach(block -> condition.addOperator(block.build()));
    return condition.build();
  }

  private static ConditionValue decodeValue(String encoded) {
    String text = encoded.substring(1);
    return switch (encoded.charAt(0)) {
      case 'B' -> ConditionValue.ofBoolean(Boolean.parseBoolean(text));
      case 'N' -> ConditionValue.ofNumber(text);
      default -> ConditionValue.of(text);
    };
  }
}
