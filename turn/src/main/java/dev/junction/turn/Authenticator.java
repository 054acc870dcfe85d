package dev.junction.turn;

import dev.junction.stun.DecodedMessage;
import dev.junction.stun.ErrorCode;
import dev.junction.stun.IntegrityKey;
import dev.junction.stun.Nonce;
import dev.junction.stun.Realm;
import dev.junction.stun.StunMessage;
import dev.junction.stun.Username;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The server side of the long-term credential mechanism (RFC 8489 §9.2.4): decides whether a
 * request is authenticated, and if not, which error it gets. Thread-safe.
 */
final class Authenticator {

  /** The outcome of checking one request. */
  sealed interface Outcome {
    /** Authenticated: responses are signed with {@code key}. */
    record Authenticated(String username, IntegrityKey key) implements Outcome {}

    /** Refused with {@code code}; 401 and 438 answers carry REALM and a fresh NONCE. */
    record Refused(int code, String reason, TurnEvents.Rejection rejection) implements Outcome {
      boolean carriesNonce() {
        return code == ErrorCode.UNAUTHENTICATED || code == ErrorCode.STALE_NONCE;
      }
    }
  }

  private final CredentialStore credentials;
  private final StatelessNonces nonces;
  private final TurnEvents events;

  Authenticator(CredentialStore credentials, StatelessNonces nonces, TurnEvents events) {
    this.credentials = credentials;
    this.nonces = nonces;
    this.events = events;
  }

  String realm() {
    return credentials.realm();
  }

  String newNonce(InetSocketAddress client) {
    return nonces.issue(client);
  }

  Outcome check(DecodedMessage request, InetSocketAddress client, Instant now) {
    StunMessage message = request.message();
    if (!request.hasMessageIntegrity() && !request.hasMessageIntegritySha256()) {
      // The normal first step of every client: it learns REALM and NONCE from this 401.
      return new Outcome.Refused(ErrorCode.UNAUTHENTICATED, "Unauthenticated", TurnEvents.Rejection.UNAUTHENTICATED);
    }
    Optional<Username> username = message.first(Username.class);
    Optional<Realm> realm = message.first(Realm.class);
    Optional<Nonce> nonce = message.first(Nonce.class);
    if (username.isEmpty() || realm.isEmpty() || nonce.isEmpty()) {
      return new Outcome.Refused(ErrorCode.BAD_REQUEST, "MESSAGE-INTEGRITY needs USERNAME, REALM and NONCE",
          TurnEvents.Rejection.BAD_REQUEST);
    }
    switch (nonces.check(nonce.get().value(), client)) {
      case INVALID -> {
        return new Outcome.Refused(ErrorCode.UNAUTHENTICATED, "Unauthenticated", TurnEvents.Rejection.UNAUTHENTICATED);
      }
      case STALE -> {
        return new Outcome.Refused(ErrorCode.STALE_NONCE, "Stale Nonce", TurnEvents.Rejection.STALE_NONCE);
      }
      case VALID -> { }
    }
    if (!realm.get().value().equals(credentials.realm())) {
      return new Outcome.Refused(ErrorCode.UNAUTHENTICATED, "Unauthenticated", TurnEvents.Rejection.UNAUTHENTICATED);
    }
    List<IntegrityKey> keys = credentials.keysFor(username.get().value(), now);
    for (IntegrityKey key : keys) {
      if (request.verifyIntegrity(key)) {
        return new Outcome.Authenticated(username.get().value(), key);
      }
    }
    events.authFailed();
    return new Outcome.Refused(ErrorCode.UNAUTHENTICATED, "Unauthenticated", TurnEvents.Rejection.UNAUTHENTICATED);
  }
}
