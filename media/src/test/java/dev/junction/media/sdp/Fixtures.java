package dev.junction.media.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The captured SDP under {@code src/test/resources/sdp/} (see the README there). */
final class Fixtures {

  /** Our generated offer (RTX, IPv4 + IPv6 host candidates) that Chromium 156 answered. */
  static final String GATEWAY_OFFER_RTX = "gateway-offer-h264-rtx.sdp";
  /** Chromium 156's answer to it, right after setLocalDescription: no candidates. */
  static final String CHROMIUM_ANSWER_RTX = "chromium-156-answer-h264-rtx.sdp";
  /** The same answer's localDescription after host candidates were gathered. */
  static final String CHROMIUM_ANSWER_RTX_GATHERED = "chromium-156-answer-h264-rtx-gathered.sdp";
  /** Our generated offer without RTX. */
  static final String GATEWAY_OFFER = "gateway-offer-h264.sdp";
  /** Chromium 156's answer to it. */
  static final String CHROMIUM_ANSWER = "chromium-156-answer-h264.sdp";
  /** Our generated offer with Constrained High 640c1f. */
  static final String GATEWAY_OFFER_HIGH = "gateway-offer-h264-high.sdp";
  /** Chromium 156 rejects it: port 0, format 0 (this build does not receive Constrained High). */
  static final String CHROMIUM_ANSWER_HIGH_REJECTED = "chromium-156-answer-h264-high-rejected.sdp";
  /** Chromium 156's own offer: audio and video tracks (canvas, oscillator) and a data channel. */
  static final String CHROMIUM_OFFER = "chromium-156-offer-audio-video-data.sdp";

  /** libwebrtc m138's (webrtc-java 0.14.0) answer to {@link #GATEWAY_OFFER_RTX}. */
  static final String LIBWEBRTC_ANSWER_RTX = "libwebrtc-m138-answer-h264-rtx.sdp";
  /** The same answer after gathering: UDP and passive TCP host candidates. */
  static final String LIBWEBRTC_ANSWER_RTX_GATHERED = "libwebrtc-m138-answer-h264-rtx-gathered.sdp";
  /** libwebrtc's trickled candidate strings of that session, one per line. */
  static final String LIBWEBRTC_TRICKLED = "libwebrtc-m138-trickled-candidates.txt";

  /** Our offer with one host candidate on 127.0.0.1:38189, answered by Chromium and checked against IceDemux. */
  static final String GATEWAY_OFFER_LOOPBACK = "gateway-offer-loopback.sdp";
  /** Chromium 156's answer to it, from the session whose datagrams are in chromium-156-ice-datagrams.txt. */
  static final String CHROMIUM_ANSWER_LOOPBACK = "chromium-156-answer-loopback.sdp";
  /** Our offer with one host candidate on 127.0.0.1:38190, answered by libwebrtc. */
  static final String GATEWAY_OFFER_LOOPBACK_LIBWEBRTC = "gateway-offer-loopback-libwebrtc.sdp";
  /** libwebrtc m138's answer to it, from the session of libwebrtc-m138-ice-datagrams.txt. */
  static final String LIBWEBRTC_ANSWER_LOOPBACK = "libwebrtc-m138-answer-loopback.sdp";

  static final List<String> ALL = List.of(GATEWAY_OFFER_LOOPBACK, CHROMIUM_ANSWER_LOOPBACK,
      GATEWAY_OFFER_LOOPBACK_LIBWEBRTC, LIBWEBRTC_ANSWER_LOOPBACK, GATEWAY_OFFER_RTX, CHROMIUM_ANSWER_RTX, CHROMIUM_ANSWER_RTX_GATHERED,
      GATEWAY_OFFER, CHROMIUM_ANSWER, GATEWAY_OFFER_HIGH, CHROMIUM_ANSWER_HIGH_REJECTED, CHROMIUM_OFFER,
      LIBWEBRTC_ANSWER_RTX, LIBWEBRTC_ANSWER_RTX_GATHERED);

  private Fixtures() {}

  /** The file's text exactly as stored (CRLF, as the browser produced it). */
  static String text(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/sdp/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SessionDescription parse(String name) {
    try {
      return SessionDescription.parse(text(name));
    } catch (SdpParseException e) {
      throw new AssertionError(name + " does not parse: " + e.getMessage(), e);
    }
  }

  /** The fixture with one line replaced: {@code from} must occur exactly once. */
  static SessionDescription parseWith(String name, String from, String to) throws SdpParseException {
    String text = text(name);
    int at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) {
      throw new IllegalArgumentException("'" + from + "' must occur exactly once in " + name);
    }
    return SessionDescription.parse(text.replace(from, to));
  }
}
