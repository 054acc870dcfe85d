package dev.junction.bench.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.junction.media.ice.IceCredentials;
import dev.junction.stun.DecodedMessage;
import dev.junction.stun.IceControlling;
import dev.junction.stun.MessageType;
import dev.junction.stun.StunDecoder;
import dev.junction.stun.StunMessage;
import dev.junction.stun.TransactionId;
import dev.junction.stun.UseCandidate;
import dev.junction.stun.Username;
import dev.junction.stun.XorMappedAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The viewer's checks as an ICE-lite server reads them (RFC 8445 §7.2.2), and its answers. */
class IceCheckTest {

  private static final IceCredentials SERVER = new IceCredentials("srvUfrag", "serverPassword0123456789");
  private static final IceCredentials VIEWER = new IceCredentials("viewUfrag", "viewerPassword0123456789");

  private static byte[] answer(TransactionId transaction, IceCredentials signer) {
    return StunMessage.builder(MessageType.BINDING_SUCCESS, transaction)
        .add(new XorMappedAddress(new InetSocketAddress("127.0.0.1", 40_000)))
        .messageIntegrity(signer.integrityKey()).fingerprint().encode();
  }

  @Test
  void theFirstCheckNominatesAndIsSignedWithTheServersPassword() throws Exception {
    DecodedMessage check = StunDecoder.decode(new IceCheck(SERVER, VIEWER, 42, true).request());
    assertThat(check.message().type()).isEqualTo(MessageType.BINDING_REQUEST);
    assertThat(check.message().first(Username.class).orElseThrow().value()).isEqualTo("srvUfrag:viewUfrag");
    assertThat(check.message().first(IceControlling.class)).isPresent();
    assertThat(check.message().has(UseCandidate.class)).isTrue();
    assertThat(check.verifyMessageIntegrity(SERVER.integrityKey())).isTrue();
    assertThat(check.hasValidFingerprint()).isTrue();
  }

  @Test
  void consentChecksDoNotNominate() throws Exception {
    DecodedMessage check = StunDecoder.decode(new IceCheck(SERVER, VIEWER, 42, false).request());
    assertThat(check.message().has(UseCandidate.class)).isFalse();
  }

  @Test
  void onlyASignedSuccessForThisTransactionAnswersIt() throws Exception {
    IceCheck check = new IceCheck(SERVER, VIEWER, 42, true);
    TransactionId mine = StunDecoder.decode(check.request()).message().transactionId();
    assertThat(check.answeredBy(answer(mine, SERVER), SERVER)).isTrue();
    assertThat(check.answeredBy(answer(TransactionId.random(), SERVER), SERVER)).isFalse();
    assertThat(check.answeredBy(answer(mine, VIEWER), SERVER)).isFalse();
    assertThat(check.answeredBy(new byte[] {1, 1, 0, 0}, SERVER)).isFalse();
  }
}
