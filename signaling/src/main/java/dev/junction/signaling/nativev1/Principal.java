package dev.junction.signaling.nativev1;

/**
 * Who a client says it is, once its token (if any) has been verified.
 *
 * @param identity the unique identity it asks for (token {@code sub})
 * @param name the name people see, not unique; null when none was given (the identity is shown)
 * @param grants what it may do
 */
public record Principal(String identity, String name, Grants grants) {}
