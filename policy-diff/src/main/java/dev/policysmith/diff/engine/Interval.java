package dev.policysmith.diff.engine;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * An interval of decimal numbers; a {@code null} bound is unbounded. Over a discrete domain
 * (addresses, milliseconds) intervals are kept closed, so emptiness is {@code lo > hi}.
 */
record Interval(
    @Nullable BigDecimal lo, boolean loClosed, @Nullable BigDecimal hi, boolean hiClosed) {
  static final Interval ALL = new Interval(null, false, null, false);

  static Interval point(BigDecimal value) {
    return new Interval(value, true, value, true);
  }

  boolean isEmpty() {
    if (lo == null || hi == null) {
      return false;
    }
    int c = lo.compareTo(hi);
    return c > 0 || (c == 0 && !(loClosed && hiClosed));
  }

  boolean contains(BigDecimal v) {
    if (lo != null) {
      int c = v.compareTo(lo);
      if (c < 0 || (c == 0 && !loClosed)) {
        return false;
      }
    }
    if (hi != null) {
      int c = v.compareTo(hi);
      return c < 0 || (c == 0 && hiClosed);
    }
    return true;
  }

  Interval intersect(Interval o) {
    BigDecimal l = lo;
    boolean lc = loClosed;
    if (o.lo != null
        && (l == null || o.lo.compareTo(l) > 0 || (o.lo.compareTo(l) == 0 && !o.loClosed))) {
      l = o.lo;
      lc = o.loClosed;
    }
    BigDecimal h = hi;
    boolean hc = hiClosed;
    if (o.hi != null
        && (h == null || o.hi.compareTo(h) < 0 || (o.hi.compareTo(h) == 0 && !o.hiClosed))) {
      h = o.hi;
      hc = o.hiClosed;
    }
    return new Interval(l, lc, h, hc);
  }

  /** Returns a member: a closed bound, else a point strictly inside. */
  BigDecimal pick() {
    if (lo != null && loClosed) {
      return lo;
    }
    if (hi != null && hiClosed) {
      return hi;
    }
    if (lo == null && hi == null) {
      return BigDecimal.ONE;
    }
    if (lo == null) {
      return hi.subtract(BigDecimal.ONE);
    }
    if (hi == null) {
      return lo.add(BigDecimal.ONE);
    }
    return lo.add(hi).divide(BigDecimal.valueOf(2));
  }
}
