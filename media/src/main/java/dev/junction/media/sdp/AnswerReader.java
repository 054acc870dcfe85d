package dev.junction.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the browser's answer against the offer the gateway sent (RFC 3264 §6, JSEP RFC 8829
 * §5.10) and takes out what the media engine needs, or says in an {@link AnswerMismatchException}
 * which rule the answer breaks. Stateless.
 *
 * <p>Checks, in order, each naming its rule: the same number of m-lines; the video section at the
 * offer's index with the same media, protocol and mid; not rejected (port 0); rtcp-mux; a
 * direction that receives what we send; ICE credentials; the peer not ICE-lite as well;
 * at least one fingerprint; {@code a=setup:active}; at least one H.264 format we offered with
 * packetization-mode=1 and our profile.
 */
public final class AnswerReader {

  private AnswerReader() {}

  /**
   * Reads the answer to the offer's first video section.
   *
   * @throws AnswerMismatchException if the answer does not fit the offer
   */
  public static VideoAnswer read(SessionDescription offer, SessionDescription answer) throws AnswerMismatchException {
    int index = firstVideo(offer);
    MediaDescription offered = offer.media().get(index);
    if (answer.media().size() != offer.media().size()) {
      throw mismatch("the answer has " + answer.media().size() + " m-lines, the offer " + offer.media().size()
          + " (RFC 3264 §6: exactly the same number)");
    }
    MediaDescription answered = answer.media().get(index);
    String mid = offered.mid().orElseThrow(() -> mismatch("the offer's video section has no a=mid"));
    checkSection(offered, answered, index, mid);

    Attributes session = answer.attributes();
    Attributes media = answered.attributes();
    String ufrag = media.iceUfrag().or(session::iceUfrag)
        .orElseThrow(() -> mismatch("the answer has no a=ice-ufrag (RFC 8839 §5.4: required)"));
    String pwd = media.icePwd().or(session::icePwd)
        .orElseThrow(() -> mismatch("the answer has no a=ice-pwd (RFC 8839 §5.4: required)"));
    if (session.iceLite() || media.iceLite()) {
      throw mismatch("the answer is ICE-lite too: two lite agents never check connectivity (RFC 8445 §6.1.1:"
          + " one side must be full)");
    }
    List<Fingerprint> fingerprints = media.fingerprints().isEmpty() ? session.fingerprints() : media.fingerprints();
    if (fingerprints.isEmpty()) {
      throw mismatch("the answer has no a=fingerprint (RFC 5763 §5: DTLS-SRTP needs the peer's certificate"
          + " fingerprint)");
    }
    Setup setup = media.setup().or(session::setup).orElseThrow(() -> mismatch("the answer has no a=setup;"
        + " RFC 5763 §5 requires active or passive, and RFC 4145 §4's default for an answer is passive,"
        + " which would make the gateway the DTLS client"));
    if (setup != Setup.ACTIVE) {
      throw mismatch("the answer's a=setup:" + setup.sdpName() + " would not make the browser the DTLS client;"
          + " the gateway offered actpass and must be the server (RFC 5763 §5: the answer says active)");
    }
    Direction direction = direction(answered, answer);
    return new VideoAnswer(mid, ufrag, pwd, fingerprints, setup, direction, h264(offered, answered), media.candidates(),
        media.endOfCandidates());
  }

  private static int firstVideo(SessionDescription offer) throws AnswerMismatchException {
    for (int i = 0; i < offer.media().size(); i++) {
      MediaDescription m = offer.media().get(i);
      if (m.kind().equals("video") && !m.isRejected()) {
        return i;
      }
    }
    throw mismatch("the offer has no video section");
  }

  private static void checkSection(MediaDescription offered, MediaDescription answered, int index, String mid)
      throws AnswerMismatchException {
    String where = "m-line " + index;
    if (!answered.kind().equals(offered.kind())) {
      throw mismatch(where + " is '" + answered.kind() + "' in the answer, '" + offered.kind() + "' in the offer"
          + " (RFC 3264 §6: each answer m-line answers the offer's at the same index)");
    }
    if (answered.isRejected()) {
      throw mismatch("the answer rejected " + where + " (" + offered.kind() + ") with port 0 (RFC 3264 §6)");
    }
    if (!answered.mediaLine().protocol().equals(offered.mediaLine().protocol())) {
      throw mismatch(where + " answers with protocol " + answered.mediaLine().protocol() + " to "
          + offered.mediaLine().protocol() + " (RFC 3264 §6: the same transport protocol)");
    }
    Optional<String> answeredMid = answered.mid();
    if (answeredMid.isEmpty() || !answeredMid.get().equals(mid)) {
      throw mismatch(where + " has " + answeredMid.map(m -> "a=mid:" + m).orElse("no a=mid") + ", the offer a=mid:"
          + mid + " (RFC 8829 §5.3.1: the answer repeats the offer's mid)");
    }
    if (offered.attributes().rtcpMux() && !answered.attributes().rtcpMux()) {
      throw mismatch("the answer lacks a=rtcp-mux; the gateway sends RTCP on the RTP port only"
          + " (RFC 5761 §5.1.1; RFC 8829 §5.3.1 requires rtcp-mux in answers)");
    }
  }

  /**
   * The answer's direction must receive what the offer sends: a sendonly offer is answered
   * recvonly or inactive (RFC 3264 §6.1); inactive would carry no video.
   */
  private static Direction direction(MediaDescription answered, SessionDescription answer)
      throws AnswerMismatchException {
    Direction d = answered.attributes().direction().or(() -> answer.attributes().direction()).orElse(Direction.SENDRECV);
    if (!d.receives()) {
      throw mismatch("the answer's video direction is " + d.sdpName() + ": the browser would not receive video"
          + " (RFC 3264 §6.1: a sendonly offer is answered recvonly)");
    }
    return d;
  }

  /**
   * The H.264 formats of the offer that the answer accepts, in the answer's order: the payload
   * type is in both m-lines, maps to H264/90000 in the answer, the answer's fmtp has
   * packetization-mode=1 (absent means 0, RFC 6184 §8.1) and the same profile as the offer's
   * (levels may differ, RFC 6184 §8.2.2). RTX is paired by {@code apt} (RFC 4588 §8.6).
   */
  private static List<VideoAnswer.H264Format> h264(MediaDescription offered, MediaDescription answered)
      throws AnswerMismatchException {
    Attributes o = offered.attributes();
    Attributes a = answered.attributes();
    List<Integer> offeredPts = offered.mediaLine().payloadTypes();
    List<Integer> offeredH264 = new ArrayList<>();
    List<VideoAnswer.H264Format> formats = new ArrayList<>();
    for (int pt : offeredPts) {
      if (o.rtpMap(pt).filter(m -> m.is("H264")).isPresent()) {
        offeredH264.add(pt);
      }
    }
    for (int pt : answered.mediaLine().payloadTypes()) {
      if (!offeredH264.contains(pt)) {
        continue;
      }
      Optional<RtpMap> map = a.rtpMap(pt);
      if (map.isEmpty() || !map.get().is("H264") || map.get().clockRate() != 90_000) {
        continue;
      }
      Optional<Fmtp> fmtp = a.fmtp(pt);
      if (!fmtp.flatMap(f -> f.parameter("packetization-mode")).filter("1"::equals).isPresent()) {
        continue;
      }
      Optional<H264ProfileLevelId> ours = H264ProfileLevelId.of(o.fmtp(pt));
      Optional<H264ProfileLevelId> theirs = H264ProfileLevelId.of(fmtp);
      if (ours.isEmpty() || theirs.isEmpty() || !ours.get().sameProfile(theirs.get())) {
        continue;
      }
      formats.add(new VideoAnswer.H264Format(pt, theirs.get(), rtx(pt, offeredPts, answered), a.rtcpFbs(pt)));
    }
    if (formats.isEmpty()) {
      throw mismatch("the answer accepts no H.264 format of the offer: offered payload types " + offeredH264
          + ", answered " + answered.mediaLine().formats() + "; each needs a=rtpmap H264/90000,"
          + " packetization-mode=1 and the offered profile (RFC 6184 §8.2.2)");
    }
    return formats;
  }

  private static OptionalInt rtx(int pt, List<Integer> offeredPts, MediaDescription answered) {
    Attributes a = answered.attributes();
    for (int candidate : answered.mediaLine().payloadTypes()) {
      boolean isRtx = offeredPts.contains(candidate)
          && a.rtpMap(candidate).filter(m -> m.is("rtx")).isPresent()
          && a.fmtp(candidate).flatMap(f -> f.parameter("apt")).filter(Integer.toString(pt)::equals).isPresent();
      if (isRtx) {
        return OptionalInt.of(candidate);
      }
    }
    return OptionalInt.empty();
  }

  private static AnswerMismatchException mismatch(String message) {
    return new AnswerMismatchException(message);
  }
}
