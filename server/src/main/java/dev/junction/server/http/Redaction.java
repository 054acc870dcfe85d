package dev.junction.server.http;

import java.util.Locale;
import java.util.Set;

/**
 * Takes secrets out of request URIs before they are logged. Tokens in query strings are common
 * in WebSocket and TURN clients (browsers cannot set headers on a WebSocket) and leak through
 * logs unless removed here.
 */
public final class Redaction {

  static final String REDACTED = "[redacted]";

  private static final Set<String> SECRET_PARAMETERS = Set.of(
      "token", "access_token", "id_token", "refresh_token", "jwt", "auth", "authorization",
      "key", "apikey", "api_key", "password", "passwd", "secret", "credential", "code");

  private Redaction() {}

  /** {@code uri} with the value of every secret-looking query parameter replaced by {@value #REDACTED}. */
  public static String redactUri(String uri) {
    int query = uri.indexOf('?');
    if (query < 0) {
      return uri;
    }
    StringBuilder out = new StringBuilder(uri.length()).append(uri, 0, query + 1);
    String[] pairs = uri.substring(query + 1).split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      if (i > 0) {
        out.append('&');
      }
      String pair = pairs[i];
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      if (equals >= 0 && isSecret(name)) {
        out.append(name).append('=').append(REDACTED);
      } else {
        out.append(pair);
      }
    }
    return out.toString();
  }

  private static boolean isSecret(String parameter) {
    String name = parameter.toLowerCase(Locale.ROOT);
    return SECRET_PARAMETERS.contains(name) || name.endsWith("token") || name.endsWith("secret")
        || name.endsWith("password");
  }
}
