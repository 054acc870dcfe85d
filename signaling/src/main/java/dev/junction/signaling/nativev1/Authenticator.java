package dev.junction.signaling.nativev1;

import dev.junction.signaling.Names;

/**
 * Decides who a client saying hello is: the token's principal when it presents one (always
 * verified, whatever the mode), else, when the server does not require tokens, the identity and
 * name it asks for with {@link Grants#UNAUTHENTICATED}.
 *
 * <p>Immutable and thread-safe.
 */
final class Authenticator {

  private final JwtVerifier verifier;
  private final boolean tokenRequired;

  Authenticator(JwtVerifier verifier, boolean tokenRequired) {
    this.verifier = verifier;
    this.tokenRequired = tokenRequired;
  }

  /**
   * @param token the token presented (handshake or hello), or null
   * @param identity the identity the hello asks for, or null (ignored with a token: {@code sub} decides)
   * @param name the name the hello gives, or null (used when the token has no {@code name})
   */
  Principal authenticate(String token, String identity, String name) throws Refusal {
    if (name != null && Names.peerNameProblem(name).isPresent()) {
      throw new Refusal(ErrorCode.BAD_NAME, Names.peerNameProblem(name).get());
    }
    if (token != null) {
      try {
        Principal principal = verifier.verify(token);
        return principal.name() != null ? principal : new Principal(principal.identity(), name, principal.grants());
      } catch (TokenRefusal refusal) {
        throw new Refusal(switch (refusal.reason()) {
          case MISSING -> ErrorCode.TOKEN_MISSING;
          case INVALID -> ErrorCode.TOKEN_INVALID;
          case EXPIRED -> ErrorCode.TOKEN_EXPIRED;
        }, refusal.getMessage());
      }
    }
    if (tokenRequired) {
      throw new Refusal(ErrorCode.TOKEN_MISSING, "this server requires a token: send it as 'Authorization: Bearer "
          + "<jwt>', as the subprotocol " + NativeDialect.TOKEN_SUBPROTOCOL_PREFIX + "<jwt>, or in hello.token");
    }
    if (identity == null) {
      return new Principal(Identities.guest(), name, Grants.UNAUTHENTICATED);
    }
    if (Identities.problem(identity).isPresent()) {
      throw new Refusal(ErrorCode.BAD_IDENTITY, Identities.problem(identity).get());
    }
    return new Principal(identity, name, Grants.UNAUTHENTICATED);
  }
}
