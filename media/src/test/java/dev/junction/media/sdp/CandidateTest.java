package dev.junction.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/**
 * Candidate lines in the shapes browsers write them. The Chromium host line is from a capture;
 * the others follow Chromium's and Firefox's formats with documentation addresses.
 */
class CandidateTest {

  @Test
  void mdnsHostCandidateIsANameAndNeverResolved() throws Exception {
    // Chromium's trickled form when it hides the host address (draft-ietf-mmusic-mdns-ice-candidates).
    Candidate c = Candidate.parse("candidate:3161384520 1 udp 2113937151 3c1e4f2a-8d1b-4b5e-9a7c-2f6d8e0b1a3c.local"
        + " 54912 typ host generation 0 ufrag VDsU network-cost 999");

    assertThat(c.isMdns()).isTrue();
    assertThat(c.address()).isEqualTo("3c1e4f2a-8d1b-4b5e-9a7c-2f6d8e0b1a3c.local");
    assertThat(c.socketAddress()).isEmpty();
    assertThat(c.ufrag()).contains("VDsU");
    assertThat(c.extensions()).containsExactly(new Candidate.Extension("network-cost", "999"));
    assertThat(c.toString()).isEqualTo("candidate:3161384520 1 udp 2113937151 3c1e4f2a-8d1b-4b5e-9a7c-2f6d8e0b1a3c.local"
        + " 54912 typ host generation 0 ufrag VDsU network-cost 999");
  }

  @Test
  void firefoxServerReflexiveWithRelatedAddress() throws Exception {
    Candidate c = Candidate.parse("a=candidate:1 1 UDP 1686052863 198.51.100.9 61234 typ srflx raddr 10.0.0.5 rport 61234");

    assertThat(c.transport()).isEqualTo("UDP");
    assertThat(c.isUdp()).isTrue();
    assertThat(c.type()).isEqualTo(Candidate.Type.SRFLX);
    assertThat(c.relatedAddress()).contains("10.0.0.5");
    assertThat(c.relatedPort()).hasValue(61234);
    assertThat(c.value()).isEqualTo("1 1 UDP 1686052863 198.51.100.9 61234 typ srflx raddr 10.0.0.5 rport 61234");
  }

  @Test
  void tcpCandidateWithTcptype() throws Exception {
    Candidate c = Candidate.parse("candidate:842163049 1 tcp 1518280447 192.0.2.4 9 typ host tcptype active generation 0");

    assertThat(c.isUdp()).isFalse();
    assertThat(c.tcpType()).contains("active");
    assertThat(c.port()).isEqualTo(9);
  }

  @Test
  void relayCandidate() throws Exception {
    Candidate c = Candidate.parse("candidate:5 1 udp 41885439 203.0.113.50 50000 typ relay raddr 198.51.100.9 rport 61234");

    assertThat(c.type()).isEqualTo(Candidate.Type.RELAY);
  }

  @Test
  void hostPriorityFollowsRfc8445Formula() throws Exception {
    // (2^24)*126 + (2^8)*65535 + (256 - 1)
    assertThat(Candidate.priority(Candidate.Type.HOST, 65_535, 1)).isEqualTo(2_130_706_431L);
    assertThat(Candidate.priority(Candidate.Type.RELAY, 0, 1)).isEqualTo(255L);

    Candidate host = Candidate.host("1", InetAddress.getByName("2001:db8::7"), 8189, 65_534);
    assertThat(host.toString()).isEqualTo("candidate:1 1 udp 2130706175 2001:db8::7 8189 typ host");
  }

  @Test
  void malformedCandidatesNameTheRule() {
    assertThatThrownBy(() -> Candidate.parse("candidate:1 1 udp 1 192.0.2.1 1 host"))
        .isInstanceOf(SdpParseException.class).hasMessageContaining("at least 8 fields").hasMessageContaining("RFC 8839");
    assertThatThrownBy(() -> Candidate.parse("candidate:1 1 udp 1 192.0.2.1 1 type host"))
        .hasMessageContaining("field 7 must be 'typ'");
    assertThatThrownBy(() -> Candidate.parse("candidate:1 1 udp 1 192.0.2.1 1 typ local"))
        .hasMessageContaining("not host, srflx, prflx or relay");
    assertThatThrownBy(() -> Candidate.parse("candidate:1 0 udp 1 192.0.2.1 1 typ host"))
        .hasMessageContaining("component-id must be 1-256");
    assertThatThrownBy(() -> Candidate.parse("candidate:1 1 udp 0 192.0.2.1 1 typ host"))
        .hasMessageContaining("priority must be positive");
    assertThatThrownBy(() -> Candidate.parse("candidate:1 1 udp 4294967296 192.0.2.1 1 typ host"))
        .hasMessageContaining("priority 4294967296 exceeds 4294967295");
    assertThatThrownBy(() -> Candidate.parse("candidate:1 1 udp 1 192.0.2.1 65536 typ host"))
        .hasMessageContaining("port 65536 exceeds 65535");
    assertThatThrownBy(() -> Candidate.parse("candidate:1 1 udp 1 192.0.2.1 1 typ host generation"))
        .hasMessageContaining("extension 'generation' has no value");
    assertThatThrownBy(() -> Candidate.parse("candidate:f*o 1 udp 1 192.0.2.1 1 typ host"))
        .hasMessageContaining("foundation 'f*o' must be 1-32 ice-chars");
    assertThatThrownBy(() -> Candidate.parse("candidate:1 1 tcp 1 192.0.2.1 1 typ host tcptype both"))
        .hasMessageContaining("RFC 6544");
    assertThatThrownBy(() -> Candidate.parse("1 1 udp 1 192.0.2.1 1 typ host"))
        .hasMessageContaining("starts with 'candidate:'");
  }
}
