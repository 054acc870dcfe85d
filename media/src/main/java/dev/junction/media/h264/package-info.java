/**
 * H.264 for a camera gateway: bytes in, values out, no I/O.
 *
 * <ul>
 *   <li>{@link dev.junction.media.h264.AnnexB} splits a byte stream into
 *       {@link dev.junction.media.h264.NalUnit}s (emulation prevention kept, as RTP carries it);
 *       {@link dev.junction.media.h264.AccessUnitSplitter} groups them into pictures.
 *   <li>{@link dev.junction.media.h264.Sps} reads profile, level and picture size;
 *       {@link dev.junction.media.h264.ProfileLevelId} and {@link dev.junction.media.h264.H264Fmtp}
 *       turn them into SDP.
 *   <li>{@link dev.junction.media.h264.ParameterSetNormaliser} puts SPS and PPS before every IDR.
 *   <li>{@link dev.junction.media.h264.H264Packetizer} and
 *       {@link dev.junction.media.h264.H264Depacketizer}: RFC 6184 packetization mode 1
 *       (single NAL unit, STAP-A, FU-A).
 * </ul>
 *
 * Parsers throw {@link dev.junction.media.h264.H264ParseException} and nothing else for any
 * input. The stream's pipeline, once per camera stream: Annex B or depacketizer → access units →
 * normaliser → packetizer → RTP packets that every viewer gets with only its header rewritten
 * ({@link dev.junction.media.rtp.RtpHeaderRewriter}).
 */
package dev.junction.media.h264;
