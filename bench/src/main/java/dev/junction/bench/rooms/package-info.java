/**
 * Room load on a signaling server: joins per second (new clients connecting and joining, or
 * connected clients leaving their room and joining it again) and room fan-out (one sender, the
 * rest of the room receiving), against Junction's native protocol v1 or AppRTC dialect, or the
 * Node.js {@code ws} rooms peer ({@code bench/peers/ws-relay/rooms.js}). Run by
 * {@code bench/run-rooms.sh}.
 */
package dev.junction.bench.rooms;
