package dev.junction.bench.gateway;

import dev.junction.media.ice.IceCredentials;
import dev.junction.media.sdp.Direction;
import dev.junction.media.sdp.Fmtp;
import dev.junction.media.sdp.Group;
import dev.junction.media.sdp.MediaDescription;
import dev.junction.media.sdp.MediaLine;
import dev.junction.media.sdp.Origin;
import dev.junction.media.sdp.RtcpFb;
import dev.junction.media.sdp.RtpMap;
import dev.junction.media.sdp.SdpLine;
import dev.junction.media.sdp.SdpParseException;
import dev.junction.media.sdp.SessionDescription;
import dev.junction.media.sdp.Setup;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The answer a browser gives the gateway's offer, with a viewer's own ICE credentials and DTLS
 * fingerprint: recvonly H.264 (the offer's payload type and profile), NACK and PLI feedback, RTX
 * when offered, rtcp-mux, and {@code setup:active} so that the viewer is the DTLS client, as
 * Chromium answers an {@code actpass} offer. No candidates: an ICE-lite server learns the viewer's
 * address from its checks.
 */
final class ViewerAnswer {

  private ViewerAnswer() {}

  static String write(GatewayOffer offer, IceCredentials viewer, String viewerFingerprint) {
    int pt = offer.h264PayloadType();
    List<String> formats = new ArrayList<>(List.of(Integer.toString(pt)));
    offer.rtxPayloadType().ifPresent(rtx -> formats.add(Integer.toString(rtx)));

    List<SdpLine> video = new ArrayList<>();
    video.add(new MediaLine("video", 9, OptionalInt.empty(), "UDP/TLS/RTP/SAVPF", formats).toLine());
    video.add(new SdpLine('c', "IN IP4 0.0.0.0"));
    video.add(SdpLine.attribute("ice-ufrag", viewer.ufrag()));
    video.add(SdpLine.attribute("ice-pwd", viewer.pwd()));
    video.add(SdpLine.attribute("fingerprint", "sha-256 " + viewerFingerprint));
    video.add(Setup.ACTIVE.toLine());
    video.add(SdpLine.attribute("mid", "0"));
    video.add(Direction.RECVONLY.toLine());
    video.add(SdpLine.attribute("rtcp-mux"));
    video.add(RtpMap.of(pt, "H264", 90_000).toLine());
    video.add(RtcpFb.of(pt, "nack").toLine());
    video.add(RtcpFb.of(pt, "nack", "pli").toLine());
    video.add(new Fmtp(pt, "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id="
        + offer.profileLevelId()).toLine());
    offer.rtxPayloadType().ifPresent(rtx -> {
      video.add(RtpMap.of(rtx, "rtx", 90_000).toLine());
      video.add(new Fmtp(rtx, "apt=" + pt).toLine());
    });
    List<SdpLine> session = List.of(
        new SdpLine('v', "0"),
        Origin.jsep(1, 2).toLine(),
        new SdpLine('s', "-"),
        new SdpLine('t', "0 0"),
        new Group(Group.BUNDLE, List.of("0")).toLine());
    try {
      return SessionDescription.of(session, List.of(MediaDescription.of(video))).toString();
    } catch (SdpParseException e) {
      throw new IllegalStateException("the answer writer wrote invalid SDP: " + e.getMessage(), e);
    }
  }
}
