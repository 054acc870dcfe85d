#!/usr/bin/env bash
# Makes an H.264 Annex B elementary stream with ffmpeg (libx264): testsrc2 with the frame number
# and a running clock drawn on it, so a viewer sees at once whether frames advance and arrive.
#
# The defaults are the demo camera: 640x360, 25 fps, 10 s, Constrained Baseline (profile_idc 66
# with constraint_set0/1, SDP profile-level-id 42c01f, the same profile as 42e01f), level 3.1,
# one IDR every 50 frames with SPS/PPS before it, no B-frames, one slice per picture, about 1 MB.
#
#   tools/make-demo-clip.sh [options] OUTPUT.h264
#     --seconds N      length (default 10)
#     --size WxH       picture size (default 640x360; 360 is not a multiple of 16, so the SPS crops)
#     --fps N          frame rate (default 25)
#     --keyint N       frames from one IDR to the next (default 50)
#     --bitrate RATE   average bitrate for x264 (default 800k)
#     --profile P      baseline (default) or high; high uses 2 B-frames (pyramid off)
#     --slices N       slices per picture (default 1)
#     --aud            put an access unit delimiter before every picture
#
# Test fixtures in media/src/test/resources/h264/ were made with:
#   tools/make-demo-clip.sh --seconds 4 --bitrate 400k media/src/test/resources/h264/baseline-640x360-25fps.h264
#   tools/make-demo-clip.sh --seconds 2 --size 320x180 --profile high --slices 2 --aud --keyint 25 \
#       --bitrate 300k media/src/test/resources/h264/high-bframes-320x180.h264
set -euo pipefail

seconds=10 size=640x360 fps=25 keyint=50 bitrate=800k profile=baseline slices=1 aud=0 out=
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --fps) fps=$2; shift 2 ;;
    --keyint) keyint=$2; shift 2 ;;
    --bitrate) bitrate=$2; shift 2 ;;
    --profile) profile=$2; shift 2 ;;
    --slices) slices=$2; shift 2 ;;
    --aud) aud=1; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) out=$1; shift ;;
  esac
done
[[ -n "$out" ]] || { echo "usage: $0 [options] OUTPUT.h264 (--help)" >&2; exit 2; }
command -v ffmpeg >/dev/null || { echo "ffmpeg is missing: apt-get install -y ffmpeg" >&2; exit 1; }

case "$profile" in
  baseline) x264_profile=baseline; bframes=0 ;;
  high) x264_profile=high; bframes=2 ;;
  *) echo "--profile is baseline or high, not $profile" >&2; exit 2 ;;
esac

height=${size#*x}
fontsize=$(( height / 9 ))
font=$(fc-match -f '%{file}' 'DejaVu Sans Mono' 2>/dev/null || true)
filter="null"
if [[ -n "$font" && -f "$font" ]]; then
  # %{n}: frame number; %{pts\:hms}: time since the start. The box keeps it legible on testsrc2.
  filter="drawtext=fontfile=${font}:fontsize=${fontsize}:fontcolor=white:box=1:boxcolor=black@0.6:x=(w-tw)/2:y=h-th-${fontsize}/2:text='%{pts\:hms}  frame %{n}'"
else
  echo "no font found (fontconfig): the clip has testsrc2's pattern but no drawn clock" >&2
fi

# keyint=min-keyint and scenecut=0: IDRs exactly every --keyint frames. repeat-headers: SPS and
# PPS before every IDR, as cameras do. bframes=0 is implied by the baseline profile.
x264_params="keyint=${keyint}:min-keyint=${keyint}:scenecut=0:bframes=${bframes}:b-pyramid=none:slices=${slices}:aud=${aud}:repeat-headers=1"

ffmpeg -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc2=size=${size}:rate=${fps}:duration=${seconds}" \
  -vf "$filter" \
  -c:v libx264 -preset medium -profile:v "$x264_profile" -level:v 3.1 -pix_fmt yuv420p \
  -b:v "$bitrate" -maxrate "$bitrate" -bufsize "$bitrate" \
  -x264-params "$x264_params" \
  -f h264 "$out"

echo "$out: $(stat -c %s "$out") bytes, ${seconds} s of ${size} at ${fps} fps, ${profile}"
