// What the calls recorded by xprotect-sample.js (window.__calls) show about the XProtect
// sample's race between the answer PATCH, the candidate POSTs and the candidate polling.
// Pure, so tests can check it on made-up records as well as read it from the page.

/**
 * What the recorded calls show about the race: how many candidate POSTs and GETs started
 * before the answer PATCH completed, and the pauses from the end of each GET that ended with
 * ICE new or checking to the start of the next GET. `answer` is null until the answer PATCH.
 */
export function callPattern(recorded) {
  const answer = recorded.find((c) => c.kind === 'answer') ?? null;
  const doneAt = answer?.endedAt ?? Infinity;
  const gets = recorded.filter((c) => c.kind === 'candidates-get');
  const pollPausesMs = [];
  for (let i = 1; i < gets.length; i++) {
    const previous = gets[i - 1];
    if (previous.endedAt !== null && ['new', 'checking'].includes(previous.iceStateAfter)) {
      pollPausesMs.push(gets[i].startedAt - previous.endedAt);
    }
  }
  return {
    answer,
    candidatePostsBeforeAnswerDone: recorded.filter((c) => c.kind === 'candidate-post' && c.startedAt < doneAt).length,
    candidateGetsBeforeAnswerDone: gets.filter((c) => c.startedAt < doneAt).length,
    pollPausesMs,
  };
}
