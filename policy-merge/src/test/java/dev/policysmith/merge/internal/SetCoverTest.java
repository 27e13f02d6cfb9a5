package dev.policysmith.merge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

class SetCoverTest {
  private static final int EXAMPLES = Integer.getInteger("policysmith.examples", 2000);

  /** Candidates as bit masks over at most 16 elements. */
  private static int[] minimum(int elements, int bound, int... candidates) {
    return SetCover.minimum(
        candidates.length, elements, (c, e) -> (candidates[c] & (1 << e)) != 0, bound, () -> {});
  }

  @Test
  void minimum_whereTheLargestCandidateFirstIsWrong_findsTheTwoHalves() {
    // Elements 0..5: the greedy choice {1,2,3,4} leaves 0 and 5 apart and needs three candidates;
    // {0,1,2} and {3,4,5} need two.
    int[] cover = minimum(6, 10, 0b000111, 0b111000, 0b011110, 0b000001, 0b100000);
    assertThat(cover).containsExactly(0, 1);
  }

  @Test
  void minimum_noCoverBelowTheBound_isNull() {
    assertThat(minimum(4, 2, 0b0011, 0b1100, 0b0110)).isNull();
    assertThat(minimum(4, 3, 0b0011, 0b1100, 0b0110)).containsExactly(0, 1);
  }

  @Test
  void minimum_elementNoCandidateHolds_isRejected() {
    assertThatThrownBy(() -> minimum(3, 5, 0b011))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no candidate holds element 2");
  }

  @Test
  void minimum_moreThanSixtyFourElements_coversThemAll() {
    // Three candidates of 50 elements each, overlapping, over 130 elements.
    int[] cover =
        SetCover.minimum(
            4, 130, (c, e) -> c == 3 ? e == 0 : e >= c * 40 && e < c * 40 + 50, 10, () -> {});
    assertThat(cover).containsExactly(0, 1, 2);
  }

  /** The search agrees with trying every subset of candidates, smallest first. */
  @Test
  void minimum_agreesWithExhaustiveSearch() {
    Gen<List<Integer>> instances =
        SourceDSL.lists().of(Generate.range(1, (1 << 8) - 1)).ofSizeBetween(1, 10);
    qt().withExamples(EXAMPLES)
        .forAll(instances)
        .checkAssert(
            masks -> {
              int union = 0;
              for (int mask : masks) {
                union |= mask;
              }
              // Elements 0..7 that some candidate holds, renumbered.
              List<Integer> elements = new ArrayList<>();
              for (int e = 0; e < 8; e++) {
                if ((union & (1 << e)) != 0) {
                  elements.add(e);
                }
              }
              int[] cover =
                  SetCover.minimum(
                      masks.size(),
                      elements.size(),
                      (c, e) -> (masks.get(c) & (1 << elements.get(e))) != 0,
                      masks.size() + 1,
                      () -> {});
              assertThat(cover).isNotNull();
              int covered = 0;
              for (int c : cover) {
                covered |= masks.get(c);
              }
              assertThat(covered).isEqualTo(union);
              assertThat(cover.length).isEqualTo(smallestCover(masks, union));
            });
  }

  private static int smallestCover(List<Integer> masks, int union) {
    int best = Integer.MAX_VALUE;
    for (int subset = 1; subset < (1 << masks.size()); subset++) {
      int covered = 0;
      for (int c = 0; c < masks.size(); c++) {
        if ((subset & (1 << c)) != 0) {
          covered |= masks.get(c);
        }
      }
      if (covered == union) {
        best = Math.min(best, Integer.bitCount(subset));
      }
    }
    return best;
  }
}
