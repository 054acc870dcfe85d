// Opening the camera and microphone, with every failure turned into a JunctionError a person
// can act on.

import { JunctionError, mediaError } from './errors.js';

/** getUserMedia(constraints); rejects with a JunctionError (camera-denied, insecure-context, …). */
export async function openCamera(constraints = { audio: true, video: true }) {
  if (!navigator.mediaDevices?.getUserMedia) {
    // Browsers hide mediaDevices on insecure pages: the most common first-day failure.
    throw new JunctionError('insecure-context',
      'This browser only allows the camera on https:// pages or on localhost. Open the page over HTTPS.');
  }
  try {
    return await navigator.mediaDevices.getUserMedia(constraints);
  } catch (err) {
    throw mediaError(err);
  }
}
