package dev.junction.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * RFC 5764 §4.2: the exporter output is client_key | server_key | client_salt | server_salt, and
 * each side encrypts with its own write key. The pairing tests run the whole DTLS-SRTP key path
 * for both roles, as a server and a browser would.
 */
class DtlsSrtpKeyingMaterialTest {

  /** Exporter output 00 01 02 ... so every byte says where it came from. */
  private static byte[] exported(SrtpProfile profile) {
    byte[] bytes = new byte[profile.keyingMaterialLength()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    return bytes;
  }

  private static byte[] range(int from, int to) {
    byte[] bytes = new byte[to - from];
    for (int i = from; i < to; i++) {
      bytes[i - from] = (byte) i;
    }
    return bytes;
  }

  @Test
  void gcmMaterialSplitsIntoClientKeyServerKeyClientSaltServerSalt() {
    SrtpProfile gcm = SrtpProfile.AEAD_AES_128_GCM;

    DtlsSrtpKeyingMaterial material = DtlsSrtpKeyingMaterial.of(gcm, exported(gcm));

    assertThat(material.clientWriteKey()).isEqualTo(SrtpMasterKey.of(gcm, range(0, 16), range(32, 44)));
    assertThat(material.serverWriteKey()).isEqualTo(SrtpMasterKey.of(gcm, range(16, 32), range(44, 56)));
  }

  @Test
  void aesCmMaterialSplitsIntoClientKeyServerKeyClientSaltServerSalt() {
    SrtpProfile cm = SrtpProfile.AES_CM_128_HMAC_SHA1_80;

    DtlsSrtpKeyingMaterial material = DtlsSrtpKeyingMaterial.of(cm, exported(cm));

    assertThat(material.clientWriteKey()).isEqualTo(SrtpMasterKey.of(cm, range(0, 16), range(32, 46)));
    assertThat(material.serverWriteKey()).isEqualTo(SrtpMasterKey.of(cm, range(16, 32), range(46, 60)));
  }

  @Test
  void asDtlsServerWeEncryptWithTheServerHalfAndDecryptWithTheClientHalf() {
    DtlsSrtpKeyingMaterial material =
        DtlsSrtpKeyingMaterial.of(SrtpProfile.AEAD_AES_128_GCM, exported(SrtpProfile.AEAD_AES_128_GCM));

    assertThat(material.localWriteKey(DtlsRole.SERVER)).isSameAs(material.serverWriteKey());
    assertThat(material.remoteWriteKey(DtlsRole.SERVER)).isSameAs(material.clientWriteKey());
    assertThat(material.localWriteKey(DtlsRole.CLIENT)).isSameAs(material.clientWriteKey());
    assertThat(material.remoteWriteKey(DtlsRole.CLIENT)).isSameAs(material.serverWriteKey());
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void serverAndClientContextsFromOneExportTalkBothWays(SrtpProfile profile) throws Exception {
    DtlsSrtpKeyingMaterial material = DtlsSrtpKeyingMaterial.of(profile, exported(profile));
    SrtpContexts server = material.contextsFor(DtlsRole.SERVER);
    SrtpContexts browser = material.contextsFor(DtlsRole.CLIENT);

    assertThat(roundTrip(server.outbound(), browser.inbound())).isTrue();
    assertThat(roundTrip(browser.outbound(), server.inbound())).isTrue();
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void swappedHalvesFailAuthentication(SrtpProfile profile) throws Exception {
    // The classic bug: decrypting with our own write key instead of the peer's.
    DtlsSrtpKeyingMaterial material = DtlsSrtpKeyingMaterial.of(profile, exported(profile));
    SrtpContexts browser = material.contextsFor(DtlsRole.CLIENT);
    InboundSrtpContext wrongHalf = InboundSrtpContext.create(material.serverWriteKey());

    byte[] packet = Packets.rtp(0x11223344, 1, 100, 0x5a);
    int length = browser.outbound().protectRtp(packet, 0, 112);

    assertThatThrownBy(() -> wrongHalf.unprotectRtp(packet, 0, length))
        .isInstanceOfSatisfying(SrtpException.class,
            e -> assertThat(e.reason()).isEqualTo(SrtpException.Reason.AUTHENTICATION_FAILED));
  }

  @Test
  void materialOfTheWrongLengthIsRefused() {
    assertThatThrownBy(() -> DtlsSrtpKeyingMaterial.of(SrtpProfile.AEAD_AES_128_GCM, new byte[60]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("AEAD_AES_128_GCM(0x0007) keying material is 2 * (16 + 12) = 56 bytes, got 60");
  }

  @Test
  void theExporterOutputIsCopied() {
    SrtpProfile gcm = SrtpProfile.AEAD_AES_128_GCM;
    byte[] bytes = exported(gcm);
    DtlsSrtpKeyingMaterial material = DtlsSrtpKeyingMaterial.of(gcm, bytes);

    Arrays.fill(bytes, (byte) 0);

    assertThat(material.clientWriteKey()).isEqualTo(SrtpMasterKey.of(gcm, range(0, 16), range(32, 44)));
  }

  @Test
  void toStringShowsNoKey() {
    DtlsSrtpKeyingMaterial material =
        DtlsSrtpKeyingMaterial.of(SrtpProfile.AEAD_AES_128_GCM, exported(SrtpProfile.AEAD_AES_128_GCM));

    assertThat(material).hasToString("DtlsSrtpKeyingMaterial[AEAD_AES_128_GCM(0x0007)]");
    assertThat(material.clientWriteKey()).hasToString("SrtpMasterKey[AEAD_AES_128_GCM(0x0007)]");
  }

  private static boolean roundTrip(OutboundSrtpContext sender, InboundSrtpContext receiver) throws SrtpException {
    byte[] packet = Packets.rtp(0x11223344, 7, 100, 0x5a);
    byte[] plain = Arrays.copyOf(packet, 112);
    int length = sender.protectRtp(packet, 0, 112);
    int rtpLength = receiver.unprotectRtp(packet, 0, length);
    return rtpLength == 112 && Arrays.equals(Arrays.copyOf(packet, rtpLength), plain);
  }
}
