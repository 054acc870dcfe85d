package dev.junction.gateway.stream;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The running feed of every configured camera, by camera id. Immutable; closing stops them all. */
public final class CameraFeeds implements AutoCloseable {

  private final Map<String, CameraFeed> byId;

  public CameraFeeds(List<CameraFeed> feeds) {
    this.byId = feeds.stream().collect(Collectors.toUnmodifiableMap(f -> f.camera().id(), Function.identity()));
  }

  /** The feed of the camera with {@code id}, a GUID in any case. */
  public Optional<CameraFeed> find(String id) {
    return Optional.ofNullable(byId.get(id.toLowerCase(Locale.ROOT)));
  }

  @Override
  public void close() {
    byId.values().forEach(CameraFeed::close);
  }
}
