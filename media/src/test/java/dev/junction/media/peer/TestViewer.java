package dev.junction.media.peer;

import dev.junction.media.dtls.DtlsHandshake;
import dev.junction.media.dtls.DtlsIdentity;
import dev.junction.media.ice.IceCredentials;
import dev.junction.media.rtp.RtcpCompound;
import dev.junction.media.rtp.RtcpPacket;
import dev.junction.media.rtp.RtpPacket;
import dev.junction.media.sdp.Attributes;
import dev.junction.media.sdp.SdpParseException;
import dev.junction.media.sdp.SessionDescription;
import dev.junction.media.sdp.VideoOffer;
import dev.junction.media.srtp.DtlsRole;
import dev.junction.media.srtp.SrtpContexts;
import dev.junction.media.srtp.SrtpProfile;
import dev.junction.stun.DecodedMessage;
import dev.junction.stun.MessageType;
import dev.junction.stun.StunDecoder;
import dev.junction.stun.StunMessage;
import dev.junction.stun.TransactionId;
import dev.junction.stun.IceControlling;
import dev.junction.stun.Priority;
import dev.junction.stun.UseCandidate;
import dev.junction.stun.Username;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DatagramTransport;

/**
 * The browser's side of a send-only peer connection, in the test's JVM, over real UDP on
 * loopback: it answers the gateway's offer like Chromium, sends ICE checks (controlling, with
 * USE-CANDIDATE), runs the DTLS client and decrypts what arrives. No decoding.
 */
public final class TestViewer implements AutoCloseable {

  public static final DtlsIdentity IDENTITY = DtlsIdentity.generate(Duration.ofDays(1));
  private static final int MTU = 1500;

  private final DatagramSocket socket;
  private final IceCredentials credentials = IceCredentials.random();
  private final IceCredentials server;
  private DTLSTransport dtls;
  private SrtpContexts srtp;

  public TestViewer(VideoOffer offer) throws IOException {
    this(new IceCredentials(offer.iceUfrag(), offer.icePwd()), offer.port());
  }

  private TestViewer(IceCredentials server, int port) throws IOException {
    this.server = server;
    this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    socket.setSoTimeout(5_000);
  }

  /** A viewer of the offer in {@code sdp}, sending to its first candidate's port on loopback. */
  public static TestViewer forOffer(String sdp) throws IOException, SdpParseException {
    Attributes video = SessionDescription.parse(sdp).media().get(0).attributes();
    return new TestViewer(new IceCredentials(video.iceUfrag().orElseThrow(), video.icePwd().orElseThrow()),
        video.candidates().get(0).port());
  }

  /** An answer as Chromium 156 writes it for this offer, with this viewer's ICE and DTLS identity. */
  public String answer(String setup) {
    return String.join("\r\n",
        "v=0",
        "o=- 8071609721858525637 2 IN IP4 127.0.0.1",
        "s=-",
        "t=0 0",
        "a=group:BUNDLE 0",
        "m=video 9 UDP/TLS/RTP/SAVPF 96 97",
        "c=IN IP4 0.0.0.0",
        "a=ice-ufrag:" + credentials.ufrag(),
        "a=ice-pwd:" + credentials.pwd(),
        "a=fingerprint:sha-256 " + IDENTITY.fingerprint(),
        "a=setup:" + setup,
        "a=mid:0",
        "a=recvonly",
        "a=rtcp-mux",
        "a=rtpmap:96 H264/90000",
        "a=rtcp-fb:96 nack",
        "a=rtcp-fb:96 nack pli",
        "a=fmtp:96 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
        "a=rtpmap:97 rtx/90000",
        "a=fmtp:97 apt=96",
        "");
  }

  public String answer() {
    return answer("active");
  }

  /** Sends a signed check and returns the server's answer. */
  public DecodedMessage check(boolean useCandidate) throws Exception {
    StunMessage.Builder b = StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random())
        .add(new Username(server.ufrag() + ":" + credentials.ufrag()))
        .add(new IceControlling(42))
        .add(new Priority(1_853_817_087L));
    if (useCandidate) {
      b.add(UseCandidate.INSTANCE);
    }
    send(b.messageIntegrity(server.integrityKey()).fingerprint().encode());
    socket.setSoTimeout(300);
    try {
      while (true) {
        byte[] datagram = receiveRaw();
        if (datagram[0] < 4) { // RFC 7983: STUN; DTLS or SRTP still in flight are not the answer
          return StunDecoder.decode(datagram);
        }
      }
    } finally {
      socket.setSoTimeout(5_000);
    }
  }

  /** Whether a check gets no answer at all within 300 ms: what an unknown ufrag gets. */
  public boolean checkGoesUnanswered() throws Exception {
    try {
      check(true);
      return false;
    } catch (SocketTimeoutException expected) {
      return true;
    }
  }

  /** Whether a DTLS alert (content type 21) arrives before anything but RTP and RTCP. */
  public boolean receivesAlert() throws IOException {
    while (true) {
      byte[] datagram = receiveRaw();
      if (datagram[0] >= 20 && datagram[0] <= 63) {
        return datagram[0] == 21;
      }
    }
  }

  /** The DTLS client handshake, offering GCM first as Chromium does. */
  public void handshake(String serverFingerprint) throws IOException {
    DtlsHandshake.Completed done = DtlsHandshake.connect(IDENTITY, serverFingerprint, new SocketTransport(),
        SrtpProfile.AEAD_AES_128_GCM.id(), SrtpProfile.AES_CM_128_HMAC_SHA1_80.id());
    dtls = done.transport();
    srtp = done.keys().contextsFor(DtlsRole.CLIENT);
  }

  /** The next RTP packet, decrypted; RTCP in between is skipped. */
  public RtpPacket receiveRtp() throws Exception {
    while (true) {
      byte[] datagram = receiveRaw();
      if (!isRtcp(datagram)) {
        int length = srtp.inbound().unprotectRtp(datagram, 0, datagram.length);
        return RtpPacket.decode(Arrays.copyOf(datagram, length));
      }
    }
  }

  /** The next RTCP compound, decrypted; RTP in between is skipped. */
  public RtcpCompound receiveRtcp() throws Exception {
    while (true) {
      byte[] datagram = receiveRaw();
      if (isRtcp(datagram)) {
        int length = srtp.inbound().unprotectRtcp(datagram, 0, datagram.length);
        return RtcpCompound.decode(datagram, 0, length);
      }
    }
  }

  /** Whether nothing arrives for {@code millis}. */
  public boolean silentFor(int millis) throws IOException {
    socket.setSoTimeout(millis);
    try {
      receiveRaw();
      return false;
    } catch (SocketTimeoutException expected) {
      return true;
    } finally {
      socket.setSoTimeout(5_000);
    }
  }

  public void sendRtcp(RtcpPacket... packets) throws Exception {
    byte[] plain = RtcpCompound.of(packets).encode();
    byte[] out = Arrays.copyOf(plain, plain.length + srtp.outbound().profile().srtcpOverhead());
    send(Arrays.copyOf(out, srtp.outbound().protectRtcp(out, 0, plain.length)));
  }

  /** Ends the DTLS association with close_notify, as {@code pc.close()} does. */
  public void closeDtls() throws IOException {
    dtls.close();
  }

  public void send(byte[] datagram) throws IOException {
    socket.send(new DatagramPacket(datagram, datagram.length));
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  private byte[] receiveRaw() throws IOException {
    byte[] buffer = new byte[MTU];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    socket.receive(packet);
    return Arrays.copyOf(buffer, packet.getLength());
  }

  /** RFC 5761 §4: with rtcp-mux, RTCP packet types 192-223 sit where RTP's marker and payload type are. */
  private static boolean isRtcp(byte[] datagram) {
    int type = datagram[1] & 0xff;
    return type >= 192 && type <= 223;
  }

  @Override
  public void close() {
    socket.close();
  }

  /** DTLS over the viewer's socket; unlike BouncyCastle's UDPTransport, closing DTLS keeps the socket. */
  private final class SocketTransport implements DatagramTransport {
    @Override
    public int getReceiveLimit() {
      return MTU;
    }

    @Override
    public int getSendLimit() {
      return 1200;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
      socket.setSoTimeout(Math.max(1, waitMillis));
      DatagramPacket packet = new DatagramPacket(buf, off, len);
      try {
        socket.receive(packet);
        return packet.getLength();
      } catch (SocketTimeoutException e) {
        return -1;
      } finally {
        socket.setSoTimeout(5_000);
      }
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
      socket.send(new DatagramPacket(buf, off, len));
    }

    @Override
    public void close() {}
  }
}
