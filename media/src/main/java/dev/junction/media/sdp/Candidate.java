package dev.junction.media.sdp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An ICE candidate: an {@code a=candidate} line or a trickled candidate string (RFC 8839 §5.1).
 *
 * <pre>
 * candidate-attribute = "candidate" ":" foundation SP component-id SP transport SP priority SP
 *                       connection-address SP port SP cand-type [SP rel-addr] [SP rel-port]
 *                       *(SP cand-extension)
 * foundation          = 1*32ice-char
 * component-id        = 1*3DIGIT
 * transport           = "UDP" / transport-extension
 * priority            = 1*10DIGIT
 * cand-type           = "typ" SP candidate-types
 * rel-addr            = "raddr" SP connection-address
 * rel-port            = "rport" SP port
 * cand-extension      = extension-att-name SP extension-att-value
 * </pre>
 *
 * Browsers add extensions: {@code tcptype} (RFC 6544 §4.5), {@code generation}, {@code ufrag},
 * {@code network-id}, {@code network-cost}. The first three have fields here; any other pair is
 * kept in {@link #extensions()} in order. The address may be a name: Chromium and Firefox hide
 * host addresses behind mDNS names such as {@code 1f0e…c4.local} (see {@link #isMdns()}).
 *
 * @param foundation 1-32 ice-chars
 * @param component 1-256; 1 is RTP, and with rtcp-mux the only one
 * @param transport as written: Chromium sends {@code udp}, Firefox {@code UDP}; compare with
 *     {@link #isUdp()}
 * @param priority 1 to 2^32-1
 * @param address an IP literal or a name, never resolved here
 * @param port 0-65535 (active TCP candidates carry 9)
 * @param relatedAddress {@code raddr}, for reflexive and relayed candidates
 * @param relatedPort {@code rport}
 * @param tcpType {@code active}, {@code passive} or {@code so} for TCP candidates
 * @param generation libwebrtc's ICE generation
 * @param ufrag the ICE username fragment the candidate belongs to
 * @param extensions the other extension pairs, in order
 */
public record Candidate(
    String foundation,
    int component,
    String transport,
    long priority,
    String address,
    int port,
    Type type,
    Optional<String> relatedAddress,
    OptionalInt relatedPort,
    Optional<String> tcpType,
    OptionalInt generation,
    Optional<String> ufrag,
    List<Extension> extensions) {

  private static final String RULE = "RFC 8839 §5.1";
  private static final String PREFIX = "candidate:";

  /** {@code candidate-types = "host" / "srflx" / "prflx" / "relay"} (RFC 8839 §5.1). */
  public enum Type {
    HOST, SRFLX, PRFLX, RELAY;

    /** The SDP spelling. */
    public String sdpName() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Type parse(String text) throws SdpParseException {
      for (Type t : values()) {
        if (t.sdpName().equals(text)) {
          return t;
        }
      }
      throw new SdpParseException("a=candidate type '" + text + "' is not host, srflx, prflx or relay (" + RULE + ")");
    }
  }

  /** A {@code cand-extension} pair this class has no field for. */
  public record Extension(String name, String value) {
    public Extension {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  public Candidate {
    if (!Grammar.isIceChars(foundation, 1, 32)) {
      throw new IllegalArgumentException("foundation must be 1-32 ice-chars (" + RULE + "): " + foundation);
    }
    if (component < 1 || component > 256) {
      throw new IllegalArgumentException("component must be 1-256 (RFC 8445 §5.1.1.1): " + component);
    }
    if (!Grammar.isToken(transport)) {
      throw new IllegalArgumentException("transport must be a token: " + transport);
    }
    if (priority < 1 || priority > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("priority must be 1 to 2^32-1: " + priority);
    }
    if (address.isEmpty() || Grammar.fields(address).size() != 1) {
      throw new IllegalArgumentException("address must be one non-empty field: '" + address + "'");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0-65535: " + port);
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(relatedAddress, "relatedAddress");
    Objects.requireNonNull(relatedPort, "relatedPort");
    Objects.requireNonNull(tcpType, "tcpType");
    Objects.requireNonNull(generation, "generation");
    Objects.requireNonNull(ufrag, "ufrag");
    extensions = List.copyOf(extensions);
  }

  /**
   * The host candidate the gateway announces: UDP, component 1, no extensions.
   *
   * @param localPreference 0-65535, higher is preferred (RFC 8445 §5.1.2.1)
   */
  public static Candidate host(String foundation, InetAddress address, int port, int localPreference) {
    return new Candidate(foundation, 1, "udp", priority(Type.HOST, localPreference, 1), IpLiteral.format(address), port,
        Type.HOST, Optional.empty(), OptionalInt.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty(),
        List.of());
  }

  /**
   * The recommended formula (RFC 8445 §5.1.2.1): {@code priority = (2^24)*(type preference) +
   * (2^8)*(local preference) + (2^0)*(256 - component ID)}, with the type preferences of §5.1.2.2
   * (host 126, peer-reflexive 110, server-reflexive 100, relayed 0).
   */
  public static long priority(Type type, int localPreference, int component) {
    if (localPreference < 0 || localPreference > 65_535) {
      throw new IllegalArgumentException("local preference must be 0-65535 (RFC 8445 §5.1.2.1): " + localPreference);
    }
    int typePreference = switch (type) {
      case HOST -> 126;
      case PRFLX -> 110;
      case SRFLX -> 100;
      case RELAY -> 0;
    };
    return (long) typePreference << 24 | (long) localPreference << 8 | (256 - component);
  }

  /**
   * Parses {@code candidate:…}, as in a trickled {@code RTCIceCandidate.candidate}, optionally with
   * a leading {@code a=}.
   */
  public static Candidate parse(String text) throws SdpParseException {
    String s = text.startsWith("a=") ? text.substring(2) : text;
    if (!s.startsWith(PREFIX)) {
      throw new SdpParseException("a candidate starts with 'candidate:' (" + RULE + "): '" + text + "'");
    }
    return parseValue(s.substring(PREFIX.length()));
  }

  /** Parses the value of {@code a=candidate:<value>}. */
  static Candidate parseValue(String value) throws SdpParseException {
    List<String> f = Grammar.fields(value);
    if (f.size() < 8) {
      throw new SdpParseException("a=candidate needs at least 8 fields (foundation component transport priority"
          + " address port typ type), got " + f.size() + " (" + RULE + ")");
    }
    String foundation = f.get(0);
    if (!Grammar.isIceChars(foundation, 1, 32)) {
      throw new SdpParseException("a=candidate foundation '" + foundation + "' must be 1-32 ice-chars (" + RULE + ")");
    }
    int component = (int) Grammar.number(f.get(1), 3, 256, "a=candidate component-id", RULE);
    if (component == 0) {
      throw new SdpParseException("a=candidate component-id must be 1-256 (RFC 8445 §5.1.1.1)");
    }
    String transport = f.get(2);
    if (!Grammar.isToken(transport)) {
      throw new SdpParseException("a=candidate transport '" + transport + "' is not a token (" + RULE + ")");
    }
    long priority = Grammar.number(f.get(3), 10, 0xFFFF_FFFFL, "a=candidate priority", RULE);
    if (priority == 0) {
      throw new SdpParseException("a=candidate priority must be positive (RFC 8445 §5.1.2)");
    }
    String address = f.get(4);
    int port = Grammar.port(f.get(5), "a=candidate port", RULE);
    if (!f.get(6).equals("typ")) {
      throw new SdpParseException("a=candidate field 7 must be 'typ', got '" + f.get(6) + "' (" + RULE + ")");
    }
    Type type = Type.parse(f.get(7));
    if ((f.size() - 8) % 2 != 0) {
      throw new SdpParseException("a=candidate extension '" + f.get(f.size() - 1) + "' has no value (" + RULE
          + ": cand-extension = extension-att-name SP extension-att-value)");
    }
    Optional<String> raddr = Optional.empty();
    OptionalInt rport = OptionalInt.empty();
    Optional<String> tcpType = Optional.empty();
    OptionalInt generation = OptionalInt.empty();
    Optional<String> ufrag = Optional.empty();
    List<Extension> extensions = new ArrayList<>();
    for (int i = 8; i < f.size(); i += 2) {
      String name = f.get(i);
      String v = f.get(i + 1);
      switch (name) {
        case "raddr" -> raddr = Optional.of(v);
        case "rport" -> rport = OptionalInt.of(Grammar.port(v, "a=candidate rport", RULE));
        case "tcptype" -> {
          if (!v.equals("active") && !v.equals("passive") && !v.equals("so")) {
            throw new SdpParseException("a=candidate tcptype '" + v + "' is not active, passive or so (RFC 6544 §4.5)");
          }
          tcpType = Optional.of(v);
        }
        case "generation" -> generation =
            OptionalInt.of((int) Grammar.number(v, 10, Integer.MAX_VALUE, "a=candidate generation", "libwebrtc"));
        case "ufrag" -> {
          if (!Grammar.isIceChars(v, 1, 256)) {
            throw new SdpParseException("a=candidate ufrag '" + v + "' must be ice-chars (RFC 8839 §5.4)");
          }
          ufrag = Optional.of(v);
        }
        default -> extensions.add(new Extension(name, v));
      }
    }
    return new Candidate(foundation, component, transport, priority, address, port, type, raddr, rport, tcpType,
        generation, ufrag, extensions);
  }

  /** Whether the transport is UDP, in any case. */
  public boolean isUdp() {
    return transport.equalsIgnoreCase("udp");
  }

  /** Whether the address is an mDNS name (RFC 8839 §5.1 and draft-ietf-mmusic-mdns-ice-candidates). */
  public boolean isMdns() {
    return address.toLowerCase(Locale.ROOT).endsWith(".local");
  }

  /**
   * The transport address, if the address is an IP literal; empty for mDNS and other names,
   * which this class never resolves.
   */
  public Optional<InetSocketAddress> socketAddress() {
    return IpLiteral.parse(address).map(a -> new InetSocketAddress(a, port));
  }

  /** The value after {@code a=candidate:}, fields in the order of the grammar above. */
  public String value() {
    StringBuilder b = new StringBuilder()
        .append(foundation).append(' ').append(component).append(' ').append(transport).append(' ')
        .append(priority).append(' ').append(address).append(' ').append(port).append(" typ ").append(type.sdpName());
    relatedAddress.ifPresent(a -> b.append(" raddr ").append(a));
    relatedPort.ifPresent(p -> b.append(" rport ").append(p));
    tcpType.ifPresent(t -> b.append(" tcptype ").append(t));
    generation.ifPresent(g -> b.append(" generation ").append(g));
    ufrag.ifPresent(u -> b.append(" ufrag ").append(u));
    for (Extension e : extensions) {
      b.append(' ').append(e.name()).append(' ').append(e.value());
    }
    return b.toString();
  }

  /** The {@code a=candidate} line. */
  public SdpLine toLine() {
    return SdpLine.attribute("candidate", value());
  }

  /** {@code candidate:…}, as trickled in {@code RTCIceCandidate.candidate}. */
  @Override
  public String toString() {
    return PREFIX + value();
  }
}
