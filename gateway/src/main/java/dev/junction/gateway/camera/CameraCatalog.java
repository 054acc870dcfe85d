package dev.junction.gateway.camera;

import dev.junction.gateway.auth.GatewayUser;
import java.util.List;
import java.util.Optional;

/** The configured cameras, and which of them a user may see. Immutable and thread-safe. */
public final class CameraCatalog {

  private final List<Camera> cameras;

  public CameraCatalog(List<Camera> cameras) {
    long distinct = cameras.stream().map(Camera::id).distinct().count();
    if (distinct != cameras.size()) {
      throw new IllegalArgumentException("two cameras share an id");
    }
    this.cameras = List.copyOf(cameras);
  }

  public Optional<Camera> find(String id) {
    return cameras.stream().filter(camera -> camera.hasId(id)).findFirst();
  }

  public List<Camera> visibleTo(GatewayUser user) {
    return cameras.stream().filter(camera -> user.maySee(camera.id())).toList();
  }
}
