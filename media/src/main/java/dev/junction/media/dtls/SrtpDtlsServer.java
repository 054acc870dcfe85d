package dev.junction.media.dtls;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Hashtable;
import java.util.Vector;
import dev.junction.media.srtp.DtlsSrtpKeyingMaterial;
import dev.junction.media.srtp.SrtpProfile;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The server side of one DTLS-SRTP handshake (RFC 5764) with BouncyCastle: DTLS 1.2 only,
 * ECDHE-ECDSA suites, the browser's certificate requested and checked against the fingerprint in
 * its SDP (that check is what authenticates the peer), use_srtp answered with AEAD_AES_128_GCM
 * when offered else AES_CM_128_HMAC_SHA1_80, extended master secret required (BC exports keying
 * material only with it, and browsers always use it).
 *
 * <p>One instance per handshake; used by the one thread running {@code DTLSServerProtocol.accept}.
 */
final class SrtpDtlsServer extends DefaultTlsServer {

  private static final SignatureAndHashAlgorithm ECDSA_SHA256 =
      SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);

  private final DtlsIdentity identity;
  static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;

  private final String expectedPeerFingerprint;
  private SrtpProfile chosenProfile;
  private DtlsSrtpKeyingMaterial keys;

  /**
   * @param expectedPeerFingerprint the {@code a=fingerprint:sha-256} value of the peer's SDP
   */
  SrtpDtlsServer(DtlsIdentity identity, String expectedPeerFingerprint) {
    super(new BcTlsCrypto(new SecureRandom()));
    this.identity = identity;
    this.expectedPeerFingerprint = expectedPeerFingerprint;
  }

  @Override
  protected ProtocolVersion[] getSupportedVersions() {
    return ProtocolVersion.DTLSv12.only();
  }

  @Override
  protected int[] getSupportedCipherSuites() {
    return new int[] {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
    };
  }

  /**
   * BouncyCastle's default is no limit: a peer that stops answering would hold a worker thread
   * for ever. 10 s covers a browser's retransmission schedule over a lossy path several times.
   */
  @Override
  public int getHandshakeTimeoutMillis() {
    return HANDSHAKE_TIMEOUT_MILLIS;
  }

  @Override
  public boolean requiresExtendedMasterSecret() {
    return true;
  }

  @Override
  protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
    BcTlsCrypto crypto = (BcTlsCrypto) getCrypto();
    Certificate certificate = new Certificate(new TlsCertificate[] {crypto.createCertificate(identity.certificateDer())});
    return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, identity.privateKey(),
        certificate, ECDSA_SHA256);
  }

  /** Browsers sign with ECDSA (Chrome, Firefox) or RSA (older stacks): ask for either. */
  @Override
  public CertificateRequest getCertificateRequest() {
    Vector<SignatureAndHashAlgorithm> algorithms = new Vector<>();
    algorithms.add(ECDSA_SHA256);
    algorithms.add(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.rsa));
    return new CertificateRequest(new short[] {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign},
        algorithms, null);
  }

  /** The peer's certificate must be the one its SDP fingerprint names, or the handshake fails. */
  @Override
  public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
    if (clientCertificate == null || clientCertificate.isEmpty()) {
      throw new TlsFatalAlert(AlertDescription.handshake_failure, "the peer sent no certificate");
    }
    String actual = DtlsIdentity.fingerprintOf(clientCertificate.getCertificateAt(0).getEncoded());
    if (!DtlsIdentity.sameFingerprint(actual, expectedPeerFingerprint)) {
      throw new TlsFatalAlert(AlertDescription.bad_certificate,
          "the peer's certificate does not match the fingerprint in its SDP");
    }
  }

  @Override
  @SuppressWarnings("rawtypes")
  public void processClientExtensions(Hashtable clientExtensions) throws IOException {
    super.processClientExtensions(clientExtensions);
    UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
    if (offered == null) {
      throw new TlsFatalAlert(AlertDescription.handshake_failure, "the peer offered no use_srtp extension");
    }
    chosenProfile = SrtpProfile.choose(offered.getProtectionProfiles())
        .orElseThrow(() -> new TlsFatalAlert(AlertDescription.handshake_failure, "no SRTP profile in common"));
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public Hashtable getServerExtensions() throws IOException {
    Hashtable extensions = super.getServerExtensions();
    if (extensions == null) {
      extensions = new Hashtable();
    }
    TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(new int[] {chosenProfile.id()}, TlsUtils.EMPTY_BYTES));
    return extensions;
  }

  @Override
  public void notifyHandshakeComplete() throws IOException {
    super.notifyHandshakeComplete();
    keys = DtlsSrtpKeyingMaterial.of(chosenProfile,
        context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, chosenProfile.keyingMaterialLength()));
  }

  /** The keys, once the handshake completed. */
  DtlsSrtpKeyingMaterial keys() {
    return keys;
  }
}
