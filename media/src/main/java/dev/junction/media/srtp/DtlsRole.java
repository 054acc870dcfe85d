package dev.junction.media.srtp;

/**
 * Our side of the DTLS handshake, which decides which half of the exported keying material we
 * encrypt with (RFC 5764 §4.2). With browsers Junction is almost always the {@link #SERVER}: it
 * answers {@code a=setup:passive}, or offers {@code actpass} and the browser answers {@code
 * active}.
 */
public enum DtlsRole {
  /** We sent the ClientHello ({@code a=setup:active}). */
  CLIENT,
  /** We answered the ClientHello ({@code a=setup:passive}). */
  SERVER
}
