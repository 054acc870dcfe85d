package dev.junction.bench;

/**
 * Payloads shaped like what a browser really sends through a signaling server: an audio+video
 * offer and answer as Chromium writes them (bundle, rtcp-mux, the usual codec list, header
 * extensions, simulcast-free SSRCs) and RTCIceCandidate JSON objects. Addresses are from the
 * documentation ranges; nothing here is ever contacted, the relay never reads inside.
 */
final class SdpSamples {

  private SdpSamples() {}

  private static final String AUDIO_CODECS =
      "a=rtpmap:111 opus/48000/2\n"
          + "a=rtcp-fb:111 transport-cc\n"
          + "a=fmtp:111 minptime=10;useinbandfec=1\n"
          + "a=rtpmap:63 red/48000/2\n"
          + "a=fmtp:63 111/111\n"
          + "a=rtpmap:9 G722/8000\n"
          + "a=rtpmap:0 PCMU/8000\n"
          + "a=rtpmap:8 PCMA/8000\n"
          + "a=rtpmap:13 CN/8000\n"
          + "a=rtpmap:110 telephone-event/48000\n"
          + "a=rtpmap:126 telephone-event/8000\n";

  private static String videoCodecs(boolean offer) {
    StringBuilder b = new StringBuilder();
    int[][] pts = offer
        ? new int[][] {{96, 97}, {98, 99}, {100, 101}, {102, 103}, {104, 105}, {106, 107}, {108, 109}, {127, 125}, {45, 46}}
        : new int[][] {{96, 97}, {98, 99}, {100, 101}, {102, 103}, {104, 105}, {106, 107}, {45, 46}};
    String[] names = {"VP8/90000", "VP9/90000", "VP9/90000", "H264/90000", "H264/90000", "H264/90000", "H264/90000", "H264/90000", "AV1/90000"};
    String[] fmtp = {
      null,
      "profile-id=0",
      "profile-id=2",
      "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f",
      "level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42001f",
      "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
      "level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=42e01f",
      "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=4d001f",
      "level-idx=5;profile=0;tier=0"
    };
    for (int i = 0; i < pts.length; i++) {
      int k = offer ? i : (i == pts.length - 1 ? 8 : i);
      int pt = pts[i][0];
      int rtx = pts[i][1];
      b.append("a=rtpmap:").append(pt).append(' ').append(names[k]).append('\n');
      for (String fb : new String[] {"goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"}) {
        b.append("a=rtcp-fb:").append(pt).append(' ').append(fb).append('\n');
      }
      if (fmtp[k] != null) b.append("a=fmtp:").append(pt).append(' ').append(fmtp[k]).append('\n');
      b.append("a=rtpmap:").append(rtx).append(" rtx/90000\n");
      b.append("a=fmtp:").append(rtx).append(" apt=").append(pt).append('\n');
    }
    return b.toString();
  }

  private static String session(boolean offer) {
    String ufrag = offer ? "EsAw" : "k7Qp";
    String pwd = offer ? "P+sw1Rr0jSVRGY3JEqA0wB2S" : "t3mDN8GqZbyHCkdVsS5yQ3Ux";
    String fp = offer
        ? "4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB:70:2A:FD:A8:6B:DB:5D:3F:86:22:C0:4B"
        : "1F:0C:8E:3D:92:47:AA:6E:10:BB:C4:57:E9:03:71:2D:6F:88:19:A4:5B:C2:0E:97:33:F1:68:DE:04:7A:B9:25";
    String setup = offer ? "actpass" : "active";
    String stream = offer ? "3c1f0d6e-9f8a-4b5a-8d2e-6b7f4c1a2e90" : "a81b2c3d-4e5f-4061-8273-9a8b7c6d5e4f";
    String common =
        "a=ice-ufrag:" + ufrag + "\n"
            + "a=ice-pwd:" + pwd + "\n"
            + "a=ice-options:trickle\n"
            + "a=fingerprint:sha-256 " + fp + "\n"
            + "a=setup:" + setup + "\n";
    String videoPts = offer ? "96 97 98 99 100 101 102 103 104 105 106 107 108 109 127 125 45 46" : "96 97 98 99 100 101 102 103 104 105 106 107 45 46";
    return "v=0\n"
        + "o=- " + (offer ? "4611731400430051336" : "7093402850128813112") + " 2 IN IP4 127.0.0.1\n"
        + "s=-\n"
        + "t=0 0\n"
        + "a=group:BUNDLE 0 1\n"
        + "a=extmap-allow-mixed\n"
        + "a=msid-semantic: WMS " + stream + "\n"
        + "m=audio 9 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126\n"
        + "c=IN IP4 0.0.0.0\n"
        + "a=rtcp:9 IN IP4 0.0.0.0\n"
        + common
        + "a=mid:0\n"
        + "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\n"
        + "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\n"
        + "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01\n"
        + "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\n"
        + "a=sendrecv\n"
        + "a=msid:" + stream + " 1d0e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6\n"
        + "a=rtcp-mux\n"
        + "a=rtcp-rsize\n"
        + AUDIO_CODECS
        + "a=ssrc:" + (offer ? "2436101851" : "3318842208") + " cname:" + (offer ? "b2bXcR9fqRvl7nVv" : "Jq5qk2LJfWz0RhkT") + "\n"
        + "m=video 9 UDP/TLS/RTP/SAVPF " + videoPts + "\n"
        + "c=IN IP4 0.0.0.0\n"
        + "a=rtcp:9 IN IP4 0.0.0.0\n"
        + common
        + "a=mid:1\n"
        + "a=extmap:14 urn:ietf:params:rtp-hdrext:toffset\n"
        + "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\n"
        + "a=extmap:13 urn:3gpp:video-orientation\n"
        + "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01\n"
        + "a=extmap:5 http://www.webrtc.org/experiments/rtp-hdrext/playout-delay\n"
        + "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\n"
        + "a=sendrecv\n"
        + "a=msid:" + stream + " 6e7f8091-a2b3-44c5-96d7-e8f90a1b2c3d\n"
        + "a=rtcp-mux\n"
        + "a=rtcp-rsize\n"
        + videoCodecs(offer)
        + "a=ssrc-group:FID " + (offer ? "1750327426 2910583327" : "905163812 3817264590") + "\n";
  }

  /** The SDP text of a browser offer with one audio and one video section (~4 KiB as SDP). */
  static String offerSdp() {
    return session(true).replace("\n", "\r\n");
  }

  /** The SDP text of the matching answer (fewer video codecs, like a real answer). */
  static String answerSdp() {
    return session(false).replace("\n", "\r\n");
  }

  private static final String[] CANDIDATES = {
    "candidate:1467250027 1 udp 2122260223 192.0.2.23 54400 typ host generation 0 ufrag EsAw network-id 1",
    "candidate:3a4f0c7e-2b11-4e0c-9a4e-1d2c3b4a5f60.local 1 udp 2122194687 3a4f0c7e.local 60721 typ host generation 0",
    "candidate:842163049 1 udp 1686052607 203.0.113.7 54400 typ srflx raddr 192.0.2.23 rport 54400 generation 0",
    "candidate:2193574231 1 tcp 1518280447 192.0.2.23 9 typ host tcptype active generation 0 ufrag EsAw",
    "candidate:1019216383 1 udp 41885439 198.51.100.4 63512 typ relay raddr 203.0.113.7 rport 54400 generation 0",
    "candidate:3138476310 1 udp 2122129151 [2001:db8::1f] 56012 typ host generation 0 ufrag EsAw network-id 2",
    "candidate:4233069003 1 udp 1685987071 203.0.113.7 61002 typ srflx raddr 192.0.2.23 rport 61002 generation 0",
    "candidate:1290532151 1 tcp 1518214911 [2001:db8::1f] 9 typ host tcptype active generation 0 ufrag EsAw",
  };

  /** Number of distinct candidates, one per {@link #candidateJson} index. */
  static int candidateCount() {
    return CANDIDATES.length;
  }

  /** An RTCIceCandidate.toJSON() object as JSON text. */
  static String candidateJson(int i) {
    return "{\"candidate\":\"" + CANDIDATES[i % CANDIDATES.length] + "\",\"sdpMid\":\"" + (i % 2)
        + "\",\"sdpMLineIndex\":" + (i % 2) + ",\"usernameFragment\":\"EsAw\"}";
  }

  /** Escapes a string for a JSON string literal (the SDP holds CR LF and nothing else special). */
  static String jsonString(String s) {
    StringBuilder b = new StringBuilder(s.length() + s.length() / 16 + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\r' -> b.append("\\r");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
          else b.append(c);
        }
      }
    }
    return b.append('"').toString();
  }
}
