package dev.junction.media.sdp;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The gateway's offer: one sendonly H.264 video section over one ICE-lite UDP port. The server
 * is the offerer and the browser answers (XProtect API §5). Immutable; {@link #toSdp()} writes it:
 *
 * <pre>
 * v=0
 * o=- &lt;session id&gt; &lt;version&gt; IN IP4 127.0.0.1
 * s=-
 * t=0 0
 * a=group:BUNDLE 0
 * a=ice-lite
 * m=video &lt;port&gt; UDP/TLS/RTP/SAVPF 96 [97]
 * c=IN IP4 &lt;first address&gt;
 * a=mid:0
 * a=sendonly
 * a=ice-ufrag:… / a=ice-pwd:…
 * a=fingerprint:sha-256 …
 * a=setup:actpass
 * a=rtcp-mux
 * a=candidate:1 1 udp 2130706431 &lt;address&gt; &lt;port&gt; typ host   (one per address)
 * a=end-of-candidates
 * a=msid:&lt;stream&gt; &lt;track&gt;
 * a=rtpmap:96 H264/90000
 * a=rtcp-fb:96 nack / nack pli / ccm fir / goog-remb
 * a=fmtp:96 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f
 * [a=rtpmap:97 rtx/90000, a=fmtp:97 apt=96, a=ssrc-group:FID &lt;ssrc&gt; &lt;rtx ssrc&gt;]
 * a=ssrc:&lt;ssrc&gt; cname:… / msid:…   (and the same for the RTX SSRC)
 * </pre>
 *
 * Choices, each a rule of someone who reads it:
 * <ul>
 *   <li>{@code a=ice-lite} at the session level (RFC 8839 §5.3), so the browser takes the
 *       controlling role and nominates (RFC 8445 §6.1.1).
 *   <li>ICE and DTLS attributes in the media section, where Chromium writes them; with BUNDLE and
 *       one section either level would do.
 *   <li>{@code setup:actpass}: the offerer must offer actpass (RFC 5763 §5); the browser answers
 *       active, which makes the gateway the DTLS server.
 *   <li>All host candidates in the offer and {@code a=end-of-candidates} (RFC 8838 §8.2): a lite
 *       agent knows its candidates up front and never trickles. The m= port and c= address are
 *       the first candidate's, the default candidate (RFC 8839 §4.2.1.1).
 *   <li>{@code packetization-mode=1} (non-interleaved, FU-A: RFC 6184 §6.3) is what every browser
 *       decodes; {@code level-asymmetry-allowed=1} lets the browser answer its own level
 *       (RFC 6184 §8.2.2).
 * </ul>
 */
public final class VideoOffer {

  /** The DTLS-SRTP RTP profile with feedback (RFC 5764 §8, RFC 5124). */
  public static final String PROTOCOL = "UDP/TLS/RTP/SAVPF";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final long sessionId;
  private final long sessionVersion;
  private final String iceUfrag;
  private final String icePwd;
  private final Fingerprint fingerprint;
  private final List<InetAddress> addresses;
  private final int port;
  private final int payloadType;
  private final H264ProfileLevelId profileLevelId;
  private final OptionalInt rtxPayloadType;
  private final long ssrc;
  private final OptionalLong rtxSsrc;
  private final String cname;
  private final Msid msid;
  private final String mid;

  private VideoOffer(Builder b) {
    this.sessionId = b.sessionId;
    this.sessionVersion = b.sessionVersion;
    this.iceUfrag = required(b.iceUfrag, "ICE credentials");
    this.icePwd = b.icePwd;
    this.fingerprint = required(b.fingerprint, "fingerprint");
    if (b.addresses.isEmpty()) {
      throw new IllegalStateException("an offer needs at least one announced address");
    }
    this.addresses = List.copyOf(b.addresses);
    if (b.port == 0) {
      throw new IllegalStateException("an offer needs the media port");
    }
    this.port = b.port;
    this.payloadType = b.payloadType;
    this.profileLevelId = b.profileLevelId;
    this.rtxPayloadType = b.rtxPayloadType;
    this.ssrc = required(b.ssrc, "SSRC");
    this.rtxSsrc = b.rtxSsrc;
    this.cname = required(b.cname, "CNAME");
    this.msid = b.msid;
    this.mid = b.mid;
    if (rtxPayloadType.isPresent() && rtxPayloadType.getAsInt() == payloadType) {
      throw new IllegalStateException("the RTX payload type must differ from H.264's: " + payloadType);
    }
    if (rtxSsrc.isPresent() && rtxSsrc.getAsLong() == ssrc) {
      throw new IllegalStateException("the RTX SSRC must differ from the media SSRC: " + ssrc);
    }
  }

  private static <T> T required(T value, String what) {
    if (value == null) {
      throw new IllegalStateException("an offer needs the " + what);
    }
    return value;
  }

  /** A builder with the defaults documented on its setters. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder with this offer's values: for a new offer of the same session (ICE restart, new version). */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.sessionId = sessionId;
    b.sessionVersion = sessionVersion;
    b.iceUfrag = iceUfrag;
    b.icePwd = icePwd;
    b.fingerprint = fingerprint;
    b.addresses.addAll(addresses);
    b.port = port;
    b.payloadType = payloadType;
    b.profileLevelId = profileLevelId;
    b.rtxPayloadType = rtxPayloadType;
    b.ssrc = ssrc;
    b.rtxSsrc = rtxSsrc;
    b.cname = cname;
    b.msid = msid;
    b.mid = mid;
    return b;
  }

  /** The offer as SDP. */
  public SessionDescription toSdp() {
    List<SdpLine> session = List.of(
        new SdpLine('v', "0"),
        Origin.jsep(sessionId, sessionVersion).toLine(),
        new SdpLine('s', "-"),
        new SdpLine('t', "0 0"),
        new Group(Group.BUNDLE, List.of(mid)).toLine(),
        SdpLine.attribute("ice-lite"));

    List<String> formats = new ArrayList<>();
    formats.add(Integer.toString(payloadType));
    rtxPayloadType.ifPresent(pt -> formats.add(Integer.toString(pt)));
    List<SdpLine> m = new ArrayList<>();
    m.add(new MediaLine("video", port, OptionalInt.empty(), PROTOCOL, formats).toLine());
    m.add(Connection.of(addresses.get(0)).toLine());
    m.add(SdpLine.attribute("mid", mid));
    m.add(Direction.SENDONLY.toLine());
    m.add(SdpLine.attribute("ice-ufrag", iceUfrag));
    m.add(SdpLine.attribute("ice-pwd", icePwd));
    m.add(fingerprint.toLine());
    m.add(Setup.ACTPASS.toLine());
    m.add(SdpLine.attribute("rtcp-mux"));
    for (int i = 0; i < addresses.size(); i++) {
      // One foundation per base address (RFC 8445 §5.1.1.3); earlier addresses preferred.
      m.add(Candidate.host(Integer.toString(i + 1), addresses.get(i), port, 65_535 - i).toLine());
    }
    m.add(SdpLine.attribute("end-of-candidates"));
    m.add(msid.toLine());
    m.add(RtpMap.of(payloadType, "H264", 90_000).toLine());
    m.add(RtcpFb.of(payloadType, "nack").toLine());
    m.add(RtcpFb.of(payloadType, "nack", "pli").toLine());
    m.add(RtcpFb.of(payloadType, "ccm", "fir").toLine());
    m.add(RtcpFb.of(payloadType, "goog-remb").toLine());
    m.add(new Fmtp(payloadType,
        "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=" + profileLevelId.text()).toLine());
    if (rtxPayloadType.isPresent()) {
      int rtx = rtxPayloadType.getAsInt();
      m.add(RtpMap.of(rtx, "rtx", 90_000).toLine());
      m.add(new Fmtp(rtx, "apt=" + payloadType).toLine());
    }
    if (rtxSsrc.isPresent()) {
      m.add(new SsrcGroup(SsrcGroup.FID, List.of(ssrc, rtxSsrc.getAsLong())).toLine());
    }
    addSsrcLines(m, ssrc);
    if (rtxSsrc.isPresent()) {
      addSsrcLines(m, rtxSsrc.getAsLong());
    }
    try {
      return SessionDescription.of(session, List.of(MediaDescription.of(m)));
    } catch (SdpParseException e) {
      throw new IllegalStateException("the offer generator wrote invalid SDP: " + e.getMessage(), e);
    }
  }

  private void addSsrcLines(List<SdpLine> m, long source) {
    m.add(Ssrc.of(source, "cname", cname).toLine());
    m.add(Ssrc.of(source, "msid", msid.value()).toLine());
  }

  /** Our ICE username fragment. */
  public String iceUfrag() {
    return iceUfrag;
  }

  /** Our ICE password. */
  public String icePwd() {
    return icePwd;
  }

  /** The H.264 payload type. */
  /** The media port, the same for every candidate. */
  public int port() {
    return port;
  }

  /** The announced addresses, one host candidate each, in order. */
  public List<InetAddress> addresses() {
    return addresses;
  }

  public int payloadType() {
    return payloadType;
  }

  /** The offered profile and level. */
  public H264ProfileLevelId profileLevelId() {
    return profileLevelId;
  }

  /** The RTX payload type, if RTX is offered. */
  public OptionalInt rtxPayloadType() {
    return rtxPayloadType;
  }

  /** The media SSRC. */
  public long ssrc() {
    return ssrc;
  }

  /** The RTX SSRC, if RTX is offered. */
  public OptionalLong rtxSsrc() {
    return rtxSsrc;
  }

  /** The section's mid. */
  public String mid() {
    return mid;
  }

  /** The o= session version. */
  public long sessionVersion() {
    return sessionVersion;
  }

  /**
   * Builds a {@link VideoOffer}. Each setter checks its value at once. Required: ICE credentials,
   * fingerprint, at least one address, port, SSRC and CNAME.
   */
  public static final class Builder {

    private long sessionId = RANDOM.nextLong() >>> 1; // JSEP: 63 random bits (RFC 8829 §5.2.1)
    private long sessionVersion = 1;
    private String iceUfrag;
    private String icePwd;
    private Fingerprint fingerprint;
    private final List<InetAddress> addresses = new ArrayList<>();
    private int port;
    private int payloadType = 96;
    private H264ProfileLevelId profileLevelId = H264ProfileLevelId.DEFAULT;
    private OptionalInt rtxPayloadType = OptionalInt.empty();
    private Long ssrc;
    private OptionalLong rtxSsrc = OptionalLong.empty();
    private String cname;
    private Msid msid = Msid.of("junction", "video");
    private String mid = "0";

    private Builder() {}

    /** The o= session id, 0 to 2^63-1; default random (RFC 8829 §5.2.1). Keep it for later offers. */
    public Builder sessionId(long sessionId) {
      if (sessionId < 0) {
        throw new IllegalArgumentException("sess-id must be 0 to 2^63-1 (RFC 8829 §5.2.1): " + sessionId);
      }
      this.sessionId = sessionId;
      return this;
    }

    /** The o= session version; default 1; must grow with each new offer (RFC 3264 §8). */
    public Builder sessionVersion(long sessionVersion) {
      if (sessionVersion < 0) {
        throw new IllegalArgumentException("sess-version must not be negative: " + sessionVersion);
      }
      this.sessionVersion = sessionVersion;
      return this;
    }

    /** Our ICE ufrag (4-256 ice-chars) and pwd (22-256 ice-chars) (RFC 8839 §5.4). */
    public Builder iceCredentials(String ufrag, String pwd) {
      if (!Grammar.isIceChars(ufrag, 4, 256)) {
        throw new IllegalArgumentException("ice-ufrag must be 4-256 ice-chars (RFC 8839 §5.4): " + ufrag);
      }
      if (!Grammar.isIceChars(pwd, 22, 256)) {
        throw new IllegalArgumentException("ice-pwd must be 22-256 ice-chars (RFC 8839 §5.4), got " + pwd.length());
      }
      this.iceUfrag = ufrag;
      this.icePwd = pwd;
      return this;
    }

    /** The fingerprint of our DTLS certificate. */
    public Builder fingerprint(Fingerprint fingerprint) {
      this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
      return this;
    }

    /**
     * Adds an announced address: one host candidate each, in order of preference. The first is
     * the default candidate. Wildcard, multicast and unresolved addresses are refused.
     */
    public Builder address(InetAddress address) {
      if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
        throw new IllegalArgumentException("an announced address must be unicast and specific: " + address);
      }
      if (addresses.contains(address)) {
        throw new IllegalArgumentException("address announced twice: " + address);
      }
      addresses.add(address);
      return this;
    }

    /** Replaces the announced addresses. */
    public Builder addresses(List<InetAddress> addresses) {
      this.addresses.clear();
      addresses.forEach(this::address);
      return this;
    }

    /** The single UDP media port, 1-65535. */
    public Builder port(int port) {
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("port must be 1-65535: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The H.264 payload type (dynamic, 96-127; default 96) and profile-level-id (default
     * {@code 42e01f}, Constrained Baseline 3.1, which every browser decodes). The camera's stream
     * must fit the profile; the level may be higher thanks to level-asymmetry-allowed.
     */
    public Builder h264(int payloadType, String profileLevelId) {
      this.payloadType = dynamicPayloadType(payloadType);
      this.profileLevelId = H264ProfileLevelId.parse(profileLevelId)
          .orElseThrow(() -> new IllegalArgumentException("not a profile-level-id WebRTC knows: " + profileLevelId));
      return this;
    }

    /** Offers RTX (RFC 4588) with this payload type (96-127) and SSRC; default none. */
    public Builder rtx(int payloadType, long ssrc) {
      this.rtxPayloadType = OptionalInt.of(dynamicPayloadType(payloadType));
      this.rtxSsrc = OptionalLong.of(ssrc(ssrc, "RTX SSRC"));
      return this;
    }

    /** No RTX. */
    public Builder noRtx() {
      this.rtxPayloadType = OptionalInt.empty();
      this.rtxSsrc = OptionalLong.empty();
      return this;
    }

    /** The media SSRC, 32-bit unsigned; the sender must use it. */
    public Builder ssrc(long ssrc) {
      this.ssrc = ssrc(ssrc, "SSRC");
      return this;
    }

    /** The RTCP CNAME (RFC 7022), 1-255 printable characters without spaces. */
    public Builder cname(String cname) {
      boolean printable = cname.chars().allMatch(c -> c > 0x20 && c < 0x7F);
      if (cname.isEmpty() || cname.length() > 255 || !printable) {
        throw new IllegalArgumentException("CNAME must be 1-255 printable characters without spaces: '" + cname + "'");
      }
      this.cname = cname;
      return this;
    }

    /** The stream and track ids the browser sees (RFC 8830); default {@code junction video}. */
    public Builder msid(String streamId, String trackId) {
      this.msid = Msid.of(streamId, trackId);
      return this;
    }

    /** The section's mid; default {@code 0}. */
    public Builder mid(String mid) {
      if (!Grammar.isToken(mid)) {
        throw new IllegalArgumentException("mid must be a token (RFC 5888 §4): " + mid);
      }
      this.mid = mid;
      return this;
    }

    public VideoOffer build() {
      return new VideoOffer(this);
    }

    private static int dynamicPayloadType(int pt) {
      if (pt < 96 || pt > 127) {
        throw new IllegalArgumentException("a dynamic payload type is 96-127 (RFC 3551 §6): " + pt);
      }
      return pt;
    }

    private static long ssrc(long ssrc, String what) {
      if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException(what + " must be 32-bit unsigned: " + ssrc);
      }
      return ssrc;
    }
  }
}
