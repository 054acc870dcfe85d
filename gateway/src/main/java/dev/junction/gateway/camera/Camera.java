package dev.junction.gateway.camera;

import java.util.Locale;
import java.util.UUID;

/**
 * A camera as the config names it.
 *
 * @param id a GUID, as XProtect identifies cameras; compared without regard to case
 * @param name what people see in the picker
 * @param source where its H.264 comes from (for now a path to an Annex B file, played in a loop)
 */
public record Camera(String id, String name, String source) {

  public Camera {
    try {
      id = UUID.fromString(id).toString();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a camera id must be a GUID, got '" + id + "'", e);
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("camera " + id + " needs a name");
    }
  }

  /** Whether {@code candidate} names this camera (GUIDs in any case). */
  public boolean hasId(String candidate) {
    return id.equals(candidate.toLowerCase(Locale.ROOT));
  }
}
