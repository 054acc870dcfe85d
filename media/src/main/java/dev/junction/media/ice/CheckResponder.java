package dev.junction.media.ice;

import dev.junction.stun.DecodedMessage;
import dev.junction.stun.ErrorCode;
import dev.junction.stun.IceControlled;
import dev.junction.stun.MessageType;
import dev.junction.stun.StunMessage;
import dev.junction.stun.UseCandidate;
import dev.junction.stun.Username;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides the answer to one STUN message on the media port, as a lite, always-controlled agent
 * (RFC 8445 §7.3, RFC 8489 §6.3 and §9.1.3). Stateless and thread-safe: it changes nothing; a
 * {@link Valid} outcome tells the demux what to record.
 *
 * <p>In order:
 * <ol>
 *   <li>Not a Binding request: dropped. A lite agent sends no requests, so a response is never
 *       ours; indications are keepalives, never answered (RFC 8445 §11).
 *   <li>No valid FINGERPRINT: dropped. Checks must carry it (RFC 8445 §7.2.2), and a message that
 *       fails the FINGERPRINT check is silently discarded (RFC 8489 §7.3).
 *   <li>No USERNAME or no MESSAGE-INTEGRITY: 400 (RFC 8489 §9.1.3: "the server MUST reject the
 *       request with an error response ... 400 (Bad Request)"). A USERNAME that is not
 *       {@code "ourUfrag:theirUfrag"} with both parts (RFC 8445 §7.2.2) is a bad request too.
 *   <li>A ufrag no session has: dropped, not 401. RFC 8489 §9.1.3 would answer 401, but on a
 *       shared port no session owns the request; the answer would only confirm to a scanner that
 *       an ICE agent listens here; and the checks it catches in practice are a closed or expired
 *       session's, whose peer learns the same from silence (its consent fails, RFC 7675 §5.1).
 *       mediasoup's WebRtcServer ignores them the same way.
 *   <li>MESSAGE-INTEGRITY wrong under our password: 401, unsigned (RFC 8489 §9.1.3: "If the value
 *       does not match ... the server MUST reject the request with an error response ... 401
 *       (Unauthenticated)"). Chosen over a silent drop because it is what the RFC requires and it
 *       costs nothing: the response is smaller than the request (no amplification), goes only to
 *       the request's source, carries no key, and makes a misconfigured peer fail that pair at once
 *       (RFC 8445 §7.2.5.2.4) instead of retrying for seconds.
 *   <li>Comprehension-required attributes we do not know: 420 with UNKNOWN-ATTRIBUTES, signed
 *       (RFC 8489 §6.3: unknown attributes are checked once the authentication checks are done).
 *   <li>ICE-CONTROLLED: 487, signed. RFC 8445 §7.3.1.1 lets a controlled agent whose tie-breaker
 *       is smaller switch to controlling instead; a lite agent cannot (§6.1.1: with one full and one lite
 *       agent, the lite one takes the controlled role), so it always answers as the side that
 *       keeps its role.
 *       A peer that sends ICE-CONTROLLING (or, leniently, neither) is fine.
 *   <li>Otherwise the check is valid: success with XOR-MAPPED-ADDRESS, signed. The remote half of
 *       USERNAME is not compared with the answer's ufrag: checks routinely arrive before the answer
 *       reaches the server, and after an ICE restart the browser uses its new ufrag before we see
 *       it (RFC 8445 §7.3: a lite agent may receive checks before the peer's candidates).
 * </ol>
 * The demux accepts PRIORITY but needs none of it: a lite agent forms no pairs of its own.
 */
final class CheckResponder {

  private CheckResponder() {}

  /** What to do with one STUN message. */
  sealed interface Outcome {}

  /** Drop it. */
  record Dropped(DropReason reason) implements Outcome {}

  /** Answer with an error; nothing changes. */
  record Refused(Datagram reply, int errorCode) implements Outcome {}

  /** A valid check: answer with success and record it. */
  record Valid(Datagram reply, IceSession session, IceSession.Generation generation, boolean useCandidate)
      implements Outcome {}

  static Outcome respond(DecodedMessage decoded, InetSocketAddress source,
      Function<String, IceSession> sessionByUfrag) {
    StunMessage request = decoded.message();
    if (!request.type().equals(MessageType.BINDING_REQUEST)) {
      return new Dropped(DropReason.NOT_A_BINDING_REQUEST);
    }
    if (!decoded.hasValidFingerprint()) {
      return new Dropped(DropReason.BAD_FINGERPRINT);
    }
    Optional<Username> username = request.first(Username.class);
    if (username.isEmpty() || !(decoded.hasMessageIntegrity() || decoded.hasMessageIntegritySha256())) {
      return refuse(request, source, ErrorCode.BAD_REQUEST, null);
    }
    String name = username.get().value();
    int colon = name.indexOf(':');
    if (colon <= 0 || colon == name.length() - 1) {
      return refuse(request, source, ErrorCode.BAD_REQUEST, null);
    }
    String localUfrag = name.substring(0, colon);
    IceSession session = sessionByUfrag.apply(localUfrag);
    Optional<IceSession.Generation> generation = session == null ? Optional.empty() : session.generation(localUfrag);
    if (generation.isEmpty()) {
      return new Dropped(DropReason.UNKNOWN_UFRAG);
    }
    IceSession.Generation g = generation.get();
    if (!decoded.verifyIntegrity(g.key())) {
      return refuse(request, source, ErrorCode.UNAUTHENTICATED, null);
    }
    List<Integer> unknown = request.unknownComprehensionRequired();
    if (!unknown.isEmpty()) {
      return new Refused(BindingResponses.error(request, source, ErrorCode.UNKNOWN_ATTRIBUTE, g.key(), unknown),
          ErrorCode.UNKNOWN_ATTRIBUTE);
    }
    if (request.has(IceControlled.class)) {
      return refuse(request, source, ErrorCode.ROLE_CONFLICT, g);
    }
    return new Valid(BindingResponses.success(request, source, g.key()), session, g, request.has(UseCandidate.class));
  }

  private static Refused refuse(StunMessage request, InetSocketAddress source, int code, IceSession.Generation signer) {
    return new Refused(
        BindingResponses.error(request, source, code, signer == null ? null : signer.key(), List.of()), code);
  }
}
