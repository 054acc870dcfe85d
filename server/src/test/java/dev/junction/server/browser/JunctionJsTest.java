package dev.junction.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The pure parts of {@code /js/junction.js}, run in Chromium without any peer: what each dialect
 * adapter sends and emits for the messages real clients and servers exchange (shapes from the
 * MDN sample client and the tutorial servers), the reconnect backoff, and the native protocol's
 * numbering of frames both ways.
 */
class JunctionJsTest {

  @RegisterExtension final BrowserHarness browsers = new BrowserHarness();

  private ChromeDriver browser;

  @BeforeEach
  void openPage() {
    browser = browsers.open("js");
    browser.get(browsers.baseUrl() + "/");
  }

  @Test
  void reconnectDelaysStartAtHalfASecondDoubleAndStopAtTenSecondsWithJitter() {
    List<?> ranges = (List<?>) run("""
        const out = [];
        for (let attempt = 0; attempt <= 8; attempt++) {
          let min = Infinity, max = 0;
          for (let i = 0; i < 500; i++) {
            const d = J.backoffDelay(attempt);
            min = Math.min(min, d);
            max = Math.max(max, d);
          }
          out.push([min, max]);
        }
        return out;
        """);
    long[] ceilings = {500, 1000, 2000, 4000, 8000, 10000, 10000, 10000, 10000};
    for (int attempt = 0; attempt < ceilings.length; attempt++) {
      List<?> range = (List<?>) ranges.get(attempt);
      long min = ((Number) range.get(0)).longValue();
      long max = ((Number) range.get(1)).longValue();
      long ceiling = ceilings[attempt];
      assertThat(min).as("attempt %d min", attempt).isGreaterThanOrEqualTo(ceiling / 2);
      assertThat(max).as("attempt %d max", attempt).isLessThanOrEqualTo(ceiling);
      assertThat(max - min).as("attempt %d is jittered", attempt).isGreaterThan(ceiling / 10);
    }
  }

  @Test
  void bothPeersDeriveOppositeRolesFromTheirNames() {
    assertThat(run("return [J.politeByName('alice', 'bob'), J.politeByName('bob', 'alice')];"))
        .isEqualTo(List.of(false, true));
  }

  @Test
  void mdnAdapterRegistersAndTranslatesWhatTheMdnClientSends() {
    Map<?, ?> result = (Map<?, ?>) run(FAKE_CONTEXT + """
        const d = J.mdnDialect;
        const ctx = fakeContext('alice', 'bob');
        d.onOpen(ctx);
        d.onMessage({type: 'id', id: 7}, ctx);
        d.onMessage({type: 'rejectusername', id: 7, name: 'alice1'}, ctx);
        d.onMessage({type: 'userlist', users: [null, 'alice1', 'bob']}, ctx);
        // Exactly as the MDN sample client sends them; its candidates carry no name.
        d.onMessage({name: 'bob', target: 'alice1', type: 'video-offer', sdp: {type: 'offer', sdp: 'v=0'}}, ctx);
        d.onMessage({type: 'new-ice-candidate', target: 'alice1',
                     candidate: {candidate: 'candidate:1 1 udp 1 10.0.0.1 9 typ host', sdpMid: '0', sdpMLineIndex: 0}}, ctx);
        d.onMessage({name: 'bob', target: 'alice1', type: 'hang-up'}, ctx);
        d.onMessage({type: 'message', name: 'bob', text: 'hi', date: 5, id: 9}, ctx);
        d.onMessage({type: 'error', code: 'sender-mismatch', text: 'not your name'}, ctx);
        d.signal('bob', {description: {type: 'answer', sdp: 'v=1'}}, ctx);
        d.signal('bob', {candidate: {candidate: 'c', sdpMid: '0', sdpMLineIndex: 0}}, ctx);
        d.hangup('bob', ctx);
        d.chat('hello', null, ctx);
        d.chat('psst', 'bob', ctx);
        return {sent: ctx.sent, events: ctx.events};
        """);

    assertThat(result.get("sent")).asList().containsExactly(
        Map.of("type", "username", "id", 7L, "name", "alice", "date", "<number>"),
        Map.of("type", "video-answer", "name", "alice1", "target", "bob", "sdp", Map.of("type", "answer", "sdp", "v=1")),
        Map.of("type", "new-ice-candidate", "name", "alice1", "target", "bob",
            "candidate", Map.of("candidate", "c", "sdpMid", "0", "sdpMLineIndex", 0L)),
        Map.of("type", "hang-up", "name", "alice1", "target", "bob"),
        Map.of("type", "message", "id", 7L, "text", "hello", "date", "<number>"),
        Map.of("type", "message", "id", 7L, "text", "psst", "date", "<number>", "target", "bob"));
    assertThat(result.get("events")).asList().containsExactly(
        List.of("renamed", Map.of("from", "alice", "to", "alice1")),
        List.of("welcome", Map.of("name", "alice1")),
        List.of("users", Map.of("users", List.of("alice1", "bob"))),
        List.of("signal", Map.of("from", "bob", "description", Map.of("type", "offer", "sdp", "v=0"))),
        List.of("signal", Map.of("from", "bob", "candidate",
            Map.of("candidate", "candidate:1 1 udp 1 10.0.0.1 9 typ host", "sdpMid", "0", "sdpMLineIndex", 0L))),
        List.of("hangup", Map.of("from", "bob")),
        List.of("chat", Map.of("from", "bob", "text", "hi", "date", 5L)),
        List.of("error", Map.of("code", "sender-mismatch", "message", "not your name")));
  }

  @Test
  void tutorialAdapterLogsInRenamesOnATakenNameAndTranslatesBothServerVariants() {
    Map<?, ?> result = (Map<?, ?>) run(FAKE_CONTEXT + """
        const d = J.tutorialDialect;
        const ctx = fakeContext('alice', 'bob');
        d.onOpen(ctx);
        d.onMessage({type: 'login', success: false}, ctx);
        d.onMessage({type: 'login', success: true}, ctx);
        d.onMessage({type: 'offer', offer: {type: 'offer', sdp: 'v=0'}, username: 'bob'}, ctx);
        d.onMessage({type: 'offer', offer: {type: 'offer', sdp: 'v=0'}, name: 'bob'}, ctx); // tutorialspoint
        d.onMessage({type: 'answer', answer: {type: 'answer', sdp: 'v=1'}}, ctx);
        d.onMessage({type: 'candidate', candidate: {candidate: 'c', sdpMid: '0', sdpMLineIndex: 0}}, ctx);
        d.onMessage({type: 'close'}, ctx);
        d.onMessage({type: 'leave'}, ctx);
        d.onMessage({type: 'error', message: 'Command not found: x'}, ctx);
        d.signal('bob', {description: {type: 'offer', sdp: 'v=2'}}, ctx);
        d.signal('bob', {candidate: {candidate: 'c', sdpMid: '0', sdpMLineIndex: 0}}, ctx);
        d.hangup('bob', ctx);
        return {sent: ctx.sent, events: ctx.events};
        """);

    assertThat(result.get("sent")).asList().containsExactly(
        Map.of("type", "login", "username", "alice"),
        Map.of("type", "login", "username", "alice2"),
        Map.of("type", "offer", "otherUsername", "bob", "offer", Map.of("type", "offer", "sdp", "v=2")),
        Map.of("type", "candidate", "otherUsername", "bob",
            "candidate", Map.of("candidate", "c", "sdpMid", "0", "sdpMLineIndex", 0L)),
        Map.of("type", "close", "otherUsername", "bob"));
    Map<String, Object> offer = Map.of("from", "bob", "description", Map.of("type", "offer", "sdp", "v=0"));
    assertThat(result.get("events")).asList().containsExactly(
        List.of("renamed", Map.of("from", "alice", "to", "alice2")),
        List.of("welcome", Map.of("name", "alice2")),
        List.of("signal", offer),
        List.of("signal", offer),
        List.of("signal", Map.of("from", "bob", "description", Map.of("type", "answer", "sdp", "v=1"))),
        List.of("signal", Map.of("from", "bob", "candidate", Map.of("candidate", "c", "sdpMid", "0", "sdpMLineIndex", 0L))),
        List.of("hangup", Map.of("from", "bob")),
        List.of("hangup", Map.of("from", "bob")),
        List.of("error", Map.of("code", "server-error", "message", "Command not found: x")));
  }

  /**
   * The native dialect's lobby, fed the frames the server sends: members become the user list
   * (this page first), the server's roles become each signal's `polite`, room messages become
   * chat and hang-ups, and a refused relay becomes a user-gone error. What it sends goes through
   * the session as numbered lobby frames; nobody is offered anything just for being there.
   */
  @Test
  void lobbyTurnsTheLobbyRoomIntoUsersSignalsChatAndHangUps() {
    Map<?, ?> result = (Map<?, ?>) run("""
        const events = [];
        const lobby = new J.Lobby({ server: location.origin, name: 'Alice', identity: 'alice-1', log: () => {} },
          // Dates of now and nulls are masked so that results compare exactly.
          (type, detail) => events.push([type, JSON.parse(JSON.stringify(detail, (k, v) => (k === 'date' || v === null ? undefined : v)))]));
        lobby._join({ identity: 'alice-1', name: 'Alice', lobby: 'hall', restarted: false });
        const frames = [
          { type: 'joined', room: 'hall', capacity: 1000,
            members: [{ identity: 'bob-2', name: 'Bob', state: 'active', role: 'polite' }], requestId: 'q1' },
          { type: 'peer-joined', room: 'hall', peer: { identity: 'carol-3', name: 'Carol' }, role: 'impolite' },
          { type: 'offer', room: 'hall', from: 'carol-3', to: 'alice-1', data: { type: 'offer', sdp: 'v=0' } },
          { type: 'candidate', room: 'hall', from: 'carol-3', to: 'alice-1', data: null },
          { type: 'message', room: 'hall', from: 'bob-2', data: { kind: 'chat', text: 'hi', sentAt: 5 } },
          { type: 'message', room: 'hall', from: 'carol-3', to: 'alice-1', data: { kind: 'hang-up' } },
          { type: 'message', room: 'other', from: 'bob-2', data: { kind: 'chat', text: 'not the lobby' } },
          { type: 'peer-left', room: 'hall', identity: 'bob-2', reason: 'left' },
          { type: 'error', code: 'peer-not-in-room', message: 'bob-2 is not in the room hall' },
        ];
        let polite;
        frames.forEach((frame, i) => {
          lobby._frame(frame);
          if (i === 1) polite = [lobby.isPolite('bob-2'), lobby.isPolite('carol-3')]; // both in the lobby now
        });
        lobby.signal('carol-3', { description: { type: 'answer', sdp: 'v=1' } });
        lobby.hangup('carol-3');
        lobby.chat('psst', 'carol-3');
        const sent = lobby.session._outbound.after(0).frames.map(({ seq, ...frame }) =>
          JSON.parse(JSON.stringify(frame, (k, v) => (k === 'sentAt' && typeof v === 'number' ? '<number>' : v))));
        return { events, sent, polite, name: lobby.nameOf('carol-3') };
        """);

    assertThat(result.get("polite")).as("our role toward bob (earlier) and carol (later)").isEqualTo(List.of(true, false));
    assertThat(result.get("name")).isEqualTo("Carol");
    assertThat(result.get("events")).asList().containsExactly(
        List.of("welcome", Map.of("name", "Alice", "id", "alice-1", "restarted", false)),
        List.of("users", Map.of("users", List.of("alice-1", "bob-2"))),
        List.of("users", Map.of("users", List.of("alice-1", "bob-2", "carol-3"))),
        List.of("signal", Map.of("from", "carol-3", "description", Map.of("type", "offer", "sdp", "v=0"), "polite", false)),
        List.of("chat", Map.of("from", "bob-2", "text", "hi")),
        List.of("hangup", Map.of("from", "carol-3")),
        List.of("users", Map.of("users", List.of("alice-1", "carol-3"))),
        List.of("error", Map.of("code", "user-gone",
            "message", "That person is not in the room any more. (bob-2 is not in the room hall)")),
        List.of("chat", Map.of("from", "alice-1", "text", "psst", "to", "carol-3")));
    assertThat(result.get("sent")).asList().containsExactly(
        Map.of("type", "join", "room", "hall", "id", "q1"),
        Map.of("type", "answer", "room", "hall", "to", "carol-3", "data", Map.of("type", "answer", "sdp", "v=1")),
        Map.of("type", "message", "room", "hall", "to", "carol-3", "data", Map.of("kind", "hang-up")),
        Map.of("type", "message", "room", "hall", "to", "carol-3",
            "data", Map.of("kind", "chat", "text", "psst", "sentAt", "<number>")));
  }

  @Test
  void serverFramesAreProcessedOnceInOrderAndAcknowledgedEvery32() {
    Map<?, ?> result = (Map<?, ?>) run("""
        const seq = new J.InboundSequence();
        const accepted = [1, 2, 3, 2, 3, 4, 6].map((n) => seq.accept(n));
        const beforeAck = { lastSeq: seq.lastSeq, unacked: seq.unacked, due: seq.ackDue };
        const acked = seq.acknowledge();
        for (let n = 7; n <= 37; n++) seq.accept(n);
        const at31 = seq.ackDue;
        seq.accept(38);
        const at32 = seq.ackDue;
        const faults = [seq.duplicates, seq.gaps];
        seq.reset();
        const counted = [seq.duplicates, seq.gaps];
        return { accepted, beforeAck, acked, at31, at32, faults, counted, afterReset: seq.accept(1) };
        """);
    assertThat(result.get("accepted")).as("repeats are dropped; a frame after a gap is kept")
        .isEqualTo(List.of(true, true, true, false, false, true, true));
    assertThat(result.get("beforeAck")).isEqualTo(Map.of("lastSeq", 6L, "unacked", 6L, "due", false));
    assertThat(result.get("acked")).isEqualTo(6L);
    assertThat(result.get("at31")).as("31 frames wait").isEqualTo(false);
    assertThat(result.get("at32")).as("32 frames wait: ack now").isEqualTo(true);
    assertThat(result.get("afterReset")).as("a new session numbers from 1").isEqualTo(true);
    assertThat(result.get("faults")).as("duplicates and gaps are counted").isEqualTo(List.of(2L, 1L));
    assertThat(result.get("counted")).as("and start from zero in a new session").isEqualTo(List.of(0L, 0L));
  }

  @Test
  void clientFramesAreNumberedAndWhatTheServerMissedIsSentAgainAfterAResume() {
    Map<?, ?> result = (Map<?, ?>) run("""
        const out = new J.OutboundLog(4);
        const numbered = ['a', 'b', 'c'].map((type) => out.add({ type }).seq);
        const afterOne = out.after(1);             // the server processed 1: send 2 and 3 again
        const afterThree = out.after(3);           // it had everything
        for (const type of ['d', 'e', 'f', 'g', 'h']) out.add({ type });   // 4..8, only 4 are kept
        const tooOld = out.after(3);               // 4 is gone: the resend cannot be complete
        const kept = out.after(5);
        return { numbered, afterOne, afterThree, tooOld, kept };
        """);
    assertThat(result.get("numbered")).isEqualTo(List.of(1L, 2L, 3L));
    assertThat(result.get("afterOne")).isEqualTo(Map.of("complete", true,
        "frames", List.of(Map.of("type", "b", "seq", 2L), Map.of("type", "c", "seq", 3L))));
    assertThat(result.get("afterThree")).isEqualTo(Map.of("complete", true, "frames", List.of()));
    assertThat(((Map<?, ?>) result.get("tooOld")).get("complete")).isEqualTo(false);
    assertThat(((List<?>) ((Map<?, ?>) result.get("kept")).get("frames")).stream().map(f -> ((Map<?, ?>) f).get("seq"))
        .toList()).as("frames 6 to 8 go again after the server confirmed 5").isEqualTo(List.of(6L, 7L, 8L));
  }

  @Test
  void mediaErrorsBecomeMessagesAPersonCanActOn() {
    assertThat(run("""
        return ['NotAllowedError', 'NotFoundError', 'NotReadableError', 'AbortError']
          .map((name) => J.mediaError(new DOMException('x', name)).code);
        """)).isEqualTo(List.of("camera-denied", "camera-missing", "camera-busy", "media-failed"));
  }

  /**
   * A dialect context that records what the adapter sends and emits. The client renames
   * itself on `renamed`, as JunctionClient does; current dates and nulls are masked so that
   * results compare exactly.
   */
  private static final String FAKE_CONTEXT = """
      const mask = (o) => JSON.parse(JSON.stringify(o, (k, v) => {
        if (k === 'date' && typeof v === 'number' && v > 1e12) return '<number>';
        return v === null ? undefined : v; // absent and null compare the same
      }));
      function fakeContext(name, peer) {
        const ctx = {
          name, session: {}, sent: [], events: [],
          send: (obj) => { ctx.sent.push(mask(obj)); return true; },
          emit: (type, detail) => {
            if (type === 'renamed') ctx.name = detail.to;
            ctx.events.push([type, mask(detail)]);
          },
          peer: () => peer,
        };
        return ctx;
      }
      """;

  private Object run(String body) {
    return BrowserHarness.runWithModule(browser, "/js/junction.js", body);
  }
}
