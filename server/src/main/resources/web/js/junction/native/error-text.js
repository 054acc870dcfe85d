// Messages for people for the native protocol's error codes and goodbyes (docs/API.md, "Errors
// and close codes"). The server's own words name the broken rule for developers; a person
// needs to know what happened and what to do, so both are kept: ours first, then the server's.

const TEXT = {
  'token-missing': 'This server only lets people in with an access token. Open the link your application gave you.',
  'token-invalid': 'The server refused the access token. Ask for a new link.',
  'token-expired': 'The access token has expired. Ask for a new link.',
  'identity-taken': 'Someone is already connected under this identity.',
  'bad-identity': 'The server refused this identity.',
  'bad-name': 'The server refused this name: use 1 to 64 characters.',
  'bad-room': 'That room name is not valid: use 1 to 64 letters, digits, "-" or "_".',
  'room-not-granted': 'Your access token does not let you into this room.',
  'room-full': 'This room is full.',
  'room-limit': 'The server has as many rooms as it may hold. Try again later.',
  'too-many-rooms': 'You are in as many rooms as the server allows at once.',
  'not-granted': 'Your access token does not allow this.',
  'not-in-room': 'You are not in this room (any more).',
  'peer-not-in-room': 'That person is not in the room any more.',
  'resume-failed': 'The connection was gone too long to pick up where it left off; starting a new session.',
  // Goodbyes: why the server ended this connection.
  kicked: 'An administrator removed you from the server.',
  replaced: 'You connected again from another tab or device, so this one was disconnected.',
  overflow: 'This page fell too far behind the server; starting a new session.',
};

/** A message for people for `code`, with the server's detail when it has one. */
export function errorText(code, serverMessage) {
  const text = TEXT[code];
  if (!text) return serverMessage || `The server reported an error (${code}).`;
  return serverMessage ? `${text} (${serverMessage})` : text;
}
