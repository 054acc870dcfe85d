package dev.junction.media.dtls;

import dev.junction.media.srtp.DtlsSrtpKeyingMaterial;
import dev.junction.media.srtp.SrtpProfile;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The client side of DTLS-SRTP, shaped like a browser's: DTLS 1.2, ECDHE-ECDSA with AES-GCM, its
 * own ECDSA certificate, use_srtp with the profiles it is given, extended master secret; the
 * server's certificate must match the SDP fingerprint. The gateway is always the server; this
 * side is for the viewer load generator and for tests, through {@link DtlsHandshake#connect}.
 */
final class SrtpDtlsClient extends DefaultTlsClient {

  private final DtlsIdentity identity;
  private final String serverFingerprint;
  private final int[] offeredProfiles;
  private SrtpProfile profile;
  private DtlsSrtpKeyingMaterial keys;

  SrtpDtlsClient(DtlsIdentity identity, String serverFingerprint, int... offeredProfiles) {
    super(new BcTlsCrypto(new SecureRandom()));
    this.identity = identity;
    this.serverFingerprint = serverFingerprint;
    this.offeredProfiles = offeredProfiles;
  }

  @Override
  protected ProtocolVersion[] getSupportedVersions() {
    return ProtocolVersion.DTLSv12.only();
  }

  @Override
  public int getHandshakeTimeoutMillis() {
    return SrtpDtlsServer.HANDSHAKE_TIMEOUT_MILLIS;
  }

  @Override
  protected int[] getSupportedCipherSuites() {
    return new int[] {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256};
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public Hashtable getClientExtensions() throws IOException {
    Hashtable extensions = super.getClientExtensions();
    if (offeredProfiles.length > 0) {
      TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(offeredProfiles, TlsUtils.EMPTY_BYTES));
    }
    return extensions;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public void processServerExtensions(Hashtable serverExtensions) throws IOException {
    super.processServerExtensions(serverExtensions);
    profile = SrtpProfile.forId(TlsSRTPUtils.getUseSRTPExtension(serverExtensions).getProtectionProfiles()[0]).orElseThrow();
  }

  @Override
  public TlsAuthentication getAuthentication() {
    return new TlsAuthentication() {
      @Override
      public void notifyServerCertificate(TlsServerCertificate certificate) throws IOException {
        String actual = DtlsIdentity.fingerprintOf(certificate.getCertificate().getCertificateAt(0).getEncoded());
        if (!actual.equals(serverFingerprint)) {
          throw new TlsFatalAlert(AlertDescription.bad_certificate);
        }
      }

      @Override
      public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
        BcTlsCrypto crypto = (BcTlsCrypto) getCrypto();
        Certificate certificate = new Certificate(new TlsCertificate[] {crypto.createCertificate(identity.certificateDer())});
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, identity.privateKey(),
            certificate, SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
      }
    };
  }

  @Override
  public void notifyHandshakeComplete() throws IOException {
    super.notifyHandshakeComplete();
    keys = DtlsSrtpKeyingMaterial.of(profile,
        context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, profile.keyingMaterialLength()));
  }

  /** The SRTP keys, once the handshake completed. */
  DtlsSrtpKeyingMaterial keys() {
    return keys;
  }
}
