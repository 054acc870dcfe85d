package dev.junction.server.config;

/**
 * The tutorial {@code login/offer/answer/candidate/leave} dialect (flaviocopes and tutorialspoint servers).
 *
 * @param enabled serve the dialect at all
 * @param path WebSocket path on the main port
 */
public record TutorialConfig(boolean enabled, String path) {}
