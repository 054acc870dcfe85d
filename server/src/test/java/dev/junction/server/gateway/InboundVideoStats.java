package dev.junction.server.gateway;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import java.util.Map;
import java.util.Optional;

/**
 * What libwebrtc's getStats says about the received video: the W3C {@code inbound-rtp} entry of
 * kind video and the {@code codec} entry it points to. Counters libwebrtc has not reported yet
 * (for example {@code frameWidth} before the first decoded frame) are 0.
 *
 * @param codec the negotiated codec's MIME type, e.g. {@code video/H264}; empty if unknown
 * @param packetsReceived RTP packets received
 * @param packetsLost packets lost as RTCP counts them (negative when duplicates arrived)
 * @param nackCount NACKs this receiver sent
 * @param pliCount picture loss indications this receiver sent
 * @param framesDecoded frames the decoder produced
 * @param keyFramesDecoded of which key frames
 * @param frameWidth width of the last decoded frame
 * @param frameHeight height of the last decoded frame
 */
record InboundVideoStats(String codec, long packetsReceived, long packetsLost, long nackCount, long pliCount,
    long framesDecoded, long keyFramesDecoded, long frameWidth, long frameHeight) {

  /** The first inbound video stream of {@code report}; empty before its first packet arrived. */
  static Optional<InboundVideoStats> from(RTCStatsReport report) {
    Map<String, RTCStats> all = report.getStats();
    return all.values().stream()
        .filter(stats -> stats.getType() == RTCStatsType.INBOUND_RTP && "video".equals(stats.getAttributes().get("kind")))
        .findFirst()
        .map(inbound -> {
          Map<String, Object> a = inbound.getAttributes();
          RTCStats codec = all.get(String.valueOf(a.get("codecId")));
          return new InboundVideoStats(
              codec == null ? "" : String.valueOf(codec.getAttributes().getOrDefault("mimeType", "")),
              number(a, "packetsReceived"), number(a, "packetsLost"), number(a, "nackCount"), number(a, "pliCount"),
              number(a, "framesDecoded"), number(a, "keyFramesDecoded"), number(a, "frameWidth"), number(a, "frameHeight"));
        });
  }

  private static long number(Map<String, Object> attributes, String name) {
    return attributes.get(name) instanceof Number n ? n.longValue() : 0;
  }
}
