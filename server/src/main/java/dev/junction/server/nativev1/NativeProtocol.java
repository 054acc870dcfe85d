package dev.junction.server.nativev1;

import dev.junction.server.config.NativeConfig;
import dev.junction.server.ws.DialectPaths;
import dev.junction.signaling.SignalingEvents;
import dev.junction.signaling.nativev1.DuplicateIdentityPolicy;
import dev.junction.signaling.nativev1.JwtVerifier;
import dev.junction.signaling.nativev1.NativeDialect;
import dev.junction.signaling.nativev1.NativeSettings;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the native protocol into the server: its dialect at {@code native.path}, a timer that
 * sweeps its hub, and its HTTP routes (the admin API, and the dev token endpoint when on).
 */
public final class NativeProtocol {

  private static final Logger log = LoggerFactory.getLogger(NativeProtocol.class);
  /** How often hello timeouts, queue TTLs and grace windows are checked: well under the shortest of them. */
  private static final long SWEEP_MILLIS = 250;

  private NativeProtocol() {}

  /**
   * Serves the protocol and returns its HTTP routes.
   *
   * @param maxFrameBytes the largest admin request body accepted, as for a WebSocket message
   * @param maxRooms rooms that may exist at once ({@code signaling.maxRooms})
   */
  public static Consumer<Router> start(NativeConfig config, int maxFrameBytes, int maxRooms, Vertx vertx,
      SignalingEvents events, DialectPaths paths) {
    NativeTokenKeys keys = NativeTokenKeys.load(config.auth());
    JwtVerifier verifier = keys.verifier(config.auth());
    NativeDialect dialect = new NativeDialect(settings(config, maxRooms), verifier, events, System::nanoTime);
    paths.addExact(config.path(), dialect);
    vertx.setPeriodic(SWEEP_MILLIS, id -> dialect.hub().sweep());
    NativeAdminApi admin = new NativeAdminApi(dialect.hub(), verifier, maxFrameBytes);
    boolean devTokens = !config.auth().tokenRequired() && config.auth().devTokens();
    if (!config.auth().tokenRequired()) {
      log.warn("native protocol: auth.mode is none, so anyone may join any room{}; set native.auth.mode: jwt "
          + "in production", devTokens ? " and this machine may mint any token at POST /api/v1/dev/token" : "");
    }
    return router -> {
      admin.mount(router);
      if (devTokens) {
        router.post(NativeAdminApi.BASE + "/dev/token").handler(BodyHandler.create(false).setBodyLimit(maxFrameBytes))
            .handler(new DevTokenEndpoint(keys.signingSecret()));
      }
    };
  }

  static NativeSettings settings(NativeConfig config, int maxRooms) {
    return new NativeSettings(config.roomCapacity(), config.maxRoomsPerPeer(), maxRooms,
        TimeUnit.SECONDS.toMillis(config.resumeGraceSeconds()), TimeUnit.SECONDS.toMillis(config.helloTimeoutSeconds()),
        config.ackWindow(), config.queue().maxMessages(), config.queue().maxBytes(),
        TimeUnit.SECONDS.toMillis(config.queue().ttlSeconds()),
        DuplicateIdentityPolicy.valueOf(config.duplicateIdentity().toUpperCase(Locale.ROOT)), config.auth().tokenRequired(),
        new NativeSettings.Lobby(config.lobby().name(), config.lobby().capacity()));
  }
}
