// Errors of junction.js: one class with a stable code and a message for people, and the
// mapping of getUserMedia failures to it.

/** An error with a stable machine-readable code and a message meant for people. */
export class JunctionError extends Error {
  constructor(code, message, cause) {
    super(message, cause ? { cause } : undefined);
    this.name = 'JunctionError';
    this.code = code;
  }
}

/**
 * Maps a getUserMedia failure to something a person can act on. The DOMException names are
 * the ones the Media Capture spec defines; browsers use nothing else for these cases.
 */
export function mediaError(err) {
  switch (err?.name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return new JunctionError('camera-denied',
        'Camera and microphone access was denied. Allow it in the browser\'s site settings, then call again.', err);
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return new JunctionError('camera-missing', 'No camera or microphone was found on this device.', err);
    case 'NotReadableError':
    case 'TrackStartError':
      return new JunctionError('camera-busy',
        'The camera or microphone is in use by another application.', err);
    default:
      return new JunctionError('media-failed',
        `Could not open the camera or microphone: ${err?.message || err}`, err);
  }
}
