package dev.junction.media.dtls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The server's DTLS identity: an ECDSA P-256 key and a self-signed certificate, as browsers use
 * (Chrome since M52). One per process is enough; its SHA-256 fingerprint goes into every offer's
 * {@code a=fingerprint}, which is what actually authenticates us to the browser.
 *
 * <p>Immutable and thread-safe.
 */
public final class DtlsIdentity {

  private final byte[] certificateDer;
  private final AsymmetricKeyParameter privateKey;
  private final String fingerprint;

  private DtlsIdentity(byte[] certificateDer, AsymmetricKeyParameter privateKey) {
    this.certificateDer = certificateDer;
    this.privateKey = privateKey;
    this.fingerprint = fingerprintOf(certificateDer);
  }

  /** A fresh identity valid from a day ago (clock skew) for {@code validity}. */
  public static DtlsIdentity generate(Duration validity) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair keys = generator.generateKeyPair();
      Instant now = Instant.now();
      X500Name subject = new X500Name("CN=junction");
      X509CertificateHolder certificate = new JcaX509v3CertificateBuilder(subject,
          new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
          Date.from(now.plus(validity)), subject, keys.getPublic())
          .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
      return new DtlsIdentity(certificate.getEncoded(), PrivateKeyFactory.createKey(keys.getPrivate().getEncoded()));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot make an ECDSA P-256 certificate: " + e.getMessage(), e);
    }
  }

  /** {@code AB:CD:…}: upper-case hex of SHA-256 over the DER certificate, as {@code a=fingerprint:sha-256} wants it. */
  public String fingerprint() {
    return fingerprint;
  }

  byte[] certificateDer() {
    return certificateDer.clone();
  }

  AsymmetricKeyParameter privateKey() {
    return privateKey;
  }

  /** The SHA-256 fingerprint of a DER certificate in SDP notation. */
  public static String fingerprintOf(byte[] der) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(der);
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  /** Whether two SDP fingerprints are the same, ignoring case. */
  static boolean sameFingerprint(String a, String b) {
    return a.toUpperCase(Locale.ROOT).equals(b.toUpperCase(Locale.ROOT));
  }
}
