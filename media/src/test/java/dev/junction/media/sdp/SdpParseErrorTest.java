package dev.junction.media.sdp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed descriptions: each is refused with an {@link SdpParseException} naming line and rule. */
class SdpParseErrorTest {

  private static final String HEAD = "v=0\no=- 1 2 IN IP4 127.0.0.1\ns=-\nt=0 0\n";
  private static final String VIDEO = "m=video 9 UDP/TLS/RTP/SAVPF 96\n";

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
      "''                                          | empty SDP",
      "o=- 1 2 IN IP4 127.0.0.1\\ns=-\\nt=0 0\\n | line 1: a session description starts v=, o=, s=; v=0 first",
      "v=1\\no=- 1 2 IN IP4 127.0.0.1\\ns=-\\nt=0 0\\n | line 1: v= must be 0 (RFC 8866 §5.1)",
      "v=0\\ns=-\\no=- 1 2 IN IP4 127.0.0.1\\nt=0 0\\n | line 2: a session description starts v=, o=, s=; o= second",
      "v=0\\no=- 1 2 IN IP4\\ns=-\\nt=0 0\\n       | line 2: o= needs 6 fields",
      "v=0\\no=- x 2 IN IP4 127.0.0.1\\ns=-\\nt=0 0\\n | line 2: o= sess-id 'x' is not a decimal number",
      "v=0\\no=- 1 2 IN IP4 127.0.0.1\\ns=-\\n     | the session level needs a t= line (RFC 8866 §5.9",
      "HEAD x=unknown\\n                             | line 5: 'x=unknown' is unknown type letter 'x': a parser must refuse",
      "HEAD not a line\\n                            | line 5: 'not a line' is not <type>=<value> (RFC 8866 §5)",
      "HEAD A=b\\n                                   | line 5: 'A=b' is not <type>=<value>",
      "HEAD \\na=x\\n                               | line 5: empty line",
      "HEAD a=x\\ry\\n                              | line 5: a bare CR inside a line",
      "HEAD a=x\\0y\\n                              | line 5: NUL inside a line",
      "HEAD o=- 1 2 IN IP4 127.0.0.1\\n              | line 5: a o= line is not allowed here at the session level",
      "HEAD m=video 9 UDP/TLS/RTP/SAVPF\\n           | line 5: m= needs '<media> <port> <proto> <fmt> ...', got 3 fields",
      "HEAD m=video 70000 UDP/TLS/RTP/SAVPF 96\\n    | line 5: m= port 70000 exceeds 65535",
      "HEAD m=video 9/x UDP/TLS/RTP/SAVPF 96\\n      | line 5: m= number of ports 'x' is not a decimal number",
      "HEAD m=video 9 UDP//SAVPF 96\\n               | line 5: m= proto 'UDP//SAVPF' is not token",
      "HEAD VIDEO t=0 0\\n                           | line 6: a t= line is not allowed in a media section",
      "HEAD VIDEO a=rtpmap:128 H264/90000\\n         | line 6: a=rtpmap payload type 128 exceeds 127 (RFC 3550 §5.1",
      "HEAD VIDEO a=rtpmap:96 H264\\n                | line 6: a=rtpmap 'H264' is not <encoding name>/<clock rate>",
      "HEAD VIDEO a=rtpmap:96 H264/0\\n              | line 6: a=rtpmap clock rate must be positive",
      "HEAD VIDEO a=fmtp:96\\n                       | line 6: a=fmtp needs '<format> <format specific parameters>'",
      "HEAD VIDEO a=rtcp-fb:96\\n                    | line 6: a=rtcp-fb needs '<payload type> <feedback type>'",
      "HEAD VIDEO a=extmap:0 urn:x\\n                | line 6: a=extmap value 0 must be 1-255 or 4096-4351 (RFC 8285 §5)",
      "HEAD VIDEO a=extmap:1/both urn:x\\n           | line 6: a=extmap direction 'both'",
      "HEAD VIDEO a=ssrc:4294967296 cname:x\\n       | line 6: a=ssrc ssrc-id 4294967296 exceeds 4294967295",
      "HEAD VIDEO a=ssrc:1\\n                        | line 6: a=ssrc needs '<ssrc-id> <attribute>[:<value>]'",
      "HEAD VIDEO a=ssrc-group:FID x\\n              | line 6: a=ssrc-group ssrc-id 'x' is not a decimal number",
      "HEAD VIDEO a=msid:a b c\\n                    | line 6: a=msid needs '<msid-id> [<msid-appdata>]'",
      "HEAD VIDEO a=candidate:1 1 udp 1 h 1 typ x\\n | line 6: a=candidate type 'x' is not host, srflx, prflx or relay",
      "HEAD VIDEO a=candidate\\n                     | line 6: a=candidate needs a value (RFC 8839 §5.1)",
      "HEAD VIDEO a=ice-ufrag:abc\\n                 | line 6: a=ice-ufrag 'abc' must be 4-256 ice-chars (RFC 8839 §5.4)",
      "HEAD VIDEO a=ice-pwd:tooShortSecret\\n        | line 6: a=ice-pwd must be 22-256 ice-chars, got 14 characters",
      "HEAD VIDEO a=ice-options:trickle bad!\\n      | line 6: a=ice-options tag 'bad!' must be ice-chars",
      "HEAD VIDEO a=fingerprint:sha-256 AB:CD\\n     | line 6: a=fingerprint sha-256 must be 32 bytes, got 2 (RFC 8122 §5)",
      "HEAD VIDEO a=fingerprint:sha-256 ABCD\\n      | line 6: a=fingerprint 'ABCD' is not 2HEX",
      "HEAD VIDEO a=fingerprint:sha-256 AB:XY\\n     | line 6: a=fingerprint 'AB:XY' is not 2HEX",
      "HEAD VIDEO a=fingerprint:sha-256\\n           | line 6: a=fingerprint needs 'hash-func fingerprint'",
      "HEAD VIDEO a=setup:server\\n                  | line 6: a=setup 'server' is not active, passive, actpass or holdconn",
      "HEAD VIDEO a=sendonly\\na=recvonly\\n         | line 7: a direction attribute (sendrecv, sendonly, recvonly, inactive) appears twice",
      "HEAD VIDEO a=sendonly:yes\\n                  | line 6: a=sendonly is a property attribute and takes no value",
      "HEAD VIDEO a=rtcp-mux:1\\n                    | line 6: a=rtcp-mux is a property attribute",
      "HEAD VIDEO a=mid:0\\na=mid:1\\n               | line 7: a=mid appears twice at one level (RFC 5888 §4)",
      "HEAD VIDEO a=mid:a b\\n                       | line 6: a=mid 'a b' is not a token",
      "HEAD VIDEO a=ice-ufrag:abcd\\na=ice-ufrag:efgh\\n | line 7: a=ice-ufrag appears twice",
      "HEAD VIDEO a=setup:active\\na=setup:active\\n | line 7: a=setup appears twice",
      "HEAD a=group:BUNDLE a/b\\n                    | line 5: a=group identification-tag 'a/b' is not a token",
      "HEAD VIDEO a=fmtp:x a=b\\n                    | line 6: a=fmtp format 'x' is not a decimal number",
  })
  void refused(String text, String message) {
    String sdp = text.replace("HEAD ", HEAD).replace("VIDEO ", VIDEO).replace("\\n", "\n").replace("\\r", "\r")
        .replace("\\0", "\0");

    assertThatThrownBy(() -> SessionDescription.parse(sdp))
        .isInstanceOf(SdpParseException.class)
        .hasMessageContaining(message.strip());
  }

  @org.junit.jupiter.api.Test
  void tooLong() {
    String sdp = HEAD + "a=x:" + "y".repeat(SdpParser.MAX_LENGTH) + "\n";

    assertThatThrownBy(() -> SessionDescription.parse(sdp)).isInstanceOf(SdpParseException.class)
        .hasMessageContaining("exceeds the limit of 262144");
  }

  @org.junit.jupiter.api.Test
  void passwordsAreNeverEchoed() {
    String sdp = HEAD + VIDEO + "a=ice-pwd:secret!secret!secret!secret\n";

    assertThatThrownBy(() -> SessionDescription.parse(sdp)).message().doesNotContain("secret");
  }
}
