package dev.policysmith.diff.engine;

import java.util.List;
import java.util.Set;

/**
 * Requests that one policy allows and the other does not: boxes, with the statements responsible:
 * the Allow statements that now (or no longer) match them and the Deny statements that no longer
 * (or now) cover them, by index in each document.
 *
 * @param boxes the disjoint or overlapping boxes whose union is the region
 * @param allowing the indexes of the allowing statements, in the policy that allows
 * @param lifted the indexes of Deny statements in the other policy whose lifting allows it
 */
public record Region(List<Box> boxes, Set<Integer> allowing, Set<Integer> lifted) {}
