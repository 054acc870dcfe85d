package dev.junction.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The body of {@code POST /REST/v1/WebRTC/Session} (specs/xprotect-webrtc-api.md §1.1), read
 * leniently ({@link LenientJson}). {@code deviceId} (2025 R2) wins over the older {@code cameraId}
 * when both are sent.
 */
record SessionRequest(String deviceId, String cameraId, String resolution, String streamId,
    JsonNode playbackTimeNode, List<IceServer> iceServers, Boolean includeAudio) {

  /** An ICE server as the sample sends it ({@code url}, a string) or as browsers do ({@code urls}). */
  record IceServer(String url, List<String> urls, String username, String credential) {
    boolean hasUrl() {
      return (url != null && !url.isBlank()) || (urls != null && !urls.isEmpty());
    }
  }

  /** The camera asked for: {@code deviceId}, else {@code cameraId}. */
  String camera() {
    return deviceId != null && !deviceId.isBlank() ? deviceId : cameraId;
  }

  List<IceServer> iceServersOrEmpty() {
    return iceServers == null ? List.of() : iceServers;
  }

  boolean includeAudioOrDefault() {
    return includeAudio == null || includeAudio;
  }
}
