package dev.junction.media.srtp;

import java.util.Objects;

/**
 * The SRTP master keys of both directions, split out of the DTLS exporter output (RFC 5764 §4.2).
 * The DTLS layer calls {@code exportKeyingMaterial("EXTRACTOR-dtls_srtp", null,
 * profile.keyingMaterialLength())} once the handshake is done and hands the bytes here:
 *
 * <pre>
 *   client_write_SRTP_master_key[SRTPSecurityParams.master_key_len];
 *   server_write_SRTP_master_key[SRTPSecurityParams.master_key_len];
 *   client_write_SRTP_master_salt[SRTPSecurityParams.master_salt_len];
 *   server_write_SRTP_master_salt[SRTPSecurityParams.master_salt_len];
 * </pre>
 *
 * <p><b>Who encrypts with which half — the classic bug.</b> Each side ENCRYPTS with its own
 * {@code *_write_*} key and DECRYPTS with the other side's. So as the DTLS <b>server</b> (our
 * usual role with browsers) we encrypt with {@code server_write_*} and decrypt with {@code
 * client_write_*}; as the DTLS client the other way round. Swapped keys fail every packet's
 * authentication in both directions. {@link #contextsFor} makes the choice from the role, so no
 * caller picks a half by hand.
 *
 * <p>Immutable; the exporter bytes are copied, and {@code toString} shows no key.
 */
public final class DtlsSrtpKeyingMaterial {

  private final SrtpMasterKey clientWriteKey;
  private final SrtpMasterKey serverWriteKey;

  private DtlsSrtpKeyingMaterial(SrtpMasterKey clientWriteKey, SrtpMasterKey serverWriteKey) {
    this.clientWriteKey = clientWriteKey;
    this.serverWriteKey = serverWriteKey;
  }

  /**
   * Splits the exporter output for the negotiated profile.
   *
   * @throws IllegalArgumentException if {@code exported} is not {@link
   *     SrtpProfile#keyingMaterialLength()} bytes (56 for GCM, 60 for AES-CM)
   */
  public static DtlsSrtpKeyingMaterial of(SrtpProfile profile, byte[] exported) {
    Objects.requireNonNull(profile, "profile");
    if (exported.length != profile.keyingMaterialLength()) {
      throw new IllegalArgumentException(String.format(
          "%s keying material is 2 * (%d + %d) = %d bytes, got %d",
          profile, profile.keyLength(), profile.saltLength(), profile.keyingMaterialLength(), exported.length));
    }
    int keyLength = profile.keyLength();
    int saltLength = profile.saltLength();
    int clientKey = 0;
    int serverKey = keyLength;
    int clientSalt = 2 * keyLength;
    int serverSalt = 2 * keyLength + saltLength;
    return new DtlsSrtpKeyingMaterial(
        SrtpMasterKey.copyOf(profile, exported, clientKey, clientSalt),
        SrtpMasterKey.copyOf(profile, exported, serverKey, serverSalt));
  }

  public SrtpProfile profile() {
    return clientWriteKey.profile();
  }

  /** client_write_SRTP_master_key and _salt: the DTLS client encrypts with it. */
  public SrtpMasterKey clientWriteKey() {
    return clientWriteKey;
  }

  /** server_write_SRTP_master_key and _salt: the DTLS server encrypts with it. */
  public SrtpMasterKey serverWriteKey() {
    return serverWriteKey;
  }

  /** The key we encrypt with in {@code localRole}: our own write key. */
  public SrtpMasterKey localWriteKey(DtlsRole localRole) {
    return localRole == DtlsRole.SERVER ? serverWriteKey : clientWriteKey;
  }

  /** The key we decrypt with in {@code localRole}: the peer's write key. */
  public SrtpMasterKey remoteWriteKey(DtlsRole localRole) {
    return localRole == DtlsRole.SERVER ? clientWriteKey : serverWriteKey;
  }

  /**
   * Fresh contexts for our side of the session: the outbound one encrypts with {@link
   * #localWriteKey}, the inbound one decrypts with {@link #remoteWriteKey}. As DTLS server: encrypt
   * with server_write, decrypt with client_write.
   */
  public SrtpContexts contextsFor(DtlsRole localRole) {
    Objects.requireNonNull(localRole, "localRole");
    return new SrtpContexts(
        OutboundSrtpContext.create(localWriteKey(localRole)),
        InboundSrtpContext.create(remoteWriteKey(localRole)));
  }

  @Override
  public String toString() {
    return "DtlsSrtpKeyingMaterial[" + profile() + "]";
  }
}
