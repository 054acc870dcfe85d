package dev.junction.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The whole server configuration, bound from YAML (defaults in {@code default-config.yml}, then the
 * user's file, then {@code JUNCTION_*} environment variables, then {@code --set} flags).
 * Every setting is documented in docs/CONFIG.md.
 */
public record JunctionConfig(
    HttpConfig http,
    SignalingConfig signaling,
    MdnConfig mdn,
    TutorialConfig tutorial,
    PeerJsConfig peerjs,
    AppRtcConfig apprtc,
    @JsonProperty("native") NativeConfig nativeProtocol,
    IceConfig ice,
    TurnConfig turn,
    GatewayConfig gateway) {}
