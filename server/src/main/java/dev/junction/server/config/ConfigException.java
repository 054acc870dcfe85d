package dev.junction.server.config;

/** A configuration that cannot be loaded: the message names the file, the setting and the broken rule. */
public final class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
