package dev.policysmith.diff.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A set of values of a numeric, date or IP address condition key: intervals of the parsed values,
 * whether values that do not parse as that kind are members ({@code other}), and whether absence is
 * a member.
 */
public final class RangeSet extends DimSet {
  private final ValueKind kind;
  private final boolean absent;
  private final boolean other;
  private final List<Interval> intervals;

  RangeSet(ValueKind kind, boolean absent, boolean other, List<Interval> intervals) {
    this.kind = kind;
    this.absent = absent;
    this.other = other;
    this.intervals = normalize(kind, intervals);
  }

  /** Returns every value and absence. */
  static RangeSet universal(ValueKind kind) {
    return new RangeSet(kind, true, true, List.of(Interval.ALL));
  }

  /** Returns the kind of value. */
  public ValueKind kind() {
    return kind;
  }

  List<Interval> intervals() {
    return intervals;
  }

  boolean other() {
    return other;
  }

  @Override
  public boolean absent() {
    return absent;
  }

  @Override
  public DimSet intersect(DimSet o) {
    RangeSet r = coerce(o);
    List<Interval> out = new ArrayList<>();
    for (Interval a : intervals) {
      for (Interval b : r.intervals) {
        out.add(a.intersect(b));
      }
    }
    return new RangeSet(kind, absent && r.absent, other && r.other, out);
  }

  /**
   * Returns {@code o} as a range set of this kind: exact when {@code o} is a range set of the same
   * kind or a string set holding all values or none (a {@code Null} test); otherwise only its
   * absence is kept, an approximation the encoder reports as inexact.
   */
  private RangeSet coerce(DimSet o) {
    if (o instanceof RangeSet r && r.kind == kind) {
      return r;
    }
    if (o instanceof StrSet s && s.language().isEmpty()) {
      return new RangeSet(kind, s.absent(), false, List.of());
    }
    return new RangeSet(kind, o.absent(), true, List.of(Interval.ALL));
  }

  @Override
  public DimSet complement() {
    List<Interval> gaps = new ArrayList<>();
    BigDecimal lo = null;
    boolean loClosed = false;
    boolean open = true;
    for (Interval i : intervals) {
      if (i.lo() != null) {
        gaps.add(new Interval(lo, loClosed, i.lo(), !i.loClosed()));
      }
      if (i.hi() == null) {
        open = false;
        break;
      }
      lo = i.hi();
      loClosed = !i.hiClosed();
    }
    if (open) {
      gaps.add(new Interval(lo, loClosed, null, false));
    }
    return new RangeSet(kind, !absent, !other, gaps);
  }

  @Override
  public boolean isEmpty() {
    return !absent && !other && intervals.isEmpty();
  }

  @Override
  public boolean isUniversal() {
    return absent
        && other
        && intervals.size() == 1
        && intervals.get(0).lo() == null
        && intervals.get(0).hi() == null;
  }

  @Override
  public boolean contains(Optional<String> value) {
    if (value.isEmpty()) {
      return absent;
    }
    Optional<BigDecimal> parsed = kind.parse(value.get());
    if (parsed.isEmpty()) {
      return other;
    }
    return intervals.stream().anyMatch(i -> i.contains(parsed.get()));
  }

  @Override
  public Optional<String> example(List<String> hints, boolean preferAbsent) {
    if (absent && (preferAbsent || (intervals.isEmpty() && !other))) {
      return Optional.empty();
    }
    for (String hint : hints) {
      Optional<BigDecimal> parsed = kind.parse(hint);
      if (parsed.isPresent() && contains(Optional.of(hint))) {
        return Optional.of(hint);
      }
    }
    if (!intervals.isEmpty()) {
      return Optional.of(kind.format(intervals.get(0).pick()));
    }
    return Optional.of(kind.unparsableExample());
  }

  /** Sorts, clamps to the domain, drops empty intervals and joins overlapping or adjacent ones. */
  private static List<Interval> normalize(ValueKind kind, List<Interval> in) {
    List<Interval> list = new ArrayList<>();
    for (Interval i : in) {
      Interval c = kind.clamp(i);
      if (!c.isEmpty()) {
        list.add(c);
      }
    }
    list.sort(
        Comparator.comparing(
                (Interval i) -> i.lo(),
                Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder()))
            .thenComparing(i -> !i.loClosed()));
    List<Interval> out = new ArrayList<>();
    for (Interval i : list) {
      if (out.isEmpty()) {
        out.add(i);
        continue;
      }
      Interval last = out.get(out.size() - 1);
      if (touches(kind, last, i)) {
        out.set(out.size() - 1, join(last, i));
      } else {
        out.add(i);
      }
    }
    return List.copyOf(out);
  }

  private static boolean touches(ValueKind kind, Interval a, Interval b) {
    if (a.hi() == null || b.lo() == null) {
      return true;
    }
    int c = a.hi().compareTo(b.lo());
    if (c > 0) {
      return true;
    }
    if (c == 0) {
      return a.hiClosed() || b.loClosed();
    }
    return kind.discrete() && a.hi().add(BigDecimal.ONE).compareTo(b.lo()) == 0;
  }

  private static Interval join(Interval a, Interval b) {
    if (a.hi() == null) {
      return a;
    }
    if (b.hi() == null) {
      return new Interval(a.lo(), a.loClosed(), null, false);
    }
    int c = a.hi().compareTo(b.hi());
    if (c > 0 || (c == 0 && a.hiClosed())) {
      return a;
    }
    return new Interval(a.lo(), a.loClosed(), b.hi(), b.hiClosed());
  }

  @Override
  public String toString() {
    return kind + (absent ? " absent|" : " ") + (other ? "other|" : "") + intervals;
  }
}
