package dev.policysmith.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * CIDR parsing for IpAddress/NotIpAddress:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
 */
class IpRangeTest {
  @Test
  void parse_bareIpv4_isSlash32() {
    IpRange range = IpRange.parse("192.0.2.1");
    assertThat(range.contains("192.0.2.1")).isTrue();
    assertThat(range.contains("192.0.2.2")).isFalse();
  }

  @Test
  void parse_hostBitsIgnored() {
    assertThat(IpRange.parse("203.0.113.77/24").contains("203.0.113.1")).isTrue();
  }

  @Test
  void parse_slashZero_containsEveryIpv4() {
    assertThat(IpRange.parse("0.0.0.0/0").contains("255.255.255.255")).isTrue();
    assertThat(IpRange.parse("0.0.0.0/0").contains("::1")).isFalse();
  }

  @Test
  void parse_ipv6FormsAgree() {
    IpRange range = IpRange.parse("2001:db8::/32");
    assertThat(range.contains("2001:0DB8:0000:0000:0000:0000:0000:0001")).isTrue();
    assertThat(range.contains("2001:db9::1")).isFalse();
    assertThat(IpRange.parse("::ffff:192.0.2.1").contains("::ffff:c000:201")).isTrue();
    assertThat(IpRange.parse("::1").contains("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(IpRange.parse("::").contains("::")).isTrue();
  }

  @Test
  void parse_malformed_null() {
    assertThat(IpRange.parse("256.0.0.1")).isNull();
    assertThat(IpRange.parse("1.2.3.4/33")).isNull();
    assertThat(IpRange.parse("1.2.3")).isNull();
    assertThat(IpRange.parse("example.com")).isNull();
    assertThat(IpRange.parse("1::2::3")).isNull();
    assertThat(IpRange.parse("2001:db8::/129")).isNull();
    assertThat(IpRange.parse("")).isNull();
  }
}
