package dev.policysmith.diff.engine;

import dev.policysmith.model.condition.ConditionValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ordered kinds of condition value: numbers, dates (as epoch milliseconds) and IP addresses
 * (IPv4 below 2^32, IPv6 above it), each with how request values parse and examples print.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html">IAM
 *     JSON policy elements: Condition operators</a>
 */
public enum ValueKind {
  /** Numeric operators: decimal numbers. */
  NUMBER(false),
  /** Date operators: instants, in milliseconds since the epoch. */
  DATE(true),
  /** IpAddress and NotIpAddress: addresses as integers. */
  IP(true);

  private static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000L);
  private static final BigDecimal DATE_MIN = BigDecimal.valueOf(-62135596800L).scaleByPowerOfTen(9);
  private static final BigDecimal DATE_MAX = BigDecimal.valueOf(253402300799L).scaleByPowerOfTen(9);
  private static final Pattern EPOCH = Pattern.compile("[0-9]+");
  private static final BigDecimal V6_OFFSET = new BigDecimal(BigInteger.ONE.shiftLeft(32));
  private static final BigDecimal V4_MAX = V6_OFFSET.subtract(BigDecimal.ONE);
  private static final BigDecimal V6_MAX =
      V6_OFFSET.add(new BigDecimal(BigInteger.ONE.shiftLeft(128))).subtract(BigDecimal.ONE);

  private final boolean discrete;

  ValueKind(boolean discrete) {
    this.discrete = discrete;
  }

  boolean discrete() {
    return discrete;
  }

  /**
   * Parses a request or policy value, or empty when it is not a value of this kind, exactly as the
   * evaluator does: numbers as {@link BigDecimal} (up to 100 characters), dates as ISO 8601 or
   * epoch seconds (in nanoseconds since the epoch here), addresses as dotted quads or IPv6 text.
   */
  public Optional<BigDecimal> parse(String text) {
    switch (this) {
      case NUMBER:
        return Optional.ofNullable(ConditionValues.number(text));
      case DATE:
        return Optional.ofNullable(ConditionValues.date(text))
            .map(
                i ->
                    BigDecimal.valueOf(i.getEpochSecond())
                        .scaleByPowerOfTen(9)
                        .add(BigDecimal.valueOf(i.getNano())));
      default:
        return parseAddress(text);
    }
  }

  /**
   * Parses a policy value of this kind to the interval it stands for: a point, or for an IP address
   * a CIDR block.
   */
  Optional<Interval> parseRange(String text) {
    if (this != IP) {
      return parse(text).map(Interval::point);
    }
    int slash = text.indexOf('/');
    if (slash < 0) {
      return parseAddress(text).map(Interval::point);
    }
    Optional<BigDecimal> base = parseAddress(text.substring(0, slash));
    String bitsText = text.substring(slash + 1);
    if (base.isEmpty() || !EPOCH.matcher(bitsText).matches() || bitsText.length() > 3) {
      return Optional.empty();
    }
    int bits = Integer.parseInt(bitsText);
    boolean v4 = base.get().compareTo(V6_OFFSET) < 0;
    int width = v4 ? 32 : 128;
    if (bits > width) {
      return Optional.empty();
    }
    BigInteger raw = base.get().subtract(v4 ? BigDecimal.ZERO : V6_OFFSET).toBigIntegerExact();
    BigInteger size = BigInteger.ONE.shiftLeft(width - bits);
    BigInteger lo = raw.subtract(raw.mod(size));
    BigDecimal offset = v4 ? BigDecimal.ZERO : V6_OFFSET;
    return Optional.of(
        new Interval(
            offset.add(new BigDecimal(lo)),
            true,
            offset.add(new BigDecimal(lo.add(size).subtract(BigInteger.ONE))),
            true));
  }

  /** Prints a value of this kind as a request would carry it. */
  public String format(BigDecimal value) {
    switch (this) {
      case NUMBER:
        return value.stripTrailingZeros().toPlainString();
      case DATE:
        {
          BigDecimal[] parts = value.divideAndRemainder(BILLION);
          long seconds = parts[0].longValueExact();
          long nanos = parts[1].longValueExact();
          if (nanos < 0) {
            seconds -= 1;
            nanos += 1_000_000_000L;
          }
          return Instant.ofEpochSecond(seconds, nanos).toString();
        }
      default:
        return formatAddress(value.toBigIntegerExact());
    }
  }

  /** Returns a request value that does not parse as this kind. */
  String unparsableExample() {
    return "not-a-" + name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Restricts an interval to the domain, closing its bounds over a discrete domain. */
  Interval clamp(Interval i) {
    if (!discrete) {
      return i;
    }
    BigDecimal lo = i.lo();
    BigDecimal hi = i.hi();
    if (lo != null) {
      BigDecimal up = lo.setScale(0, RoundingMode.CEILING);
      lo = (!i.loClosed() && up.compareTo(lo) == 0) ? up.add(BigDecimal.ONE) : up;
    }
    if (hi != null) {
      BigDecimal down = hi.setScale(0, RoundingMode.FLOOR);
      hi = (!i.hiClosed() && down.compareTo(hi) == 0) ? down.subtract(BigDecimal.ONE) : down;
    }
    // Dates stay within years 1 to 9999, whose instants print in a form the evaluator reads back.
    BigDecimal min = this == IP ? BigDecimal.ZERO : DATE_MIN;
    BigDecimal max = this == IP ? V6_MAX : DATE_MAX;
    if (lo == null || lo.compareTo(min) < 0) {
      lo = min;
    }
    if (hi == null || hi.compareTo(max) > 0) {
      hi = max;
    }
    return new Interval(lo, true, hi, true);
  }

  private static Optional<BigDecimal> parseAddress(String text) {
    if (text.indexOf(':') < 0) {
      String[] parts = text.split("\\.", -1);
      if (parts.length != 4) {
        return Optional.empty();
      }
      long value = 0;
      for (String part : parts) {
        if (!EPOCH.matcher(part).matches() || part.length() > 3) {
          return Optional.empty();
        }
        int octet = Integer.parseInt(part);
        if (octet > 255) {
          return Optional.empty();
        }
        value = value * 256 + octet;
      }
      return Optional.of(BigDecimal.valueOf(value));
    }
    if (!text.matches("[0-9A-Fa-f:.]+")) {
      return Optional.empty();
    }
    try {
      // A literal with a colon is parsed without any name lookup. IPv6 text stays IPv6 even
      // when it maps an IPv4 address (::ffff:192.0.2.1), as the evaluator keeps the two apart.
      InetAddress address = InetAddress.getByName(text);
      BigDecimal value = new BigDecimal(new BigInteger(1, address.getAddress()));
      if (address instanceof Inet4Address) {
        return Optional.of(V6_OFFSET.add(BigDecimal.valueOf(0xffffL << 32)).add(value));
      }
      return address instanceof Inet6Address ? Optional.of(V6_OFFSET.add(value)) : Optional.empty();
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static String formatAddress(BigInteger value) {
    if (value.compareTo(V4_MAX.toBigIntegerExact()) <= 0) {
      long v = value.longValueExact();
      return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }
    BigInteger raw = value.subtract(V6_OFFSET.toBigIntegerExact());
    StringBuilder out = new StringBuilder();
    for (int group = 7; group >= 0; group--) {
      out.append(Integer.toHexString(raw.shiftRight(group * 16).intValue() & 0xffff));
      if (group > 0) {
        out.append(':');
      }
    }
    return out.toString();
  }
}
