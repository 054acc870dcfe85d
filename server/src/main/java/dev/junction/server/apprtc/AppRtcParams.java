package dev.junction.server.apprtc;

import dev.junction.server.http.IceServersEndpoint;
import dev.junction.signaling.apprtc.JoinResult;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The {@code params} object of apprtc.py, which AppRTC's clients read: room-independent for
 * {@code GET /params}, with the client's own for {@code POST /join}. As apprtc.py does, values that
 * are JSON structures ({@code pc_config}, the constraints) are sent as JSON text, and booleans as
 * the strings {@code "true"} and {@code "false"}: the clients parse them that way.
 *
 * <p>Every URL points back at this server, built from the host the client used: the ICE server
 * URL at {@code <path>/v1alpha/iceconfig}, Collider at {@code <path>/collider}. Thread-safe.
 */
final class AppRtcParams {

  /** AppRTC's peer connection settings; iceServers is filled in per caller. */
  private static final String BUNDLE_POLICY = "max-bundle";
  private static final String RTCP_MUX_POLICY = "require";
  /** Fixed for every client, so written once: apprtc.py's values, as JSON text. */
  private static final String PC_CONSTRAINTS = new JsonObject().put("optional", new JsonArray()).encode();
  private static final String MEDIA_CONSTRAINTS = new JsonObject().put("audio", true).put("video", true).encode();

  private final String basePath;
  private final boolean iceServersInPcConfig;
  private final IceServersEndpoint iceServers;

  /**
   * @param basePath where the API is mounted, without a trailing slash (empty at the root)
   * @param iceServersInPcConfig put the caller's ICE servers in {@code pc_config} (else clients fetch
   *     them from {@code ice_server_url})
   */
  AppRtcParams(String basePath, boolean iceServersInPcConfig, IceServersEndpoint iceServers) {
    this.basePath = basePath;
    this.iceServersInPcConfig = iceServersInPcConfig;
    this.iceServers = iceServers;
  }

  /** What {@code GET /params} answers. */
  JsonObject roomIndependent(RoutingContext context) {
    HttpServerRequest request = context.request();
    String origin = origin(request, request.isSSL() ? "https" : "http");
    JsonArray servers = iceServersInPcConfig ? iceServers.serversIfAllowed(context) : new JsonArray();
    JsonObject pcConfig = new JsonObject()
        .put("iceServers", servers)
        .put("bundlePolicy", BUNDLE_POLICY)
        .put("rtcpMuxPolicy", RTCP_MUX_POLICY);
    return new JsonObject()
        .put("error_messages", new JsonArray())
        .put("warning_messages", new JsonArray())
        .put("is_loopback", "false")
        .put("pc_config", pcConfig.encode())
        .put("pc_constraints", PC_CONSTRAINTS)
        .put("offer_options", "{}")
        .put("media_constraints", MEDIA_CONSTRAINTS)
        .put("ice_server_url", origin + basePath + "/v1alpha/iceconfig")
        // The web client keeps only TURN URLs with this transport (?tt=udp or tcp), as apprtc.py passes it on.
        .put("ice_server_transports", queryOrEmpty(request, "tt"))
        .put("wss_url", origin(request, request.isSSL() ? "wss" : "ws") + basePath + "/collider/ws")
        .put("wss_post_url", origin + basePath + "/collider")
        .put("bypass_join_confirmation", "false")
        // apprtc.py's value when it has no version file; the web client then shows none.
        .put("version_info", "null");
  }

  /** What {@code POST /join/{room}} answers in {@code params} to a client let in. */
  JsonObject forClient(RoutingContext context, String roomId, JoinResult joined) {
    HttpServerRequest request = context.request();
    return roomIndependent(context)
        .put("room_id", roomId)
        .put("room_link", origin(request, request.isSSL() ? "https" : "http") + basePath + "/r/" + roomId)
        .put("client_id", joined.clientId())
        .put("is_initiator", Boolean.toString(joined.initiator()))
        .put("messages", new JsonArray(joined.messages()));
  }

  private static String origin(HttpServerRequest request, String scheme) {
    var authority = request.authority();
    String host = IceServersEndpoint.urlHost(authority.host());
    return scheme + "://" + host + (authority.port() > 0 ? ":" + authority.port() : "");
  }

  private static String queryOrEmpty(HttpServerRequest request, String name) {
    String value = request.getParam(name);
    return value == null ? "" : value;
  }
}
