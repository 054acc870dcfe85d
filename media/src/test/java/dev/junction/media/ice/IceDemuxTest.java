package dev.junction.media.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.stun.Bytes;
import dev.junction.stun.DecodedMessage;
import dev.junction.stun.ErrorCode;
import dev.junction.stun.MessageType;
import dev.junction.stun.StunMessage;
import dev.junction.stun.TransactionId;
import dev.junction.stun.UnknownAttribute;
import dev.junction.stun.UnknownAttributes;
import dev.junction.stun.Username;
import dev.junction.stun.XorMappedAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ICE-lite on a shared port, as the browser sees it. */
class IceDemuxTest {

  private static final byte[] DTLS_CLIENT_HELLO = {22, (byte) 0xFE, (byte) 0xFD, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  private static final byte[] RTP = {(byte) 0x80, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1};
  private static final byte[] RTCP_PLI = {(byte) 0x81, (byte) 206, 0, 2, 0, 0, 0, 1, 0, 0, 0, 2};

  private final AtomicLong clock = new AtomicLong(1_000_000);
  private final IceDemux demux = new IceDemux(clock::get);
  private final IceCredentials server = new IceCredentials("srv1", "serverPassword0123456789");
  private final BrowserPeer browser = BrowserPeer.at("192.0.2.50", 50_000);
  private RecordingListener listener;
  private IceSession session;

  @BeforeEach
  void open() {
    listener = new RecordingListener();
    session = demux.open(server, listener);
  }

  private Inbound receive(BrowserPeer from, byte[] datagram) {
    return demux.receive(datagram, 0, datagram.length, from.address());
  }

  private static Datagram reply(Inbound inbound) {
    assertThat(inbound).isInstanceOf(Inbound.Reply.class);
    return ((Inbound.Reply) inbound).datagram();
  }

  /** The success response to a check, verified as the browser verifies it. */
  private static DecodedMessage success(Inbound inbound, IceCredentials signer) {
    DecodedMessage response = BrowserPeer.decode(reply(inbound).payload());
    assertThat(response.message().type()).isEqualTo(MessageType.BINDING_SUCCESS);
    assertThat(response.verifyIntegrity(signer.integrityKey())).isTrue();
    return response;
  }

  @Test
  void validCheckIsAnsweredWithAResponseTheBrowserCanVerify() {
    byte[] check = browser.signedCheck(server, false);

    Datagram answer = reply(receive(browser, check));

    assertThat(answer.recipient()).isEqualTo(browser.address());
    DecodedMessage response = BrowserPeer.decode(answer.payload());
    assertThat(response.message().type()).isEqualTo(MessageType.BINDING_SUCCESS);
    assertThat(response.message().transactionId()).isEqualTo(BrowserPeer.transactionId(check));
    assertThat(response.verifyIntegrity(server.integrityKey())).as("signed with our ice-pwd").isTrue();
    assertThat(response.hasValidFingerprint()).isTrue();
    assertThat(response.message().first(XorMappedAddress.class)).contains(new XorMappedAddress(browser.address()));
    assertThat(listener.selected).as("no USE-CANDIDATE, no nomination").isEmpty();
  }

  @Test
  void wrongPasswordGets401Unsigned() {
    IceCredentials wrong = new IceCredentials(server.ufrag(), "notTheServerPassword0000");
    byte[] check = browser.signedCheck(wrong, true);

    DecodedMessage response = BrowserPeer.decode(reply(receive(browser, check)).payload());

    assertThat(response.message().type()).isEqualTo(MessageType.BINDING_ERROR);
    assertThat(response.message().first(ErrorCode.class)).map(ErrorCode::code).contains(401);
    assertThat(response.hasMessageIntegrity()).as("the peer proved no key").isFalse();
    assertThat(response.hasValidFingerprint()).isTrue();
    assertThat(demux.sessionAt(browser.address())).as("no route").isEmpty();
    assertThat(listener.selected).isEmpty();
  }

  @Test
  void unknownUfragIsDropped() {
    IceCredentials stranger = new IceCredentials("nobody", "serverPassword0123456789");

    assertThat(receive(browser, browser.signedCheck(stranger, true))).isEqualTo(new Inbound.Drop(DropReason.UNKNOWN_UFRAG));
  }

  @Test
  void missingUsernameOrIntegrityIs400() {
    byte[] noUsername = StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random())
        .messageIntegrity(server.integrityKey()).fingerprint().encode();
    byte[] noIntegrity = browser.check(server, false).fingerprint().encode();
    byte[] noColon = StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random())
        .add(new Username(server.ufrag())).messageIntegrity(server.integrityKey()).fingerprint().encode();
    byte[] emptyRemote = StunMessage.builder(MessageType.BINDING_REQUEST, TransactionId.random())
        .add(new Username(server.ufrag() + ":")).messageIntegrity(server.integrityKey()).fingerprint().encode();

    for (byte[] request : List.of(noUsername, noIntegrity, noColon, emptyRemote)) {
      DecodedMessage response = BrowserPeer.decode(reply(receive(browser, request)).payload());
      assertThat(response.message().first(ErrorCode.class)).map(ErrorCode::code).contains(400);
      assertThat(response.message().transactionId()).isEqualTo(BrowserPeer.transactionId(request));
      assertThat(response.hasMessageIntegrity()).isFalse();
    }
    assertThat(demux.sessionAt(browser.address())).isEmpty();
  }

  @Test
  void checksWithoutAValidFingerprintAreDropped() {
    byte[] unfingerprinted = browser.check(server, true).messageIntegrity(server.integrityKey()).encode();
    byte[] corrupted = browser.signedCheck(server, true);
    corrupted[corrupted.length - 1] ^= 1;

    assertThat(receive(browser, unfingerprinted)).isEqualTo(new Inbound.Drop(DropReason.BAD_FINGERPRINT));
    assertThat(receive(browser, corrupted)).isEqualTo(new Inbound.Drop(DropReason.BAD_FINGERPRINT));
    assertThat(listener.selected).isEmpty();
  }

  @Test
  void peerClaimingTheControlledRoleGets487SignedAndKeepsNoRoute() {
    DecodedMessage response = BrowserPeer.decode(reply(receive(browser, browser.controlledCheck(server))).payload());

    assertThat(response.message().first(ErrorCode.class)).map(ErrorCode::code).contains(ErrorCode.ROLE_CONFLICT);
    assertThat(response.verifyIntegrity(server.integrityKey())).as("the request was authenticated").isTrue();
    assertThat(demux.sessionAt(browser.address())).isEmpty();
  }

  @Test
  void unknownComprehensionRequiredAttributeGets420() {
    byte[] check = browser.check(server, false).add(new UnknownAttribute(0x7777, Bytes.fromHex("01020304")))
        .messageIntegrity(server.integrityKey()).fingerprint().encode();

    DecodedMessage response = BrowserPeer.decode(reply(receive(browser, check)).payload());

    assertThat(response.message().first(ErrorCode.class)).map(ErrorCode::code).contains(420);
    assertThat(response.message().first(UnknownAttributes.class)).contains(new UnknownAttributes(List.of(0x7777)));
    assertThat(response.verifyIntegrity(server.integrityKey())).isTrue();
  }

  @Test
  void comprehensionOptionalAttributesAreFine() {
    // Chromium adds GOOG-NETWORK-INFO (0xC057), comprehension-optional.
    byte[] check = browser.check(server, false).add(new UnknownAttribute(0xC057, Bytes.fromHex("0001000a")))
        .messageIntegrity(server.integrityKey()).fingerprint().encode();

    success(receive(browser, check), server);
  }

  @Test
  void indicationsAndResponsesAreNotAnswered() {
    byte[] keepalive = StunMessage.builder(MessageType.BINDING_INDICATION, TransactionId.random()).fingerprint().encode();
    byte[] response = StunMessage.builder(MessageType.BINDING_SUCCESS, TransactionId.random())
        .add(new XorMappedAddress(browser.address())).messageIntegrity(server.integrityKey()).fingerprint().encode();
    byte[] allocate = StunMessage.builder(MessageType.ALLOCATE_REQUEST, TransactionId.random()).fingerprint().encode();

    for (byte[] message : List.of(keepalive, response, allocate)) {
      assertThat(receive(browser, message)).isEqualTo(new Inbound.Drop(DropReason.NOT_A_BINDING_REQUEST));
    }
    assertThat(receive(browser, new byte[] {0, 1, 0, 0, 0x21, 0x12})).isEqualTo(new Inbound.Drop(DropReason.MALFORMED_STUN));
  }

  @Test
  void useCandidateSelectsThePair() {
    receive(browser, browser.signedCheck(server, false));
    assertThat(session.selectedAddress()).isEmpty();

    receive(browser, browser.signedCheck(server, true));
    receive(browser, browser.signedCheck(server, true)); // Chromium repeats it in later checks

    assertThat(session.selectedAddress()).contains(browser.address());
    assertThat(listener.selected).containsExactly(browser.address());
  }

  @Test
  void laterNominationOfAnotherPairReplacesTheSelection() {
    BrowserPeer wifi = browser;
    BrowserPeer lte = browser.from("198.51.100.7", 40_000);
    receive(wifi, wifi.signedCheck(server, true));

    receive(lte, lte.signedCheck(server, true));

    assertThat(session.selectedAddress()).contains(lte.address());
    assertThat(listener.selected).containsExactly(wifi.address(), lte.address());
  }

  @Test
  void mediaFromTheCheckedAddressIsRoutedToTheSession() {
    assertThat(receive(browser, DTLS_CLIENT_HELLO)).as("before any check")
        .isEqualTo(new Inbound.Drop(DropReason.UNKNOWN_SOURCE));

    receive(browser, browser.signedCheck(server, true));

    assertThat(receive(browser, DTLS_CLIENT_HELLO)).isEqualTo(new Inbound.Deliver(session, PacketKind.DTLS));
    assertThat(receive(browser, RTP)).isEqualTo(new Inbound.Deliver(session, PacketKind.RTP));
    assertThat(receive(browser, RTCP_PLI)).isEqualTo(new Inbound.Deliver(session, PacketKind.RTCP));
    assertThat(demux.receive(ByteBuffer.wrap(RTCP_PLI), browser.address()))
        .isEqualTo(new Inbound.Deliver(session, PacketKind.RTCP));
    assertThat(receive(browser, RTP)).as("routing allocates no verdict").isSameAs(receive(browser, RTP));
    assertThat(receive(browser, new byte[] {99})).isSameAs(receive(browser, new byte[] {99}));
    BrowserPeer otherPort = browser.from("192.0.2.50", 50_001);
    assertThat(receive(otherPort, RTP)).as("the 5-tuple, not the host").isEqualTo(new Inbound.Drop(DropReason.UNKNOWN_SOURCE));
  }

  @Test
  void peerReflexiveAddressesNeedNoSignalling() {
    // The session never learned any remote candidate: a check from a NATed address nobody signalled is as good.
    BrowserPeer natted = browser.from("203.0.113.99", 61_234);

    receive(natted, natted.signedCheck(server, true));

    assertThat(session.selectedAddress()).contains(natted.address());
    assertThat(receive(natted, RTP)).isEqualTo(new Inbound.Deliver(session, PacketKind.RTP));
  }

  @Test
  void checksFromNonStunRangesAreNeverStun() {
    assertThat(receive(browser, new byte[] {17, 0, 0, 0})).isEqualTo(new Inbound.Drop(DropReason.NOT_STUN_DTLS_OR_RTP));
    assertThat(receive(browser, new byte[] {0x40, 0, 0, 4, 1, 2, 3, 4})).isEqualTo(new Inbound.Drop(DropReason.NOT_STUN_DTLS_OR_RTP));
    assertThat(receive(browser, new byte[0])).isEqualTo(new Inbound.Drop(DropReason.NOT_STUN_DTLS_OR_RTP));
  }

  @Test
  void anAddressBelongsToTheFirstSessionThatValidatedIt() {
    receive(browser, browser.signedCheck(server, true));
    IceCredentials otherCredentials = new IceCredentials("srv2", "anotherPassword012345678");
    RecordingListener otherListener = new RecordingListener();
    IceSession other = demux.open(otherCredentials, otherListener);

    success(receive(browser, browser.signedCheck(otherCredentials, true)), otherCredentials);

    assertThat(demux.sessionAt(browser.address())).contains(session);
    assertThat(other.selectedAddress()).isEmpty();
    assertThat(otherListener.selected).isEmpty();

    demux.close(session);
    receive(browser, browser.signedCheck(otherCredentials, true));
    assertThat(demux.sessionAt(browser.address())).contains(other);
    assertThat(otherListener.selected).containsExactly(browser.address());
  }

  @Test
  void consentExpiresThirtySecondsAfterTheLastValidCheck() {
    receive(browser, browser.signedCheck(server, true));
    clock.addAndGet(29_999);
    assertThat(demux.expireConsent()).isEmpty();
    receive(browser, browser.signedCheck(server, false)); // the browser's consent check refreshes
    clock.addAndGet(29_999);
    assertThat(demux.expireConsent()).isEmpty();

    clock.addAndGet(1);
    assertThat(demux.expireConsent()).containsExactly(session);

    assertThat(listener.consentExpired).isEqualTo(1);
    assertThat(session.isClosed()).isTrue();
    assertThat(receive(browser, RTP)).isEqualTo(new Inbound.Drop(DropReason.UNKNOWN_SOURCE));
    assertThat(receive(browser, browser.signedCheck(server, false))).isEqualTo(new Inbound.Drop(DropReason.UNKNOWN_UFRAG));
    assertThat(demux.expireConsent()).as("reported once").isEmpty();
    assertThat(demux.sessionCount()).isZero();
  }

  @Test
  void aSessionNeverCheckedExpiresThirtySecondsAfterOpening() {
    clock.addAndGet(IceDemux.CONSENT_TIMEOUT_MILLIS);

    assertThat(demux.expireConsent()).containsExactly(session);
  }

  @Test
  void onlyTheSelectedPairRefreshesConsentOnceOneIsSelected() {
    BrowserPeer other = browser.from("198.51.100.7", 40_000);
    receive(browser, browser.signedCheck(server, true));
    for (int i = 0; i < 3; i++) {
      clock.addAndGet(10_000);
      receive(other, other.signedCheck(server, false)); // valid, but not the selected pair
    }

    assertThat(demux.expireConsent()).containsExactly(session);
  }

  @Test
  void iceRestartAnswersTheOldCredentialsUntilTheNewOnesAreUsed() {
    receive(browser, browser.signedCheck(server, true));
    IceCredentials restarted = new IceCredentials("srv9", "restartedPassword0123456");

    demux.restart(session, restarted);

    assertThat(session.localCredentials()).isEqualTo(restarted);
    success(receive(browser, browser.signedCheck(server, false)), server); // the old generation, still
    BrowserPeer afterRestart = new BrowserPeer("n3wB", browser.address());
    success(receive(afterRestart, afterRestart.signedCheck(restarted, true)), restarted);

    assertThat(receive(browser, browser.signedCheck(server, false))).as("the old generation is retired")
        .isEqualTo(new Inbound.Drop(DropReason.UNKNOWN_UFRAG));
    assertThat(receive(browser, RTP)).as("routes survive the restart").isEqualTo(new Inbound.Deliver(session, PacketKind.RTP));
    assertThat(session.selectedAddress()).contains(browser.address());
    assertThat(listener.selected).as("same pair, no new selection").containsExactly(browser.address());
  }

  @Test
  void aSecondRestartBeforeTheFirstCompletesDropsTheOldestCredentials() {
    IceCredentials second = new IceCredentials("srv8", "secondPassword0123456789");
    IceCredentials third = new IceCredentials("srv7", "thirdPassword01234567890");

    demux.restart(session, second);
    demux.restart(session, third);

    assertThat(receive(browser, browser.signedCheck(server, false))).isEqualTo(new Inbound.Drop(DropReason.UNKNOWN_UFRAG));
    assertThat(success(receive(browser, browser.signedCheck(second, false)), second)).isNotNull();
    assertThat(success(receive(browser, browser.signedCheck(third, false)), third)).isNotNull();
  }

  @Test
  void restartRules() {
    assertThatThrownBy(() -> demux.restart(session, new IceCredentials(server.ufrag(), "anotherPassword012345678")))
        .hasMessageContaining("changes both ufrag and password");
    assertThatThrownBy(() -> demux.restart(session, new IceCredentials("srv5", server.pwd())))
        .hasMessageContaining("changes both ufrag and password");
    IceSession other = demux.open(new IceCredentials("srv2", "anotherPassword012345678"), IceSessionListener.NONE);
    assertThatThrownBy(() -> demux.restart(session, new IceCredentials("srv2", "yetAnotherPassword012345")))
        .hasMessageContaining("already has ufrag srv2");
    demux.close(other);
    demux.close(session);
    assertThatThrownBy(() -> demux.restart(session, new IceCredentials("srv3", "yetAnotherPassword012345")))
        .hasMessageContaining("closed session");
  }

  @Test
  void closeForgetsEverythingAndCallsNoListener() {
    receive(browser, browser.signedCheck(server, true));

    demux.close(session);

    assertThat(session.isClosed()).isTrue();
    assertThat(receive(browser, RTP)).isEqualTo(new Inbound.Drop(DropReason.UNKNOWN_SOURCE));
    assertThat(receive(browser, browser.signedCheck(server, true))).isEqualTo(new Inbound.Drop(DropReason.UNKNOWN_UFRAG));
    assertThat(listener.consentExpired).isZero();
    clock.addAndGet(60_000);
    assertThat(demux.expireConsent()).isEmpty();
  }

  @Test
  void ufragsAreUnique() {
    assertThatThrownBy(() -> demux.open(new IceCredentials(server.ufrag(), "anotherPassword012345678"), IceSessionListener.NONE))
        .isInstanceOf(IllegalStateException.class);
    assertThat(demux.open(IceSessionListener.NONE).localCredentials().ufrag()).hasSize(8);
  }

  @Test
  void routesPerSessionAreBoundedAndTheSelectedPairIsKept() {
    receive(browser, browser.signedCheck(server, true));
    for (int i = 1; i <= IceSession.MAX_ADDRESSES + 4; i++) {
      BrowserPeer p = browser.from("198.51.100." + i, 40_000);
      receive(p, p.signedCheck(server, false));
    }

    long routed = java.util.stream.IntStream.rangeClosed(1, IceSession.MAX_ADDRESSES + 4)
        .filter(i -> demux.sessionAt(new InetSocketAddress("198.51.100." + i, 40_000)).isPresent()).count();
    assertThat(routed).isEqualTo(IceSession.MAX_ADDRESSES - 1);
    assertThat(demux.sessionAt(browser.address())).as("the selected pair").contains(session);
    assertThat(demux.sessionAt(new InetSocketAddress("198.51.100.1", 40_000))).as("the oldest other").isEmpty();
  }

  @Test
  void byteBufferReceiveLeavesThePositionAlone() {
    ByteBuffer check = ByteBuffer.allocate(200);
    check.position(7);
    check.put(browser.signedCheck(server, true)).flip().position(7);

    assertThat(demux.receive(check, browser.address())).isInstanceOf(Inbound.Reply.class);
    assertThat(check.position()).isEqualTo(7);
    assertThat(session.selectedAddress()).contains(browser.address());
  }
}
