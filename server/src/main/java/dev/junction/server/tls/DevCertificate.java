package dev.junction.server.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate for serving HTTPS during development, so that browsers on other
 * devices, which allow cameras only on https or localhost, can use Junction over the LAN.
 * ECDSA P-256, SHA256withECDSA, an end-entity certificate for TLS servers, naming this machine in
 * its subjectAltName (browsers ignore the common name).
 *
 * @param certificate the X.509 v3 certificate
 * @param privateKey its EC private key
 */
public record DevCertificate(X509Certificate certificate, PrivateKey privateKey) {

  /** Covers devices whose clock runs a little behind this machine's. */
  private static final Duration BACKDATE = Duration.ofHours(1);

  /**
   * @param names the DNS names and IP addresses the certificate covers
   * @param validity how long from {@code now} it stays valid
   */
  public static DevCertificate generate(MachineNames names, Duration validity, Instant now) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair keys = generator.generateKeyPair();
      X500Name subject =
          new X500NameBuilder(BCStyle.INSTANCE)
              .addRDN(BCStyle.CN, "Junction development certificate")
              .addRDN(BCStyle.O, "Junction")
              .build();
      // RFC 5280 4.1.2.2: a positive serial of at most 20 octets; random, so reissues differ.
      BigInteger serial = new BigInteger(159, new SecureRandom());
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              subject,
              serial,
              Date.from(now.minus(BACKDATE)),
              Date.from(now.plus(validity)),
              subject,
              keys.getPublic());
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(
              Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
          .addExtension(Extension.subjectAlternativeName, false, subjectAltNames(names))
          .addExtension(
              Extension.subjectKeyIdentifier,
              false,
              extensions.createSubjectKeyIdentifier(keys.getPublic()));
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
      return new DevCertificate(certificate, keys.getPrivate());
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("this JVM cannot make an ECDSA P-256 certificate", e);
    }
  }

  /** The certificate as PEM ({@code CERTIFICATE}). */
  public String certificatePem() {
    return pem(certificate);
  }

  /** The private key as unencrypted PKCS#8 PEM ({@code PRIVATE KEY}). */
  public String privateKeyPem() {
    try {
      return pem(new JcaPKCS8Generator(privateKey, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes both files, replacing existing ones. The key file is readable by its owner only, and
   * each file appears whole or not at all.
   */
  public void writePem(Path certFile, Path keyFile) throws IOException {
    writeAtomically(certFile, certificatePem(), false);
    writeAtomically(keyFile, privateKeyPem(), true);
  }

  /** Where POSIX permissions do not exist (Windows), an ACL granting access to the owner alone. */
  private static void ownerOnlyAcl(Path file) throws IOException {
    AclFileAttributeView view = Files.getFileAttributeView(file, AclFileAttributeView.class);
    if (view != null) {
      AclEntry owner =
          AclEntry.newBuilder()
              .setType(AclEntryType.ALLOW)
              .setPrincipal(Files.getOwner(file))
              .setPermissions(EnumSet.allOf(AclEntryPermission.class))
              .build();
      view.setAcl(List.of(owner));
    }
  }

  /** Names the certificate, never the key. */
  @Override
  public String toString() {
    return "DevCertificate[" + certificate.getSubjectX500Principal() + ", until " + certificate.getNotAfter() + "]";
  }

  private static GeneralNames subjectAltNames(MachineNames names) {
    List<GeneralName> all = new ArrayList<>();
    for (String dns : names.dnsNames()) {
      all.add(new GeneralName(GeneralName.dNSName, dns));
    }
    for (InetAddress address : names.addresses()) {
      all.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(address.getAddress())));
    }
    return new GeneralNames(all.toArray(GeneralName[]::new));
  }

  private static String pem(Object object) {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static void writeAtomically(Path file, String text, boolean ownerOnly) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    boolean posix = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
    // The temporary file gets its permissions at creation, so the key is never readable by others.
    Path temp =
        ownerOnly && posix
            ? Files.createTempFile(
                dir, ".junction", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : Files.createTempFile(dir, ".junction", ".tmp");
    try {
      if (ownerOnly && !posix) {
        ownerOnlyAcl(temp);
      }
      Files.writeString(temp, text);
      if (!ownerOnly && posix) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
