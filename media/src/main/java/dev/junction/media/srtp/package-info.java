/**
 * SRTP and SRTCP (RFC 3711) with the two protection profiles WebRTC negotiates over DTLS-SRTP
 * (RFC 5764): {@link dev.junction.media.srtp.SrtpProfile#AEAD_AES_128_GCM AEAD_AES_128_GCM}
 * (RFC 7714, preferred) and {@link dev.junction.media.srtp.SrtpProfile#AES_CM_128_HMAC_SHA1_80
 * AES_CM_128_HMAC_SHA1_80}. Pure: bytes in, bytes out, on {@code javax.crypto}; no sockets, no
 * DTLS.
 *
 * <p>Use: the DTLS layer exports {@code EXTRACTOR-dtls_srtp} keying material and hands it to
 * {@link dev.junction.media.srtp.DtlsSrtpKeyingMaterial#of}; {@link
 * dev.junction.media.srtp.DtlsSrtpKeyingMaterial#contextsFor} gives the outbound context (protect)
 * and the inbound context (unprotect) for our DTLS role.
 *
 * <p><b>Threading.</b> Values ({@code SrtpProfile}, {@code SrtpMasterKey}, {@code
 * DtlsSrtpKeyingMaterial}) are immutable and may be shared. Contexts are not thread-safe: each is
 * confined to one thread, normally the event loop of the transport that owns the peer. They hold
 * one {@code Cipher}/{@code Mac} per key and preallocated IV buffers, reused for every packet.
 */
package dev.junction.media.srtp;
