/**
 * Room load on a signaling server: joins per second (new clients connecting and joining, or
 * connected clients leaving their room and joining it again) and room fan-out (one sender, the
 * rest of the room receiving), against Junction's native protocol v1 or AppRTC dialect, or the
 * Node.js {@code ws} peers in {@code bench/peers/ws-relay}: {@code rooms.js} for the native
 * comparison, {@code apprtc.js} (the same AppRTC wire protocol) for the AppRTC one. Run by
 * {@code bench/run-rooms.sh}.
 */
package dev.junction.bench.rooms;
