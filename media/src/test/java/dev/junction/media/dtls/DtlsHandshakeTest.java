package dev.junction.media.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.tls.DTLSClientProtocol;
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
  private SrtpKeyingMaterial[] handshake(String fingerprintExpectedByServer, int... clientProfiles) throws Exception {
    AtomicReference<QueuedDatagramTransport> toClient = new AtomicReference<>();
    AtomicReference<QueuedDatagramTransport> toServer = new AtomicReference<>();
    QueuedDatagramTransport serverSide = new QueuedDatagramTransport(record -> toClient.get().offer(record));
    QueuedDatagramTransport clientSide = new QueuedDatagramTransport(record -> toServer.get().offer(record));
    toClient.set(clientSide);
    toServer.set(serverSide);

    TestDtlsClient client = new TestDtlsClient(BROWSER, SERVER.fingerprint(), clientProfiles);
    CompletableFuture<DtlsHandshake.Completed> server = CompletableFuture.supplyAsync(() -> {
      try {
        return DtlsHandshake.accept(SERVER, fingerprintExpectedByServer, serverSide);
      } catch (IOException e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    }, threads);
    CompletableFuture<SrtpKeyingMaterial> clientKeys = CompletableFuture.supplyAsync(() -> {
      try {
        new DTLSClientProtocol().connect(client, clientSide);
        return client.keys;
      } catch (IOException e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    }, threads);
    try {
      SrtpKeyingMaterial serverKeys = server.get(20, TimeUnit.SECONDS).keys();
      return new SrtpKeyingMaterial[] {serverKeys, clientKeys.get(20, TimeUnit.SECONDS)};
    } catch (java.util.concurrent.ExecutionException e) {
      throw (Exception) e.getCause();
    } finally {
      serverSide.close();
      clientSide.close();
    }
  }

  @Test
  void bothEndsExportTheSameKeysAndGcmIsPreferred() throws Exception {
    SrtpKeyingMaterial[] keys = handshake(BROWSER.fingerprint(),
        SrtpKeyingMaterial.AES128_CM_HMAC_SHA1_80, SrtpKeyingMaterial.AEAD_AES_128_GCM);
    assertThat(keys[0].profile()).isEqualTo(SrtpKeyingMaterial.AEAD_AES_128_GCM);
    assertThat(keys[0].material()).hasSize(2 * (16 + 12));
    assertThat(keys[1]).isEqualTo(keys[0]);
  }

  @Test
  void aClientWithoutGcmGetsAesCmWithItsLongerSalts() throws Exception {
    SrtpKeyingMaterial[] keys = handshake(BROWSER.fingerprint(), SrtpKeyingMaterial.AES128_CM_HMAC_SHA1_80);
    assertThat(keys[0].profile()).isEqualTo(SrtpKeyingMaterial.AES128_CM_HMAC_SHA1_80);
    assertThat(keys[0].material()).hasSize(2 * (16 + 14));
    assertThat(keys[1]).isEqualTo(keys[0]);
  }

  @Test
  void aCertificateThatIsNotTheOneInTheSdpFailsTheHandshake() {
    String someoneElse = DtlsIdentity.generate(Duration.ofDays(1)).fingerprint();
    assertThatThrownBy(() -> handshake(someoneElse, SrtpKeyingMaterial.AEAD_AES_128_GCM))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("fingerprint");
  }

  @Test
  void aClientOfferingNoSrtpIsRefused() {
    assertThatThrownBy(() -> handshake(BROWSER.fingerprint())).isInstanceOf(IOException.class);
  }

  @Test
  void theFingerprintIsUpperCaseHexPairsOfSha256() {
    assertThat(SERVER.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
  }
}
