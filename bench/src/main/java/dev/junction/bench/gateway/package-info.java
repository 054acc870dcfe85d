/**
 * The camera gateway benchmarks (bench/run-gateway-fanout.sh, bench/run-gateway-ttff.sh).
 *
 * <ul>
 *   <li>{@link dev.junction.bench.gateway.FanoutLoad}: many lightweight viewers of one camera on
 *       a few event loops (REST, ICE, DTLS, SRTP decrypt, NACK, consent; no decoding), added in
 *       steps; loss, delay and the gateway's CPU per viewer.
 *   <li>{@link dev.junction.bench.gateway.FirstFrame}: headless Chromium runs the XProtect flow on
 *       the gateway's own origin and times the answer PATCH to the first decoded frame.
 * </ul>
 */
package dev.junction.bench.gateway;
