package dev.junction.server.nativev1;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.junction.server.http.Problem;
import dev.junction.signaling.nativev1.JwtVerifier;
import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/v1/dev/token}, for development only (auth mode {@code none} with {@code
 * devTokens}): mints an HS256 token with the grants asked for, admin included, so a developer can
 * try the admin API and token-protected pages. It answers requests from this machine (loopback)
 * only; everyone else gets 403.
 */
final class DevTokenEndpoint implements Handler<RoutingContext> {

  static final long DEFAULT_TTL_SECONDS = 3600;
  static final long MAX_TTL_SECONDS = 86_400;

  private final byte[] secret;

  DevTokenEndpoint(byte[] secret) {
    this.secret = secret.clone();
  }

  @Override
  public void handle(RoutingContext context) {
    if (!fromThisMachine(context)) {
      Problem.send(context.response(), 403, "Forbidden", "development tokens are minted for requests from this "
          + "machine only", context.request().path());
      return;
    }
    JsonObject request;
    try {
      request = context.body().buffer() == null ? new JsonObject() : context.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      badRequest(context, "the body must be a JSON object");
      return;
    }
    try {
      String identity = request.getString("identity");
      if (identity == null) {
        badRequest(context, "'identity' is required: the token's subject");
        return;
      }
      long ttl = request.getLong("ttlSeconds", DEFAULT_TTL_SECONDS);
      if (ttl <= 0 || ttl > MAX_TTL_SECONDS) {
        badRequest(context, "'ttlSeconds' must be 1 to " + MAX_TTL_SECONDS);
        return;
      }
      Instant expires = Instant.now().plus(Duration.ofSeconds(ttl));
      String token = mint(identity, request.getString("name"), grants(request), expires);
      context.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
          .end(new JsonObject().put("token", token).put("identity", identity).put("expiresAt", expires.toString())
              .encode());
    } catch (ClassCastException e) {
      badRequest(context, "identity and name are strings, room a string or a list, the grants true or false, "
          + "ttlSeconds a number");
    }
  }

  private static Map<String, Object> grants(JsonObject request) {
    Map<String, Object> grants = new LinkedHashMap<>();
    Object room = request.getValue("room");
    if (room != null) {
      grants.put("room", room instanceof JsonArray list ? list.getList() : (String) room);
    }
    for (String flag : new String[] {"publish", "subscribe", "data", "admin"}) {
      Boolean value = request.getBoolean(flag);
      if (value != null) {
        grants.put(flag, value);
      }
    }
    return grants;
  }

  private String mint(String identity, String name, Map<String, Object> grants, Instant expires) {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(identity).issueTime(new Date())
        .expirationTime(Date.from(expires)).claim(JwtVerifier.GRANTS_CLAIM, grants);
    if (name != null) {
      claims.claim("name", name);
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
    try {
      jwt.sign(new MACSigner(secret));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a development token: " + e.getMessage(), e);
    }
    return jwt.serialize();
  }

  private static boolean fromThisMachine(RoutingContext context) {
    try {
      return InetAddress.getByName(context.request().remoteAddress().hostAddress()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static void badRequest(RoutingContext context, String detail) {
    Problem.send(context.response(), 400, "Bad Request", detail, context.request().path());
  }
}
