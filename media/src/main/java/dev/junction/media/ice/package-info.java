/**
 * ICE-lite (RFC 8445 §2.5, §7.3) with consent freshness (RFC 7675) for one shared UDP port,
 * transport-neutral: {@link dev.junction.media.ice.IceDemux} takes datagrams in and hands back what
 * to send and where each belongs; it owns no socket and never sleeps.
 *
 * <pre>
 *  datagram ─► PacketKind (RFC 7983 first byte)
 *                ├─ STUN ─► Binding request? FINGERPRINT? USERNAME "ours:theirs" ─► session by ufrag
 *                │            └─ MESSAGE-INTEGRITY (our ice-pwd) ─► success / 400 / 401 / 420 / 487
 *                │                 └─ valid: the source address now routes to the session;
 *                │                           USE-CANDIDATE selects it; consent refreshed
 *                ├─ DTLS, RTP, RTCP ─► session by source address (only after a valid check)
 *                └─ anything else ─► dropped
 * </pre>
 *
 * The gateway is always the controlled, lite side: it announces host candidates in its offer,
 * answers checks and never sends its own; the browser nominates.
 */
package dev.junction.media.ice;
