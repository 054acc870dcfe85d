package dev.junction.media.sdp;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the gateway takes from the browser's answer to its {@link VideoOffer}: the peer's ICE
 * credentials and DTLS fingerprints, the DTLS role, the H.264 formats the browser accepted, and
 * any candidates the answer carries. Read with {@link AnswerReader#read}. Immutable.
 *
 * @param mid the video section's mid
 * @param iceUfrag the browser's ufrag: the second half of USERNAME in its checks
 * @param icePwd the browser's password (a lite agent never signs with it; kept for completeness)
 * @param fingerprints the certificate fingerprints the browser's DTLS certificate must match
 * @param setup always {@link Setup#ACTIVE}: the browser is the DTLS client, we are the server
 * @param direction {@link Direction#RECVONLY} (or {@code SENDRECV} from a lenient browser)
 * @param h264 the accepted H.264 formats, the browser's preference first; never empty
 * @param candidates candidates in the answer's video section (often none: browsers trickle)
 * @param endOfCandidates whether the answer says it has all its candidates
 */
public record VideoAnswer(String mid, String iceUfrag, String icePwd, List<Fingerprint> fingerprints, Setup setup,
    Direction direction, List<H264Format> h264, List<Candidate> candidates, boolean endOfCandidates) {

  public VideoAnswer {
    Objects.requireNonNull(mid, "mid");
    Objects.requireNonNull(iceUfrag, "iceUfrag");
    Objects.requireNonNull(icePwd, "icePwd");
    fingerprints = List.copyOf(fingerprints);
    Objects.requireNonNull(setup, "setup");
    Objects.requireNonNull(direction, "direction");
    h264 = List.copyOf(h264);
    candidates = List.copyOf(candidates);
  }

  /**
   * An accepted H.264 format.
   *
   * @param payloadType the payload type to send with: the offer's number (RFC 3264 §6.1)
   * @param profileLevelId what the answer states: our profile, the browser's level
   * @param rtxPayloadType the accepted RTX payload type for it, if any
   * @param feedback the answer's rtcp-fb for this payload type: what the browser will send us
   */
  public record H264Format(int payloadType, H264ProfileLevelId profileLevelId, OptionalInt rtxPayloadType,
      List<RtcpFb> feedback) {

    public H264Format {
      Objects.requireNonNull(profileLevelId, "profileLevelId");
      Objects.requireNonNull(rtxPayloadType, "rtxPayloadType");
      feedback = List.copyOf(feedback);
    }

    /** Whether the browser will send feedback {@code type} [{@code parameter}], e.g. ("nack", "pli"). */
    public boolean hasFeedback(String type, String... parameter) {
      String p = String.join(" ", parameter);
      return feedback.stream()
          .anyMatch(f -> f.type().equals(type) && f.parameter().orElse("").equals(p));
    }
  }

  /** The preferred format: the first. */
  public H264Format preferredH264() {
    return h264.get(0);
  }

  /** Without the password. */
  @Override
  public String toString() {
    return "VideoAnswer[mid=" + mid + ", iceUfrag=" + iceUfrag + ", icePwd=(" + icePwd.length() + " chars)"
        + ", fingerprints=" + fingerprints + ", setup=" + setup + ", direction=" + direction + ", h264=" + h264
        + ", candidates=" + candidates + ", endOfCandidates=" + endOfCandidates + "]";
  }
}
