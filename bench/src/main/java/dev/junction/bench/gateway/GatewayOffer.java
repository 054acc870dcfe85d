package dev.junction.bench.gateway;

import dev.junction.media.ice.IceCredentials;
import dev.junction.media.sdp.Attributes;
import dev.junction.media.sdp.Candidate;
import dev.junction.media.sdp.Fingerprint;
import dev.junction.media.sdp.RtpMap;
import dev.junction.media.sdp.SdpParseException;
import dev.junction.media.sdp.SessionDescription;
import dev.junction.media.sdp.SsrcGroup;
import java.net.InetSocketAddress;
import java.util.OptionalInt;

/**
 * What a viewer needs from the gateway's offer: where to send checks, the ICE credentials to sign
 * them with, the DTLS fingerprint to expect, and the payload types and SSRCs of the video and its
 * RTX stream (RFC 4588, {@code a=ssrc-group:FID media rtx}).
 *
 * @param fingerprint the server's SHA-256 fingerprint as {@code AB:CD:…}, what the DTLS client checks
 * @param rtxPayloadType absent when the offer has no RTX
 * @param rtxSsrc 0 when the offer has no RTX
 */
record GatewayOffer(
    InetSocketAddress candidate,
    IceCredentials ice,
    String fingerprint,
    int h264PayloadType,
    String profileLevelId,
    OptionalInt rtxPayloadType,
    long ssrc,
    long rtxSsrc) {

  /** Reads the offer; throws when it lacks anything a viewer cannot do without. */
  static GatewayOffer parse(String sdp) throws SdpParseException {
    Attributes video = SessionDescription.parse(sdp).media().get(0).attributes();
    Candidate first = video.candidates().stream().filter(Candidate::isUdp).findFirst()
        .orElseThrow(() -> new SdpParseException("the offer has no UDP candidate"));
    IceCredentials ice = new IceCredentials(video.iceUfrag().orElseThrow(() -> missing("ice-ufrag")),
        video.icePwd().orElseThrow(() -> missing("ice-pwd")));
    Fingerprint sha256 = video.fingerprints().stream()
        .filter(f -> f.hashFunction().equals(Fingerprint.SHA_256)).findFirst()
        .orElseThrow(() -> missing("sha-256 fingerprint"));
    RtpMap h264 = video.rtpMaps().stream().filter(m -> m.is("H264")).findFirst()
        .orElseThrow(() -> missing("H264 rtpmap"));
    int pt = h264.payloadType();
    String profileLevelId = video.fmtp(pt).flatMap(f -> f.parameter("profile-level-id"))
        .orElseThrow(() -> missing("profile-level-id"));
    OptionalInt rtx = video.rtpMaps().stream()
        .filter(m -> m.is("rtx") && video.fmtp(m.payloadType()).flatMap(f -> f.parameter("apt"))
            .map(apt -> apt.equals(Integer.toString(pt))).orElse(false))
        .mapToInt(RtpMap::payloadType).findFirst();
    SsrcGroup fid = video.ssrcGroups().stream().filter(g -> g.semantics().equals(SsrcGroup.FID)).findFirst()
        .orElse(null);
    long ssrc = fid != null ? fid.ssrcs().get(0)
        : video.ssrcs().stream().findFirst().orElseThrow(() -> missing("a=ssrc")).ssrc();
    long rtxSsrc = fid != null && fid.ssrcs().size() > 1 ? fid.ssrcs().get(1) : 0;
    String digest = sha256.value().substring(Fingerprint.SHA_256.length() + 1);
    return new GatewayOffer(new InetSocketAddress(first.address(), first.port()), ice, digest, pt, profileLevelId,
        rtx, ssrc, rtxSsrc);
  }

  private static SdpParseException missing(String what) {
    return new SdpParseException("the offer has no " + what);
  }
}
