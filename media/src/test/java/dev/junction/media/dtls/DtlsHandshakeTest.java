package dev.junction.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.junction.media.srtp.DtlsRole;
import dev.junction.media.srtp.DtlsSrtpKeyingMaterial;
import dev.junction.media.srtp.SrtpProfile;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The DTLS-SRTP server against a BouncyCastle client with its own certificate, over an in-memory
 * datagram pair: both ends must export the same keys (RFC 5764 §4.2), the profile follows our
 * preference, and a certificate that does not match the SDP fingerprint fails the handshake.
 */
class DtlsHandshakeTest {

  private static final DtlsIdentity SERVER = DtlsIdentity.generate(Duration.ofDays(7));
  private static final DtlsIdentity BROWSER = DtlsIdentity.generate(Duration.ofDays(7));

  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  /** Runs both sides; returns {server keys, client keys} or throws what the server threw. */
  private DtlsSrtpKeyingMaterial[] handshake(String fingerprintExpectedByServer, int... clientProfiles) throws Exception {
    AtomicReference<QueuedDatagramTransport> toClient = new AtomicReference<>();
    AtomicReference<QueuedDatagramTransport> toServer = new AtomicReference<>();
    QueuedDatagramTransport serverSide = new QueuedDatagramTransport(record -> toClient.get().offer(record));
    QueuedDatagramTransport clientSide = new QueuedDatagramTransport(record -> toServer.get().offer(record));
    toClient.set(clientSide);
    toServer.set(serverSide);

    CompletableFuture<DtlsHandshake.Completed> server = CompletableFuture.supplyAsync(() -> {
      try {
        return DtlsHandshake.accept(SERVER, fingerprintExpectedByServer, serverSide);
      } catch (IOException e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    }, threads);
    CompletableFuture<DtlsSrtpKeyingMaterial> clientKeys = CompletableFuture.supplyAsync(() -> {
      try {
        return DtlsHandshake.connect(BROWSER, SERVER.fingerprint(), clientSide, clientProfiles).keys();
      } catch (IOException e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    }, threads);
    try {
      DtlsSrtpKeyingMaterial serverKeys = server.get(20, TimeUnit.SECONDS).keys();
      return new DtlsSrtpKeyingMaterial[] {serverKeys, clientKeys.get(20, TimeUnit.SECONDS)};
    } catch (java.util.concurrent.ExecutionException e) {
      throw (Exception) e.getCause();
    } finally {
      serverSide.close();
      clientSide.close();
    }
  }

  @Test
  void bothEndsExportTheSameKeysAndGcmIsPreferred() throws Exception {
    DtlsSrtpKeyingMaterial[] keys = handshake(BROWSER.fingerprint(),
        SrtpProfile.AES_CM_128_HMAC_SHA1_80.id(), SrtpProfile.AEAD_AES_128_GCM.id());
    assertThat(keys[0].profile()).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
    assertSameKeys(keys[0], keys[1]);
  }

  @Test
  void aClientWithoutGcmGetsAesCmWithItsLongerSalts() throws Exception {
    DtlsSrtpKeyingMaterial[] keys = handshake(BROWSER.fingerprint(), SrtpProfile.AES_CM_128_HMAC_SHA1_80.id());
    assertThat(keys[0].profile()).isEqualTo(SrtpProfile.AES_CM_128_HMAC_SHA1_80);
    assertSameKeys(keys[0], keys[1]);
  }

  @Test
  void aCertificateThatIsNotTheOneInTheSdpFailsTheHandshake() {
    String someoneElse = DtlsIdentity.generate(Duration.ofDays(1)).fingerprint();
    assertThatThrownBy(() -> handshake(someoneElse, SrtpProfile.AEAD_AES_128_GCM.id()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("fingerprint");
  }

  @Test
  void aClientOfferingNoSrtpIsRefused() {
    assertThatThrownBy(() -> handshake(BROWSER.fingerprint())).isInstanceOf(IOException.class);
  }

  /**
   * Both ends hold the same material, so what the server encrypts the client decrypts: an RTP
   * packet protected with the server's half opens with the client's inbound context.
   */
  private static void assertSameKeys(DtlsSrtpKeyingMaterial server, DtlsSrtpKeyingMaterial client) throws Exception {
    byte[] rtp = new byte[12 + 100 + 16];
    rtp[0] = (byte) 0x80;
    rtp[1] = 96;
    rtp[3] = 1;
    rtp[11] = 7;
    int protectedLength = server.contextsFor(DtlsRole.SERVER).outbound().protectRtp(rtp, 0, 112);
    assertThat(client.contextsFor(DtlsRole.CLIENT).inbound().unprotectRtp(rtp, 0, protectedLength)).isEqualTo(112);
  }

  @Test
  void theFingerprintIsUpperCaseHexPairsOfSha256() {
    assertThat(SERVER.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
  }
}
