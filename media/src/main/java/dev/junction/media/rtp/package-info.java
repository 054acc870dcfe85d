/**
 * RTP and RTCP codecs: bytes in, values out, no I/O.
 *
 * <ul>
 *   <li>{@link dev.junction.media.rtp.RtpPacket} — the RTP header and payload (RFC 3550 §5.1),
 *       header extensions kept opaque.
 *   <li>{@link dev.junction.media.rtp.RtpHeaderRewriter} — SSRC, sequence number and timestamp
 *       rewritten in an encoded packet, allocation-free: the per-viewer fan-out path.
 *   <li>{@link dev.junction.media.rtp.RtcpCompound} — SR, RR, SDES, BYE, Generic NACK, PLI and FIR;
 *       anything else (APP, XR, REMB, TWCC) as {@link dev.junction.media.rtp.UnknownRtcpPacket}.
 *   <li>{@link dev.junction.media.rtp.SequenceNumbers}, {@link dev.junction.media.rtp.Timestamps},
 *       {@link dev.junction.media.rtp.NtpTime} — wrap-aware arithmetic and clocks.
 * </ul>
 *
 * Decoders throw {@link dev.junction.media.rtp.RtpParseException} and nothing else for any input;
 * record constructors throw {@link java.lang.IllegalArgumentException} for values that cannot be
 * encoded. Values are immutable and thread-safe; payloads are {@link dev.junction.stun.Bytes},
 * the project's one immutable byte sequence.
 */
package dev.junction.media.rtp;

