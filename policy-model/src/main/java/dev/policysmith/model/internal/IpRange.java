package dev.policysmith.model.internal;

import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 address range in CIDR notation, as the {@code IpAddress} and {@code NotIpAddress}
 * condition operators take it ({@code 203.0.113.0/24}, {@code 2001:DB8:1234:5678::/64}); an address
 * without a prefix is a single address ({@code /32} or {@code /128}). Host bits beyond the prefix
 * are ignored.
 *
 * <p>Parsing is done by hand, never through {@link java.net.InetAddress}, which would resolve a
 * host name through DNS. IPv4 and IPv6 are separate families: an IPv4 address never falls in an
 * IPv6 range. Instances are immutable and thread-safe.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress">IAM
 *     JSON policy elements: Condition operators (IP address)</a>
 */
public final class IpRange {
  private final boolean v6;
  private final long high;
  private final long low;
  private final int prefix;

  private IpRange(boolean v6, long high, long low, int prefix) {
    this.v6 = v6;
    this.prefix = prefix;
    long[] masked = mask(v6, high, low, prefix);
    this.high = masked[0];
    this.low = masked[1];
  }

  /**
   * Parses a CIDR block or a bare address; returns {@code null} when the text is neither (the
   * evaluator then treats the comparison as false rather than throwing).
   */
  public static @Nullable IpRange parse(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    long[] parsed = new long[2];
    boolean v6;
    if (parseV4(address, 0, address.length(), parsed)) {
      v6 = false;
    } else if (parseV6(address, parsed)) {
      v6 = true;
    } else {
      return null;
    }
    int max = v6 ? 128 : 32;
    int prefix = max;
    if (slash >= 0) {
      String digits = text.substring(slash + 1);
      if (digits.isEmpty() || digits.length() > 3) {
        return null;
      }
      prefix = 0;
      for (int i = 0; i < digits.length(); i++) {
        char c = digits.charAt(i);
        if (c < '0' || c > '9') {
          return null;
        }
        prefix = prefix * 10 + (c - '0');
      }
      if (prefix > max) {
        return null;
      }
    }
    return new IpRange(v6, parsed[0], parsed[1], prefix);
  }

  /** Returns whether {@code address}, a bare IPv4 or IPv6 address, lies in this range. */
  public boolean contains(String address) {
    long[] parsed = new long[2];
    boolean isV6;
    if (parseV4(address, 0, address.length(), parsed)) {
      isV6 = false;
    } else if (parseV6(address, parsed)) {
      isV6 = true;
    } else {
      return false;
    }
    if (isV6 != v6) {
      return false;
    }
    long[] masked = mask(v6, parsed[0], parsed[1], prefix);
    return masked[0] == high && masked[1] == low;
  }

  private static long[] mask(boolean v6, long high, long low, int prefix) {
    if (!v6) {
      long m = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
      return new long[] {0, low & m};
    }
    long highMask = prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
    long lowMask = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
    return new long[] {high & highMask, low & lowMask};
  }

  /** Parses dotted-quad {@code text[from, to)} into {@code out[1]}; four decimal octets 0-255. */
  private static boolean parseV4(String text, int from, int to, long[] out) {
    long value = 0;
    int octets = 0;
    int i = from;
    while (octets < 4) {
      int start = i;
      int octet = 0;
      while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - start < 3) {
        octet = octet * 10 + (text.charAt(i) - '0');
        i++;
      }
      if (i == start || octet > 255) {
        return false;
      }
      value = (value << 8) | octet;
      octets++;
      if (octets < 4) {
        if (i >= to || text.charAt(i) != '.') {
          return false;
        }
        i++;
      }
    }
    if (i != to) {
      return false;
    }
    out[0] = 0;
    out[1] = value;
    return true;
  }

  /** Parses an IPv6 address with optional {@code ::} and trailing dotted quad into out[0..1]. */
  private static boolean parseV6(String text, long[] out) {
    int length = text.length();
    if (length < 2) {
      return false;
    }
    int[] groups = new int[8];
    int count = 0;
    int gap = -1;
    int i = 0;
    if (text.startsWith("::")) {
      gap = 0;
      i = 2;
      if (i == length) {
        out[0] = 0;
        out[1] = 0;
        return true;
      }
    } else if (text.charAt(0) == ':') {
      return false;
    }
    while (i < length) {
      if (count == 8) {
        return false;
      }
      int start = i;
      int value = 0;
      while (i < length && Character.digit(text.charAt(i), 16) >= 0 && i - start < 4) {
        value = (value << 4) | Character.digit(text.charAt(i), 16);
        i++;
      }
      if (i < length && text.charAt(i) == '.') {
        // A trailing IPv4 part (::ffff:192.0.2.1) fills the last two groups.
        long[] v4 = new long[2];
        if (count > 6 || !parseV4(text, start, length, v4)) {
          return false;
        }
        groups[count++] = (int) (v4[1] >>> 16);
        groups[count++] = (int) (v4[1] & 0xFFFF);
        i = length;
        break;
      }
      if (i == start) {
        return false;
      }
      groups[count++] = value;
      if (i == length) {
        break;
      }
      if (text.charAt(i) != ':') {
        return false;
      }
      i++;
      if (i < length && text.charAt(i) == ':') {
        if (gap >= 0) {
          return false;
        }
        gap = count;
        i++;
        if (i == length) {
          break;
        }
      } else if (i == length) {
        return false;
      }
    }
    int[] full = new int[8];
    if (gap >= 0) {
      if (count > 7) {
        return false;
      }
      int tail = count - gap;
      System.arraycopy(groups, 0, full, 0, gap);
      System.arraycopy(groups, gap, full, 8 - tail, tail);
    } else {
      if (count != 8) {
        return false;
      }
      full = groups;
    }
    long high = 0;
    long low = 0;
    for (int g = 0; g < 4; g++) {
      high = (high << 16) | full[g];
      low = (low << 16) | full[g + 4];
    }
    out[0] = high;
    out[1] = low;
    return true;
  }

  @Override
  public String toString() {
    return (v6 ? Long.toHexString(high) + ":" + Long.toHexString(low) : Long.toString(low))
        + "/"
        + prefix;
  }
}
