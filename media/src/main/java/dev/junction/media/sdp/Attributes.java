package dev.junction.media.sdp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The {@code a=} lines of one level, session or media, read into values. Every attribute this
 * class knows is checked when it is built, so the accessors never fail; attributes it does not
 * know are kept as lines ({@link #values}) and written back unchanged. Immutable: the lists are
 * filled while the lines are read and never touched again; accessors hand out read-only views.
 *
 * <p>Known: the ICE attributes (RFC 8839 §5: candidate, end-of-candidates, ice-ufrag, ice-pwd,
 * ice-options, ice-lite), DTLS (fingerprint, setup), grouping (mid, group), direction, rtcp-mux,
 * and, in an RTP media section only, rtpmap, fmtp, rtcp-fb, extmap, ssrc, ssrc-group and msid.
 */
public final class Attributes {

  private final List<SdpLine> lines;
  private final List<Candidate> candidates = new ArrayList<>();
  private final List<Fingerprint> fingerprints = new ArrayList<>();
  private final List<Group> groups = new ArrayList<>();
  private final List<RtpMap> rtpMaps = new ArrayList<>();
  private final List<Fmtp> fmtps = new ArrayList<>();
  private final List<RtcpFb> rtcpFbs = new ArrayList<>();
  private final List<Extmap> extmaps = new ArrayList<>();
  private final List<Ssrc> ssrcs = new ArrayList<>();
  private final List<SsrcGroup> ssrcGroups = new ArrayList<>();
  private final List<Msid> msids = new ArrayList<>();
  private final List<String> iceOptions = new ArrayList<>();
  private Optional<String> iceUfrag = Optional.empty();
  private Optional<String> icePwd = Optional.empty();
  private Optional<String> mid = Optional.empty();
  private Optional<Setup> setup = Optional.empty();
  private Optional<Direction> direction = Optional.empty();

  private Attributes(List<SdpLine> lines) {
    this.lines = List.copyOf(lines);
  }

  /**
   * Reads the attribute lines of a level.
   *
   * @param lines the level's lines; lines of other types are skipped
   * @param firstLineNumber the 1-based number of {@code lines.get(0)} in the text, for errors
   * @param rtp whether this is an RTP media section, whose payload-type attributes are checked
   * @throws SdpParseException naming the line and the first rule an attribute breaks
   */
  static Attributes read(List<SdpLine> lines, int firstLineNumber, boolean rtp) throws SdpParseException {
    Attributes a = new Attributes(lines.stream().filter(SdpLine::isAttribute).toList());
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isAttribute()) {
        try {
          a.add(lines.get(i), rtp);
        } catch (SdpParseException e) {
          throw e.atLine(firstLineNumber + i);
        }
      }
    }
    return a;
  }

  private void add(SdpLine line, boolean rtp) throws SdpParseException {
    String name = line.attributeName();
    Optional<Direction> d = Direction.fromAttributeName(name);
    if (d.isPresent()) {
      noValue(line, "RFC 8866 §6.7");
      direction = once(direction, d.get(), "a direction attribute (sendrecv, sendonly, recvonly, inactive)",
          "RFC 3264 §5.1");
      return;
    }
    switch (name) {
      case "candidate" -> candidates.add(Candidate.parseValue(Grammar.requireValue(line, "RFC 8839 §5.1")));
      case "end-of-candidates", "ice-lite", "rtcp-mux", "rtcp-rsize", "extmap-allow-mixed" -> noValue(line, "RFC 8866 §5.13");
      case "ice-ufrag" -> {
        String v = Grammar.requireValue(line, "RFC 8839 §5.4");
        if (!Grammar.isIceChars(v, 4, 256)) {
          throw new SdpParseException("a=ice-ufrag '" + v + "' must be 4-256 ice-chars (RFC 8839 §5.4)");
        }
        iceUfrag = once(iceUfrag, v, "a=ice-ufrag", "RFC 8839 §5.4");
      }
      case "ice-pwd" -> {
        String v = Grammar.requireValue(line, "RFC 8839 §5.4");
        if (!Grammar.isIceChars(v, 22, 256)) {
          throw new SdpParseException("a=ice-pwd must be 22-256 ice-chars, got " + v.length() + " characters"
              + " (RFC 8839 §5.4)"); // never echo a password
        }
        icePwd = once(icePwd, v, "a=ice-pwd", "RFC 8839 §5.4");
      }
      case "ice-options" -> {
        List<String> tags = Grammar.fields(Grammar.requireValue(line, "RFC 8839 §5.6"));
        for (String tag : tags) {
          if (!Grammar.isIceChars(tag, 1, Integer.MAX_VALUE)) {
            throw new SdpParseException("a=ice-options tag '" + tag + "' must be ice-chars (RFC 8839 §5.6)");
          }
        }
        iceOptions.addAll(tags);
      }
      case "fingerprint" -> fingerprints.add(Fingerprint.parse(Grammar.requireValue(line, "RFC 8122 §5")));
      case "setup" -> setup = once(setup, Setup.parse(Grammar.requireValue(line, "RFC 4145 §4").strip()), "a=setup",
          "RFC 4145 §4");
      case "mid" -> {
        String v = Grammar.requireValue(line, "RFC 5888 §4");
        if (!Grammar.isToken(v)) {
          throw new SdpParseException("a=mid '" + v + "' is not a token (RFC 5888 §4)");
        }
        mid = once(mid, v, "a=mid", "RFC 5888 §4");
      }
      case "group" -> groups.add(Group.parse(Grammar.requireValue(line, "RFC 5888 §5")));
      default -> {
        if (rtp) {
          addRtp(line, name);
        }
      }
    }
  }

  private void addRtp(SdpLine line, String name) throws SdpParseException {
    switch (name) {
      case "rtpmap" -> rtpMaps.add(RtpMap.parse(Grammar.requireValue(line, "RFC 8866 §6.6")));
      case "fmtp" -> fmtps.add(Fmtp.parse(Grammar.requireValue(line, "RFC 8866 §6.15")));
      case "rtcp-fb" -> rtcpFbs.add(RtcpFb.parse(Grammar.requireValue(line, "RFC 4585 §4.2")));
      case "extmap" -> extmaps.add(Extmap.parse(Grammar.requireValue(line, "RFC 8285 §8")));
      case "ssrc" -> ssrcs.add(Ssrc.parse(Grammar.requireValue(line, "RFC 5576 §4.1")));
      case "ssrc-group" -> ssrcGroups.add(SsrcGroup.parse(Grammar.requireValue(line, "RFC 5576 §4.2")));
      case "msid" -> msids.add(Msid.parse(Grammar.requireValue(line, "RFC 8830 §2")));
      default -> { } // unknown: kept as a line
    }
  }

  private static void noValue(SdpLine line, String rule) throws SdpParseException {
    if (line.attributeValue().isPresent()) {
      throw new SdpParseException("a=" + line.attributeName() + " is a property attribute and takes no value (" + rule + ")");
    }
  }

  private static <T> Optional<T> once(Optional<T> current, T value, String what, String rule) throws SdpParseException {
    if (current.isPresent()) {
      throw new SdpParseException(what + " appears twice at one level (" + rule + ")");
    }
    return Optional.of(value);
  }

  /** The attribute lines, in order. */
  public List<SdpLine> lines() {
    return lines;
  }

  /** Whether attribute {@code name} is present, with or without a value. */
  public boolean has(String name) {
    return lines.stream().anyMatch(l -> l.isAttribute(name));
  }

  /** The values of every {@code a=<name>:<value>} line, in order; property attributes give nothing. */
  public List<String> values(String name) {
    List<String> values = new ArrayList<>();
    for (SdpLine line : lines) {
      if (line.isAttribute(name)) {
        line.attributeValue().ifPresent(values::add);
      }
    }
    return List.copyOf(values);
  }

  /** The value of the first {@code a=<name>:<value>} line. */
  public Optional<String> value(String name) {
    List<String> values = values(name);
    return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** {@code a=candidate} lines (RFC 8839 §5.1). */
  public List<Candidate> candidates() {
    return Collections.unmodifiableList(candidates);
  }

  /** {@code a=end-of-candidates} (RFC 8838 §8.2). */
  public boolean endOfCandidates() {
    return has("end-of-candidates");
  }

  /** {@code a=ice-ufrag} (RFC 8839 §5.4). */
  public Optional<String> iceUfrag() {
    return iceUfrag;
  }

  /** {@code a=ice-pwd} (RFC 8839 §5.4). */
  public Optional<String> icePwd() {
    return icePwd;
  }

  /** {@code a=ice-options} tags, e.g. {@code trickle} (RFC 8839 §5.6). */
  public List<String> iceOptions() {
    return Collections.unmodifiableList(iceOptions);
  }

  /** {@code a=ice-lite} (RFC 8839 §5.3). */
  public boolean iceLite() {
    return has("ice-lite");
  }

  /** {@code a=fingerprint} lines (RFC 8122 §5); there may be several hashes. */
  public List<Fingerprint> fingerprints() {
    return Collections.unmodifiableList(fingerprints);
  }

  /** {@code a=setup} (RFC 4145 §4). */
  public Optional<Setup> setup() {
    return setup;
  }

  /** {@code a=mid} (RFC 5888 §4). */
  public Optional<String> mid() {
    return mid;
  }

  /** {@code a=group} lines (RFC 5888 §5). */
  public List<Group> groups() {
    return Collections.unmodifiableList(groups);
  }

  /** The direction attribute, if this level has one (RFC 3264 §5.1). */
  public Optional<Direction> direction() {
    return direction;
  }

  /** {@code a=rtcp-mux} (RFC 5761 §5.1.1). */
  public boolean rtcpMux() {
    return has("rtcp-mux");
  }

  /** {@code a=rtpmap} lines (RTP sections only). */
  public List<RtpMap> rtpMaps() {
    return Collections.unmodifiableList(rtpMaps);
  }

  /** The {@code a=rtpmap} of payload type {@code pt}. */
  public Optional<RtpMap> rtpMap(int pt) {
    return rtpMaps.stream().filter(m -> m.payloadType() == pt).findFirst();
  }

  /** {@code a=fmtp} lines (RTP sections only). */
  public List<Fmtp> fmtps() {
    return Collections.unmodifiableList(fmtps);
  }

  /** The {@code a=fmtp} of payload type {@code pt}. */
  public Optional<Fmtp> fmtp(int pt) {
    return fmtps.stream().filter(f -> f.payloadType() == pt).findFirst();
  }

  /** {@code a=rtcp-fb} lines (RTP sections only). */
  public List<RtcpFb> rtcpFbs() {
    return Collections.unmodifiableList(rtcpFbs);
  }

  /** The feedback that applies to {@code pt}, including {@code *} lines. */
  public List<RtcpFb> rtcpFbs(int pt) {
    return rtcpFbs.stream().filter(f -> f.appliesTo(pt)).toList();
  }

  /** {@code a=extmap} lines (RTP sections only). */
  public List<Extmap> extmaps() {
    return Collections.unmodifiableList(extmaps);
  }

  /** {@code a=ssrc} lines (RTP sections only). */
  public List<Ssrc> ssrcs() {
    return Collections.unmodifiableList(ssrcs);
  }

  /** {@code a=ssrc-group} lines (RTP sections only). */
  public List<SsrcGroup> ssrcGroups() {
    return Collections.unmodifiableList(ssrcGroups);
  }

  /** {@code a=msid} lines (RTP sections only). */
  public List<Msid> msids() {
    return Collections.unmodifiableList(msids);
  }
}
