package dev.junction.server.nativev1;

import dev.junction.server.config.NativeConfig;
import dev.junction.server.secrets.SecretFile;
import dev.junction.signaling.nativev1.JwtVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The keys of the native protocol's tokens, read once at start-up: the HS256 secrets (configured,
 * or generated on first start and kept in a file only its owner reads) and the RS256 public keys
 * from PEM files. Immutable.
 */
public final class NativeTokenKeys {

  private static final int GENERATED_SECRET_BYTES = 32;

  /** Every secret that verifies; the first signs dev tokens. */
  private final List<byte[]> hs256Secrets;
  private final List<RSAPublicKey> rs256Keys;

  private NativeTokenKeys(List<byte[]> hs256Secrets, List<RSAPublicKey> rs256Keys) {
    this.hs256Secrets = hs256Secrets;
    this.rs256Keys = rs256Keys;
  }

  /** @throws IllegalStateException naming the file that cannot be read or holds no RSA public key */
  public static NativeTokenKeys load(NativeConfig.Auth auth) {
    List<byte[]> secrets = new ArrayList<>();
    if (auth.hs256Secrets().isEmpty()) {
      String generated = SecretFile.readOrCreate(Path.of(auth.secretFile()), "native protocol token secret",
          GENERATED_SECRET_BYTES, JwtVerifier.MIN_SECRET_BYTES);
      secrets.add(generated.getBytes(StandardCharsets.UTF_8));
    } else {
      auth.hs256Secrets().forEach(secret -> secrets.add(secret.getBytes(StandardCharsets.UTF_8)));
    }
    List<RSAPublicKey> keys = new ArrayList<>();
    for (String file : auth.rs256PublicKeyFiles()) {
      keys.add(readRsaPublicKey(Path.of(file)));
    }
    return new NativeTokenKeys(List.copyOf(secrets), List.copyOf(keys));
  }

  /** The verifier of these keys, checking the configured issuer and audience against the wall clock. */
  public JwtVerifier verifier(NativeConfig.Auth auth) {
    return new JwtVerifier(hs256Secrets, rs256Keys, auth.issuer(), auth.audience(), System::currentTimeMillis);
  }

  /** The secret that signs dev tokens. */
  public byte[] signingSecret() {
    return hs256Secrets.get(0).clone();
  }

  /** An X.509 SubjectPublicKeyInfo PEM ({@code -----BEGIN PUBLIC KEY-----}), as {@code openssl rsa -pubout} writes. */
  static RSAPublicKey readRsaPublicKey(Path file) {
    try {
      String pem = Files.readString(file, StandardCharsets.US_ASCII);
      int begin = pem.indexOf("-----BEGIN PUBLIC KEY-----");
      int end = pem.indexOf("-----END PUBLIC KEY-----");
      if (begin < 0 || end < begin) {
        throw new IllegalStateException(file + " holds no PEM public key (-----BEGIN PUBLIC KEY-----)");
      }
      String body = pem.substring(begin + "-----BEGIN PUBLIC KEY-----".length(), end).replaceAll("\\s", "");
      return (RSAPublicKey) KeyFactory.getInstance("RSA")
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the RS256 public key file " + file + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalStateException(file + " does not hold an RSA public key: " + e.getMessage(), e);
    }
  }
}
